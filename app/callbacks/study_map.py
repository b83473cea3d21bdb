"""The study page's map: what it shows for a card, and taps that mark areas (kept out of the page script)."""

from __future__ import annotations

import streamlit as st

from app.callbacks.body_map import tap_tables
from app.setup import resources
from triggermap.answers import find_areas
from triggermap.mapstate import map_state, muscle_elements, pattern_classes, point_elements, selection_classes
from triggermap.picture import marks_of
from triggermap.selection import apply_tap


def on_study_tap(event: dict) -> None:
    """Mark or unmark the tapped area for a 'click the zone' card."""
    regions, points = tap_tables()
    ss = st.session_state
    ss.study_regions = apply_tap(ss.get("study_regions", []), event, set(regions), points, ()).regions


def on_study_text(shown: list[tuple[str, str]]) -> None:
    """Mark the areas named in the typed answer (same reading as the body map's text box) on this view."""
    ss = st.session_state
    found = [p for p in find_areas(resources()[0].lexicon, ss.get("study_text", "")) if p in set(shown)]
    ss.study_text_missed = bool(ss.get("study_text", "").strip()) and not found
    ss.study_regions = list(dict.fromkeys([*ss.get("study_regions", []), *found]))
    ss.study_text = ""


def study_state(card, feedback, view_id: str, marked: list[tuple[str, str]]) -> dict:
    """The map for a card: the student's marks, the pattern to name, the area asked, or the answer."""
    data, ranker = resources()[:2]
    view = data.atlas.views[view_id]
    pattern = pattern_classes(view, *ranker.pattern(card.muscle))
    if card.kind == "click_the_zone":
        if feedback is None:
            return map_state("pain", {"sel": selection_classes(marked)})
        extra = [(r, s) for r, s in marked if r not in card.answer]  # marks outside the main zone stay blue
        return map_state("static", {**pattern, "sel": selection_classes(extra),
                                    "fill": muscle_elements(view, [card.muscle], "right")})
    if card.kind == "which_muscles":
        sides = {r: "midline" if data.atlas.regions[r].midline else "right" for r in card.area}
        asked = {"sel": selection_classes(sides.items())}
        if feedback is None:
            return map_state("static", asked)
        right = list(card.answer)  # after the answer: the right muscles' patterns, shapes and ×, the area on top
        return map_state("static", {**pattern_classes(view, *ranker.pattern(*right)), **asked,
                                    "fill": muscle_elements(view, right, "right"),
                                    "on": point_elements(view, marks_of(data, view_id), right, "right")})
    if feedback is None:  # no muscle or × yet: they would give the answer away
        return map_state("static", pattern)
    return map_state("static", {**pattern, "fill": muscle_elements(view, [card.muscle], "right"),
                                "on": point_elements(view, marks_of(data, view_id), [card.muscle], "right")})
