"""Real clicks in headless Chromium against `streamlit run explorer.py` on a free port."""

import pytest

pytestmark = pytest.mark.browser


def data_to_pixel(page, x, y):
    """Screen position of a data point on the first plotly chart."""
    return page.evaluate("""([x, y]) => {
        const gd = document.querySelector('.js-plotly-plot');
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, r = gd.getBoundingClientRect();
        return [r.left + xa._offset + xa.l2p(x), r.top + ya._offset + ya.l2p(y)];
    }""", [x, y])


def open_map(page, url):
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_function("document.querySelector('.js-plotly-plot')._fullLayout !== undefined")


def test_click_region_lists_muscles(page, app_url):
    open_map(page, app_url)
    page.mouse.click(*data_to_pixel(page, 20.6, 122.0))  # patient's right outer elbow, front view
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    assert "Outer elbow (right)" in page.locator("p", has_text="Your areas:").first.inner_text()
    page.get_by_text("Supinator", exact=False).first.wait_for(timeout=30_000)
    assert "regions=lateral_elbow" in page.url


def test_click_trigger_point_shades_its_zones(page, app_url, data):
    tp = data.trigger_points["supinator_tp1"]
    open_map(page, f"{app_url}/?mode=muscle&view={tp.view}")
    page.mouse.click(*data_to_pixel(page, tp.x, tp.y))
    page.wait_for_function("location.search.includes('muscle=')", timeout=30_000)
    page.wait_for_function("""() => [...document.querySelectorAll('.js-plotly-plot .scatterlayer .trace')]
        .some(t => t.querySelector('path.js-fill') && getComputedStyle(t.querySelector('path.js-fill')).fill
              .includes('213, 94, 0'))""", timeout=30_000)
    assert page.locator("h3").first.inner_text().strip() != ""


def test_shared_url_reproduces_the_screen(page, app_url):
    open_map(page, f"{app_url}/?view=posterior&regions=low_back:left,sacrum:midline&audience=student")
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    assert "Lower back (left)" in page.locator("p", has_text="Your areas:").first.inner_text()
    page.get_by_text("Muscles whose trigger points").wait_for(timeout=30_000)
    assert page.get_by_text("Quadratus lumborum").count() >= 1


def test_red_flag_gates_the_muscle_list(page, app_url):
    open_map(page, f"{app_url}/?regions=low_back:right&audience=patient")
    page.get_by_text("Muscles whose trigger points").wait_for(timeout=30_000)
    page.get_by_text("Check first: signs that need a doctor").click()
    page.locator("[data-testid=stExpander] [data-testid=stCheckbox] label").first.click()
    page.get_by_text("See a doctor first").wait_for(timeout=30_000)
    page.get_by_text("Muscles whose trigger points").wait_for(state="detached", timeout=30_000)
