"""Muscle layer: one outline per muscle per view, drawn on the viewer-left side and mirrored.

Each view's list lives in muscles_<view>.py as `M(...)` entries. Shapes follow the attachments
recorded in data/muscle_attachments.csv (origin -> insertion). Depth comes from muscles.csv;
`depth=` in an entry overrides it for that view (a muscle can be superficial on one view and
deep on another), and must be given for a muscle that is not in muscles.csv yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import Polygon
from shapely.ops import unary_union

from .shapes import along, chaikin

DEPTHS = ("superficial", "deep")


@dataclass(frozen=True)
class M:
    """One muscle outline: control polygons (one or several pieces) in the view's frame."""

    id: str
    pieces: tuple
    mirror: bool = True
    depth: str | None = None
    smooth: int = 3


def muscle(mid: str, *pieces, mirror: bool = True, depth: str | None = None, smooth: int = 3) -> M:
    """Declare a muscle outline made of one or more control polygons."""
    return M(mid, tuple(pieces), mirror, depth, smooth)


def strip(axis, u0, u1, s0, s1, steps=8):
    """A band along a limb axis between fractional joints u0..u1 and offsets s0..s1."""
    us = [u0 + (u1 - u0) * i / steps for i in range(steps + 1)]
    return [along(axis, u, s0) for u in us] + [along(axis, u, s1) for u in reversed(us)]


def belly(axis, pts):
    """A band along a limb axis through (u, s, width) points; width in radii, so it can taper."""
    a = [along(axis, u, s - w / 2) for u, s, w in pts]
    b = [along(axis, u, s + w / 2) for u, s, w in reversed(pts)]
    return a + b


def band(axis, pts, width):
    """A band following (u, s) points along a limb axis, width in radii."""
    return belly(axis, [(u, s, width) for u, s in pts])


def line(points, width):
    """A band of constant width along a polyline given in view coordinates."""
    from shapely.geometry import LineString

    return list(LineString(points).buffer(width / 2, cap_style="flat", join_style="round").exterior.coords)


def shape_of(entry: M):
    """Smoothed, mirrored geometry of one entry."""
    polys = []
    for pts in entry.pieces:
        pts = list(pts)
        poly = Polygon(chaikin(pts, entry.smooth)).buffer(0) if entry.smooth else Polygon(pts).buffer(0)
        if poly.is_empty or not poly.is_valid:
            poly = Polygon(pts).buffer(0)
        polys.append(poly)
    shape = unary_union(polys)
    if entry.mirror:
        shape = unary_union([shape, affinity.scale(shape, xfact=-1, origin=(50, 0))])
    return shape


def _spec(view_id):
    from . import muscles_anterior, muscles_foot, muscles_head, muscles_posterior

    return {"anterior": muscles_anterior.SPEC, "posterior": muscles_posterior.SPEC,
            "head_neck": muscles_head.SPEC, "foot": muscles_foot.SPEC}[view_id]


def for_view(view_id, depth_of: dict[str, str]):
    """Muscle shapes of one view with their drawing depth; deep ones first so superficial draw on top."""
    out = []
    seen = set()
    for entry in _spec(view_id):
        if entry.id in seen:
            raise SystemExit(f"{view_id}: muscle {entry.id} declared twice; give one entry several pieces")
        seen.add(entry.id)
        depth = entry.depth or depth_of.get(entry.id)
        if depth is None:
            raise SystemExit(f"{view_id}: no depth for muscle {entry.id}; add it to data/muscles.csv "
                             "or give depth= in the spec")
        depth = "superficial" if depth == "superficial" else "deep"
        out.append({"id": entry.id, "muscles": [entry.id], "depth": depth, "shape": shape_of(entry)})
    return sorted(out, key=lambda m: DEPTHS.index(m["depth"]) * -1)
