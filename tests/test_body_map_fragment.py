"""A tap reruns only the body map and its results (a fragment); what lies outside it still follows the tap."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.helpers import centre, open_page, wait_for_address, wait_for_app, wait_for_map

pytestmark = pytest.mark.browser
TABLET = (1024, 768)
AREAS = "[data-testid=stMain] p:has-text('Your areas:')"


class Runs:
    """What the server sent over the websocket: each run's finish status and the kinds of elements drawn, and the
    bytes each way (websocket messages as the page sees them, before compression, as benchmarks/ui.py counts)."""

    def __init__(self, page: Any):
        self.finished: list[int] = []
        self.elements: list[str] = []
        self.requests: list[str] = []  # what the page asked of the server, in order (rerun_script, ...)
        self.received = self.sent = 0
        page.on("websocket", self._socket)

    def _socket(self, ws: Any) -> None:
        ws.on("framereceived", self._frame)
        ws.on("framesent", self._sent)

    def _sent(self, payload: str | bytes) -> None:
        self.sent += len(payload.encode() if isinstance(payload, str) else payload)
        if isinstance(payload, bytes):
            msg = BackMsg()
            msg.ParseFromString(payload)
            self.requests.append(msg.WhichOneof("type"))

    def _frame(self, payload: str | bytes) -> None:
        self.received += len(payload.encode() if isinstance(payload, str) else payload)
        if isinstance(payload, str):
            return
        msg = ForwardMsg()
        msg.ParseFromString(payload)
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            self.finished.append(msg.script_finished)
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self.elements.append(msg.delta.new_element.WhichOneof("type"))

    def clear(self) -> None:
        """Forget what came so far."""
        self.finished.clear()
        self.elements.clear()
        self.requests.clear()
        self.received = self.sent = 0

    def wait_for(self, page: Any, outcome: int, timeout: float = 30.0) -> None:
        """Wait until a run with this outcome has been reported (frames arrive after the page has drawn)."""
        deadline = time.monotonic() + timeout
        while outcome not in self.finished:
            assert time.monotonic() < deadline, f"no run finished with {outcome}: {self.finished}"
            page.wait_for_timeout(50)  # lets Playwright deliver the websocket frames; the condition decides


def tap(page: Any, element_id: str) -> None:
    """Tap a region of the map and wait for the app's answer."""
    page.locator(f"#{element_id}").evaluate("e => e.scrollIntoView({block: 'center'})")
    page.touchscreen.tap(*centre(page, f"#{element_id}"))
    wait_for_app(page)


