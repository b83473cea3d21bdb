"""Helpers shared by the page tests: run a page in AppTest, open one in Chromium and wait, never for a fixed time."""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import subprocess
import unittest.mock
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from triggermap import cli
from triggermap.data import Dataset, load_dataset

ROOT = Path(__file__).resolve().parents[1]

# Streamlit marks the app root with the script state and dims elements of the previous run with
# data-stale="true" (an opacity transition) until the new run replaces them; measuring before they are
# fully opaque again, while any fade is still running on a busy machine, or while a loading placeholder
# (stSkeleton, a translucent grey block) still overlays the page, reads faded colours. Layout wrappers
# (rows, bordered boxes) fade as well.
IDLE = "[data-testid=stApp][data-test-script-state=notRunning] [data-testid=stMain]"
NO_STALE = """[...document.querySelectorAll(
    '[data-testid=stElementContainer], [data-testid=stLayoutWrapper], [data-stale]')].every(
    e => e.dataset.stale !== 'true' && getComputedStyle(e).opacity === '1')
    && document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')
    && !document.querySelector('[data-testid=stSkeleton]')"""


# Every page draws the app's CSS with st.html, which the browser applies a moment after the run ends;
# colours measured before it lands are Streamlit's defaults.
STYLED = "[...document.querySelectorAll('style')].some(s => s.textContent.includes('triggermap-base-css'))"


def wait_for_app(page: Any, timeout: float = 60_000) -> None:
    """Wait until the script run is over, no element of the previous run is still shown and the CSS is in."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(NO_STALE, timeout=timeout)
    page.wait_for_function(STYLED, timeout=timeout)
    crash = page.get_by_test_id("stException")  # an uncaught error in the run: every browser test fails on it
    assert crash.count() == 0, f"{page.url}: the run ended in an error: {crash.first.inner_text()[:300]}"


def wait_for_address(page: Any, part: str, timeout: float = 30_000) -> None:
    """Wait until the address bar holds a text. The app writes it with the history API (replaceState), which
    Playwright's wait_for_url does not always see as a navigation, so read the location itself."""
    page.wait_for_function("p => decodeURIComponent(location.href).includes(p)", arg=part, timeout=timeout)


# An expander's summary whose panel is open and done animating: a click while it unfolds can slip off its target.
UNFOLDED = "s => s.parentElement.open && !s.parentElement.getAnimations().length"


def open_page(page: Any, url: str, timeout: float = 60_000) -> None:
    """Go to a URL of the app and wait until its first run has finished."""
    page.goto(url)
    wait_for_app(page, timeout)


# The page's layout (sidebar state, main block and first headings, paragraphs and buttons) is the same for three
# frames in a row: whatever a resize sets off (the sidebar folding away, wrapped columns, redrawn charts) is over.
SETTLED = """() => { const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  const now = JSON.stringify([sidebar && sidebar.getAttribute('aria-expanded'), document.documentElement.scrollWidth,
    [...document.querySelectorAll('[data-testid=stSidebar], [data-testid=stMainBlockContainer], h1, h2, p, button')]
      .slice(0, 60).map(box)]);
  if (window.__layout !== now) { window.__layout = now; window.__sameFrames = 0; } else { window.__sameFrames += 1; }
  return window.__sameFrames >= 3; }"""


def resize(page: Any, width: int, height: int, timeout: float = 30_000) -> None:
    """Give the tab another viewport and wait until the page has laid itself out again (same as a fresh load there)."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(f"document.documentElement.clientWidth === {width}", timeout=timeout)
    page.wait_for_function(SETTLED, polling="raf", timeout=timeout)
    page.wait_for_function(NO_STALE, timeout=timeout)


def open_context(browser: Any, app_url: str, **options: Any) -> Any:
    """A browser context with one idle tab on the app's server, kept open so new tabs start in a warm renderer."""
    # With --process-per-site (see conftest), every tab of the app joins this tab's renderer process instead of
    # starting a new one and compiling Streamlit's 3 MB of scripts again: about half of Chromium's CPU per load.
    context = browser.new_context(**options)
    context.new_page().goto(f"{app_url}/_stcore/health")
    return context


def wait_for_map(page: Any, timeout: float = 60_000) -> None:
    """Wait for the app's run to end and for the body map's drawing to have its state applied."""
    page.locator(".tmap svg").first.wait_for(timeout=timeout)
    wait_for_app(page, timeout)


def centre(page: Any, selector: str) -> tuple[float, float]:
    """Screen centre of an element of the map (Playwright's CSS reaches into the map's shadow root)."""
    box = page.locator(selector).first.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def reveal(page: Any, el_id: str, tap: bool = False) -> None:
    """Zoom into the groups holding a trigger point (its numbered badge) until the point shows on its own."""
    for _ in range(4):
        if "hid" not in (page.locator(f"#{el_id}").get_attribute("class") or "").split():
            return
        badge = f'.cl[data-ids~="{el_id}"]'
        page.locator(badge).wait_for(timeout=10_000)
        page.locator(badge).scroll_into_view_if_needed()
        before = page.locator(badge).get_attribute("transform")
        if tap:
            page.touchscreen.tap(*centre(page, badge))
        else:
            page.mouse.click(*centre(page, badge))
        # the map zoomed: the group is redrawn elsewhere, split, or gone
        page.wait_for_function("""([sel, t]) => ![...document.querySelectorAll('*')].map(e => e.shadowRoot)
            .filter(Boolean).some(r => { const b = r.querySelector(sel); return b && b.getAttribute('transform') === t;
            })""", arg=[badge, before], timeout=10_000)
    raise AssertionError(f"{el_id} is still grouped after four zooms")
def boot(page: str, params: Mapping[str, str] | None = None) -> AppTest:
    """Run a page script (path from the checkout root) in AppTest with the given query parameters."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


@functools.cache
def _shipped_data() -> Dataset:
    """The shipped data, loaded once for all in-process CLI runs (tests never change it; the runs that load a
    changed copy start a real process)."""
    return load_dataset()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI run in this process: exit code, stdout and stderr as a user sees them, without starting Python
    again for each call (the tests that need a real process, for terminals, pipes and the data path, start one)."""
    out, err = io.StringIO(), io.StringIO()
    with (contextlib.redirect_stdout(out), contextlib.redirect_stderr(err),
          unittest.mock.patch.object(cli, "load_dataset", _shipped_data)):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse rejects bad arguments this way
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(["triggermap", *args], code, out.getvalue(), err.getvalue())


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
