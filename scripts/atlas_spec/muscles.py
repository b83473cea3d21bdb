"""Superficial muscle outlines per view, drawn on the viewer-left side and mirrored where paired."""

from __future__ import annotations

from shapely import affinity
from shapely.geometry import Polygon
from shapely.ops import unary_union

from .body import ARM, LEG
from .shapes import along, outline


def strip(axis, u0, u1, s0, s1, steps=8):
    """A band along a limb axis between fractional joints u0..u1 and offsets s0..s1."""
    us = [u0 + (u1 - u0) * i / steps for i in range(steps + 1)]
    return [along(axis, u, s0) for u in us] + [along(axis, u, s1) for u in reversed(us)]


def band(axis, pts, width):
    """A band following (u, s) points along a limb axis, width in radii."""
    a = [along(axis, u, s - width / 2) for u, s in pts]
    b = [along(axis, u, s + width / 2) for u, s in reversed(pts)]
    return a + b


DELTOID = [(33.4, 159.5), (30.0, 158.6), (27.2, 155.5), (26.0, 151.0), (26.2, 146.5), (27.2, 142.0),
           (28.6, 141.6), (30.5, 146.0), (32.5, 151.0), (33.8, 155.5)]

# view -> list of (outline id, muscle ids, control points, mirror?)
SPEC = {
    "anterior": [
        ("pectoralis_major", ["pectoralis_major"], [(48.6, 157), (48.6, 140.5), (44, 138.5), (39, 139.2), (35, 143),
                                                    (32, 148.5), (33.5, 152), (37, 156.2), (43, 158)], True),
        ("deltoid", ["deltoid"], DELTOID, True),
        ("sternocleidomastoid", ["sternocleidomastoid"], [(43.2, 171.5), (44.6, 172), (46.6, 165), (48.6, 160.6),
                                                          (46.8, 160.2), (44.8, 164.5)], True),
        ("upper_trapezius", ["upper_trapezius"], [(45.3, 166), (41, 163.4), (35, 161.5), (33.6, 160.4), (37, 160.4),
                                                  (41.5, 161.8), (45.2, 163.2)], True),
        ("rectus_abdominis", ["rectus_abdominis"], [(49.6, 137), (44.5, 136.5), (44, 125), (44.6, 112), (46.5, 101),
                                                    (49.6, 99)], True),
        ("abdominal_obliques", ["abdominal_obliques"], [(44, 136), (37.5, 133), (36.8, 124), (36.2, 114),
                                                        (37.8, 106.5), (44.3, 108), (44, 120)], True),
        ("masseter", ["masseter"], [(43.4, 175.6), (44.8, 175.4), (45.2, 172.4), (43.9, 171.8)], True),
        ("temporalis", ["temporalis"], [(41.3, 185), (42.6, 185.5), (42.8, 180.5), (41.3, 180)], True),
        ("biceps_brachii", ["biceps_brachii"], strip(ARM, 1.3, 3.7, -0.5, 0.5), True),
        ("brachioradialis", ["brachioradialis"], strip(ARM, 3.9, 6.0, -0.98, -0.4), True),
        ("forearm_flexors", ["flexor_carpi_radialis", "palmaris_longus", "flexor_carpi_ulnaris",
                             "flexor_digitorum_superficialis", "pronator_teres"], strip(ARM, 4.3, 6.4, -0.3, 0.92), True),
        ("rectus_femoris", ["rectus_femoris"], strip(LEG, 0.5, 3.4, -0.35, 0.35), True),
        ("vastus_lateralis", ["vastus_lateralis"], strip(LEG, 0.8, 3.7, -0.98, -0.42), True),
        ("vastus_medialis", ["vastus_medialis"], strip(LEG, 2.3, 3.85, 0.38, 0.95), True),
        ("sartorius", ["sartorius"], band(LEG, [(0.3, -0.55), (1.5, 0.1), (2.8, 0.6), (3.9, 0.85)], 0.22), True),
        ("adductors", ["adductor_longus", "adductor_magnus", "gracilis", "pectineus"],
         strip(LEG, 0.35, 2.2, 0.55, 0.98), True),
        ("tibialis_anterior", ["tibialis_anterior"], strip(LEG, 4.5, 8.2, -0.6, 0.05), True),
    ],
    "posterior": [
        ("upper_trapezius", ["upper_trapezius"], [(49.9, 171.6), (47.4, 171), (45.6, 166.2), (41, 163.3), (34.2, 160.6),
                                                  (32.8, 158.9), (37, 157.2), (42, 157.8), (46, 159.5), (49.9, 160)], True),
        ("middle_trapezius", ["middle_trapezius"], [(49.9, 160), (46, 159.5), (42, 157.8), (37, 157.2), (39, 154),
                                                    (44.5, 151), (49.9, 149.5)], True),
        ("lower_trapezius", ["lower_trapezius"], [(49.9, 149.5), (44.5, 151), (42.5, 148.5), (44, 141), (47.3, 134),
                                                  (49.9, 128)], True),
        ("deltoid", ["deltoid"], DELTOID, True),
        ("infraspinatus", ["infraspinatus"], [(44.4, 153), (37.4, 152.5), (35.6, 147), (37.5, 140), (43.2, 141.5)], True),
        ("latissimus_dorsi", ["latissimus_dorsi"], [(42.6, 140.4), (36.8, 139.6), (34.8, 144.6), (33.6, 146.4),
                                                    (35.2, 139.5), (35.9, 130), (37, 122), (38.6, 112.6), (44.5, 111.6),
                                                    (47.8, 120), (48.6, 131)], True),
        ("triceps_brachii", ["triceps_brachii"], strip(ARM, 1.1, 3.7, -0.6, 0.6), True),
        ("forearm_extensors", ["extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis", "extensor_digitorum",
                               "extensor_carpi_ulnaris", "supinator"], strip(ARM, 4.2, 6.4, -0.7, 0.45), True),
        ("gluteus_medius", ["gluteus_medius"], [(34.8, 110), (41, 112.5), (46.2, 110.5), (44, 106), (38.5, 104.8),
                                                (34.4, 105.5)], True),
        ("gluteus_maximus", ["gluteus_maximus"], [(46.6, 108.5), (48.8, 104), (49.2, 97.5), (45.5, 94), (40, 94.8),
                                                  (35.2, 98.5), (34.8, 103.2), (39, 105.6)], True),
        ("biceps_femoris", ["biceps_femoris"], strip(LEG, 0.8, 3.7, -0.78, -0.05), True),
        ("medial_hamstrings", ["semitendinosus", "semimembranosus"], strip(LEG, 0.8, 3.7, 0.05, 0.8), True),
        ("gastrocnemius", ["gastrocnemius"], strip(LEG, 4.4, 6.9, -0.85, 0.88), True),
        ("soleus", ["soleus"], strip(LEG, 6.9, 8.4, -0.8, 0.8), True),
    ],
    "head_neck": [
        ("temporalis", ["temporalis"], [(49, 67), (47, 74), (49, 82), (56, 85.5), (64, 82.5), (66.5, 75), (62.5, 67.5),
                                        (57, 64)], False),
        ("masseter", ["masseter"], [(55, 58.8), (63.5, 58.5), (64.5, 50), (61, 43.5), (55.5, 42.5), (53.5, 48)], False),
        ("sternocleidomastoid", ["sternocleidomastoid"], [(36.5, 53), (41, 55), (50, 38), (60.5, 14.5), (55.5, 12.5),
                                                          (46, 32)], False),
        ("upper_trapezius", ["upper_trapezius"], [(29.8, 44), (31.5, 30), (29, 20), (24, 12), (40, 9), (36, 20),
                                                  (33.5, 33), (34, 44)], False),
        ("frontalis", ["frontalis"], [(70.5, 84), (73.8, 75.5), (74.4, 69.5), (70, 70.5), (66, 78)], False),
        ("occipitalis", ["occipitalis"], [(23, 70), (25.6, 77.5), (30, 78), (29.5, 68), (24.5, 62.5)], False),
        ("splenius_capitis", ["splenius_capitis"], [(31.5, 47), (35, 45), (34.5, 30), (31, 24), (29.7, 30)], False),
    ],
    "foot": [
        ("abductor_hallucis", ["abductor_hallucis"], [(40.2, 12), (40.6, 22), (39.8, 32), (40, 44), (42.5, 55),
                                                      (43.5, 62), (41.5, 63), (38.5, 48), (37.2, 34), (37.4, 18)], True),
        ("flexor_digitorum_brevis", ["flexor_digitorum_brevis"], [(30, 20), (36.8, 20), (37, 40), (36, 58), (31.5, 60),
                                                                  (29, 44)], True),
        ("abductor_digiti_minimi_foot", ["abductor_digiti_minimi_foot"], [(25.9, 14), (29.2, 14), (28.8, 35),
                                                                          (27.5, 58), (25, 62), (25.3, 45), (26, 28)],
         True),
    ],
}


def for_view(view_id):
    """Outline shapes for one view, both sides joined into one geometry per muscle outline."""
    out = []
    for oid, muscle_ids, pts, mirror in SPEC[view_id]:
        shape = outline(pts, 3)
        if not shape.is_valid or shape.is_empty:
            shape = Polygon(pts).buffer(0)
        if mirror:
            shape = unary_union([shape, affinity.scale(shape, xfact=-1, origin=(50, 0))])
        out.append({"id": oid, "muscles": muscle_ids, "shape": shape})
    return out
