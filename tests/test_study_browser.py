"""Study page in headless Chromium: answer a 'click the zone' card by clicking the map."""

import numpy as np
import pytest

from tests.test_browser import data_to_pixel
from triggermap.atlas import hit_grid
from triggermap.quiz import Bank, build_session

pytestmark = pytest.mark.browser


def grid_point(view, region):
    """The clickable grid point nearest the middle of a region on the patient's right (or midline)."""
    xs, ys, keys = hit_grid(view)
    idx = [i for i, k in enumerate(keys) if k[0] == region and k[1] in ("right", "midline")]
    mx, my = np.mean(xs[idx]), np.mean(ys[idx])
    best = min(idx, key=lambda i: (xs[i] - mx) ** 2 + (ys[i] - my) ** 2)
    return float(xs[best]), float(ys[best])


def wait_for_chart(page):
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_function("document.querySelector('.js-plotly-plot')?._fullLayout !== undefined", timeout=30_000)


def test_click_the_zone_by_clicking_the_map(page, app_url, data, ranker):
    # the page starts at seed 0, so the same deck can be built here
    card = build_session(Bank.from_data(data, ranker), "click_the_zone", None, "easy", seed=0).current
    view = data.atlas.views[card.view]
    # start at the root: on a fresh server a deep link to /study runs the page without explorer.py's navigation
    page.goto(app_url)
    wait_for_chart(page)
    page.locator("[data-testid=stSidebarNav] a", has_text="Study").click()
    page.get_by_text("Whose trigger points").wait_for(timeout=30_000)
    page.get_by_text("Click the zone", exact=True).click()
    page.get_by_text(f"Mark the main pain zone of {data.muscles[card.muscle].name}").wait_for(timeout=30_000)
    marked = []
    for region in card.answer:
        wait_for_chart(page)
        page.mouse.click(*data_to_pixel(page, *grid_point(view, region)))
        marked.append(region)
        text = "Marked: " + ", ".join(data.atlas.regions[r].label for r in sorted(marked))
        page.get_by_text(text, exact=True).wait_for(timeout=30_000)
    page.get_by_role("button", name="Check").click()
    page.get_by_text("Right!", exact=False).wait_for(timeout=30_000)
    assert "Overlap with the main zone: 100%" in page.get_by_text("Overlap with").inner_text()
    # the feedback map shades the main zone (vermillion fill)
    page.wait_for_function("""() => [...document.querySelectorAll('.js-plotly-plot .scatterlayer .trace')]
        .some(t => t.querySelector('path.js-fill') && getComputedStyle(t.querySelector('path.js-fill')).fill
              .includes('213, 94, 0'))""", timeout=30_000)
