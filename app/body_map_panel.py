"""The body map and everything a tap changes, in one fragment: a tap reruns this part of the page only.

The rest of the page (title, mode, view and side pickers, the red-flag warning, the sidebar) is drawn by
app/pages/body_map.py and depends only on what `outside_key` lists; when a callback inside the fragment
changes any of that (a trigger point opens a muscle, a first area asks the red-flag question), the whole
page reruns instead.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from functools import partial

import streamlit as st

from app.answers import after_matches, area_finder, match_line, typed_text_notes
from app.callbacks.body_map import clear, on_muscle_pick, on_pick, on_tap, on_text, show_muscle
from app.cards import muscle_card
from app.components.body_map import body_map
from app.errors import LOG, MESSAGE
from app.maps import map_state_for, muscle_downloads, other_views_of, small_multiples_block
from app.redflags import list_hidden, red_flag_question
from app.setup import resources
from app.state import stored, stored_shared, sync_url
from triggermap.export import selection_rows, to_csv, to_json
from triggermap.language import MAX_TEXT
from triggermap.lookup import reason
from triggermap.selection import MAX_REGIONS
from triggermap.urlstate import BodyMapState, Shared
from triggermap.vocab import ViewId

OUTSIDE = "body_map_outside"  # session key: what the page outside the fragment was last drawn from
LEGEND = {"pain": ":blue-background[blue]: your painful areas",
          "muscle": ":orange-background[dark orange]: main (essential) pain zone · :orange[light orange, dotted]: "
                    "spillover zone · :green[green]: the muscle (dashed edge: deep muscle) · **×** trigger point; "
                    "a number groups trigger points close together (tap it to zoom in) · tap a muscle or × to "
                    "choose it"}


def asks_flags(state: BodyMapState, shared: Shared) -> bool:
    """Whether patients are asked about red flags before the muscle list (areas chosen, in pain mode)."""
    return shared.audience == "patient" and bool(state.regions) and state.mode == "pain"


def outside_key(state: BodyMapState, shared: Shared) -> tuple:
    """Everything the page outside the fragment shows: when a callback changes it, the whole page reruns."""
    return (state.mode, state.view, state.muscle, shared.side, tuple(shared.flags), asks_flags(state, shared))


def region_key(key: tuple[str, str]) -> str:
    """Encode a (region, side) pair for the list picker."""
    return f"{key[0]}:{key[1]}"


def _region_name(labels: dict[str, str], code: str) -> str:
    """Readable name of an encoded (region, side) pair."""
    region, side = code.split(":")
    return labels[region] if side == "midline" else f"{labels[region]} ({side})"


@st.cache_data(max_entries=256, show_spinner=False)
def _export(regions: tuple[tuple[str, str], ...], kind: str) -> str:
    """The pain drawing as CSV or JSON (built when the download is clicked)."""
    rows = selection_rows(resources()[0], list(regions))
    return to_csv(rows) if kind == "csv" else to_json(rows)


@st.fragment
def panel() -> None:
    """The map beside the picker and the results; rerun alone when something inside it changes."""
    started, cpu = time.perf_counter(), time.thread_time()
    state, shared = stored(BodyMapState), stored_shared()
    if outside_key(state, shared) != st.session_state.get(OUTSIDE):
        st.rerun(scope="app")
    try:
        _draw(state, shared)
    except Exception as exc:  # as app/errors.py does for a page: a fragment run does not pass through it
        error_id = uuid.uuid4().hex[:8]
        LOG.error("body map fragment failed, error id %s", error_id, exc_info=exc)
        st.error(MESSAGE.format(error_id=error_id), icon=":material/error:")
    sync_url()  # a fragment run skips explorer.py, which writes the address bar after full runs
    if os.environ.get("TRIGGERMAP_TIMING") and _fragment_run():
        # as explorer.py does, with the script thread's own CPU time (steady on a busy machine)
        sys.stderr.write(f"rerun_ms={1000 * (time.perf_counter() - started):.1f} "
                         f"cpu_ms={1000 * (time.thread_time() - cpu):.1f}\n")


def _fragment_run() -> bool:
    """Whether this run reruns only the fragment (explorer.py, which logs full runs, did not run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def _draw(state: BodyMapState, shared: Shared) -> None:
    """Map (left) and picker, red-flag question and results or the muscle card (right)."""
    data, ranker, labels = resources()
    audience, side = shared.audience, shared.side
    view = data.atlas.views[state.view]
    flip = view.single_side and side == "left"
    left, right = st.columns([5, 4], gap="large")
    if state.mode == "muscle":
        muscle_ids = sorted(data.muscles, key=lambda m: str(data.muscles[m].name))
        with right:
            st.session_state.setdefault("muscle_pick", state.muscle if state.muscle in data.muscles else None)
            state.muscle = st.selectbox("Muscle", [None, *muscle_ids], key="muscle_pick", on_change=on_muscle_pick,
                                        format_func=lambda m: "Search muscles…" if m is None else data.muscles[m].name)
    map_state = map_state_for(data, ranker, state, side, audience == "clinician", shared.large_print)
    with left:
        _maps(state, side, flip, map_state, audience)
    with right:
        if state.mode == "pain":
            _pain(state, shared)
        elif state.muscle:
            st.button("Clear", icon=":material/close:", on_click=clear)
            muscle_card(data, ranker, labels, state.muscle, audience)
            muscle_downloads(state.muscle, side)
        else:
            st.info("Click a trigger point (×) or a muscle outline on the map, or search for a muscle.")


def _maps(state: BodyMapState, side: str, flip: bool, map_state: dict, audience: str) -> None:
    """The tappable map, its legend and, for a muscle, the other views that show its pattern."""
    data, ranker = resources()[:2]
    muscle = state.muscle if state.mode == "muscle" else None
    if muscle:
        st.markdown(f"**{ViewId.label_for(state.view)}**, {side} side")
    # the chosen view takes the whole column (a tablet showed it 110 px wide beside the others), no extra block
    body_map("body_map", state.view, flip, map_state, on_tap)
    legend = LEGEND[state.mode] + (" · :violet[hatched]: needling caution zone (lung, major nerve or vessel)"
                                   if audience == "clinician" else "")
    st.caption(f"{legend}. R and L are the patient's right and left. Zoom with + and − or pinch; drag to move.")
    if muscle:
        shown = other_views_of(data, ranker, muscle, state.view, side)
        # the other views as smaller pictures in a row below, as a chart shows them
        for col, (vid, other_flip, other_state) in zip(st.columns(max(len(shown), 2)), shown, strict=False):
            with col:
                st.markdown(f"**{ViewId.label_for(vid)}**, {side} side")
                body_map(f"other_{vid}", vid, other_flip, other_state)


def _pain(state: BodyMapState, shared: Shared) -> None:
    """Red-flag question, typed places, the list picker, the chosen areas and the muscles that fit them."""
    data, ranker, labels = resources()
    audience = shared.audience
    name = partial(_region_name, labels)
    ask = asks_flags(state, shared)
    if ask and not shared.flags and not shared.flags_answered:
        red_flag_question(data, shared)
    st.text_input("…or type where it hurts, in your own words", key="pain_text", on_change=on_text,
                  placeholder="e.g. my left elbow and right wrist", max_chars=2 * MAX_TEXT)
    typed_text_notes()
    options = [region_key((r, s)) for r in sorted(labels, key=lambda r: labels[r])
               for s in (("midline",) if data.atlas.regions[r].midline else ("right", "left"))]
    options = area_finder(options)
    st.session_state.region_pick = [region_key(k) for k in state.regions]
    st.multiselect("…or pick areas from a list", options, key="region_pick", on_change=on_pick,
                   format_func=name, placeholder="Start typing a body part",
                   max_selections=MAX_REGIONS, select_all=False)
    if state.regions:
        st.markdown("**Your areas:** " + ", ".join(name(region_key(k)) for k in state.regions))
        chosen = tuple(state.regions)
        # a wrapping row of content-wide buttons: fixed columns cut the labels on tablets and in large print
        with st.container(horizontal=True, wrap=True):
            st.button("Clear", icon=":material/close:", on_click=clear, width="content")
            st.download_button("Export CSV", partial(_export, chosen, "csv"), "pain_drawing.csv", "text/csv",
                               width="content", icon=":material/download:",
                               help="Your pain drawing with CHOIR Body Map codes")
            st.download_button("Export JSON", partial(_export, chosen, "json"), "pain_drawing.json",
                               "application/json", icon=":material/download:", width="content")
    flagged = ask and list_hidden(shared)
    if ask and shared.flags:
        st.info("The muscle list is hidden: see the warning at the top of the page.")
    if state.regions and not flagged:
        _results(state, audience)
    elif not state.regions:
        st.info("Click the body or type a place to see which muscles may be involved.")


def _results(state: BodyMapState, audience: str) -> None:
    """The ranked muscles with why each is listed, what next, and their patterns side by side."""
    data, ranker, labels = resources()
    matches = ranker.rank(state.regions, top=12)
    if not matches:
        st.info("No muscle in this app's data refers pain to these areas. Pain here may come from "
                "joints, nerves or organs: ask a clinician.")
        return
    st.markdown(f"**Muscles whose trigger points can refer pain to these areas** ({len(matches)} shown)")
    for m in matches:
        with st.container(horizontal=True, vertical_alignment="center"):  # the button wraps below
            with st.container(width="stretch"):
                st.markdown(match_line(m, data.muscles[m.muscle_id].name, audience))
                st.caption(reason(m, labels, len(state.regions)))
            st.button("Pattern", key=f"show_{m.muscle_id}_{m.side}", on_click=show_muscle,
                      args=(m.muscle_id, m.side))
    if audience != "clinician":
        st.caption("A list of possibilities to discuss with a clinician, not a diagnosis.")
    after_matches(matches, state.regions, audience)
    lead = matches[0].side if matches[0].side in ("right", "left") else "right"
    small_multiples_block(data, ranker, [m.muscle_id for m in matches[:4]],
                          "Patterns of the leading muscles", "leading_muscles", lead)
