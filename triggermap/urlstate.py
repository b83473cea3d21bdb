"""What each page keeps, and how it is read from and written to a link (pure functions).

Every state field names its query parameter and the kind of value it takes in its dataclass metadata, so one
parser and one writer serve every page: `parse(cls, params, allowed)` and `to_params(state)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

from .echo import inert, printable
from .labels import DEPTH_LABELS
from .selection import MAX_REGIONS
from .vocab import BODY_SIDES, Audience, Deck, Mode, QuizKind, Side, ViewId

VIEWS = ViewId.values()
MODES = Mode.values()
SIDES = tuple(s.value for s in BODY_SIDES)
REGION_SIDES = Side.values()
AUDIENCES = Audience.values()
MAX_SEED = 2**31 - 1
STUDY_KINDS = QuizKind.values()
STUDY_DIFFICULTIES = ("easy", "hard")
STUDY_DECKS = Deck.values()
SEGMENT_MODES = ("root", "condition")
DEPTHS = tuple(DEPTH_LABELS)
MAX_SEARCH = 100  # the Muscles search box's max_chars
NONE = "none"  # red flags answered, none ticked
T = TypeVar("T")


@dataclass(frozen=True)
class Allowed:
    """The ids a link may name, taken from the dataset (so parsing needs no data files)."""

    regions: frozenset[str] = frozenset()
    muscles: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    roots: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()


def _param(name: str, kind: str, allowed: Any, default: Any = MISSING, factory: Any = MISSING) -> Any:
    """A dataclass field carried by the URL as `name` (kind: choice, flag, int, ids, regions, text)."""
    meta = {"param": name, "kind": kind, "allowed": allowed}
    if factory is not MISSING:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Shared:
    """Kept on every page: who is reading, print size, the side for typed places, the red-flag answers."""

    audience: str = _param("audience", "choice", AUDIENCES, Audience.PATIENT.value)
    large_print: bool = _param("print", "flag", "large", False)
    side: str = _param("side", "choice", SIDES, Side.RIGHT.value)  # a plain str: widgets get it
    flags: list[str] = _param("redflags", "ids", "flags", factory=list)
    flags_answered: bool = False  # carried by `redflags` too: "none" when answered with nothing ticked


@dataclass
class BodyMapState:
    """Body map: view, mode, the painful areas and the muscle explored."""

    view: str = _param("view", "choice", VIEWS, "anterior")
    mode: str = _param("mode", "choice", MODES, "pain")
    regions: list[tuple[str, str]] = _param("regions", "regions", "regions", factory=list)
    muscle: str | None = _param("muscle", "choice", "muscles", None)


@dataclass
class MusclesState:
    """Muscles: the search text, the table's filters and the muscle whose card is open."""

    muscle: str | None = _param("muscle", "choice", "muscles", None)
    query: str = _param("search", "text", MAX_SEARCH, "")
    groups: list[str] = _param("area", "ids", "groups", factory=list)
    depths: list[str] = _param("depth", "ids", DEPTHS, factory=list)
    roots: list[str] = _param("root", "ids", "roots", factory=list)
    refers: list[str] = _param("refers", "ids", "regions", factory=list)


@dataclass
class ConditionsState:
    """Conditions: the condition shown and the view of its map."""

    condition: str | None = _param("condition", "choice", "conditions", None)
    view: str | None = _param("view", "choice", VIEWS, None)  # None: the view showing most of the pattern


@dataclass
class SegmentsState:
    """IMS segments: start from a root or from a condition, and the root shown."""

    mode: str = _param("start", "choice", SEGMENT_MODES, "root")
    root: str = _param("root", "choice", "roots", "C6")
    condition: str | None = _param("condition", "choice", "conditions", None)
    lookup: str | None = _param("muscle", "choice", "muscles", None)  # "Look up a muscle's roots"


@dataclass
class StudyState:
    """Study: the deck's settings and seed (so a teacher can share a deck)."""

    kind: str = _param("kind", "choice", STUDY_KINDS, "name_the_muscle")
    group: str = _param("area", "choice", "groups", "all")
    difficulty: str = _param("level", "choice", STUDY_DIFFICULTIES, "easy")
    deck: str = _param("deck", "choice", STUDY_DECKS, "common")
    seed: int | None = _param("seed", "int", MAX_SEED, None)


