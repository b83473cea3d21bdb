"""The body map and everything a tap changes, in one fragment: a tap reruns (and resends) this part only.

`layout` draws the two columns and, outside the fragment, what a tap cannot change: the legend, the
red-flag question, the typed-text box, the finder's box and a muscle's other views. The fragment writes
the map and the picker, chosen areas and results into containers of those columns (Streamlit redraws a
fragment's writes to outside containers in place). The rest of the page (title, pickers, the red-flag
warning, the sidebar) is drawn by app/pages/body_map.py. All of that depends only on what `outside_key`
lists; when a callback inside the fragment changes any of it (a trigger point opens a muscle, a first area
asks the red-flag question), the whole page reruns instead.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from functools import partial
from typing import NamedTuple

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app.answers import after_matches, area_finder, area_finder_input, match_line, typed_text_notes
from app.callbacks.body_map import clear, on_muscle_pick, on_pick, on_tap, on_text, show_muscle
from app.cards import muscle_card
from app.components.body_map import body_map
from app.downloads import download_button
from app.errors import LOG, MESSAGE
from app.maps import map_state_for, muscle_downloads, other_views_of, small_multiples_block
from app.redflags import list_hidden, red_flag_question
from app.setup import resources
from app.state import large_print, stored, stored_shared, sync_url
from triggermap.answers import basis_note, your_areas
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
    return (state.mode, state.view, state.muscle, shared.side, tuple(shared.flags), asks_flags(state, shared),
            shared.flags_answered, bool(state.regions))


class Slots(NamedTuple):
    """Containers of the two columns that the fragment fills (results: only while the muscle list shows)."""

    map: DeltaGenerator
    picker: DeltaGenerator
    results: DeltaGenerator | None


def layout(state: BodyMapState, shared: Shared) -> None:
    """The map's column and the answers' column: what a tap cannot change here, the rest by the fragment."""
    data = resources()[0]
    left, right = st.columns([5, 4], gap="large")
    with left:
        if state.mode == "muscle" and state.muscle:
            st.markdown(f"**{ViewId.label_for(state.view)}**, {shared.side} side")
            elsewhere = data.point_views(state.muscle)
            if elsewhere and state.view not in elsewhere:  # zone here, muscle and × elsewhere (APL, infraspinatus)
                st.caption("Its trigger points (×) are on the " + " and ".join(ViewId.label_for(v) for v in elsewhere)
                           + " view, below.")
        map_slot = st.container(gap=None)  # the map alone: its own block would cost every tap ~130 bytes
        legend = LEGEND[state.mode] + (" · :violet[hatched]: needling caution zone (lung, major nerve or vessel)"
                                       if shared.audience == "clinician" else "")
        st.caption(f"{legend}. R and L are the patient's right and left. Zoom with + and − or pinch; drag to move.")
        if state.mode == "muscle" and state.muscle in data.muscles:
            _other_views(state.muscle, state.view, shared.side)
    with right:
        if state.mode == "muscle":
            slots = Slots(map_slot, st.container(), None)
        else:
            slots = _pain_column(state, shared, map_slot)
    # called from the page's main block, as before: a fragment's id (and so every message it draws, the cached
    # geometry too) depends on the block it is called from, which must not change with what this column shows
    panel(slots)


def _pain_column(state: BodyMapState, shared: Shared, map_slot: DeltaGenerator) -> Slots:
    """The answers' column in pain mode: question, text boxes and buttons here, the slots for the fragment."""
    data = resources()[0]
    ask = asks_flags(state, shared)
    if ask and not shared.flags and not shared.flags_answered:
        red_flag_question(data, shared)  # ordered by the areas chosen when it first shows
    st.text_input("…or type where it hurts, in your own words", key="pain_text", on_change=on_text,
                  placeholder="e.g. my left elbow and right wrist", max_chars=2 * MAX_TEXT)
    typed_text_notes()
    area_finder_input()
    picker_slot = st.container()
    if state.regions:
        _chosen_buttons(state)
    if ask and shared.flags:
        st.info("The muscle list is hidden: see the warning at the top of the page.")
    if not state.regions:
        st.info("Click the body or type a place to see which muscles may be involved.")
    shows_list = bool(state.regions) and not (ask and list_hidden(shared))
    return Slots(map_slot, picker_slot, st.container() if shows_list else None)


def _chosen_buttons(state: BodyMapState) -> None:
    """Clear and export: the downloads are built from the areas chosen when clicked, so taps leave them be."""
    # a wrapping row of content-wide buttons: fixed columns cut the labels on tablets and in large print
    with st.container(horizontal=True, wrap=True):
        st.button("Clear", icon=":material/close:", on_click=clear, width="content")
        download_button("Export CSV", partial(_export_now, state, "csv"), "pain_drawing.csv", "text/csv",
                        width="content", help="Your pain drawing with CHOIR Body Map codes")
        download_button("Export JSON", partial(_export_now, state, "json"), "pain_drawing.json", "application/json",
                        width="content")


