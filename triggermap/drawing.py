"""The atlas drawn as SVG: one drawing for the screen, exported pictures and print (pure, no streamlit).

A view's markup (regions, silhouette, muscle shapes, trigger points, caution zones, R/L labels) is the
geometry; which elements are selected, shaded, filled or shown is a small state dict of element ids per
class. The browser keeps the geometry and applies each new state; static pictures bake the state in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any, overload

import numpy as np
import numpy.typing as npt
from shapely.geometry import Polygon, box

from . import palette as pal
from .atlas import View
from .vocab import Side

# Classes the state sets on elements; everything else about an element is fixed geometry.
STATE_CLASSES = ("sel", "ess", "spill", "fill", "hl", "on")
STIPPLE = 1.5   # stipple tile (units): two dots per tile, so a finger (about 2 units wide) shows several
HATCH = 1.4     # caution hatch spacing (units)
LINE_HEIGHT = 7.0  # R/L label size (units)

Coords = npt.NDArray[np.float64]  # x or y values, or (n, 2) rings of points


@dataclass(frozen=True)
class Mark:
    """A trigger point as drawn: its id, muscle, label and position on the patient's right side."""

    id: str
    muscle: str
    label: str
    x: float
    y: float


def region_id(region: str, side: str) -> str:
    """Element id of a pain region on one side ('midline' for regions on the midline)."""
    return f"r-{region}-{side}"


def point_id(point: str, side: str) -> str:
    """Element id of a trigger point drawn on one side."""
    return f"t-{point}-{side}"


def muscle_id(shape: str, side: str) -> str:
    """Element id of a muscle shape on one side."""
    return f"m-{shape}-{side}"


def other(side: str) -> str:
    """The opposite side; midline stays midline."""
    flipped: dict[str, str] = {Side.RIGHT: Side.LEFT, Side.LEFT: Side.RIGHT}
    return flipped.get(side, side)


def _num(v: float) -> str:
    """A coordinate with one decimal, no trailing '.0' (the geometry is sent as text)."""
    return f"{round(float(v), 1):g}"


class Frame:
    """Data coordinates (y up, patient's right as drawn) to SVG coordinates (y down), optionally mirrored."""

    def __init__(self, view: View, flip: bool = False) -> None:
        self.view, self.flip = view, flip
        self.x_sum, self.y_sum = sum(view.x_range), sum(view.y_range)

    @overload
    def xy(self, x: float, y: float) -> tuple[float, float]: ...
    @overload
    def xy(self, x: Coords, y: Coords) -> tuple[Coords, Coords]: ...

    def xy(self, x: float | Coords, y: float | Coords) -> tuple[float | Coords, float | Coords]:
        """SVG position of a data point (arrays or floats)."""
        return (self.x_sum - x if self.flip else x), self.y_sum - y

    def path(self, rings: Iterable[Coords]) -> str:
        """One SVG path 'd' for several closed rings."""
        parts = []
        for ring in rings:
            xs, ys = self.xy(ring[:, 0], ring[:, 1])
            pts = " ".join(f"{_num(a)} {_num(b)}" for a, b in zip(xs, ys, strict=True))
            parts.append(f"M{pts}Z")
        return "".join(parts)

    def side(self, side: str) -> str:
        """Patient side of a region after the optional mirror of a single-side view."""
        return other(side) if self.flip else side

    def ring_side(self, ring: Coords) -> str:
        """Patient side of a muscle ring: single-side views show one side; else by which half it lies in."""
        if self.view.single_side:
            return Side.LEFT if self.flip else Side.RIGHT
        mid = self.x_sum / 2
        cx = float(ring[:, 0].mean())
        if abs(cx - mid) < 1.0:
            return Side.MIDLINE
        return self.view.viewer_left_side if cx < mid else other(self.view.viewer_left_side)

    def ring_halves(self, ring: Coords) -> list[Coords]:
        """A muscle ring drawn across the midline (both trapezii as one shape) cut into its two sides, so a
        muscle chosen on one side fills that side only; other rings as they are."""
        mid = self.x_sum / 2
        if self.view.single_side or ring[:, 0].min() > mid - 1 or ring[:, 0].max() < mid + 1:
            return [ring]
        (y0, y1), poly = self.view.y_range, Polygon(ring)
        halves = []
        for lo, hi in ((self.view.x_range[0] - 1, mid), (mid, self.view.x_range[1] + 1)):
            part = poly.intersection(box(lo, y0 - 1, hi, y1 + 1))
            for piece in getattr(part, "geoms", [part]):
                if isinstance(piece, Polygon) and piece.area > 0.05:
                    halves.append(np.asarray(piece.exterior.coords)[:-1])
        return halves or [ring]

    def mark_sides(self, mark: Mark) -> list[tuple[str, float, float]]:
        """(side, svg x, svg y) of a trigger point: both sides on the body views, one on a single-side view."""
        if self.view.single_side:
            return [(Side.LEFT if self.flip else Side.RIGHT, *self.xy(mark.x, mark.y))]
        x, y = self.xy(mark.x, mark.y)
        return [(Side.RIGHT, x, y), (Side.LEFT, self.x_sum - x, y)]


