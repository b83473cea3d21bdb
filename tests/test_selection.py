"""Map taps → the selected regions and the muscle chosen (links: test_urlstate.py)."""

import pytest

from triggermap.selection import MAX_REGIONS, apply_tap

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
