"""The body-map fragment: when a change inside it must rerun the whole page, and what an error inside it shows."""

import pytest

from app.body_map_panel import asks_flags, outside_key
from tests.helpers import boot
from triggermap.lookup import Ranker
from triggermap.urlstate import BodyMapState, Shared

ELBOW = [("lateral_elbow", "right")]


@pytest.mark.parametrize("state,shared,asked", [
    (BodyMapState(regions=ELBOW), Shared(), True),
    (BodyMapState(), Shared(), False),  # nothing chosen yet: no question
    (BodyMapState(regions=ELBOW, mode="muscle"), Shared(), False),
    (BodyMapState(regions=ELBOW), Shared(audience="student"), False),
    (BodyMapState(regions=ELBOW), Shared(flags_answered=True), True),
])
def test_who_is_asked_about_red_flags(state, shared, asked):
    assert asks_flags(state, shared) is asked


@pytest.mark.parametrize("change,whole_page", [
    (lambda s, sh: s.regions.append(("palm", "left")), False),  # a second area: only the fragment
    (lambda s, sh: s.regions.clear(), True),  # no area left: the warning, the question and the buttons go
    (lambda s, sh: setattr(s, "muscle", "supinator"), True),  # a trigger point opens a muscle
    (lambda s, sh: setattr(s, "view", "posterior"), True),  # typed text moved the view picker
    (lambda s, sh: setattr(sh, "side", "left"), True),
    (lambda s, sh: sh.flags.append("cd_rf_saddle_numbness"), True),  # a tick: the warning goes on top
    # "none of these": the question, drawn outside the fragment, goes
    (lambda s, sh: setattr(sh, "flags_answered", True), True),
    (lambda s, sh: s.regions.remove(ELBOW[0]) or s.regions.append(("palm", "left")), False),  # still some area
])
def test_which_changes_rerun_the_whole_page(change, whole_page):
    state, shared = BodyMapState(regions=list(ELBOW)), Shared()
    before = outside_key(state, shared)
    change(state, shared)
    assert (outside_key(state, shared) != before) is whole_page


def test_an_error_inside_the_fragment_shows_an_id_and_keeps_the_page(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("ranking broke")

    monkeypatch.setattr(Ranker, "rank", boom)
    at = boot("app/pages/body_map.py", {"regions": "lateral_elbow:right", "audience": "student"})
    assert not at.exception
    assert any("error id" in e.value for e in at.error)
    assert not any("ranking broke" in e.value for e in at.error)  # no exception text for visitors
    assert at.title[0].value == "Body map"


def test_every_download_goes_through_the_one_button():
    # a bare st.download_button reruns the app on click, which now and then drops the reply carrying the file
    from pathlib import Path

    app = Path(__file__).resolve().parents[1] / "app"
    bare = [str(p.relative_to(app)) for p in app.rglob("*.py")
            if p.name != "downloads.py" and ".download_button(" in p.read_text(encoding="utf-8")]
    assert bare == []
