"""Body map: click where it hurts, or explore a muscle's referral pattern."""

import streamlit as st

from app.answers import after_matches, area_finder, match_line, typed_text_notes
from app.callbacks.body_map import clear, on_muscle_pick, on_pick, on_tap, on_text, show_muscle
from app.cards import muscle_card
from app.components.body_map import body_map
from app.maps import map_state_for, muscle_downloads, other_views_of, small_multiples_block
from app.redflags import list_hidden, red_flag_question, red_flag_warning
from app.setup import page_setup
from app.state import bind
from triggermap.export import selection_rows, to_csv, to_json
from triggermap.language import MAX_TEXT
from triggermap.lookup import reason
from triggermap.selection import MAX_REGIONS
from triggermap.urlstate import BodyMapState
from triggermap.vocab import BODY_SIDES, ViewId

VIEW_NAMES = ViewId.labels()
SIDE_LABELS = {s.value: s.label for s in BODY_SIDES}

MODE_NAMES = {"pain": "Where does it hurt?", "muscle": "Explore a muscle"}
LEGEND = {"pain": ":blue-background[blue]: your painful areas",
          "muscle": ":orange-background[dark orange]: main (essential) pain zone · :orange[light orange, dotted]: "
                    "spillover zone · :green[green]: the muscle (dashed edge: deep muscle) · **×** trigger point; "
                    "a number groups trigger points close together (tap it to zoom in) · tap a muscle or × to "
                    "choose it"}

ctx = page_setup(BodyMapState)
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state


def region_key(key) -> str:
    """Encode a (region, side) pair for the list picker."""
    return f"{key[0]}:{key[1]}"


def region_name(code: str) -> str:
    """Readable name of an encoded (region, side) pair."""
    region, side = code.split(":")
    return labels[region] if side == "midline" else f"{labels[region]} ({side})"


st.title("Body map")
top = st.columns([3, 2, 2])
st.session_state.setdefault("mode_pick", state.mode)
st.session_state.setdefault("view_pick", state.view)
state.mode = top[0].radio("Mode", list(MODE_NAMES), key="mode_pick", format_func=MODE_NAMES.get, horizontal=True,
                          label_visibility="collapsed")
state.view = top[1].selectbox("View", list(VIEW_NAMES), key="view_pick", format_func=VIEW_NAMES.get)
top[2].radio("Side for typed places and the head view", list(SIDE_LABELS), horizontal=True,
             format_func=SIDE_LABELS.get, **bind("side_pick", ctx.shared, "side"))
view = data.atlas.views[state.view]
flip = view.single_side and ctx.shared.side == "left"

# Red flags first (patients): a ticked sign's warning goes above everything, where a tablet shows it at once.
ask_flags = audience == "patient" and bool(state.regions) and state.mode == "pain"
if ask_flags and ctx.shared.flags:
    red_flag_warning(data, ctx.shared)
left, right = st.columns([5, 4], gap="large")
if state.mode == "muscle":
    muscle_ids = sorted(data.muscles, key=lambda m: data.muscles[m].name)
    with right:
        st.session_state.setdefault("muscle_pick", state.muscle if state.muscle in data.muscles else None)
        state.muscle = st.selectbox("Muscle", [None, *muscle_ids], key="muscle_pick", on_change=on_muscle_pick,
                                    format_func=lambda m: "Search muscles…" if m is None else data.muscles[m].name)
side = ctx.shared.side
map_state = map_state_for(data, ranker, state, side, audience == "clinician", ctx.large_print)

