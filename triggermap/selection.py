"""Turn body-map taps into the app's selection (pure functions); links are read by urlstate.py."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from .vocab import Side

MAX_REGIONS = 20
RegionSide = tuple[str, str]  # (region id, side): one selected place


@dataclass(frozen=True)
class Tap:
    """What a tap changed: the region selection, and the muscle (with its side) a × or outline chose."""

    regions: list[tuple[str, str]]
    muscle: str | None = None
    side: str | None = None


def _pair(item: Any, allowed: Collection[tuple[str, str]]) -> tuple[str, str] | None:
    """A (region, side) pair from a browser list item, or None when it is not a drawn region."""
    if isinstance(item, (list, tuple)) and len(item) == 2 and all(isinstance(v, str) for v in item):
        pair = (item[0], item[1])
        return pair if pair in allowed else None
    return None


def apply_tap(selected: list[tuple[str, str]], event: Any, regions: Collection[tuple[str, str]],
              point_muscles: Mapping[str, str], muscles: Collection[str]) -> Tap:
    """Fold one map event into the selection; anything malformed leaves it unchanged.

    Region taps carry the browser's whole selection ('sel'), so two quick taps whose reruns merge lose
    nothing; without it the tapped region is toggled. A × or muscle outline chooses that muscle.
    """
    selected = list(selected)
    if not isinstance(event, dict):
        return Tap(selected)
    kind, ident, side = event.get("k"), event.get("id"), event.get("side")
    if not isinstance(ident, str) or side not in Side.values():
        return Tap(selected)
    if kind == "r":
        sel = event.get("sel")
        if isinstance(sel, list):
            pairs = [p for p in (_pair(item, regions) for item in sel[:MAX_REGIONS * 5]) if p]
            return Tap(list(dict.fromkeys(pairs))[:MAX_REGIONS])
        if (ident, side) in selected:
            selected.remove((ident, side))
        elif (ident, side) in regions and len(selected) < MAX_REGIONS:
            selected.append((ident, side))
        return Tap(selected)
    side = None if side == "midline" else side
    if kind == "t" and ident in point_muscles:
        return Tap(selected, point_muscles[ident], side)
    if kind == "m" and ident in muscles:
        return Tap(selected, ident, side)
    return Tap(selected)
