"""Callbacks of the red-flag question: they get the shared state as an argument and change only it."""

from __future__ import annotations

import streamlit as st

from triggermap.urlstate import Shared


def tick(state: Shared, flag_id: str, key: str) -> None:
    """Add or remove one ticked warning sign."""
    state.flags = [f for f in state.flags if f != flag_id] + ([flag_id] if st.session_state[key] else [])
    state.flags_answered = True


def answer_none(state: Shared) -> None:
    """The patient has none of the signs: show the list."""
    state.flags, state.flags_answered = [], True


def ask_again(state: Shared) -> None:
    """Untick everything and ask the question again (a tick made by mistake)."""
    state.flags, state.flags_answered = [], False
