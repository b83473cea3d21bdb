"""Callbacks of the body map page.

They live in an imported module, not in the page script, because Streamlit keeps the metadata
(callback included) of every widget a session has shown: a callback defined in the page would
pin that run's whole namespace for the life of the session.
"""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from app.answers import read_typed_text
from app.setup import resources
from app.state import stored, stored_shared
from triggermap.picture import pattern_view
from triggermap.selection import apply_tap
from triggermap.urlstate import BodyMapState


def _state() -> BodyMapState:
    return stored(BodyMapState)


@lru_cache(maxsize=1)
def tap_tables() -> tuple[frozenset, dict[str, str]]:
    """Every (region, side) a map can report, and each trigger point's muscle."""
    data = resources()[0]
    keys = set()
    for view in data.atlas.views.values():
        for shape in view.regions:
            keys.add((shape.id, shape.side))
            if view.single_side and shape.side != "midline":  # the mirrored drawing reports the other side
                keys.add((shape.id, "left" if shape.side == "right" else "right"))
    return frozenset(keys), {tp.id: tp.muscle_id for tp in data.trigger_points.values()}


def show_muscle(muscle_id: str, side: str | None = None) -> None:
    """Switch to muscle mode on one muscle, on its best view and the chosen side (moves the pickers too)."""
    data, ranker = resources()[:2]
    state, shared = _state(), stored_shared()
    state.muscle, state.mode = muscle_id, "muscle"
    state.view = pattern_view(data, ranker, [muscle_id])
    if side in ("right", "left"):
        shared.side = side
    st.session_state.muscle_pick, st.session_state.mode_pick = muscle_id, "muscle"
    st.session_state.view_pick, st.session_state.side_pick = state.view, shared.side


def on_tap(event: dict) -> None:
    """Fold a tap, click or key press on the map into the state."""
    data = resources()[0]
    state = _state()
    regions, points = tap_tables()
    tap = apply_tap(state.regions, event, set(regions), points, data.muscles)
    state.regions = tap.regions
    if tap.muscle:
        show_muscle(tap.muscle, tap.side)


def on_muscle_pick() -> None:
    """A muscle picked from the search box opens on its best view."""
    muscle = st.session_state.muscle_pick
    if muscle:
        show_muscle(muscle)
    else:
        _state().muscle = None


def on_text() -> None:
    """Add the places named in the text box (app/answers.py reads it with the pain-language module)."""
    read_typed_text()


def on_pick() -> None:
    """Take the selection from the list picker (the keyboard route to the map)."""
    _state().regions = [(region, side) for region, _, side in (c.partition(":") for c in st.session_state.region_pick)]


def clear() -> None:
    """Forget the selected areas and muscle."""
    state = _state()
    state.regions, state.muscle = [], None
    st.session_state.muscle_pick = None
    st.session_state.nerve_words, st.session_state.named_conditions = [], []
