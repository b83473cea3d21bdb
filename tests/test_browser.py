"""Real clicks in headless Chromium against `streamlit run explorer.py` on a free port (desktop mouse)."""

import pytest

from tests.helpers import centre, open_page, reveal, wait_for_map

pytestmark = pytest.mark.browser


def test_click_region_lists_muscles(page, app_url):
    open_page(page, f"{app_url}/?redflags=none")  # red flags already answered: the list shows at once
    wait_for_map(page)
    page.mouse.click(*centre(page, "#r-lateral_elbow-right"))
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    assert "Outer elbow (right)" in page.locator("p", has_text="Your areas:").first.inner_text()
    page.get_by_text("Supinator", exact=False).first.wait_for(timeout=30_000)
    # the address bar is written at the end of the run, maybe a moment after the list shows
    page.wait_for_function("location.search.includes('regions=lateral_elbow')", timeout=30_000)
    assert page.locator("#r-lateral_elbow-right").get_attribute("aria-pressed") == "true"


def test_click_trigger_point_shades_its_zones(page, app_url, data, ranker):
    tp = data.trigger_points["supinator_tp1"]
    open_page(page, f"{app_url}/?mode=muscle&view={tp.view}")
    wait_for_map(page)
    target = f"t-{tp.id}-right"
    reveal(page, target)  # forearm points sit close together: a numbered badge zooms in on them
    page.mouse.click(*centre(page, f"#{target}"))
    page.wait_for_function("location.search.includes('muscle=supinator')", timeout=30_000)
    wait_for_map(page)
    essential = ranker.pattern("supinator")[0]
    page.locator(f"#r-{essential[0]}-right.ess").first.wait_for(timeout=30_000)
    assert page.locator("h3").first.inner_text().strip() != ""


def test_shared_url_reproduces_the_screen(page, app_url):
    open_page(page, f"{app_url}/?view=posterior&regions=low_back:left,sacrum:midline&audience=student")
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    assert "Lower back (left)" in page.locator("p", has_text="Your areas:").first.inner_text()
    page.get_by_text("Muscles whose trigger points").wait_for(timeout=30_000)
    assert page.get_by_text("Quadratus lumborum").count() >= 1
    wait_for_map(page)
    assert "sel" in page.locator("#r-low_back-left").get_attribute("class").split()


def test_red_flag_gates_the_muscle_list(page, app_url):
    open_page(page, f"{app_url}/?regions=low_back:right&audience=patient")
    page.get_by_text("Before the list: do you have any of these?").wait_for(timeout=30_000)
    assert page.get_by_text("Muscles whose trigger points").count() == 0  # the question comes first
    page.locator("[data-testid=stMain] [data-testid=stCheckbox] label").first.click()
    page.get_by_text("See a doctor first").wait_for(timeout=30_000)
    page.get_by_text("We have hidden the muscle list").wait_for(timeout=30_000)
    page.get_by_role("button", name="I ticked one by mistake").click()
    page.get_by_role("button", name="None of these: show the list").click()
    page.get_by_text("Muscles whose trigger points").wait_for(timeout=30_000)
