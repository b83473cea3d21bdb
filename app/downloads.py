"""The app's one download button: every file the app offers goes through it."""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def download_button(label: str, data: Any, file_name: str, mime: str, *, where: DeltaGenerator | None = None,
                    **options: Any) -> None:
    """A download that does not rerun the app: a rerun started by the click clears Streamlit's outgoing queue,
    now and then with the reply carrying a file built on click, and the button then spins for ever."""
    (where or st).download_button(label, data, file_name, mime, on_click="ignore", icon=":material/download:",
                                  **options)
