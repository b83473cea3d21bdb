"""Shape helpers for the atlas spec: smooth outlines, tapered limbs, seeds along limb axes."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, Polygon
from shapely.ops import unary_union


def chaikin(points, iterations: int = 4, closed: bool = True) -> list[tuple[float, float]]:
    """Round a control polygon by Chaikin corner cutting (repeat a point to keep a corner)."""
    pts = np.asarray(points, dtype=float)
    for _ in range(iterations):
        nxt = np.roll(pts, -1, axis=0) if closed else pts[1:]
        cur = pts if closed else pts[:-1]
        q = 0.75 * cur + 0.25 * nxt
        r = 0.25 * cur + 0.75 * nxt
        pts = np.empty((2 * len(cur), 2))
        pts[0::2], pts[1::2] = q, r
    return [tuple(p) for p in pts]


def mirror_x(points, cx: float = 50.0) -> list[tuple[float, float]]:
    """Mirror points across the vertical line x = cx."""
    return [(2 * cx - x, y) for x, y in points]


def half_outline(left_half, cx: float = 50.0, iterations: int = 4) -> Polygon:
    """Close a left-half outline (top centre → bottom centre) with its mirror and smooth it."""
    right = mirror_x(left_half[1:-1][::-1], cx)
    return Polygon(chaikin(list(left_half) + right, iterations)).buffer(0)


def outline(points, iterations: int = 4) -> Polygon:
    """Smooth a closed control polygon into a polygon."""
    return Polygon(chaikin(points, iterations)).buffer(0)


def limb(axis) -> Polygon:
    """Make a tapered limb: the union of hulls of consecutive circles (x, y, r)."""
    circles = [Point(x, y).buffer(r, quad_segs=16) for x, y, r in axis]
    hulls = [MultiPoint(list(a.exterior.coords) + list(b.exterior.coords)).convex_hull
             for a, b in zip(circles, circles[1:], strict=False)]
    return unary_union(hulls)


def capsule(x0, y0, r0, x1, y1, r1) -> Polygon:
    """Make a tapered capsule between two circles."""
    return limb([(x0, y0, r0), (x1, y1, r1)])


def ellipse(cx, cy, rx, ry, angle: float = 0.0) -> Polygon:
    """Make an ellipse, rotated by angle degrees."""
    t = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    x, y = rx * np.cos(t), ry * np.sin(t)
    a = np.radians(angle)
    xr = cx + x * np.cos(a) - y * np.sin(a)
    yr = cy + x * np.sin(a) + y * np.cos(a)
    return Polygon(np.column_stack([xr, yr]))


def along(axis, u: float, s: float) -> tuple[float, float]:
    """Point at fractional axis index u, offset s radii across (s > 0 towards +x side)."""
    axis = np.asarray(axis, dtype=float)
    i = int(min(max(np.floor(u), 0), len(axis) - 2))
    f = u - i
    a, b = axis[i], axis[i + 1]
    x, y, r = a + f * (b - a)
    d = (b[:2] - a[:2]) / np.hypot(*(b[:2] - a[:2]))
    normal = np.array([-d[1], d[0]])
    if normal[0] < 0:
        normal = -normal
    return (float(x + s * r * normal[0]), float(y + s * r * normal[1]))


def half_plane_left_of(polyline, xmin: float = -10.0) -> Polygon:
    """Area left of a top-to-bottom polyline (closed along x = xmin)."""
    pts = list(polyline)
    return Polygon(pts + [(xmin, pts[-1][1]), (xmin, pts[0][1])]).buffer(0)


def below(polyline, ymin: float = -10.0) -> Polygon:
    """Area below a left-to-right polyline."""
    pts = list(polyline)
    return Polygon(pts + [(pts[-1][0], ymin), (pts[0][0], ymin)]).buffer(0)


def make_valid(geom):
    """Repair a geometry so later set operations are safe."""
    return shapely.make_valid(geom)
