"""Limb trigger points sit at the height their label names (upper, lower, just above the knee, ...).

Placing points inside their muscle's drawn shape once moved several to the wrong end of the limb (a
"lower third" point near the hip); the label is the sourced description, so the drawing must agree with it.
Height is measured within the point's location region: 0 at its lower edge, 1 at its upper edge.
"""

import re

import pytest

from triggermap.data import load_dataset

LIMB = re.compile(r"(thigh|_leg|calf|shin|forearm|_arm)$")
# (label pattern, lowest allowed height, highest allowed height); the first rule that matches decides
RULES: list[tuple[str, float, float] | tuple[str, None, None]] = [
    (r"(upper|lower) part of the muscle", None, None),  # relative to a short muscle, not to the limb
    (r"just above the ([a-z]+ ){0,3}?(knee|kneecap|ankle|elbow|wrist)", 0.0, 0.25),
    (r"hand-width above the (knee|kneecap)", 0.1, 0.45),
    (r"(just |\d[-\d]* cm )?below the (inner )?(elbow|knee|fibular head|armpit|front hip bone)|near the pubic",
     0.6, 1.0),
    (r"mid to lower|upper-middle", 0.25, 0.8),
    (r"\bmid[- ](arm|thigh|forearm|calf|leg|outer|inner|belly)|\bmiddle of the (arm|thigh|forearm|calf|leg)",
     0.25, 0.75),
    (r"upper third", 0.6, 1.0),
    (r"lower third", 0.0, 0.4),
    (r"middle third", 0.3, 0.7),
    (r"\bupper\b", 0.45, 1.0),
    (r"\blower\b", 0.0, 0.55),
]


def _limb_points():
    """(id, label, height within its region) for every trigger point on a limb region."""
    data = load_dataset()
    out = []
    for tp in data.trigger_points.values():
        if not LIMB.search(tp.location_region):
            continue
        view = data.atlas.views[tp.view]
        rings = [r for s in view.regions if s.id == tp.location_region for r in s.rings
                 if r[:, 0].min() <= tp.x <= r[:, 0].max() and r[:, 1].min() <= tp.y <= r[:, 1].max()]
        low, high = float(rings[0][:, 1].min()), float(rings[0][:, 1].max())
        out.append((tp.id, tp.label.lower(), (tp.y - low) / (high - low)))
    return out


POINTS = _limb_points()


def _rule(label: str) -> tuple[float, float] | None:
    """The allowed height range for a label, or None when it names no height along the limb."""
    for pattern, lo, hi in RULES:
        if re.search(pattern, label):
            return None if lo is None or hi is None else (lo, hi)
    return None


@pytest.mark.parametrize(("tp_id", "label", "height"), POINTS, ids=[p[0] for p in POINTS])
def test_limb_trigger_point_height_matches_its_label(tp_id, label, height):
    allowed = _rule(label)
    if allowed is not None:
        assert allowed[0] <= height <= allowed[1], f"{tp_id}: '{label}' but drawn at {height:.2f} of its region"


def test_rules_cover_enough_limb_points():
    # the check must bite: most limb labels name a height
    named = sum(_rule(label) is not None for _, label, _ in POINTS)
    assert len(POINTS) >= 60 and named >= len(POINTS) // 2, (len(POINTS), named)


@pytest.mark.parametrize(("label", "height", "ok"), [
    ("lower third of the outer leg", 0.75, False),
    ("upper outer leg, 2-4 cm below the fibular head", 0.40, False),
    ("lower belly, just above and inside the kneecap", 0.97, False),
    ("upper third, below the front hip bone", 0.85, True),
    ("mid to lower belly, inner back of the thigh", 0.94, False),
    ("deep medial head, just above the point of the elbow", 0.33, False),
    ("mid outer thigh, under the iliotibial band", 0.92, False),
    ("lower belly, a hand-width above the kneecap", 0.03, False),
])
def test_rules_catch_misplaced_points(label, height, ok):
    lo, hi = _rule(label)
    assert (lo <= height <= hi) is ok
