"""Turn plotly selection events and URL parameters into the app's state (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .echo import inert
from .vocab import BODY_SIDES, Audience, Click, Mode, Side, ViewId

MAX_REGIONS = 20
RegionSide = tuple[str, str]  # (region id, side): one selected place
T = TypeVar("T")


def _codes(event: Any) -> list[int]:
    """Integer customdata codes of the clicked points in a streamlit plotly event."""
    try:
        points = (event or {}).get("selection", {}).get("points", [])
    except AttributeError:
        return []
    codes = []
    for p in points if isinstance(points, list) else ():
        value = p.get("customdata") if isinstance(p, dict) else None
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e12:  # not NaN/inf
            codes.append(int(value))
    return codes


def apply_event(selected: Sequence[RegionSide], event: Any, table: Sequence[Sequence[str]], point_ids: Sequence[str],
                outline_muscles: Sequence[str] = ()) -> tuple[list[RegionSide], str | None, str | None]:
    """Toggle clicked regions; return the selection, the clicked trigger point and clicked muscle outline."""
    picked = [(r, s) for r, s in selected]
    clicked_point: str | None = None
    clicked_muscle: str | None = None
    for kind, idx in filter(None, map(Click.decode, _codes(event))):
        if kind is Click.POINT:
            if idx < len(point_ids):
                clicked_point = point_ids[idx]
        elif kind is Click.OUTLINE:
            if idx < len(outline_muscles):
                clicked_muscle = outline_muscles[idx]
        elif idx < len(table):
            region, side = table[idx]
            if (region, side) in picked:
                picked.remove((region, side))
            elif len(picked) < MAX_REGIONS:
                picked.append((region, side))
    return picked, clicked_point, clicked_muscle


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
