"""The body map on phones and tablets: taps, zoom, keyboard, laterality and the view a page opens on."""

import pytest

from tests.helpers import centre, open_page, reveal, wait_for_app, wait_for_map
from triggermap.picture import pattern_view

pytestmark = pytest.mark.browser
PHONE, TABLET = (390, 844), (1024, 768)
NECK = ("suboccipital", "posterior_neck", "lateral_neck")
# the focused element, looking inside the map's shadow root
FOCUSED = "let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) " \
          "e = e.shadowRoot.activeElement;"


def classes(page, selector):
    return (page.locator(selector).first.get_attribute("class") or "").split()


@pytest.mark.parametrize("size", [PHONE, TABLET])
def test_tap_regions_lists_muscles(new_page, app_url, size):
    page = new_page(*size, touch=True)
    open_page(page, f"{app_url}/?redflags=none")  # red flags answered: the list follows the taps
    wait_for_map(page)
    for el in ("#r-lateral_elbow-right", "#r-sternum-midline"):
        page.locator(el).scroll_into_view_if_needed()
        page.touchscreen.tap(*centre(page, el))
        assert "sel" in classes(page, el)  # drawn selected by the browser, before the server answers
        wait_for_app(page)
    page.wait_for_function("decodeURIComponent(location.search).includes('lateral_elbow:right,sternum:midline')",
                           timeout=30_000)  # both taps reached the server
    page.get_by_text("Muscles whose trigger points").wait_for(timeout=30_000)
    page.touchscreen.tap(*centre(page, "#r-sternum-midline"))  # a second tap removes it
    page.wait_for_function("!location.search.includes('sternum')", timeout=30_000)


def test_zoom_makes_a_finger_tappable_on_a_phone(new_page, app_url):
    page = new_page(*PHONE, touch=True)
    open_page(page, app_url)
    wait_for_map(page)
    finger = "#r-index_finger-right"
    before = page.locator(finger).bounding_box()["width"]
    for _ in range(3):
        page.locator(".zoom [data-z=in]").first.tap()
    page.locator(".zoom [data-z=reset]:enabled").first.wait_for()
    svg = page.locator(".tmap svg").first
    svg.scroll_into_view_if_needed()
    box, frame = page.locator(finger).bounding_box(), svg.bounding_box()
    assert box["width"] > 3 * before
    # drag the zoomed map until the finger sits in the middle of it, then tap the finger
    start = (frame["x"] + frame["width"] / 2, frame["y"] + frame["height"] / 2)
    reach = (frame["width"] / 2 - 4, frame["height"] / 2 - 4)
    for _ in range(4):  # drags stay inside the map, as a finger on the glass would
        fx, fy = centre(page, finger)
        dx, dy = (max(-r, min(r, s - f)) for s, f, r in zip(start, (fx, fy), reach, strict=True))
        if abs(dx) < 20 and abs(dy) < 20:
            break
        page.mouse.move(*start)
        page.mouse.down()
        page.mouse.move(start[0] + dx, start[1] + dy, steps=8)
        page.mouse.up()
    fx, fy = centre(page, finger)
    assert frame["x"] < fx < frame["x"] + frame["width"] and frame["y"] < fy < frame["y"] + frame["height"]
    page.touchscreen.tap(fx, fy)
    page.wait_for_function("location.search.includes('index_finger')", timeout=30_000)


def test_every_neck_trigger_point_can_be_tapped_on_its_own(new_page, app_url, data):
    page = new_page(*TABLET, touch=True)
    neck = [tp for tp in data.trigger_points.values() if tp.view == "posterior" and tp.location_region in NECK]
    assert len(neck) >= 6
    open_page(page, f"{app_url}/?mode=muscle&view=posterior")
    wait_for_map(page)
    ids = [f"t-{tp.id}-right" for tp in neck]
    reveal(page, ids[0], tap=True)
    for el_id in ids:  # after zooming in on its group, each × is the element under its own centre
        page.locator(".zoom [data-z=reset]").first.tap()  # from the whole body each time
        reveal(page, el_id, tap=True)
        page.locator(f"#{el_id}").scroll_into_view_if_needed()
        hit = page.evaluate("""id => { const host = [...document.querySelectorAll('*')].map(e => e.shadowRoot)
            .filter(Boolean).find(r => r.getElementById(id)); const el = host.getElementById(id);
            const b = el.getBoundingClientRect(); const top = host.elementFromPoint(b.x + b.width / 2,
            b.y + b.height / 2); return top && top.closest('[data-k]') === el; }""", el_id)
        assert hit, f"{el_id} is covered by another element at 1024 px"
    for tp in (neck[0], neck[-1]):  # and a real tap picks that trigger point's muscle
        open_page(page, f"{app_url}/?mode=muscle&view=posterior")
        wait_for_map(page)
        reveal(page, f"t-{tp.id}-right", tap=True)
        page.locator(f"#t-{tp.id}-right").scroll_into_view_if_needed()
        page.touchscreen.tap(*centre(page, f"#t-{tp.id}-right"))
        page.wait_for_function("m => location.search.includes('muscle=' + m)", arg=tp.muscle_id, timeout=30_000)


