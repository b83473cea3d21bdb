"""Hostile link values on every page, in Chromium: the notice shows them as inert code, never a link or an emoji."""

import re
from urllib.parse import quote

import pytest

from tests.helpers import open_context

pytestmark = pytest.mark.browser
PAGES = ["/", "/muscles", "/conditions", "/needling", "/segments", "/study"]
# Each link carries one value Streamlit's markdown would turn into a live link and one it would turn into an emoji,
# in two parameters the page reads: its own, or the shared ones every page reads (a page drops another page's
# parameters without a word, so nothing of them is echoed). All notices are written by one function
# (urlstate._ignored), so which of the two parameters carries which value does not matter.
KEYS = {"/": (("view", "view"), ("regions", "region")), "/muscles": (("depth", "depth"), ("refers", "refers")),
        "/segments": (("muscle", "muscle"), ("root", "root"))}
SHARED_KEYS = (("side", "side"), ("audience", "audience"))
LINK, EMOJI = "www.evil.example", ":rotating_light:"
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


def hostile_values(path: str) -> list[tuple[str, str, str]]:
    """(parameter, its name in the notice, value) for one link to a page: a value Streamlit's markdown would turn into
    a live link and one it would turn into an emoji (the app shows three notices at most, then a count)."""
    return [(key, name, value) for (key, name), value in zip(KEYS.get(path, SHARED_KEYS), (LINK, EMOJI), strict=True)]


@pytest.mark.parametrize("path", PAGES)
def test_hostile_link_values_are_shown_inert(page, app_url, path):
    values = hostile_values(path)
    page.goto(f"{app_url}{path}?" + "&".join(f"{key}={value}" for key, _, value in values))
    page.wait_for_function("n => window.__toasts.filter(t => t.includes('Ignored unknown')).length >= n",
                           arg=len(values), timeout=90_000)
    toasts = page.evaluate("window.__toasts")
    for _, name, value in values:
        code = re.compile(rf"Ignored unknown {name} <code[^>]*>{re.escape(value)}</code>")
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
