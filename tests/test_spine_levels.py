"""Back trigger points sit at the vertebral level their label names (T6, L1, L5-S1, ...).

The back view has no vertebrae, but its midline regions do: thoracic_spine runs from T1 down to T12 and
lumbar_spine from L1 down to the sacrum, so each level is a slice of one of them. Placement once left an
"L1" point below an "L5-S1" one; the label is the sourced description, so the drawing must agree with it.
"""

import re

import pytest

from triggermap.atlas import View
from triggermap.data import load_dataset

LEVEL = re.compile(r"\b([TLS])(\d{1,2})(?:-([TLS])?(\d{1,2}))?\b")
OFFSET = {"T": 0, "L": 12, "S": 17}  # T1 = 1 ... T12 = 12, L1 = 13 ... L5 = 17, S1 = 18
TOLERANCE = 1.5  # levels: labels say "about T6", and a point sits beside, not on, its vertebra


def level_of(label: str) -> float | None:
    """The vertebral level a label names (T1 = 1, L1 = 13, S1 = 18; a range gives its middle), or None."""
    m = LEVEL.search(label)
    if not m:
        return None
    first = OFFSET[m[1]] + int(m[2])
    last = OFFSET[m[3] or m[1]] + int(m[4]) if m[4] else first
    return (first + last) / 2


def _span(view: View, region: str) -> tuple[float, float]:
    """Top and bottom y of a midline region on a view."""
    ys = [y for s in view.regions if s.id == region for r in s.rings for y in r[:, 1]]
    return max(ys), min(ys)


def expected_y(level: float, thoracic: tuple[float, float], lumbar: tuple[float, float]) -> tuple[float, float]:
    """The y of a level's middle and the height of one level there, from the two spine regions."""
    top, bottom = thoracic if level <= 12.5 else lumbar
    first, count = (1, 12) if level <= 12.5 else (13, 5)
    step = (top - bottom) / count
    return top - (level - first + 0.5) * step, step


def _points() -> list[tuple[str, str, float, float, float, float]]:
    """(id, label, level, y, expected y, one level's height) for every back point whose label names a level."""
    data = load_dataset()
    view = data.atlas.views["posterior"]
    thoracic, lumbar = _span(view, "thoracic_spine"), _span(view, "lumbar_spine")
    out = []
    for tp in data.trigger_points.values():
        level = level_of(tp.label)
        if tp.view == "posterior" and level is not None:
            want, step = expected_y(level, thoracic, lumbar)
            out.append((tp.id, tp.label, level, tp.y, want, step))
    return out


POINTS = _points()


@pytest.mark.parametrize(("tp_id", "label", "level", "y", "want", "step"), POINTS, ids=[p[0] for p in POINTS])
def test_back_point_sits_at_the_level_its_label_names(tp_id: str, label: str, level: float, y: float, want: float,
                                                      step: float) -> None:
    off = abs(y - want) / step
    assert off <= TOLERANCE, f"{tp_id}: '{label}' at y={y}, level {level} is at y={want:.1f} ({off:.1f} levels off)"


def test_the_check_covers_the_back() -> None:
    # the check must bite: the paraspinal, quadratus lumborum and multifidus points name their levels
    assert len(POINTS) >= 10, [p[0] for p in POINTS]


@pytest.mark.parametrize(("label", "level"), [
    ("mid-thoracic level (about T6), over the rib angles", 6),
    ("lower thoracic level (about T10-T11)", 10.5),
    ("upper lumbar level (about L1)", 13),
    ("lowest fibres at the L5-S1 level, beside the top of the sacrum", 17.5),
    ("deep (inner) fibres lower down, near L4-L5", 16.5),
    ("between the 2nd and 3rd metatarsals", None),
    ("TrP2 in the middle fibres", None),
])
def test_level_of_reads_labels(label: str, level: float | None) -> None:
    assert level_of(label) == level


@pytest.mark.parametrize(("level", "want"), [(1, 9.5), (12, -1.5), (13, 9.5), (17, 5.5), (17.5, 5.0)])
def test_expected_y_runs_down_each_region(level: float, want: float) -> None:
    # thoracic region 10 -> -2 (12 levels of 1), lumbar 10 -> 5 (5 levels of 1)
    y, step = expected_y(level, (10.0, -2.0), (10.0, 5.0))
    assert (y, step) == (pytest.approx(want), pytest.approx(1.0))
