"""Body-map answers in the person's words: notes on typed text, the area finder, plain bands and what next.

Callbacks live here, in an imported module, for the reason given in app/callbacks/body_map.py.
"""

from __future__ import annotations

import streamlit as st

from app.setup import resources
from app.state import page_state, stored, stored_shared
from triggermap.answers import add_places, band, conditions_for, find_areas, next_steps, view_for
from triggermap.language import MAX_TEXT
from triggermap.lookup import Match
from triggermap.selection import MAX_REGIONS
from triggermap.urlstate import BodyMapState, ConditionsState

SIDE_TEXT = {"both": " (both sides)", "either": "", "left": " (left)", "right": " (right)"}


def read_typed_text() -> None:
    """Add the places named in the text box: sides from the text, the Side control only where none is named."""
    if not st.session_state.pain_text.strip():  # the box emptied by hand: nothing to read, nothing to say
        return
    data, state, shared = resources()[0], stored(BodyMapState), stored_shared()
    reading = data.lexicon.read(st.session_state.pain_text, default_side=shared.side)
    state.regions, skipped = add_places(state.regions, reading.selection)
    if reading.found:  # show what was typed: a view that draws it, the side it names on the head view
        state.view = st.session_state.view_pick = view_for(data.atlas, [r for r, _ in reading.selection], state.view)
        sides = {s for _, s in reading.selection} - {"midline"}
        if data.atlas.views[state.view].single_side and len(sides) == 1:
            shared.side = st.session_state.side_pick = sides.pop()
    st.session_state.text_reading = (reading, skipped)
    st.session_state.nerve_words = list(dict.fromkeys([*st.session_state.get("nerve_words", []),
                                                       *reading.nerve_symptoms]))
    st.session_state.named_conditions = list(reading.conditions)
    if reading.found:  # done with it; text that matched nothing stays, to be corrected rather than retyped
        st.session_state.pain_text = ""


def typed_text_notes() -> None:
    """Say what happened to the last typed text: nothing found, cut, over the cap, nerve symptoms."""
    last = st.session_state.pop("text_reading", None)
    if not last:
        return
    reading, skipped = last
    if not reading.found:
        # Typed words are never echoed back (a shared screen, and no markup from input): only say how many.
        unknown = (f" {len(reading.unmatched)} word(s) were not recognised (misspelt, or not English?)."
                   if reading.unmatched else "")
        st.warning(f"No body part matched what you typed.{unknown} Try everyday words such as 'outer elbow', "
                   "'left heel' or 'between the shoulder blades', or pick from the list below.")
    guessed = sorted({p.side for p in reading.places if p.side_from == "default"})
    if guessed:  # chest or arm pain is often on the left: never pick a side silently
        st.info(f"No side was named, so the {guessed[0]} side was used. Type 'left', 'right' or 'both', or "
                "change 'Side for typed places' above.", icon=":material/swap_horiz:")
    if reading.too_long:
        st.warning(f"Only the first {MAX_TEXT} characters were read. Shorten the text to add the rest.")
    if skipped:
        st.warning(f"{skipped} typed area(s) were not added: at most {MAX_REGIONS} areas can be chosen.")
    if reading.nerve_symptoms:
        st.info(f"You mentioned {', '.join(reading.nerve_symptoms)}. A muscle referral map does not explain "
                "numbness, tingling, weakness or burning: see the IMS segments page and check the red flags.")


def _add_found() -> None:
    """Add every area the finder found, up to the cap."""
    data, state = resources()[0], stored(BodyMapState)
    state.regions, st.session_state.finder_skipped = add_places(
        state.regions, find_areas(data.lexicon, st.session_state.area_find))


def area_finder_input() -> None:
    """The search box of the list picker (drawn outside the map's fragment: a tap does not change it)."""
    st.text_input("Find areas for the list", key="area_find", max_chars=100,
                  placeholder="e.g. outside thigh, knee, sciatica")


def area_finder(options: list[str]) -> list[str]:
    """The options the list picker shows for the finder's search (the same words as the text box)."""
    data, state = resources()[0], stored(BodyMapState)
    query = st.session_state.get("area_find") or ""
    if not query.strip():
        return options
    found = find_areas(data.lexicon, query)
    if not found:
        st.caption("No area matches that search.")
        return [o for o in options if tuple(o.split(":")) in state.regions]
    room = max(MAX_REGIONS - len(state.regions), 0)
    fresh = [p for p in found if p not in state.regions]
    st.button(f"Add all {min(len(fresh), room)} matches" + (f" (room for {room})" if len(fresh) > room else ""),
              on_click=_add_found, disabled=not fresh or not room, key="add_found")
    if st.session_state.pop("finder_skipped", 0):
        st.warning(f"At most {MAX_REGIONS} areas can be chosen; the rest were not added.")
    keep = {f"{r}:{s}" for r, s in [*found, *state.regions]}
    return [o for o in options if o in keep]


def match_line(match: Match, name: str, audience: str) -> str:
    """One answer: the muscle, its side and a plain band (the score too for students and clinicians)."""
    score = "" if audience == "patient" else f" — score {match.score:.0f}"
    return f"**{name}**{SIDE_TEXT.get(match.side, '')}{score}  \n{band(match)}"


def after_matches(matches: list[Match], selection: list[tuple[str, str]], audience: str) -> None:
    """Conditions that fit these areas (each a button to its page) and a short 'what next'."""
    data = resources()[0]
    named = st.session_state.get("named_conditions", [])
    fitting = conditions_for(data, selection, named, matches)
    if fitting:
        st.markdown("**Conditions that fit these areas**")
        for cid in fitting:
            if st.button(data.conditions[cid].name, key=f"cond_{cid}", icon=":material/arrow_forward:"):
                page_state(ConditionsState, data, current=False).condition = cid
                st.switch_page("app/pages/conditions.py")
    with st.expander("What next", expanded=audience == "patient", icon=":material/directions:"):
        flags = stored_shared()
        cleared = flags.flags_answered and not flags.flags  # answered "None of these"
        steps = next_steps(st.session_state.get("nerve_words", []), audience, cleared)
        st.markdown("\n".join(f"- {step}" for step in steps))

