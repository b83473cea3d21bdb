"""Map taps and URL parameters → app state."""

import pytest

from triggermap.selection import MAX_REGIONS, UrlState, apply_tap, parse_params, to_params

PAIRS = {("lateral_elbow", "right"), ("lateral_elbow", "left"), ("sternum", "midline")}
POINTS = {"supinator_tp1": "supinator", "brachioradialis_tp1": "brachioradialis"}
LE_R, LE_L, ST = ("lateral_elbow", "right"), ("lateral_elbow", "left"), ("sternum", "midline")


def tap(k, ident, side="right", **extra):
    return {"k": k, "id": ident, "side": side, "n": 1, **extra}


@pytest.mark.parametrize("before,event,after,muscle,side", [
    ([], tap("r", "lateral_elbow"), [LE_R], None, None),                      # toggle on
    ([LE_R], tap("r", "lateral_elbow"), [], None, None),                      # second tap removes
    ([LE_R], tap("r", "lateral_elbow", "left"), [LE_R, LE_L], None, None),
    ([], tap("r", "sternum", "midline"), [ST], None, None),
    ([], tap("r", "nowhere"), [], None, None),                                # not a drawn region
    ([LE_R], tap("r", "sternum", "midline", sel=[["lateral_elbow", "right"], ["sternum", "midline"]]),
     [LE_R, ST], None, None),                                                 # the browser's whole selection wins
    ([LE_R], tap("r", "x", sel=[["bogus", "right"], ["sternum", "midline"], ["sternum", "midline"]]),
     [ST], None, None),                                                       # unknown and repeated pairs dropped
    ([LE_R], tap("r", "x", sel=[]), [], None, None),
    ([], tap("t", "brachioradialis_tp1", "left"), [], "brachioradialis", "left"),
    ([LE_R], tap("t", "nope_tp9"), [LE_R], None, None),
    ([], tap("m", "deltoid"), [], "deltoid", "right"),
    ([], tap("m", "deltoid", "midline"), [], "deltoid", None),
    ([], tap("m", "not_a_muscle"), [], None, None),
    ([], tap("m", "deltoid", "up"), [], None, None),                          # bad side
    ([], tap("q", "deltoid"), [], None, None),                                # unknown kind
    ([], {"k": "r", "id": 7, "side": "right"}, [], None, None),
    ([LE_R], None, [LE_R], None, None),
    ([], "garbage", [], None, None),
])
def test_apply_tap(before, event, after, muscle, side):
    out = apply_tap(before, event, PAIRS, POINTS, {"pectoralis_major", "deltoid"})
    assert (out.regions, out.muscle, out.side) == (after, muscle, side)


def test_apply_tap_caps_the_selection():
    many = {(f"r{i}", "right") for i in range(MAX_REGIONS + 5)}
    out = apply_tap([], tap("r", "r0", sel=[list(p) for p in sorted(many)]), many, {}, set())
    assert len(out.regions) == MAX_REGIONS
    full = sorted(many)[:MAX_REGIONS]
    assert apply_tap(full, tap("r", sorted(many)[-1][0]), many, {}, set()).regions == full



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
