"""Callbacks of the Muscles page: table row or list pick opens a muscle; 'Show on the body map'."""

from __future__ import annotations

import streamlit as st

from triggermap.urlstate import BodyMapState, MusclesState


def on_table_pick(state: MusclesState, rows: list[str]) -> None:
    """A row clicked in the table opens that muscle (only on a new click, so the list below can override it)."""
    picked = st.session_state.muscle_table.selection.rows
    if picked and picked[0] < len(rows):
        state.muscle = rows[picked[0]]


def on_list_pick(state: MusclesState) -> None:
    """The list below the table: the keyboard and screen-reader route to a muscle (the table is a canvas)."""
    if st.session_state.muscle_open:
        state.muscle = st.session_state.muscle_open


def show_on_map(body_map: BodyMapState, muscle_id: str) -> None:
    """Open the body map in muscle mode on this muscle."""
    body_map.mode, body_map.muscle = "muscle", muscle_id
    st.session_state.muscle_pick, st.session_state.mode_pick = muscle_id, "muscle"
