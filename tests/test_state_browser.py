"""What must survive page changes, reloads and odd addresses, checked in headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import UNFOLDED, open_page, wait_for_address, wait_for_app

pytestmark = pytest.mark.browser


def go(page, title: str) -> None:
    """Follow a sidebar link and wait for the page's run."""
    page.locator("[data-testid=stSidebarNav] a", has_text=title).click()
    page.wait_for_function(f"document.querySelector('h1')?.innerText.startsWith({title!r})", timeout=30_000)
    wait_for_app(page)


def test_audience_survives_links_and_reload(new_page, app_url):
    page = new_page()
    open_page(page, app_url)
    page.locator("[data-testid=stSidebar] label", has_text="Clinician").click()
    wait_for_address(page, "audience=clinician")
    wait_for_app(page)
    for title in ("Muscles", "Conditions", "Dry needling & IMS", "IMS segments", "Study", "Body map"):
        go(page, title)
        assert page.get_by_role("radio", name="Clinician").is_checked(), title
        assert "audience=clinician" in page.url, title
        assert page.get_by_test_id("stException").count() == 0, f"{title}: the run ended in an error"
    page.reload()
    wait_for_app(page)
    assert page.get_by_role("radio", name="Clinician").is_checked()
    assert page.get_by_text("needling caution zone").count() >= 1  # the clinician legend, not the patient's


def test_large_print_and_red_flags_come_back_from_the_link(new_page, app_url):
    page = new_page()
    open_page(page, f"{app_url}/?regions=low_back:right&print=large&redflags=cd_rf_saddle_numbness")
    page.get_by_text("See a doctor first").wait_for(timeout=30_000)
    assert page.get_by_role("switch", name="Large print").is_checked()
    go(page, "Muscles")
    assert "print=large" in page.url and "redflags=cd_rf_saddle_numbness" in page.url
    go(page, "Body map")
    page.get_by_text("See a doctor first").wait_for(timeout=30_000)


def test_study_progress_survives_leaving_and_returning(new_page, app_url):
    page = new_page()
    open_page(page, app_url)
    go(page, "Study")
    summary = page.locator("[data-testid=stExpander] summary", has_text="Deck:")
    summary.click()  # the settings are folded
    # Streamlit unfolds the panel over 500 ms; a click meanwhile pressed on 'Hard' and let go elsewhere as the content
    # slid, and the radio never saw it
    page.wait_for_function(UNFOLDED, arg=summary.element_handle(), timeout=30_000)
    page.get_by_role("radiogroup", name="Difficulty").get_by_text("Hard", exact=True).click()  # the label a person sees
    page.locator("[data-testid=stExpander] summary", has_text="· hard").wait_for(timeout=30_000)  # the run saw it
    wait_for_address(page, "level=hard")
    wait_for_app(page)
    seed = re.search(r"seed=(\d+)", page.url).group(1)
    page.get_by_role("radiogroup", name="Muscle", exact=True).locator("label").first.click()
    page.get_by_role("button", name="Check").click()
    page.get_by_role("button", name="Next question").wait_for(timeout=30_000)
    go(page, "Muscles")
    go(page, "Study")
    assert page.get_by_role("button", name="Next question").is_visible()  # the feedback is still there
    assert "Answered 1 · Right" in page.locator("[data-testid=stMain]").inner_text()
    assert f"seed={seed}" in page.url and "level=hard" in page.url


def test_red_flag_warning_in_the_first_tablet_screen(new_page, app_url):
    page = new_page(1024, 768, touch=True)
    open_page(page, f"{app_url}/?regions=low_back:right")
    question = page.get_by_text("Before the list: do you have any of these?")
    question.wait_for(timeout=30_000)
    page.locator("[data-testid=stCheckbox] label", has_text="saddle").tap()
    warning = page.locator("[data-testid=stAlertContentError]", has_text="See a doctor first")
    warning.wait_for(timeout=30_000)
    wait_for_app(page)
    top = warning.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    assert top < 768 - 100, f"warning starts at y={top:.0f}, below the first screen"
    assert page.get_by_text("Muscles whose trigger points").count() == 0
    assert "hidden the muscle list" in warning.inner_text()