def _clean(value: Any) -> str:
    """A parameter value cut short, keeping only characters ids use, so a notice cannot inject markup."""
    return re.sub(r"[^\w:,.-]", "?", str(value)[:1000])


def _ignored(what: str, value: str, limit: int) -> str:
    """The notice for an ignored link part: its name, and its value as inert inline code."""
    return f"Ignored unknown {what} {inert(value, limit)}." if value.strip() else f"Ignored an empty {what}."


def _choices(spec: Any, allowed: Allowed) -> Any:
    """The allowed values of a field: a literal tuple, or the name of an Allowed attribute."""
    return getattr(allowed, spec) if isinstance(spec, str) and hasattr(allowed, spec) else spec


def _read(kind: str, raw: str, choices: Any, notices: list[str], name: str) -> Any:
    """One parameter's value, or MISSING (with a notice) when it is not acceptable."""
    if kind == "text":  # free text shown only inside a text box, never as markdown; hidden characters dropped
        text = printable(raw, choices + 1).strip()
        if len(text) > choices:
            notices.append(f"Ignored a {name} longer than {choices} characters.")
            return MISSING
        return text
    if kind == "flag":
        return raw == choices
    if kind == "int":
        ok = raw.isdigit() and int(raw) <= choices
        if not ok:
            notices.append(_ignored(name, raw, 20))
        return int(raw) if ok else MISSING
    if kind == "choice":
        if raw in choices:
            return raw
        notices.append(_ignored(name, raw, 20))
        return MISSING
    if kind == "ids":
        items = [] if raw == NONE else raw[:800].split(",")[:MAX_REGIONS]
        good = [i for i in dict.fromkeys(items) if i in choices]
        notices += [_ignored(name, i, 30) for i in items if i not in choices]
        return good
    return _regions(raw, choices, notices)


def _regions(raw: str, region_ids: Any, notices: list[str]) -> list[tuple[str, str]]:
    """`region:side,…` pairs, known ones only, no repeats, at most MAX_REGIONS."""
    out: list[tuple[str, str]] = []
    for item in raw[:800].split(",")[:MAX_REGIONS] if raw else []:
        region, _, side = item.partition(":")
        if region in region_ids and side in REGION_SIDES:
            if (region, side) not in out:
                out.append((region, side))
        else:
            notices.append(_ignored("region", item, 30))
    return out


def parse(cls: type[T], params: Mapping[str, Any], allowed: Allowed) -> tuple[T, list[str]]:
    """Read a state from query parameters; ignore bad values, returning a short notice for each."""
    raw = {k: str(v) for k, v in dict(params).items()}
    params = {k: _clean(v) for k, v in raw.items()}
    values: dict[str, Any] = {}
    notices: list[str] = []
    for f in fields(cls):  # type: ignore[arg-type]
        name = f.metadata.get("param")
        if isinstance(name, str) and name in params:
            kind = f.metadata["kind"]
            value = _read(kind, (raw if kind == "text" else params)[name], _choices(f.metadata["allowed"], allowed),
                          notices, name)
            if value is not MISSING:
                values[f.name] = value
    state = cls(**values)
    if isinstance(state, Shared):
        state.flags_answered = "redflags" in params
    return state, notices


def _write(kind: str, value: Any, spec: Any) -> str:
    """One field's value as a parameter string."""
    if kind == "flag":
        return str(spec)
    if kind == "regions":
        return ",".join(f"{r}:{s}" for r, s in value)
    if kind == "ids":
        return ",".join(value)
    return str(value)


def to_params(state: Any) -> dict[str, str]:
    """Query parameters that reproduce a state; fields at their default are left out."""
    out = {}
    for f in fields(state):
        if "param" not in f.metadata:
            continue
        value = getattr(state, f.name)
        default = f.default_factory() if f.default is MISSING else f.default  # type: ignore[operator]
        if value != default and value is not None:
            out[f.metadata["param"]] = _write(f.metadata["kind"], value, f.metadata["allowed"])
    if isinstance(state, Shared) and state.flags_answered and not state.flags:
        out["redflags"] = NONE
    return out