with left:
    main, beside = (st.columns(2) if state.mode == "muscle" and state.muscle else (st.container(), None))
    with main:
        if beside is not None:
            st.markdown(f"**{VIEW_NAMES[state.view]}**, {side} side")
        body_map("body_map", state.view, flip, map_state, on_tap)
    legend = LEGEND[state.mode] + (" · :violet[hatched]: needling caution zone (lung, major nerve or vessel)"
                                   if audience == "clinician" else "")
    st.caption(f"{legend}. R and L are the patient's right and left. Zoom with + and − or pinch; drag to move.")
    if state.mode == "muscle" and state.muscle:
        shown = other_views_of(data, ranker, state.muscle, state.view, side)
        rest = st.columns(2) if len(shown) > 1 else []
        for i, (vid, other_flip, other_state) in enumerate(shown):
            # the first other view beside the main one (front and back side by side), the rest below
            with beside if i == 0 else rest[(i - 1) % 2]:
                st.markdown(f"**{VIEW_NAMES[vid]}**, {side} side")
                body_map(f"other_{vid}", vid, other_flip, other_state)

with right:
    if state.mode == "pain":
        if ask_flags and not ctx.shared.flags and not ctx.shared.flags_answered:
            red_flag_question(data, ctx.shared)
        st.text_input("…or type where it hurts, in your own words", key="pain_text", on_change=on_text,
                      placeholder="e.g. my left elbow and right wrist", max_chars=2 * MAX_TEXT)
        typed_text_notes()
        options = [region_key((r, s)) for r in sorted(labels, key=labels.get)
                   for s in (("midline",) if data.atlas.regions[r].midline else ("right", "left"))]
        options = area_finder(options)
        st.session_state.region_pick = [region_key(k) for k in state.regions]
        st.multiselect("…or pick areas from a list", options, key="region_pick", on_change=on_pick,
                       format_func=region_name, placeholder="Start typing a body part",
                       max_selections=MAX_REGIONS, select_all=False)
        if state.regions:
            st.markdown("**Your areas:** " + ", ".join(region_name(region_key(k)) for k in state.regions))
            rows = selection_rows(data, state.regions)
            # a wrapping row of content-wide buttons: fixed columns cut the labels on tablets and in large print
            with st.container(horizontal=True, wrap=True):
                st.button("Clear", icon=":material/close:", on_click=clear, width="content")
                st.download_button("Export CSV", to_csv(rows), "pain_drawing.csv", "text/csv", width="content",
                                   icon=":material/download:", help="Your pain drawing with CHOIR Body Map codes")
                st.download_button("Export JSON", to_json(rows), "pain_drawing.json", "application/json",
                                   icon=":material/download:", width="content")
        flagged = ask_flags and list_hidden(ctx.shared)
        if ask_flags and ctx.shared.flags:
            st.info("The muscle list is hidden: see the warning at the top of the page.")
        if state.regions and not flagged:
            matches = ranker.rank(state.regions, top=12)
            if not matches:
                st.info("No muscle in this app's data refers pain to these areas. Pain here may come from "
                        "joints, nerves or organs: ask a clinician.")
            else:
                st.markdown(f"**Muscles whose trigger points can refer pain to these areas** ({len(matches)} shown)")
            for m in matches:
                with st.container(horizontal=True, vertical_alignment="center"):  # the button wraps below
                    with st.container(width="stretch"):
                        st.markdown(match_line(m, data.muscles[m.muscle_id].name, audience))
                        st.caption(reason(m, labels, len(state.regions)))
                    st.button("Pattern", key=f"show_{m.muscle_id}_{m.side}", on_click=show_muscle,
                              args=(m.muscle_id, m.side))
            if matches and audience != "clinician":
                st.caption("A list of possibilities to discuss with a clinician, not a diagnosis.")
            if matches:
                after_matches(matches, state.regions, audience)
                lead = matches[0].side if matches[0].side in ("right", "left") else "right"
                small_multiples_block(data, ranker, [m.muscle_id for m in matches[:4]],
                                      "Patterns of the leading muscles", "leading_muscles", lead)
        elif not state.regions:
            st.info("Click the body or type a place to see which muscles may be involved.")
    elif state.muscle:
        st.button("Clear", icon=":material/close:", on_click=clear)
        muscle_card(data, ranker, labels, state.muscle, audience)
        muscle_downloads(state.muscle, side)
    else:
        st.info("Click a trigger point (×) or a muscle outline on the map, or search for a muscle.")