def style(prefix: str = "") -> str:
    """The drawing's CSS: the same rules style the screen map, exported pictures and print."""
    r = pal.rendered()
    return f"""
.body{{fill:{pal.BODY};stroke:{pal.BODY_EDGE};stroke-width:.45}}
.rg{{fill:{pal.BODY};fill-opacity:0;stroke:{pal.REGION_EDGE};stroke-width:.14}}
.rg.sel{{fill:{pal.SELECT};fill-opacity:{pal.FILL_ALPHA['select']};stroke:{pal.SELECT};stroke-width:.45}}
.rg.ess{{fill:{pal.ESSENTIAL};fill-opacity:{pal.FILL_ALPHA['essential']};stroke:{pal.ESSENTIAL};stroke-width:.3}}
.rg.spill{{fill:url(#{prefix}stip);fill-opacity:1;stroke:{pal.ESSENTIAL};stroke-width:.42;
stroke-dasharray:.05 .55;stroke-linecap:round}}
.cz{{fill:url(#{prefix}hatch);stroke:{pal.CAUTION};stroke-width:.3;stroke-dasharray:1 .6;display:none}}
.cautions .cz{{display:inline}}
.ms{{fill:{pal.MUSCLE};fill-opacity:.07;stroke:{pal.OUTLINE};stroke-width:.32}}
.ms.deep{{fill-opacity:.03;stroke-dasharray:1.1 .7}}
.ms.hl{{stroke:{pal.MUSCLE};stroke-width:.75}}
.ms.fill{{fill:{pal.MUSCLE};fill-opacity:.42;stroke:{pal.MUSCLE};stroke-width:.75}}
.ms.deep.fill{{fill-opacity:.22}}
.has-chosen .ms:not(.fill):not(.hl){{fill-opacity:0;stroke-opacity:.3}}
.tp{{display:none}} .tp.on{{display:inline}}
.tp{{stroke:#000;stroke-width:.6;stroke-linecap:round;fill:none}}
.lbl{{font-family:'DejaVu Sans',sans-serif;font-weight:bold;font-size:{LINE_HEIGHT}px;fill:#333}}
.large .rg{{stroke-width:.25}} .large .tp{{stroke-width:.85}} .large .ms{{stroke-width:.5}}
.mode-pain .ms,.mode-pain .tp{{display:none}} .still .ms{{display:none}} .still .ms.fill,.still .ms.hl{{display:inline}}
.bg{{fill:{r['spillover']}}} .dot{{fill:{pal.ESSENTIAL}}}
"""