def test_phone_red_flags_for_the_chest_come_first_and_the_warning_comes_into_view(new_page, app_url):
    page = new_page(390, 844, touch=True)
    open_page(page, f"{app_url}/?regions=upper_chest:left,anterior_arm:left&print=large")
    boxes = page.locator("[data-testid=stMain] [data-testid=stCheckbox] label")
    boxes.first.wait_for(timeout=30_000)
    assert boxes.first.inner_text().startswith("Chest pressure")  # the sign for these areas, asked first
    cardiac = boxes.filter(has_text="Chest pressure")
    cardiac.scroll_into_view_if_needed()
    cardiac.tap()
    warning = page.locator("[data-testid=stAlertContentError]", has_text="See a doctor first")
    warning.wait_for(timeout=30_000)
    wait_for_app(page)
    page.wait_for_function("""() => { const e = [...document.querySelectorAll('[data-testid=stAlertContentError]')]
        .find(x => x.innerText.includes('See a doctor first')); if (!e) return false;
        const r = e.getBoundingClientRect(); return r.top >= 48 && r.top < window.innerHeight - 80; }""",
                           timeout=30_000)  # scrolled to where the person is looking, not left above them


def test_unknown_path_says_not_found_without_streamlits_dialog(new_page, app_url):
    page = new_page()
    open_page(page, f"{app_url}/admin")
    page.locator("h1", has_text="Page not found").wait_for(timeout=30_000)
    assert page.url.split("?")[0].rstrip("/").endswith("/admin")  # the address the user typed stays
    assert page.get_by_test_id("stDialog").count() == 0
    links = page.locator("[data-testid=stMain] [data-testid=stPageLink] a")
    links.nth(5).wait_for(timeout=30_000)
    assert links.count() == 6
    links.filter(has_text="Muscles").click()
    page.locator("h1", has_text="Muscles").wait_for(timeout=30_000)


def test_the_default_pages_own_path_opens_the_body_map(new_page, app_url):
    # /body_map is the home page's own name (an old link, a typed address): it once crashed the app
    page = new_page()
    open_page(page, f"{app_url}/body_map?regions=lateral_elbow:right&audience=student")  # fails on any error
    main = page.locator("[data-testid=stMain]")
    expect(main.locator("p", has_text="Your areas:")).to_contain_text("Outer elbow (right)", timeout=30_000)
    assert page.locator("h1", has_text="Page not found").count() == 0


def test_junk_parameters_leave_the_address_bar(new_page, app_url):
    page = new_page()
    open_page(page, f"{app_url}/segments?root=L5&utm_source=mail&x=1")
    assert "utm_source" not in page.url and "x=1" not in page.url and "root=L5" in page.url
    assert "Muscles supplied by L5" in page.locator("[data-testid=stMain]").inner_text()


def test_back_returns_to_the_previous_page(new_page, app_url):
    # pages write their state to the address; that must not leave extra history entries for Back to walk
    page = new_page()
    open_page(page, f"{app_url}/?regions=lateral_elbow:right")
    for title in ("Study", "Conditions"):
        go(page, title)
    for title in ("Study", "Body map"):
        page.go_back()
        page.wait_for_function(f"document.querySelector('h1')?.innerText.startsWith({title!r})", timeout=30_000)
        wait_for_app(page)
    assert "regions=lateral_elbow" in page.url


def test_muscles_filters_and_segments_lookup_survive_pages_and_reload(new_page, app_url):
    page = new_page()
    open_page(page, f"{app_url}/muscles?audience=clinician")
    search = page.get_by_role("textbox", name="Search")
    search.fill("trap")
    search.press("Enter")
    wait_for_address(page, "search=trap")
    wait_for_app(page)
    page.get_by_test_id("stMultiSelect").filter(has_text="Depth").click()
    page.get_by_role("option", name="Superficial").click()
    wait_for_address(page, "depth=superficial")
    page.keyboard.press("Escape")
    wait_for_app(page)
    for step in ("away", "reload"):
        if step == "away":
            go(page, "Body map")
            go(page, "Muscles")
        else:
            page.reload()
            wait_for_app(page)
        assert page.get_by_role("textbox", name="Search").input_value() == "trap", step
        assert "Superficial" in page.get_by_test_id("stMultiSelect").filter(has_text="Depth").inner_text(), step
        assert "search=trap" in page.url and "depth=superficial" in page.url, step
        count = re.search(r"(\d+) of (\d+) muscles", page.locator("[data-testid=stMain]").inner_text())
        shown, total = map(int, count.groups())
        assert 0 < shown < total, step  # the filters apply, not only show

    go(page, "IMS segments")
    page.get_by_role("combobox", name="Look up a muscle's roots").click()
    page.keyboard.type("Brachialis")
    page.get_by_role("option", name="Brachialis", exact=True).click()
    wait_for_address(page, "muscle=brachialis")
    wait_for_app(page)
    for step in ("picked", "away", "reload"):
        if step == "away":
            go(page, "Muscles")
            go(page, "IMS segments")
        elif step == "reload":
            page.reload()
            wait_for_app(page)
        assert "Brachialis — roots:" in page.locator("[data-testid=stMain]").inner_text(), step
        assert "muscle=brachialis" in page.url, step