def test_a_tap_reruns_only_the_map_and_its_results(new_page, app_url):
    page = new_page(*TABLET, touch=True)
    runs = Runs(page)
    open_page(page, f"{app_url}/?redflags=none&audience=student")
    wait_for_map(page)
    tap(page, "r-lateral_elbow-right")  # the first area changes the page outside the map too: a full run
    page.locator(AREAS).first.wait_for(timeout=30_000)
    runs.wait_for(page, ForwardMsg.FINISHED_SUCCESSFULLY)  # its end, before counting the next tap's runs
    wait_for_app(page)
    runs.clear()
    tap(page, "r-sternum-midline")
    page.wait_for_function("decodeURIComponent(location.search).includes('lateral_elbow:right,sternum:midline')",
                           timeout=30_000)  # the address bar follows a fragment run too
    areas = page.locator(AREAS).first.inner_text()
    assert "Outer elbow (right)" in areas and "Breastbone" in areas
    runs.wait_for(page, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
    assert runs.finished == [ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY]
    assert "heading" not in runs.elements  # the title, pickers and sidebar were not sent again
    assert "multiselect" in runs.elements and "bidi_component" in runs.elements
    chips = page.locator("[data-testid=stMultiSelect]").first.inner_text()
    assert "Outer elbow (right)" in chips  # the list picker shows what the map chose
    page.get_by_text("Muscles whose trigger points").wait_for(timeout=30_000)


@pytest.mark.parametrize("query,first,whole", [
    # a patient who has not answered the red-flag question: the map's state, the list picker, "Your areas", no more
    ("", ["bidi_component", "multiselect", "markdown"], True),
    # the muscle list shows: the same (no legend between the map and the picker), then the list
    ("?audience=student", ["bidi_component", "multiselect", "markdown", "markdown"], False),
])
def test_a_tap_resends_only_what_it_changes(new_page, app_url, query, first, whole):
    page = new_page(*TABLET, touch=True)
    runs = Runs(page)
    open_page(page, f"{app_url}/{query}")
    wait_for_map(page)
    tap(page, "r-lateral_elbow-right")  # the first area: a full run draws the question, the boxes and the buttons
    page.locator(AREAS).first.wait_for(timeout=30_000)
    runs.wait_for(page, ForwardMsg.FINISHED_SUCCESSFULLY)
    wait_for_app(page)
    runs.clear()
    tap(page, "r-sternum-midline")
    wait_for_address(page, "sternum:midline")
    runs.wait_for(page, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
    assert runs.finished == [ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY]
    # drawn outside the fragment, so a tap never resends them: the red-flag question (16 checkboxes), the text
    # boxes, the legend, clear and export
    assert runs.elements[:len(first)] == first
    assert "text_input" not in runs.elements and "download_button" not in runs.elements
    if whole:
        assert runs.elements == first
        assert runs.received + runs.sent <= 10 * 1024, (runs.received, runs.sent)  # issue #12: <= 10 KiB a tap
    page.get_by_text("Muscles whose trigger points" if query else "Before the list").wait_for(timeout=30_000)


def test_an_export_after_taps_holds_every_area(new_page, app_url):
    page = new_page(*TABLET, touch=True)
    runs = Runs(page)
    open_page(page, f"{app_url}/?redflags=none&audience=student")
    wait_for_map(page)
    tap(page, "r-lateral_elbow-right")  # the first area: a full run draws the export buttons
    page.locator(AREAS).first.wait_for(timeout=30_000)
    tap(page, "r-sternum-midline")  # a fragment run: the buttons, outside it, are not drawn again
    wait_for_address(page, "sternum:midline")
    wait_for_app(page)  # the run that wrote the address is over and nothing on the page is stale
    runs.clear()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Export CSV", exact=True).tap()
    # The click asks for the file and nothing else. A rerun request (sent by the same click, long before the file's
    # round trip ends) would start a run that clears the server's outgoing queue, now and then with the file's reply.
    assert runs.requests == ["backend_operation_request"]
    rows = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[:3] for r in rows[1:]] == [["lateral_elbow", "Outer elbow", "right"],
                                                     ["sternum", "Breastbone", "midline"]]


def test_the_list_picker_and_the_map_stay_in_step(new_page, app_url):
    page = new_page()
    open_page(page, f"{app_url}/?redflags=none&regions=lateral_elbow:right")
    wait_for_map(page)
    picker = page.locator("[data-testid=stMultiSelect] input").first
    picker.click()
    picker.fill("Outer elbow (left)")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.locator("#r-lateral_elbow-left.sel").wait_for(timeout=30_000)  # chosen in the list, drawn on the map
    wait_for_app(page)
    assert "Outer elbow (left)" in page.locator(AREAS).first.inner_text()
    page.mouse.click(*centre(page, "#r-lateral_elbow-right"))  # taken off on the map, gone from the list
    page.wait_for_function("!decodeURIComponent(location.search).includes('lateral_elbow:right')", timeout=30_000)
    wait_for_app(page)
    assert "Outer elbow (right)" not in page.locator("[data-testid=stMultiSelect]").first.inner_text()
    assert "Outer elbow (right)" not in page.locator(AREAS).first.inner_text()


def test_red_flags_still_come_first_after_taps(new_page, app_url):
    page = new_page(*TABLET, touch=True)
    open_page(page, app_url)  # a patient who has not answered the red-flag question
    wait_for_map(page)
    tap(page, "r-lateral_elbow-right")
    page.get_by_text("Before the list: do you have any of these?").wait_for(timeout=30_000)
    tap(page, "r-sternum-midline")  # a fragment run: the question stays, the areas follow
    page.wait_for_function("decodeURIComponent(location.search).includes('sternum:midline')", timeout=30_000)
    assert page.get_by_text("Before the list: do you have any of these?").is_visible()
    assert page.get_by_text("Muscles whose trigger points").count() == 0
    page.locator("[data-testid=stMain] [data-testid=stCheckbox] label").first.tap()  # a sign for these areas
    warning = page.locator("[data-testid=stAlertContentError]", has_text="See a doctor first")
    warning.wait_for(timeout=30_000)  # drawn above the map, outside the fragment
    wait_for_app(page)
    assert warning.evaluate("e => e.getBoundingClientRect().top + window.scrollY") < 768 - 100
    tap(page, "r-anterior_knee-right")  # more taps keep the warning and keep the list hidden
    page.wait_for_function("location.search.includes('anterior_knee')", timeout=30_000)
    assert warning.is_visible() and page.get_by_text("Muscles whose trigger points").count() == 0



def test_buttons_inside_the_fragment_still_leave_the_page(page, app_url, data):
    name = data.conditions["tennis_elbow"].name
    open_page(page, f"{app_url}/?redflags=none&regions=lateral_elbow:right&audience=student")
    page.get_by_text("Conditions that fit these areas").wait_for(timeout=30_000)
    page.locator("[data-testid=stMain] button", has_text=name).first.click()  # a fragment run that switches page
    page.wait_for_function("document.querySelector('h1')?.innerText.startsWith('Conditions')", timeout=30_000)
    wait_for_app(page)
    page.get_by_role("heading", name=name).first.wait_for(timeout=30_000)
    assert "condition=tennis_elbow" in page.url
