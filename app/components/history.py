"""Browser history that follows pages, not every change of the address's query string (see history.js)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_HISTORY = st.components.v2.component("triggermap.history",
                                      js=(Path(__file__).resolve().parent / "history.js").read_text(encoding="utf-8"))


def page_history() -> None:
    """Mount the history patch (once per browser tab; later mounts do nothing)."""
    _HISTORY(key="page_history")
