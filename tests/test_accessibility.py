"""Accessibility in headless Chromium: axe-core (WCAG 2 A/AA) on every page, large print, keyboard-only use."""

import os

import pytest

from tests.helpers import NO_STALE, ROOT, wait_for_app

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # `npm ci --no-audit --no-fund` installs it
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
PAGES = [  # url paths Streamlit derives from the file names in explorer.py
    "/",
    "/?regions=lateral_elbow:right&audience=student",
    "/?mode=muscle&view=posterior&audience=clinician",
    "/?mode=muscle&muscle=infraspinatus&side=left",
    "/muscles",
    "/muscles?muscle=levator_scapulae&audience=clinician",
    "/conditions?condition=tennis_elbow",
    "/conditions?condition=cervical_radiculopathy&audience=clinician",
    "/needling",
    "/needling?audience=clinician",
    "/segments",
    "/study",
]
NAV = {"Body map": "/", "Muscles": "/muscles", "Conditions": "/conditions", "Dry needling & IMS": "/needling",
       "IMS segments": "/segments", "Study": "/study"}


@pytest.fixture(scope="module")
def axe_path():
    if not AXE.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{AXE} is missing: run `npm ci --no-audit --no-fund` (REQUIRE_BROWSER=1)")
        pytest.skip("axe-core not installed (npm ci)")
    return str(AXE)


@pytest.fixture(scope="module")
def app(app_url, browser):
    """The server after one visit to the root (conftest's browser fixture makes it): a fresh server's first deep link
    skips st.navigation."""
    return app_url


def settle(page):
    """Wait until the script run is over and the maps are drawn."""
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning] [data-testid=stMain]",
                           timeout=60_000)
    wait_for_app(page)  # faded elements of the previous run would be measured at the wrong contrast
    # The app's own CSS (caption colour, focus ring) arrives as an element of the run; measure only once it applies.
    page.wait_for_function("""[...document.styleSheets].some(sheet => [...sheet.cssRules].some(
        rule => (rule.selectorText || '').includes('stCaptionContainer')))""", timeout=30_000)


def serious_violations(page, axe_path):
    """axe-core's serious and critical WCAG 2.0/2.1 A and AA violations, as readable lines."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=axe_path)
    for _ in range(3):  # on a busy machine a fade can start mid-check; then the colours read are not the page's
        # resultTypes: only violations get every node listed (passes one each), and only they come back over the wire
        result = page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations']}).then(r => ({passes: r.passes.length, violations: r.violations}))""", TAGS)
        if page.evaluate(NO_STALE):
            break
        wait_for_app(page)
    assert result["passes"], "axe ran no checks at all"
    return [f"[{v['impact']}] {v['id']}: {v['help']}\n    {n['target']} {n['html'][:160]}\n    "
            + n["failureSummary"].replace("\n", " ")[:300]
            for v in result["violations"] if v["impact"] in BLOCKING for n in v["nodes"]]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_wcag_violations(page, app, axe_path, path):
    page.goto(app + path)
    page.locator("h1, .tmap svg").first.wait_for(timeout=60_000)
    settle(page)
    found = serious_violations(page, axe_path)
    assert not found, f"{path}: {len(found)} serious/critical axe violations:\n" + "\n".join(found)


def test_axe_check_can_fail(page, app, axe_path):
    """The check above is live: a grey-on-white paragraph is reported."""
    page.goto(app + "/needling")
    settle(page)
    page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'faint text';
        p.style.color = '#BBBBBB'; document.querySelector('[data-testid=stMarkdownContainer]').append(p); }""")
    assert any("color-contrast" in v for v in serious_violations(page, axe_path))


def focused(page):
    """Names of the focused control: aria-label, its label's text, a button's or link's own text, by line."""
    return page.evaluate("""() => { let e = document.activeElement;
        while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;  // into the map
        // a control's own text only for buttons and links (not <main>'s), its label's only for inputs
        // (a help button sits inside its widget's label)
        const own = ['A', 'BUTTON', 'SUMMARY'].includes(e.tagName) ? e.innerText : '';
        const label = e.tagName === 'INPUT' ? (e.labels?.[0] || e.closest('label'))?.innerText : '';
        const text = [e.getAttribute('aria-label'), label, own].filter(Boolean).join('\\n');
        return text.split('\\n').map(t => t.trim()).filter(Boolean); }""")


