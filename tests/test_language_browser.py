"""Typing a two-sided sentence in headless Chromium: both sides highlighted, each muscle listed once."""

import re

import pytest

from tests.helpers import open_page, wait_for_app

pytestmark = pytest.mark.browser

# x-extent of the filled 'select' trace (the highlighted areas) on the first map.
SELECT_EXTENT = """() => {
    const gd = document.querySelector('.js-plotly-plot');
    const t = gd && gd._fullData && gd._fullData.find(t => t.name === 'select');
    if (!t) return null;
    const xs = Array.from(t.x).filter(v => v !== null && !Number.isNaN(v));
    return [Math.min(...xs), Math.max(...xs)];
}"""


def test_two_sided_sentence_highlights_both_sides_and_lists_each_muscle_once(page, app_url):
    open_page(page, f"{app_url}/?audience=student&side=left")
    box = page.get_by_label(re.compile("type where it hurts"))
    box.fill("pain in both my temples")
    box.press("Enter")
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    wait_for_app(page)
    shown = page.locator("p", has_text="Your areas:").first.inner_text()
    assert "Temple (left)" in shown and "Temple (right)" in shown
    page.wait_for_function(f"({SELECT_EXTENT})() !== null", timeout=30_000)
    low, high = page.evaluate(SELECT_EXTENT)
    assert low < 50 < high, (low, high)  # both temples of the front view, either side of the midline
    lines = [t for t in page.locator("[data-testid=stMarkdownContainer] p").all_inner_texts() if " match: " in t]
    names = [line.split(" (both sides)")[0] for line in lines]
    assert names and len(names) == len(set(names))
    assert all("(both sides)" in line for line in lines)
