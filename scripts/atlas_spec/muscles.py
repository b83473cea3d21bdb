"""Superficial muscle outlines per view (viewer-left side; mirrored where the body has two)."""

from __future__ import annotations

from shapely import affinity
from shapely.ops import unary_union

from .shapes import outline

# view -> list of (outline id, muscle ids, control points, mirror?)
SPEC = {
    "anterior": [],
    "posterior": [],
    "head_neck": [],
    "foot": [],
}


def for_view(view_id):
    """Outline shapes for one view, both sides joined into one geometry per muscle."""
    out = []
    for oid, muscle_ids, pts, mirror in SPEC[view_id]:
        shape = outline(pts, 4)
        if mirror:
            shape = unary_union([shape, affinity.scale(shape, xfact=-1, origin=(50, 0))])
        out.append({"id": oid, "muscles": muscle_ids, "shape": shape})
    return out
