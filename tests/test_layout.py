"""Every page at phone, tablet, laptop and desktop widths, with and without large print: nothing overflows
sideways and no label or button is cut short."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import open_page, resize

pytestmark = pytest.mark.browser

WIDTHS = {390: 844, 768: 1024, 1024: 768, 1400: 1000}
PAGES = {
    "body_map": "/?regions=lateral_elbow:right,dorsal_wrist:right&redflags=none",
    "body_map_muscle": "/?mode=muscle&muscle=sternocleidomastoid&view=head_neck&audience=clinician",
    "muscles": "/muscles?muscle=sternocleidomastoid&audience=clinician",
    "muscles_patient": "/muscles?audience=patient",  # the table's columns differ by audience
    "conditions": "/conditions?condition=tennis_elbow",
    "needling": "/needling?audience=clinician",
    "segments": "/segments?root=L5&audience=clinician",
    "study": "/study?seed=1",
}
# Text elements and buttons; what sits inside an intentionally scrolling container (the data grid, the map, the
# comparison table) is left out, as are elements Streamlit hides offscreen for screen readers.
OVERFLOW = """() => {
  const scrolling = '[data-testid=stDataFrame], [data-testid=stTable], .tmap';
  const texts = 'button, button *, label, label *, h1, h2, h3, h4, p, li, a, [data-testid=stMetricValue], '
              + '[data-testid=stMetricLabel], [data-testid=stCaptionContainer], [data-baseweb=select] div, '
              + '[data-testid=stTab] *, [data-testid=stPageLink] *, [data-testid=stMultiSelect] span';
  const bad = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) bad.push(`page ${root.scrollWidth}px wide in ${root.clientWidth}px`);
  for (const el of document.querySelectorAll(texts)) {
    if (el.closest(scrolling) || el.closest('[data-testid=stSidebar][aria-expanded=false]')) continue;
    const box = el.getBoundingClientRect();
    // skip empty decorations and the 1-px, offscreen "skip to content" link Streamlit keeps for screen readers
    if (box.width <= 2 || box.height <= 2 || box.right <= 0 || !(el.innerText || '').trim()
        || getComputedStyle(el).visibility === 'hidden') continue;
    const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
    const outside = box.right > root.clientWidth + 1 && !el.closest('[role=tablist]');  // tabs scroll
    if (cut || outside) {
      bad.push(`${el.tagName.toLowerCase()} "${(el.innerText || '').trim().slice(0, 40)}" `
               + `${el.scrollWidth}>${el.clientWidth}, right ${Math.round(box.right)}`);
    }
  }
  return [...new Set(bad)];
}"""


GRID_FITS = """() => { const s = document.querySelector('[data-testid=stDataFrame] .dvn-scroller');
  return s ? [s.scrollWidth, s.clientWidth] : null; }"""
TABLET = 1024  # from this width on, the muscles table shows every column without scrolling sideways
TABLES = {"muscles", "muscles_patient"}  # the pages that draw it


def _url(app_url: str, path: str, large: bool) -> str:
    """The page's link, in large print when asked."""
    return (app_url + path + ("&" if "?" in path else "?") + ("print=large" if large else "")).rstrip("?&")


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_overflows_or_is_cut(page: Any, app_url: str, name: str, large: bool) -> None:
    """Loaded once, then resized through the widths (a resized page lays out as a fresh load at that width); from a
    tablet's width on, the muscles table shows every column."""
    open_page(page, _url(app_url, PAGES[name], large))
    page.locator("h1").first.wait_for(timeout=30_000)
    if name in TABLES:
        page.wait_for_function(f"({GRID_FITS})() !== null", timeout=30_000)
    problems = []
    for width, height in WIDTHS.items():
        resize(page, width, height)
        problems += [f"{width}px: {p}" for p in page.evaluate(OVERFLOW)[:8]]
        grid = page.evaluate(GRID_FITS) if name in TABLES else None
        if grid and width >= TABLET and grid[0] > grid[1] + 1:
            problems.append(f"{width}px: the table is {grid[0]}px wide in {grid[1]}px: a column is off-screen")
    assert not problems, f"{name}: " + "; ".join(problems)



MAP = ".tmap"  # the body map component (the first map on the page)


def test_large_print_never_shrinks_the_map(page: Any, app_url: str) -> None:
    widths: dict[bool, list[float]] = {}
    for large in (False, True):
        open_page(page, _url(app_url, "/?redflags=none", large))
        page.locator(MAP).first.wait_for(timeout=30_000)
        widths[large] = []
        for width, height in WIDTHS.items():
            resize(page, width, height)
            widths[large].append(page.locator(MAP).first.bounding_box()["width"])
    shrunk = [f"{w}px: {a:.0f} -> {b:.0f}" for w, a, b in zip(WIDTHS, widths[False], widths[True], strict=True)
              if b < a]
    assert not shrunk, "map narrower in large print: " + ", ".join(shrunk)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_result_rows_leave_the_text_room_on_a_phone(new_page: Any, app_url: str, large: bool) -> None:
    """In large print a row's Pattern button sits below its text (beside it, it squeezed the text to a few words a
    line); at normal size it stays beside the text."""
    page = new_page(390, 844, touch=True)
    open_page(page, f"{app_url}/?redflags=none&regions=lateral_elbow:right" + ("&print=large" if large else ""))
    pattern = page.get_by_role("button", name="Pattern", exact=True).first
    row = pattern.locator("xpath=ancestor::div[@data-testid='stHorizontalBlock'][1]")  # its text and itself
    row.scroll_into_view_if_needed()
    text = row.locator("[data-testid=stMarkdownContainer]").first.bounding_box()
    button = pattern.bounding_box()
    below = button["x"] < text["x"] + 10 and button["y"] > text["y"] + text["height"] / 2  # a line of its own
    beside = button["x"] >= text["x"] + text["width"] - 1
    assert (below, beside) == (large, not large), (text, button)
    assert text["width"] > (300 if large else 200), text
