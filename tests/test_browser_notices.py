"""Hostile link values on every page, in Chromium: the notice shows them as inert code, never a link or an emoji."""

import pytest
from playwright.sync_api import Page, expect

from tests.test_browser import app_url, browser, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
PAGES = ["/", "/muscles", "/conditions", "/needling", "/segments", "/study"]
# Each link carries one value Streamlit's markdown would turn into a live link and one it would turn into an emoji.
LINKS = {"view-link": "view=www.evil.example&regions=:rotating_light:",
         "regions-link": "view=:rotating_light:&regions=www.evil.example"}
SIREN = "\U0001f6a8"  # what :rotating_light: renders to


@pytest.fixture(scope="module")
def app(app_url, browser):  # noqa: F811
    """The server after one visit to the root: a fresh server's first deep link skips st.navigation."""
    pg = browser.new_page()
    pg.goto(app_url)
    pg.get_by_text("Education, not diagnosis").first.wait_for(timeout=60_000)
    pg.close()
    return app_url


def notice(page: Page, key: str):  # noqa: F811
    """The toast about one ignored link parameter."""
    return page.get_by_test_id("stToast").filter(has_text=f"Ignored unknown {key}")


@pytest.mark.parametrize("link", sorted(LINKS))
@pytest.mark.parametrize("path", PAGES)
def test_hostile_link_values_are_shown_inert(page, app, path, link):  # noqa: F811
    page.goto(f"{app}{path}?{LINKS[link]}")
    view, region = notice(page, "view"), notice(page, "region")
    expect(view).to_be_visible(timeout=60_000)
    expect(region).to_be_visible(timeout=30_000)
    value = {"view-link": ("www.evil.example", ":rotating_light:"),
             "regions-link": (":rotating_light:", "www.evil.example")}[link]
    expect(view.locator("code")).to_have_text(value[0])
    expect(region.locator("code")).to_have_text(value[1])
    assert page.locator("a[href*='evil.example']").count() == 0, "a notice made a live link"
    assert SIREN not in page.locator("body").inner_text(), "a notice rendered an emoji shortcode"