def _defs(prefix: str) -> str:
    """Stipple (spillover) and hatch (caution) patterns, in drawing units so they scale with the map."""
    s, h, q = STIPPLE, HATCH, STIPPLE / 4
    return (f'<defs><pattern id="{prefix}stip" patternUnits="userSpaceOnUse" width="{s}" height="{s}">'
            f'<rect class="bg" width="{s}" height="{s}"/><circle class="dot" cx="{q}" cy="{q}" r=".3"/>'
            f'<circle class="dot" cx="{3 * q}" cy="{3 * q}" r=".3"/></pattern>'
            f'<pattern id="{prefix}hatch" patternUnits="userSpaceOnUse" width="{h}" height="{h}" '
            f'patternTransform="rotate(45)"><line x1=".2" y1="0" x2=".2" y2="{h}" stroke="{pal.CAUTION}" '
            f'stroke-width=".32"/></pattern><g id="{prefix}xm"><circle r="1.5" fill="#fff" fill-opacity="0" '
            'stroke="#fff" stroke-opacity=".85" stroke-width=".35"/><path d="M-1 -1L1 1M-1 1L1 -1"/></g></defs>')


def _attrs(el_id: str, kind: str, label: str, data: dict[str, str], interactive: bool) -> str:
    """id, data-* and (for the interactive map) kind and label; the browser adds role, tabindex and aria."""
    if not interactive:
        return f' id="{el_id}"'
    extra = "".join(f' data-{k}="{escape(v)}"' for k, v in data.items())
    return f' id="{el_id}" data-k="{kind}"{extra} data-label="{escape(label)}"'


def _cls(base: str, el_id: str, classes: dict[str, set[str]]) -> str:
    """Class attribute: the base class plus the state classes that list this element."""
    return " ".join([base, *(c for c, ids in classes.items() if el_id in ids)])


@lru_cache(maxsize=64)
def region_paths(view: View, flip: bool) -> tuple[tuple[str, str, str], ...]:
    """(region id, patient side, path) per region element, rings of the same region and side joined."""
    frame = Frame(view, flip)
    grouped: dict[tuple[str, str], list[Any]] = {}
    for shape in view.regions:
        grouped.setdefault((shape.id, frame.side(shape.side)), []).extend(shape.rings)
    return tuple((rid, side, frame.path(rings)) for (rid, side), rings in grouped.items())


@lru_cache(maxsize=64)
def muscle_paths(view: View, flip: bool) -> tuple[tuple[str, str, str, str, tuple[str, ...]], ...]:
    """(shape id, side, depth, path, muscles) per muscle element: deep shapes first, superficial on top."""
    frame, out = Frame(view, flip), []
    for shape in sorted(view.muscles, key=lambda m: m.depth != "deep"):
        sides: dict[str, list[Coords]] = {}
        for ring in (half for r in shape.rings for half in frame.ring_halves(r)):
            sides.setdefault(frame.ring_side(ring), []).append(ring)
        out += [(shape.id, side, shape.depth, frame.path(rings), shape.muscles) for side, rings in sides.items()]
    return tuple(out)


def _inside(d: str, box: tuple[float, float, float, float]) -> bool:
    """Whether a path's bounding box meets a view box."""
    nums = np.array(d.replace("M", " ").replace("Z", " ").split(), dtype=float).reshape(-1, 2)
    (ax, ay), (bx, by) = nums.min(axis=0), nums.max(axis=0)
    x, y, w, h = box
    return bool(bx >= x and ax <= x + w and by >= y and ay <= y + h)


def _side_text(side: str) -> str:
    return "" if side == "midline" else f", {side}"


