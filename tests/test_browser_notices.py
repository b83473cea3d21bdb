"""Hostile link values on every page, in Chromium: the notice shows them as inert code, never a link or an emoji."""

import re
from urllib.parse import quote

import pytest

from tests.helpers import open_context

pytestmark = pytest.mark.browser
PAGES = ["/", "/muscles", "/conditions", "/needling", "/segments", "/study"]
# Each link carries one value Streamlit's markdown would turn into a live link and one it would turn into an emoji,
# in two parameters the page reads: the body map's own, or the shared ones every page reads (a page drops another
# page's parameters without a word, so nothing of them is echoed).
KEYS = {"/": (("view", "view"), ("regions", "region")), "/muscles": (("depth", "depth"), ("refers", "refers")),
        "/segments": (("muscle", "muscle"), ("root", "root"))}
SHARED_KEYS = (("side", "side"), ("audience", "audience"))
LINKS = {"view-link": ("www.evil.example", ":rotating_light:"),
         "regions-link": (":rotating_light:", "www.evil.example")}
SIREN = "\U0001f6a8"  # what :rotating_light: renders to
# Toasts vanish after 4 s, sooner than a loaded machine may take to look: record each one's HTML as it appears.
RECORD_TOASTS = """
window.__toasts = [];
const slots = new Map();  // toast element -> its index; its HTML is refreshed until it is removed
new MutationObserver(() => document.querySelectorAll('[data-testid=stToast]').forEach(t => {
    if (!slots.has(t)) { slots.set(t, window.__toasts.length); window.__toasts.push(''); }
    window.__toasts[slots.get(t)] = t.innerHTML;
})).observe(document, {childList: true, subtree: true, characterData: true});
"""


@pytest.fixture(scope="module")
def toast_context(browser, app_url):
    """A context whose tabs record every toast (browser and app_url come from conftest)."""
    context = open_context(browser, app_url, viewport={"width": 1400, "height": 1000})
    context.add_init_script(RECORD_TOASTS)
    yield context
    context.close()


@pytest.fixture()
def page(toast_context):
    """A fresh tab, so its own Streamlit session, that records every toast."""
    tab = toast_context.new_page()
    yield tab
    tab.close()


@pytest.mark.parametrize("link", sorted(LINKS))
@pytest.mark.parametrize("path", PAGES)
def test_hostile_link_values_are_shown_inert(page, app_url, path, link):
    (first, first_name), (second, second_name) = KEYS.get(path, SHARED_KEYS)
    first_value, second_value = LINKS[link]
    page.goto(f"{app_url}{path}?{first}={first_value}&{second}={second_value}")
    page.wait_for_function("window.__toasts.filter(t => t.includes('Ignored unknown')).length >= 2", timeout=90_000)
    toasts = page.evaluate("window.__toasts")
    for key, value in ((first_name, first_value), (second_name, second_value)):
        code = re.compile(rf"Ignored unknown {key} <code[^>]*>{re.escape(value)}</code>")
        assert any(code.search(t) for t in toasts), toasts
    assert not any("<a " in t or "evil.example\"" in t or SIREN in t for t in toasts), toasts
    assert page.locator("a[href*='evil.example']").count() == 0, "a notice made a live link"
    assert SIREN not in page.locator("body").inner_text(), "a notice rendered an emoji shortcode"


def test_linked_search_text_stays_inside_the_box(page, app_url):
    text = "[x](https://www.evil.example) :rotating_light: <b>b</b>"
    page.goto(f"{app_url}/muscles?search={quote(text)}")
    box = page.get_by_role("textbox", name="Search")
    box.wait_for(timeout=60_000)
    page.wait_for_function("document.querySelector('input[aria-label=Search]')?.value.length > 0", timeout=60_000)
    assert box.input_value() == text  # shown as typed, in a text box: nothing in it is rendered
    assert page.locator("a[href*='evil.example']").count() == 0
    assert SIREN not in page.locator("body").inner_text()
    # the table's message comes with the run, which may still be going when the box is filled
    page.locator("[data-testid=stMain]").get_by_text("No muscle matches").first.wait_for(timeout=30_000)
