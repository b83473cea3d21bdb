"""Shared full-body silhouette (anterior and posterior views): 100 x 200 frame, y up."""

from __future__ import annotations

from shapely.ops import unary_union

from .shapes import capsule, chaikin, half_outline, limb, mirror_x, outline

# Limb axes for the viewer-left limbs as (x, y, radius); the right ones are mirrors.
ARM = [(31.3, 153.5, 5.2), (28.6, 146.0, 5.0), (26.5, 137.0, 4.6), (24.6, 128.0, 4.3),
       (23.4, 122.0, 4.1), (22.2, 116.0, 4.0), (20.4, 107.0, 3.3), (19.0, 100.5, 2.8)]
LEG = [(41.5, 100.0, 8.6), (41.0, 88.0, 8.0), (41.0, 76.0, 7.0), (41.6, 64.0, 5.8),
       (42.0, 56.0, 5.0), (42.0, 50.0, 4.9), (41.8, 44.0, 5.1), (42.2, 34.0, 4.3),
       (42.6, 24.0, 3.3), (42.8, 14.0, 2.6), (42.8, 11.0, 2.6)]

HEAD_HALF = [(50.0, 194.6), (46.6, 194.1), (43.6, 192.3), (41.7, 189.2), (40.9, 185.0),
             (41.0, 180.5), (41.3, 176.5), (42.2, 173.4), (43.8, 171.0), (46.4, 169.4),
             (50.0, 168.8)]
TORSO_HALF = [(50.0, 170.0), (45.2, 170.0), (45.0, 166.0), (41.0, 163.3), (36.0, 161.6),
              (32.0, 159.8), (29.8, 157.4), (30.6, 152.0), (33.6, 147.4), (34.4, 146.2),
              (34.9, 141.0), (35.7, 134.0), (36.8, 127.0), (37.4, 122.0), (36.9, 116.0),
              (35.2, 110.0), (33.5, 104.5), (33.2, 101.0), (38.0, 97.6), (44.0, 94.6),
              (50.0, 93.2)]

# Hand with palm forward (anterior) / back of hand (posterior): thumb on the outer side.
PALM = [(18.9, 100.6), (17.0, 99.4), (15.4, 96.8), (14.8, 93.4), (14.6, 90.4), (16.2, 89.6),
        (18.2, 89.4), (20.2, 89.7), (21.9, 90.6), (22.3, 94.0), (21.8, 97.6), (20.9, 99.8)]
FINGERS = {  # base (x, y, r) -> tip (x, y, r)
    "index_finger": ((15.5, 90.4, 0.95), (14.1, 83.6, 0.85)),
    "middle_finger": ((17.5, 89.9, 1.0), (16.9, 81.9, 0.88)),
    "ring_finger": ((19.4, 90.1, 0.95), (19.6, 82.9, 0.85)),
    "little_finger": ((21.2, 90.9, 0.85), (22.1, 85.4, 0.75)),
}
THUMB = ((15.9, 96.2, 1.35), (12.4, 90.2, 1.0))
EAR = (40.6, 178.2, 1.5, 3.1)


def head_shape():
    """Head outline seen from the front or back, without ears."""
    return half_outline(HEAD_HALF)


def head_zone():
    """Head part: the head plus the smoothing seam around the ears, above the jaw line.

    Without the margin, slivers between head and ear fall to the trunk part and become stray
    bits of the neck regions beside the temple.
    """
    from shapely.geometry import box

    head = head_shape()
    return head.union(head.buffer(1.2).intersection(box(0, 172.0, 100, 200)))


def hand_parts(mirror: bool = False):
    """Palm, thumb and finger shapes of the viewer-left hand (or its mirror)."""
    flip = (lambda pts: mirror_x(pts)) if mirror else (lambda pts: pts)
    palm = outline(flip(PALM), 3)
    parts = {"palm": palm}
    for name, (a, b) in {**FINGERS, "thumb": THUMB}.items():
        (ax, ay), (bx, by) = flip([a[:2], b[:2]])
        parts[name] = capsule(ax, ay, a[2], bx, by, b[2]).difference(palm)
    return parts


def limb_axis(axis, mirror: bool = False):
    """Return a limb axis, mirrored to the viewer-right side if asked."""
    return [(100 - x, y, r) if mirror else (x, y, r) for x, y, r in axis]


def silhouette(foot_shapes):
    """Whole-body silhouette: smoothed trunk and limbs, then hands and feet unioned on."""
    from .shapes import ellipse

    pieces = [head_shape(), half_outline(TORSO_HALF, iterations=3)]
    for mirror in (False, True):
        pieces += [limb(limb_axis(ARM, mirror)), limb(limb_axis(LEG, mirror))]
        ex, ey, rx, ry = EAR
        pieces.append(ellipse(100 - ex if mirror else ex, ey, rx, ry))
    body = unary_union(pieces).buffer(0.7).buffer(-0.7)
    hands = [g for m in (False, True) for g in hand_parts(m).values()]
    return unary_union([body, *hands, *foot_shapes])


def ear_shape(mirror: bool = False):
    """Ear seen from the front or back."""
    from .shapes import ellipse

    ex, ey, rx, ry = EAR
    return ellipse(100 - ex if mirror else ex, ey, rx, ry)


__all__ = ["ARM", "LEG", "chaikin", "head_shape", "hand_parts", "limb_axis", "silhouette",
           "ear_shape"]
