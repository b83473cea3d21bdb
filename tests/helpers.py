"""Helpers shared by the browser tests: open a page and wait for Streamlit, never for a fixed time."""

from __future__ import annotations

from typing import Any

# Streamlit marks the app root with the script state and dims elements of the previous run with
# data-stale="true" (an opacity transition) until the new run replaces them; measuring before they are
# fully opaque again reads faded colours.
IDLE = "[data-testid=stApp][data-test-script-state=notRunning] [data-testid=stMain]"
NO_STALE = """[...document.querySelectorAll('[data-testid=stElementContainer]')].every(
    e => e.dataset.stale !== 'true' && getComputedStyle(e).opacity === '1')"""


def wait_for_app(page: Any, timeout: float = 60_000) -> None:
    """Wait until the script run is over and no element of the previous run is still shown."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(NO_STALE, timeout=timeout)


def open_page(page: Any, url: str, timeout: float = 60_000) -> None:
    """Go to a URL of the app and wait until its first run has finished."""
    page.goto(url)
    wait_for_app(page, timeout)