def tab_to(page, name, limit=80):
    """Press Tab until an element named `name` has the focus; fail if the keyboard never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if name in focused(page):
            return
    pytest.fail(f"{name!r} is not reachable with the Tab key")


def test_large_print_on_every_page(page, app, axe_path):
    page.goto(app + "/muscles")
    settle(page)
    tab_to(page, "Large print")
    page.keyboard.press("Space")
    page.wait_for_function("getComputedStyle(document.documentElement).fontSize === '22px'", timeout=30_000)
    for title, path in NAV.items():  # in-app navigation keeps the session, so the mode must follow the reader
        page.locator("[data-testid=stSidebarNav] a", has_text=title).click()
        page.wait_for_function("p => location.pathname === p", arg=path, timeout=30_000)
        landmark = ".tmap svg" if path == "/" else f"h1:has-text('{title}')"
        page.locator(landmark).first.wait_for(timeout=60_000)
        settle(page)
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px", title
        found = serious_violations(page, axe_path)
        assert not found, f"large print, {title}:\n" + "\n".join(found)


def test_muscles_page_by_keyboard_only(page, app, data):
    page.goto(app + "/muscles")
    settle(page)
    everything = f"{len(data.muscles)} of {len(data.muscles)} muscles"
    page.get_by_text(everything).wait_for(timeout=30_000)
    tab_to(page, "Search")
    page.keyboard.type("levator scap")
    page.keyboard.press("Enter")
    page.get_by_text(everything).wait_for(state="detached", timeout=30_000)
    tab_to(page, "Open a muscle")
    page.keyboard.type("Levator scapulae")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Levator scapulae").wait_for(timeout=30_000)
    page.wait_for_function("location.search.includes('muscle=levator_scapulae')", timeout=30_000)
    tab_to(page, "Show on the body map")
    page.keyboard.press("Enter")
    page.wait_for_selector(".tmap svg", timeout=60_000)
    page.wait_for_function("location.search.includes('mode=muscle')", timeout=30_000)


def test_conditions_page_by_keyboard_only(page, app):
    page.goto(app + "/conditions")
    settle(page)
    tab_to(page, "Condition")
    page.keyboard.type("tennis")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Tennis elbow").wait_for(timeout=30_000)
    tab_to(page, "Sources")
    page.keyboard.press("Enter")  # the expander opens from the keyboard
    page.get_by_role("link", name="link").first.wait_for(timeout=30_000)
    page.wait_for_function("location.search.includes('condition=tennis_elbow')", timeout=30_000)


def first_card(data, ranker, kind):
    from triggermap.quiz import DIFFICULTIES, Bank, build_session
    return build_session(Bank.from_data(data, ranker), kind, None, DIFFICULTIES[0], seed=0, deck="common").current


def test_study_page_by_keyboard_only(page, app, data, ranker):
    card = first_card(data, ranker, "name_the_muscle")  # the page opens on this kind; the link sets the seed
    page.goto(app + "/study?seed=0")
    settle(page)
    page.get_by_text("Whose trigger points").wait_for(timeout=30_000)
    tab_to(page, data.muscles[card.options[0]].name)  # an unticked radio group: Tab lands on its first option
    page.keyboard.press("Space")
    page.locator("button:enabled", has_text="Check").wait_for(timeout=30_000)
    tab_to(page, "Check")
    page.keyboard.press("Enter")
    page.get_by_text("Right!").or_(page.get_by_text("Not quite.")).wait_for(timeout=30_000)
    tab_to(page, "Next question")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Check").wait_for(timeout=30_000)


def test_study_zone_question_without_the_map(page, app, data, ranker):
    card = first_card(data, ranker, "click_the_zone")
    view = data.atlas.views[card.view]
    page.goto(app + "/study?seed=0")
    settle(page)
    page.get_by_text("Whose trigger points").wait_for(timeout=30_000)
    tab_to(page, "Deck: Name the muscle · all body areas · common muscles · easy")  # folded settings: Enter opens
    page.keyboard.press("Enter")
    tab_to(page, "Name the muscle")  # Tab enters a radio group at its ticked option; arrows move the tick
    page.keyboard.press("ArrowRight")  # the page reruns and redraws: wait for its effect, not for the focus
    page.get_by_text(f"Mark the main pain zone of {data.muscles[card.muscle].name}").wait_for(timeout=30_000)
    settle(page)
    tab_to(page, "Skip past the map")  # the map's first tab stop; each of its areas is one more
    page.keyboard.press("Enter")
    assert "…or choose the areas from a list" in focused(page)  # the next control below the map
    for region in card.answer:
        label = data.atlas.regions[region].label
        midline = any(s.id == region and s.side == "midline" for s in view.regions)
        text = label if midline else f"{label} (right)"
        page.keyboard.type(text)
        # the list may offer "Select N matches" first when other labels contain this one: arrow to the exact option
        page.get_by_role("option", name=text, exact=True).wait_for(timeout=30_000)
        for _ in range(page.get_by_role("option").all_inner_texts().index(text)):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.locator("p", has_text="Marked:").filter(has_text=label).wait_for(timeout=30_000)
    page.keyboard.press("Escape")
    tab_to(page, "Check")
    page.keyboard.press("Enter")
    page.get_by_text("Right!").wait_for(timeout=30_000)
