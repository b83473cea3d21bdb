"""Callbacks of the body map page.

They live in an imported module, not in the page script, because Streamlit keeps the metadata
(callback included) of every widget a session has shown: a callback defined in the page would
pin that run's whole namespace, figure and all, for the life of the session.
"""

from __future__ import annotations

import streamlit as st

from app.answers import read_typed_text
from app.setup import resources
from triggermap.selection import UrlState, apply_event


def _state() -> UrlState:
    return st.session_state.url_state


def show_muscle(muscle_id: str) -> None:
    """Switch to muscle mode on one muscle (also moves the mode and muscle pickers)."""
    state = _state()
    state.muscle, state.mode = muscle_id, "muscle"
    st.session_state.muscle_pick, st.session_state.mode_pick = muscle_id, "muscle"


def on_click() -> None:
    """Fold a chart click into the state, then reset the chart so the next click registers."""
    data = resources()[0]
    state = _state()
    event = st.session_state.get(st.session_state.chart_key)
    state.regions, point, muscle = apply_event(state.regions, event, st.session_state.hit_table,
                                               st.session_state.point_ids, st.session_state.outline_muscles)
    if point:
        show_muscle(data.trigger_points[point].muscle_id)
    elif muscle:
        show_muscle(muscle)
    st.session_state.click_round += 1


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
