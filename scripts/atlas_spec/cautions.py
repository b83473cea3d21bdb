"""Needling caution zones per view (viewer-left side, mirrored): lung fields, major nerves and vessels."""

from __future__ import annotations

from shapely import affinity
from shapely.ops import unary_union

from .body import LEG
from .muscles import band, strip
from .shapes import outline

SPEC = {
    "anterior": [
        ("lung", [(45.5, 162), (43, 162.3), (38.5, 160), (35, 154), (34.5, 146), (35.2, 138), (36.5, 130), (41, 131.5),
                  (45, 134), (47.8, 139), (48.2, 150), (47.8, 158)]),
        ("carotid", [(45.4, 170), (47.2, 170.2), (48.3, 161), (46.7, 160.8)]),
        ("femoral_triangle", [(37.6, 98.6), (46.9, 94.1), (45.2, 86.5), (41.5, 86.8)]),
    ],
    "posterior": [
        ("lung", [(45.5, 164), (42, 163), (37, 159), (35, 152), (34.8, 144), (35.5, 134), (36.6, 126), (40, 123),
                  (45, 122.5), (47.5, 125), (47.8, 140), (47.6, 155)]),
        ("sciatic_nerve", band(LEG, [(-0.1, 0.3), (0.5, 0.06), (1.5, 0.02), (2.6, 0.02), (3.6, 0.0)], 0.3)),
        ("popliteal_fossa", strip(LEG, 3.7, 4.35, -0.45, 0.45)),
    ],
    "head_neck": [
        ("carotid", [(53, 40), (56.6, 40.6), (59.2, 20), (56, 19)]),
        ("vertebral_artery", [(33.5, 48), (40, 49), (40.5, 44), (34, 43)]),
    ],
    "foot": [],
}


def for_view(view_id, single_side=False):
    """Caution shapes for one view, mirrored on paired views."""
    out = []
    for cid, pts in SPEC[view_id]:
        shape = outline(pts, 3).buffer(0)
        if not single_side:
            shape = unary_union([shape, affinity.scale(shape, xfact=-1, origin=(50, 0))])
        out.append({"id": cid, "shape": shape})
    return out