def _other_views(muscle: str, view: str, side: str) -> None:
    """A muscle's other views that show its pattern, as smaller pictures in a row below the map."""
    data, ranker = resources()[:2]
    shown = other_views_of(data, ranker, muscle, view, side)
    for col, (vid, other_flip, other_state) in zip(st.columns(max(len(shown), 2)), shown, strict=False):
        with col:
            st.markdown(f"**{ViewId.label_for(vid)}**, {side} side")
            body_map(f"other_{vid}", vid, other_flip, other_state)


def region_key(key: tuple[str, str]) -> str:
    """Encode a (region, side) pair for the list picker."""
    return f"{key[0]}:{key[1]}"


def _region_name(labels: dict[str, str], code: str) -> str:
    """Readable name of an encoded (region, side) pair."""
    region, side = code.split(":")
    return labels[region] if side == "midline" else f"{labels[region]} ({side})"


def _export_now(state: BodyMapState, kind: str) -> str:
    """The pain drawing of the areas chosen at the click (the state object outlives the buttons' run)."""
    return _export(tuple(state.regions), kind)


@st.cache_data(max_entries=256, show_spinner=False)
def _export(regions: tuple[tuple[str, str], ...], kind: str) -> str:
    """The pain drawing as CSV or JSON (built when the download is clicked)."""
    rows = selection_rows(resources()[0], list(regions))
    return to_csv(rows) if kind == "csv" else to_json(rows)


@st.fragment
def panel(slots: Slots) -> None:
    """The map and the picker and results beside it; rerun alone when something inside it changes."""
    started, cpu = time.perf_counter(), time.thread_time()
    state, shared = stored(BodyMapState), stored_shared()
    if outside_key(state, shared) != st.session_state.get(OUTSIDE):
        st.rerun(scope="app")
    try:
        _draw(state, shared, slots)
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


def _draw(state: BodyMapState, shared: Shared, slots: Slots) -> None:
    """Map (left) and picker and results or the muscle card (right)."""
    data, ranker, labels = resources()
    audience, side = shared.audience, shared.side
    view = data.atlas.views[state.view]
    flip = view.single_side and side == "left"
    if state.mode == "muscle":
        muscle_ids = sorted(data.muscles, key=lambda m: str(data.muscles[m].name))
        with slots.picker:
            st.session_state.setdefault("muscle_pick", state.muscle if state.muscle in data.muscles else None)
            state.muscle = st.selectbox("Muscle", [None, *muscle_ids], key="muscle_pick", on_change=on_muscle_pick,
                                        format_func=lambda m: "Search muscles…" if m is None else data.muscles[m].name)
    map_state = map_state_for(data, ranker, state, side, audience == "clinician", shared.large_print)
    # the chosen view takes the whole column (a tablet showed it 110 px wide beside the others)
    body_map("body_map", state.view, flip, map_state, on_tap, block=slots.map)
    if state.mode == "pain":
        _pain(state, slots, audience)
        return
    with slots.picker:
        if state.muscle:
            st.button("Clear", icon=":material/close:", on_click=clear)
            muscle_card(data, ranker, labels, state.muscle, audience)
            muscle_downloads(state.muscle, side)
        else:
            st.info("Click a trigger point (×) or a muscle outline on the map, or search for a muscle.")


def _pain(state: BodyMapState, slots: Slots, audience: str) -> None:
    """The list picker and the chosen areas, and the muscles that fit them while the list shows."""
    data, ranker, labels = resources()
    name = partial(_region_name, labels)
    options = [region_key((r, s)) for r in sorted(labels, key=lambda r: labels[r])
               for s in (("midline",) if data.atlas.regions[r].midline else ("right", "left"))]
    with slots.picker:
        options = area_finder(options)
        st.session_state.region_pick = [region_key(k) for k in state.regions]
        st.multiselect("…or pick areas from a list", options, key="region_pick", on_change=on_pick,
                       format_func=name, placeholder="Start typing a body part",
                       max_selections=MAX_REGIONS, select_all=False)
        if state.regions:
            st.markdown("**Your areas:** " + your_areas(ranker, state.regions, lambda k: name(region_key(k))))
    if slots.results is not None:
        with slots.results:
            _results(state, audience)


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
        # one text and one button a row (each element costs ~110 bytes of framing on every tap), side by side
        # in large print the button goes below the text: beside it, it squeezed the text to 2-4 words a line on a phone
        with st.container(horizontal=True, vertical_alignment="center", wrap=large_print()):
            # as a caption was: smaller, but full size in large print, where "Why:" keeps it apart from the line above
            why = "*Why:* " + "; ".join(filter(None, [reason(m, labels, len(state.regions)),
                                                    basis_note(data, m.muscle_id)]))
            st.markdown(f"{match_line(m, data.muscles[m.muscle_id].name, audience)}  \n"
                        + (why if large_print() else f":small[{why}]"), width="stretch")
            st.button("Pattern", key=f"show_{m.muscle_id}_{m.side}", on_click=show_muscle,
                      args=(m.muscle_id, m.side))
    if audience != "clinician":
        st.caption("A list of possibilities to discuss with a clinician, not a diagnosis.")
    after_matches(matches, state.regions, audience)
    lead = matches[0].side if matches[0].side in ("right", "left") else "right"
    small_multiples_block(data, ranker, [m.muscle_id for m in matches[:4]],
                          "Patterns of the leading muscles", "leading_muscles", lead)
