"""Scroll the element that follows into view when it first appears (see into_view.js)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_INTO_VIEW = st.components.v2.component(
    "triggermap.into_view", js=(Path(__file__).resolve().parent / "into_view.js").read_text(encoding="utf-8"))


def into_view(key: str, message_id: str) -> None:
    """Scroll here once per new message_id (the same id on later reruns does nothing)."""
    _INTO_VIEW(key=key, data={"key": key, "id": message_id})
