"""Chart events and URL parameters → app state."""

import pytest

from triggermap.selection import UrlState, apply_event, parse_params, to_params
from triggermap.vocab import Click

TABLE = [("lateral_elbow", "right"), ("lateral_elbow", "left"), ("sternum", "midline")]
POINTS = ["supinator_tp1", "brachioradialis_tp1"]


def ev(*codes):
    return {"selection": {"points": [{"customdata": c} for c in codes]}}


@pytest.mark.parametrize("before,event,after,point,muscle", [
    ([], ev(0), [("lateral_elbow", "right")], None, None),
    ([("lateral_elbow", "right")], ev(0), [], None, None),                      # second click removes
    ([("lateral_elbow", "right")], ev(1), [("lateral_elbow", "right"), ("lateral_elbow", "left")], None, None),
    ([], ev([2]), [("sternum", "midline")], None, None),                      # customdata as a list
    ([], ev(Click.POINT + 1), [], "brachioradialis_tp1", None),
    ([], ev(99), [], None, None),                                             # out of range
    ([], ev(Click.POINT + 9), [], None, None),
    ([], ev("x"), [], None, None),
    ([], {"selection": {"points": []}}, [], None, None),
    ([], None, [], None, None),
    ([], {"selection": "garbage"}, [], None, None),
    ([], ev(True), [], None, None),
    ([], ev(Click.OUTLINE + 1), [], None, "deltoid"),
    ([], ev(Click.OUTLINE + 7), [], None, None),
])
def test_apply_event(before, event, after, point, muscle):
    assert apply_event(before, event, TABLE, POINTS, ["pectoralis_major", "deltoid"]) == (after, point, muscle)


REGIONS, MUSCLES, CONDITIONS = {"lateral_elbow", "sternum"}, {"supinator"}, {"tennis_elbow"}


@pytest.mark.parametrize("params,expected,n_notices", [
    ({}, UrlState(), 0),
    ({"view": "posterior", "mode": "muscle", "muscle": "supinator"},
     UrlState(view="posterior", mode="muscle", muscle="supinator"), 0),
    ({"regions": "lateral_elbow:left,sternum:midline"},
     UrlState(regions=[("lateral_elbow", "left"), ("sternum", "midline")]), 0),
    ({"view": "sideways"}, UrlState(), 1),
    ({"muscle": "<script>"}, UrlState(), 1),
    ({"regions": "lateral_elbow:up,moon:left,lateral_elbow:right"},
     UrlState(regions=[("lateral_elbow", "right")]), 2),
    ({"condition": "tennis_elbow", "audience": "clinician"},
     UrlState(condition="tennis_elbow", audience="clinician"), 0),
    ({"audience": "x" * 5000}, UrlState(), 1),
])
def test_parse_params(params, expected, n_notices):
    state, notices = parse_params(params, REGIONS, MUSCLES, CONDITIONS)
    assert state == expected
    assert len(notices) == n_notices


def test_params_round_trip():
    state = UrlState(view="foot", mode="muscle", regions=[("sternum", "midline")], muscle="supinator",
                     condition="tennis_elbow", audience="student", side="left")
    again, notices = parse_params(to_params(state), REGIONS, MUSCLES, CONDITIONS)
    assert again == state and notices == []


@pytest.mark.parametrize("params,notice", [
    ({"view": "www.evil.example"}, "Ignored unknown view `www.evil.example`."),
    ({"view": ":rotating_light:"}, "Ignored unknown view `:rotating_light:`."),
    ({"regions": "www.evil.example"}, "Ignored unknown region `www.evil.example`."),
    ({"regions": ":rotating_light::left"}, "Ignored unknown region `:rotating_light::left`."),
    ({"muscle": "`x`[a](http://e.vil)"}, "Ignored unknown muscle `?x??a??http:??e.vil?`."),
    ({"mode": "**bold** _it_"}, "Ignored unknown mode `??bold???_it_`."),
    ({"condition": "\x1b[31m\u202ex"}, "Ignored unknown condition `??31m?x`."),
    ({"side": "https://e.vil/" + "x" * 50}, "Ignored unknown side `https:??e.vil?xxx...`."),
    ({"audience": ""}, "Ignored an empty audience."), ({"regions": ","}, "Ignored an empty region."),
])
def test_notice_names_the_parameter_and_shows_the_value_as_code(params, notice):
    state, notices = parse_params(params, REGIONS, MUSCLES, CONDITIONS)
    assert state == UrlState() and set(notices) == {notice}
