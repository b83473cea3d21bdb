"""Turn body-map taps and URL parameters into the app's state (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .echo import inert
from .vocab import BODY_SIDES, Audience, Mode, Side, ViewId

MAX_REGIONS = 20
RegionSide = tuple[str, str]  # (region id, side): one selected place
T = TypeVar("T")


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


@dataclass
class UrlState:
    """What a shared link can carry."""

    view: str = ViewId.ANTERIOR.value
    mode: str = Mode.PAIN.value
    regions: list[RegionSide] = field(default_factory=list)
    muscle: str | None = None
    condition: str | None = None
    audience: str = Audience.PATIENT.value
    side: str = Side.RIGHT.value


def _ignored(what: str, value: str, limit: int) -> str:
    """The notice for an ignored link part: its name, and its value as inert inline code."""
    return f"Ignored unknown {what} {inert(value, limit)}." if value.strip() else f"Ignored an empty {what}."


def parse_params(params: Mapping[str, Any], region_ids: Collection[str], muscle_ids: Collection[str],
                 condition_ids: Collection[str]) -> tuple[UrlState, list[str]]:
    """Read query parameters; ignore bad ones, returning a short notice for each."""
    state, notices = UrlState(), list[str]()
    # Notices echo values into markdown toasts: keep only characters ids use, and show them as inline code
    # (inert), so a link cannot inject markup, a live link (www.…) or an emoji shortcode (:…:).
    params = {k: re.sub(r"[^\w:,.-]", "?", str(v)[:1000]) for k, v in dict(params).items()}

    def pick(key: str, allowed: Collection[str], default: T) -> str | T:
        value = str(params.get(key, default))[:40]
        if value not in allowed:
            notices.append(_ignored(key, value, 20))
            return default
        return value

    if "view" in params:
        state.view = pick("view", ViewId.values(), state.view)
    if "mode" in params:
        state.mode = pick("mode", Mode.values(), state.mode)
    if "audience" in params:
        state.audience = pick("audience", Audience.values(), state.audience)
    if "side" in params:
        state.side = pick("side", BODY_SIDES, state.side)
    if "muscle" in params:
        state.muscle = pick("muscle", set(muscle_ids), None)
    if "condition" in params:
        state.condition = pick("condition", set(condition_ids), None)
    for item in str(params.get("regions", ""))[:800].split(",")[:MAX_REGIONS] if params.get("regions") else []:
        region, _, side = item.partition(":")
        if region in region_ids and side in Side.values():
            if (region, side) not in state.regions:
                state.regions.append((region, side))
        else:
            notices.append(_ignored("region", item, 30))
    return state, notices


def to_params(state: UrlState) -> dict[str, str]:
    """Query parameters that reproduce a screen (defaults left out)."""
    out = {"view": state.view, "mode": state.mode, "audience": state.audience}
    if state.regions:
        out["regions"] = ",".join(f"{r}:{s}" for r, s in state.regions)
    if state.muscle:
        out["muscle"] = state.muscle
    if state.condition:
        out["condition"] = state.condition
    if state.side != Side.RIGHT:
        out["side"] = state.side
    return out
