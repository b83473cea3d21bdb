"""The study page's map: what it shows for a card, and taps that mark areas (kept out of the page script)."""

from __future__ import annotations

import streamlit as st

from app.callbacks.body_map import tap_tables
from app.setup import resources
from triggermap.answers import find_areas
from triggermap.mapstate import map_state, muscle_elements, pattern_classes, point_elements, selection_classes
from triggermap.picture import marks_of
from triggermap.quiz import Card
from triggermap.selection import apply_tap
from triggermap.studyview import MapPanel
from triggermap.vocab import Side


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


def panel_state(panel: MapPanel, card: Card, view_id: str, marked: list[tuple[str, str]],
                interactive: bool = False) -> dict:
    """The map state of one panel: the student's marks, the area asked, a pattern, or a pattern with its muscle."""
    data, ranker = resources()[:2]
    view = data.atlas.views[view_id]
    if panel.show == "marks":
        return map_state("pain" if interactive else "static", {"sel": selection_classes(marked)})
    if panel.show == "area":
        sides = {r: Side.MIDLINE if data.atlas.regions[r].midline else Side.RIGHT for r in card.area}
        return map_state("static", {"sel": selection_classes(sides.items())})
    pattern = pattern_classes(view, *ranker.pattern(*panel.muscles))
    if panel.show == "pattern":  # no muscle or × yet: they would give the answer away
        return map_state("static", pattern)
    return map_state("static", {**pattern, "fill": muscle_elements(view, panel.muscles, Side.RIGHT),
                                "on": point_elements(view, marks_of(data, view_id), panel.muscles, Side.RIGHT)})
