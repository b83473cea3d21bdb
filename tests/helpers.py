"""Helpers shared by the page tests: run a page in AppTest, open one in Chromium and wait, never for a fixed time."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]

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


def boot(page: str, params: Mapping[str, str] | None = None) -> AppTest:
    """Run a page script (path from the checkout root) in AppTest with the given query parameters."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def edit_cell(path: Path, row_index: int, column: str, value: str) -> None:
    """Rewrite one cell of a CSV file (row_index counts data rows from 0)."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols, rows = reader.fieldnames, list(reader)
    rows[row_index][column] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols)
        writer.writeheader()
        writer.writerows(rows)