def draw_view(view: View, labels: dict[str, str], marks: Sequence[Mark] = (), names: dict[str, str] | None = None,
              *, flip: bool = False, interactive: bool = True, state: dict[str, Any] | None = None, prefix: str = "",
              crop: tuple[float, float, float, float] | None = None, title: str = "") -> str:
    """One view as an <svg>: geometry with element ids; a state dict bakes selection and shading in.

    marks are the view's trigger points (patient's right); names maps muscle id → name for labels.
    With interactive=False the elements carry no button semantics and the whole picture is one image.
    """
    names = names or {}
    baked = state is not None and not interactive  # a finished picture: leave out what it does not show
    state = state or {}
    classes = {c: set(state.get("cls", {}).get(c, ())) for c in STATE_CLASSES}
    frame = Frame(view, flip)
    (x0, x1), (y0, y1) = view.x_range, view.y_range
    box = crop or (x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2)
    root = [f"mode-{state.get('mode', 'static')}"] + [c for c in ("cautions", "large") if state.get(c)]
    root += [] if interactive else ["still"]
    role = "group" if interactive else "img"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(_num(v) for v in box)}" '
           f'class="{" ".join(root)}" role="{role}" aria-label="{escape(title or view.title)}" '
           f'preserveAspectRatio="xMidYMid meet">',
           f"<style>{style(prefix)}</style>", _defs(prefix),
           f'<path class="body" d="{frame.path(view.silhouette)}"/>']
    for rid, side, d in region_paths(view, flip):
        el = region_id(rid, side)
        if crop and not _inside(d, box):  # a zoomed picture leaves out what it cannot show
            continue
        label = f"{labels.get(rid, rid)}{_side_text(side)}"
        out.append(f'<path class="{_cls("rg", el, classes)}" d="{d}"'
                   f'{_attrs(prefix + el, "r", label, {"id": rid, "side": side}, interactive)}/>')
    for c in view.cautions:
        out.append(f'<path class="cz" d="{frame.path(c.rings)}"/>')
    out += _muscles(view, flip, names, classes, interactive, prefix, baked)
    out += _labels(view, flip)
    out += _marks(frame, marks, names, classes, interactive, prefix, baked)
    out.append('<g class="badges"></g></svg>')
    return "".join(out)


def _muscles(view: View, flip: bool, names: dict[str, str], classes: dict[str, set[str]], interactive: bool,
             prefix: str, baked: bool) -> list[str]:
    """Muscle shapes; a finished picture draws only the ones its state fills or outlines."""
    out = []
    for shape, side, depth, d, muscles in muscle_paths(view, flip):
        el = muscle_id(shape, side)
        if baked and not (el in classes["fill"] or el in classes["hl"]):
            continue
        who = ", ".join(names.get(m, m.replace("_", " ")) for m in muscles)
        label = f"Muscle: {who}{_side_text(side)}" + (" (deep)" if depth == "deep" else "")
        base = "ms deep" if depth == "deep" else "ms"
        out.append(f'<path class="{_cls(base, el, classes)}" d="{d}"'
                   f'{_attrs(prefix + el, "m", label, {"id": muscles[0], "side": side}, interactive)}/>')
    return out


def _labels(view: View, flip: bool) -> list[str]:
    """R and L from the patient's point of view, mirrored with the drawing."""
    out = []
    frame = Frame(view, flip)
    for text, (x, y) in view.labels.items():
        text = {"R": "L", "L": "R"}.get(text, text) if flip else text
        sx, sy = frame.xy(x, y)
        out.append(f'<text class="lbl" x="{_num(sx)}" y="{_num(sy + LINE_HEIGHT / 3)}" text-anchor="middle" '
                   f'aria-hidden="true">{escape(text)}</text>')
    return out


def _marks(frame: Frame, marks: Sequence[Mark], names: dict[str, str], classes: dict[str, set[str]],
           interactive: bool, prefix: str, baked: bool) -> list[str]:
    """Trigger points (×) on each side; a finished picture draws only the shown ones."""
    out = []
    for mark in marks:
        for side, x, y in frame.mark_sides(mark):
            el = point_id(mark.id, side)
            if baked and el not in classes["on"]:
                continue
            label = f"Trigger point of {names.get(mark.muscle, mark.muscle)}: {mark.label}{_side_text(side)}"
            data = {"id": mark.id, "m": mark.muscle, "side": side}
            out.append(f'<g class="{_cls("tp", el, classes)}" transform="translate({_num(x)} {_num(y)})"'
                       f'{_attrs(prefix + el, "t", label, data, interactive)}><use href="#{prefix}xm"/></g>')
    return out
