"""Study page in headless Chromium: answer a 'click the zone' card by tapping the map (phone and tablet)."""

import pytest
from playwright.sync_api import expect

from tests.helpers import UNFOLDED, centre, open_page, wait_for_address, wait_for_app, wait_for_map
from triggermap.drawing import region_id
from triggermap.quiz import Bank, build_session

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1024, 768)])
def test_click_the_zone_by_tapping_the_map(new_page, app_url, data, ranker, width, height):
    page = new_page(width, height, touch=True)
    # the deck's settings and seed ride in the link, so the same deck can be built here
    card = build_session(Bank.from_data(data, ranker), "click_the_zone", None, "easy", seed=0, deck="common").current
    view = data.atlas.views[card.view]
    open_page(page, f"{app_url}/study?kind=click_the_zone&seed=0")
    page.get_by_text(f"Mark the main pain zone of {data.muscles[card.muscle].name}").wait_for(timeout=30_000)
    marked = []
    for region in card.answer:
        side = "midline" if any(s.id == region and s.side == "midline" for s in view.regions) else "right"
        wait_for_map(page)
        el = page.locator(f"#{region_id(region, side)}")
        el.scroll_into_view_if_needed()
        page.touchscreen.tap(*centre(page, f"#{region_id(region, side)}"))
        marked.append(region)
        text = "Marked: " + ", ".join(data.atlas.regions[r].label for r in sorted(marked))
        page.get_by_text(text, exact=True).wait_for(timeout=30_000)
    page.get_by_role("button", name="Check").tap()
    page.get_by_text("Right!", exact=False).wait_for(timeout=30_000)
    assert "Overlap with the main zone: 100%" in page.get_by_text("Overlap with").inner_text()
    wait_for_map(page)  # the feedback map shades the main zone
    page.locator(f"#{region_id(card.answer[0], 'right')}.ess, "
                 f"#{region_id(card.answer[0], 'midline')}.ess").first.wait_for(timeout=30_000)


def test_deck_settings_stay_open_while_several_change(new_page, app_url):
    # the panel's label names the settings; it used to fold after every change (a new label made a new panel), so a
    # second tap made during that rerun landed on the question's answers, which moved up under the finger
    page = new_page()
    open_page(page, f"{app_url}/study?seed=0")
    summary = page.locator("[data-testid=stExpander] summary", has_text="Deck:")
    summary.click()
    page.wait_for_function(UNFOLDED, arg=summary.element_handle(), timeout=30_000)  # a click while it unfolds can slip
    for group, option, shown in (("Difficulty", "Hard", "· hard"), ("Muscles", "All muscles", "· all muscles ·")):
        options = page.get_by_role("radiogroup", name=group)
        expect(options, f"the settings folded before {option!r} could be picked").to_be_visible()
        options.get_by_text(option, exact=True).click()  # the label a person sees
        expect(summary).to_contain_text(shown, timeout=30_000)
        wait_for_app(page)
    wait_for_address(page, "level=hard")
    wait_for_address(page, "deck=all")
