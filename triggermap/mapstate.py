"""What a map shows: the small state dict the drawing applies, and which view shows a pattern best (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .atlas import View
from .drawing import Frame, Mark, muscle_id, muscle_paths, point_id, region_id
from .vocab import Side

VIEW_ORDER = ("anterior", "posterior", "head_neck", "foot")


def best_view(view_regions: Mapping[str, Iterable[str]], essential: Iterable[str], spillover: Iterable[str] = (),
              points: dict[str, int] | None = None) -> str:
    """The view showing most of the main zone; on a tie a close-up view (head, soles), which draws the
    zones larger, then most of the spillover, then most trigger points, then the usual view order.

    One function for the body map, conditions, the handout and the quiz.
    """
    ess, spill, points = set(essential), set(spillover), points or {}
    order = [v for v in VIEW_ORDER if v in view_regions] + sorted(set(view_regions) - set(VIEW_ORDER))
    sets = {v: set(view_regions[v]) for v in order}
    largest = max((len(r) for r in sets.values()), default=0)
    def score(v: str) -> tuple[float, ...]:
        shown = len(sets[v] & ess)
        return shown, shown > 0 and len(sets[v]) < largest / 2, len(sets[v] & spill), points.get(v, 0), -order.index(v)

    return max(order, key=score)


def views_showing(view_regions: Mapping[str, Iterable[str]], regions: Iterable[str], first: str) -> list[str]:
    """Views drawing any of the regions, the given one first, the rest in the usual order."""
    wanted = set(regions)
    rest = [v for v in VIEW_ORDER if v in view_regions and v != first and wanted & set(view_regions[v])]
    return [first, *rest]


def pattern_classes(view: View, essential: Iterable[str], spillover: Iterable[str], side: str = Side.RIGHT,
                    flip: bool = False) -> dict[str, list[str]]:
    """Element ids to shade for a referral pattern drawn on one side (midline regions on either side)."""
    ess, spill = set(essential), set(spillover) - set(essential)
    out: dict[str, list[str]] = {"ess": [], "spill": []}
    for shape in view.regions:
        shown = Frame(view, flip).side(shape.side)
        if shown not in (side, "midline"):
            continue
        el = region_id(shape.id, shown)
        for cls, ids in (("ess", ess), ("spill", spill)):
            if shape.id in ids and el not in out[cls]:
                out[cls].append(el)
    return out


def selection_classes(regions: Iterable[tuple[str, str]]) -> list[str]:
    """Element ids of selected (region, side) pairs."""
    return [region_id(r, s) for r, s in regions]


def muscle_elements(view: View, muscles: Iterable[str], side: str | None, flip: bool = False) -> list[str]:
    """Element ids of the shapes of some muscles, on one side (None: both sides)."""
    wanted = set(muscles)
    return [muscle_id(shape, s) for shape, s, _, _, ms in muscle_paths(view, flip)
            if wanted & set(ms) and (side is None or s in (side, "midline"))]


def point_elements(view: View, marks: list[Mark], muscles: Iterable[str] | None, side: str,
                   flip: bool = False) -> list[str]:
    """Element ids of the trigger points of some muscles (None: all) shown on one side."""
    wanted = None if muscles is None else set(muscles)
    frame = Frame(view, flip)
    return [point_id(m.id, s) for m in marks if wanted is None or m.muscle in wanted
            for s, _, _ in frame.mark_sides(m) if s == side]


def map_state(mode: str, cls: dict[str, list[str]] | None = None, cautions: bool = False, large: bool = False,
              chosen: str | None = None, focus: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
    """The state dict sent to the browser: mode, element ids per class, layers switched on, and the box
    (x, y, w, h in drawing units) the map zooms onto."""
    return {"mode": mode, "cls": {k: list(v) for k, v in (cls or {}).items() if v}, "cautions": cautions,
            "large": large, "chosen": chosen, "focus": [round(v, 1) for v in focus] if focus else None}