OPEN_SPOT = """id => { const root = [...document.querySelectorAll('*')].map(e => e.shadowRoot).filter(Boolean)
    .find(r => r.getElementById(id)); const el = root.getElementById(id); const b = el.getBoundingClientRect();
    for (let i = 1; i < 20; i++) { for (const dx of [0.5, 0.35, 0.65]) { const x = b.left + b.width * dx,
      y = b.top + b.height * (i % 2 ? 0.5 - i / 40 : 0.5 + i / 40); const hit = root.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) return [x, y]; } } return null; }"""


def open_spot(page, el_id: str) -> tuple[float, float]:
    """A point of a map element that no other element (a trigger point's ×, another muscle) covers."""
    spot = page.evaluate(OPEN_SPOT, el_id)
    assert spot, f"every point of {el_id} is covered by another element"
    return spot[0], spot[1]


@pytest.mark.parametrize("size", [PHONE, TABLET])
def test_tap_a_muscle_shape_opens_its_pattern(new_page, app_url, ranker, size):
    page = new_page(*size, touch=True)
    open_page(page, f"{app_url}/?mode=muscle&view=anterior")
    wait_for_map(page)
    shape = "#m-rectus_femoris-right"
    page.locator(shape).scroll_into_view_if_needed()
    page.touchscreen.tap(*open_spot(page, "m-rectus_femoris-right"))
    page.wait_for_function("location.search.includes('muscle=rectus_femoris')", timeout=30_000)
    wait_for_map(page)
    assert "fill" in classes(page, shape)
    ess = ranker.pattern("rectus_femoris")[0][0]
    page.locator(f"#r-{ess}-right.ess").first.wait_for(timeout=30_000)


def test_select_regions_by_keyboard_only(page, app_url):
    open_page(page, app_url)
    wait_for_map(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ {FOCUSED} return e && e.dataset && e.dataset.k === 'r'; }}"):
            break
    else:
        pytest.fail("Tab never reached a region of the map")
    page.keyboard.press("Tab")  # Tab moves from region to region
    label = page.evaluate(f"() => {{ {FOCUSED} return e.getAttribute('aria-label'); }}")
    page.keyboard.press("Enter")
    page.get_by_text("Your areas:").wait_for(timeout=30_000)
    assert label.split(",")[0] in page.locator("p", has_text="Your areas:").first.inner_text()
    page.keyboard.press("Space")  # the focus stays on the region: Space takes it back off
    page.get_by_text("Your areas:").wait_for(state="detached", timeout=30_000)


def test_the_keyboard_skips_past_the_map_in_one_step(page, app_url):
    """The map's first tab stop jumps over its areas (one tab stop each) to the control after it."""
    open_page(page, f"{app_url}/?redflags=none&regions=lateral_elbow:right")
    wait_for_map(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        name = page.evaluate(f"() => {{ {FOCUSED} return e.getAttribute('aria-label') || e.innerText; }}")
        assert not page.evaluate(f"() => {{ {FOCUSED} return !!(e.dataset && e.dataset.k); }}"), \
            f"an area of the map ({name}) came before the skip button"
        if name == "Skip past the map":
            break
    else:
        pytest.fail("Tab never reached the map's skip button")
    page.keyboard.press("Enter")
    after = page.evaluate(f"() => {{ {FOCUSED} return [e.closest('.tmap') !== null, e.getAttribute('aria-label')]; }}")
    assert after == [False, "…or type where it hurts, in your own words"], after


def test_left_side_pattern_is_drawn_on_the_left(page, app_url, data):
    open_page(page, f"{app_url}/?mode=muscle&muscle=soleus&side=left&view=posterior")
    wait_for_map(page)
    page.locator(".rg.ess").first.wait_for(timeout=30_000)
    page.locator(".zoom [data-z=reset]").first.click()  # the whole body: its middle is the map's middle
    svg = page.locator(".tmap svg").first.bounding_box()
    middle = svg["x"] + svg["width"] / 2
    shaded = page.locator(".tmap").first.locator(".rg.ess:not([id$=midline]), .rg.spill:not([id$=midline])")
    assert shaded.count() > 0
    for i in range(shaded.count()):  # seen from behind, the patient's left is on the viewer's left
        box = shaded.nth(i).bounding_box()
        assert box["x"] + box["width"] / 2 < middle
    points = page.locator(".tmap").first.locator(".tp.on")
    assert points.count() >= 1
    assert all(points.nth(i).get_attribute("id").endswith("-left") for i in range(points.count()))


def test_conditions_open_on_the_view_with_most_of_the_zones(page, app_url, data, ranker):
    cond = data.conditions["plantar_heel_pain"]
    best = pattern_view(data, ranker, list(cond.muscles))
    assert best == "foot"
    open_page(page, app_url)
    page.goto(f"{app_url}/conditions?condition=plantar_heel_pain")
    wait_for_map(page)
    page.locator(".tmap svg[aria-label*='Soles']").first.wait_for(timeout=30_000)
    page.locator(".rg.ess").first.wait_for(timeout=30_000)
