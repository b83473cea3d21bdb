"""Typing a two-sided sentence in headless Chromium: both sides highlighted, each muscle listed once."""

import re

import pytest

from tests.helpers import open_page, wait_for_app

pytestmark = pytest.mark.browser

def test_two_sided_sentence_highlights_both_sides_and_lists_each_muscle_once(page, app_url):
    open_page(page, f"{app_url}/?audience=student&side=left")
    box = page.get_by_label(re.compile("type where it hurts"))
    box.fill("pain in both my temples")
    box.press("Enter")
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    wait_for_app(page)
    shown = page.locator("p", has_text="Your areas:").first.inner_text()
    assert "Temple (left)" in shown and "Temple (right)" in shown
    for side in ("left", "right"):  # both temples drawn selected on the map, either side of the midline
        page.locator(f"#r-temple-{side}.sel").first.wait_for(timeout=30_000)
    left, right = (page.locator(f"#r-temple-{s}").first.bounding_box() for s in ("left", "right"))
    assert right["x"] < left["x"]  # front view: the patient's right is on the viewer's left
    lines = [t for t in page.locator("[data-testid=stMarkdownContainer] p").all_inner_texts() if " match: " in t]
    names = [line.split(" (both sides)")[0] for line in lines]
    assert names and len(names) == len(set(names))
    assert all("(both sides)" in line for line in lines)
