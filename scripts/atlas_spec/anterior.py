"""Anterior body view: the patient faces the viewer, so the patient's right is on the left."""

from __future__ import annotations

from .body import ARM, LEG, ear_shape, hand_parts, head_zone, limb_axis, silhouette
from .shapes import along, below, capsule, half_plane_left_of

ARM_ZONE = [(33.8, 210), (33.5, 160.5), (34.2, 147.0), (33.0, 120), (31.0, 100), (29.0, 60),
            (29.0, -10)]
GROIN_CREASE = [(-10, 112), (31.0, 108.0), (33.5, 103.0), (38.5, 98.4), (44.5, 94.6),
                (50.0, 92.8)]


def foot_front():
    """Foot seen from the front: ankle narrowing to a fan of toes."""
    from shapely.ops import unary_union
    return unary_union([capsule(42.8, 10.5, 2.7, 40.3, 3.6, 2.2),
                        capsule(42.8, 10.5, 2.7, 45.6, 3.4, 2.3),
                        capsule(40.3, 3.6, 2.2, 45.6, 3.4, 2.3)])


def parts():
    """Ordered parts of the viewer-left half (mirrored by the builder) and central parts."""
    hand = hand_parts()
    arm_zone = half_plane_left_of(ARM_ZONE)
    leg_zone = below(GROIN_CREASE + [(50.0, 92.8)]).intersection(
        half_plane_left_of([(50, 210), (50, -10)]))
    return [
        ("ear", ear_shape(), True),
        ("head", head_zone(), False),
        *[(name, geom, True) for name, geom in hand.items()],
        ("arm", arm_zone, True),
        ("foot", foot_front().buffer(1.2), True),
        ("leg", leg_zone, True),
        ("torso", None, False),
    ]


def _arm_seeds():
    a = ARM
    s = [("lateral_shoulder", 0.1, -0.65), ("lateral_shoulder", 0.6, -0.85),
         ("anterior_shoulder", 0.25, 0.25), ("anterior_shoulder", 0.05, 0.55),
         ("anterior_shoulder", 0.8, 0.1)]
    for u in (1.6, 2.3, 3.0):
        s += [("anterior_arm", u, 0.0), ("lateral_arm", u, -0.85), ("medial_arm", u, 0.85)]
    s += [("antecubital", 4.0, 0.05), ("lateral_elbow", 3.95, -0.85), ("medial_elbow", 3.95, 0.85),
          ("lateral_elbow", 4.4, -0.9), ("medial_elbow", 4.4, 0.9)]
    for u in (5.1, 5.8, 6.4):
        s += [("volar_forearm", u, 0.05), ("radial_forearm", u, -0.8), ("ulnar_forearm", u, 0.8)]
    s += [("volar_wrist", 6.95, 0.25), ("radial_wrist", 6.95, -0.7), ("volar_wrist", 6.95, 0.8)]
    return [(r, "arm", *along(a, u, sv)) for r, u, sv in s]


def _leg_seeds():
    s = [("lateral_hip", 0.15, -0.85), ("lateral_hip", 0.55, -0.92), ("anterior_hip", 0.25, -0.25),
         ("groin", 0.2, 0.55)]
    for u in (1.1, 2.0, 3.0):
        s += [("anterior_thigh", u, 0.0), ("lateral_thigh", u, -0.85), ("medial_thigh", u, 0.8)]
    s += [("anterior_knee", 3.85, 0.0), ("anterior_knee", 4.2, 0.0),
          ("lateral_knee", 4.0, -0.85), ("medial_knee", 4.0, 0.85)]
    for u in (5.4, 6.5, 7.5, 8.2):
        s += [("shin", u, 0.1), ("lateral_leg", u, -0.8), ("medial_leg", u, 0.82)]
    s += [("anterior_ankle", 8.95, 0.0), ("lateral_ankle", 8.95, -0.9), ("medial_ankle", 8.95, 0.9)]
    return [(r, "leg", *along(LEG, u, sv)) for r, u, sv in s]


def seeds():
    """Region seeds for the viewer-left half; midline regions sit on x = 50."""
    head = [("vertex", 50.0, 193.6), ("vertex", 46.0, 192.7), ("forehead", 46.0, 188.2),
            ("forehead", 43.6, 186.6), ("temple", 42.1, 183.0), ("temple", 42.0, 179.8),
            ("eye", 45.8, 181.2), ("cheek", 45.6, 177.4), ("cheek", 43.2, 177.6),
            ("cheek", 49.0, 178.8), ("upper_jaw", 47.3, 174.6), ("lower_jaw", 46.4, 171.9),
            ("chin", 50.0, 170.4), ("jaw_angle", 43.2, 172.6)]
    torso = [("anterior_neck", 50.0, 166.5), ("anterior_neck", 50.0, 163.6),
             ("lateral_neck", 45.9, 166.6), ("lateral_neck", 46.0, 164.0),
             ("shoulder_top", 41.0, 162.7), ("shoulder_top", 36.0, 161.0),
             ("shoulder_top", 32.6, 159.3), ("supraclavicular", 43.2, 160.9),
             ("supraclavicular", 39.0, 159.5), ("upper_chest", 43.0, 153.5),
             ("upper_chest", 37.5, 153.0), ("upper_chest", 46.0, 156.3),
             ("sternum", 50.0, 156.0), ("sternum", 50.0, 148.0), ("sternum", 50.0, 140.0),
             ("lower_chest", 43.0, 142.0), ("lower_chest", 39.0, 141.5),
             ("lateral_chest", 35.4, 139.5), ("lateral_chest", 36.1, 132.5),
             ("axilla", 34.0, 145.4), ("epigastric", 50.0, 132.0), ("epigastric", 50.0, 126.0),
             ("upper_abdomen", 43.5, 131.5), ("upper_abdomen", 42.5, 125.5),
             ("flank", 37.4, 121.5), ("flank", 36.6, 115.5), ("umbilical", 50.0, 118.5),
             ("umbilical", 50.0, 114.5), ("lower_abdomen", 43.6, 112.5),
             ("lower_abdomen", 42.6, 107.0), ("suprapubic", 50.0, 103.5),
             ("suprapubic", 50.0, 99.5), ("groin", 45.0, 97.6), ("groin", 41.2, 100.2),
             ("anterior_hip", 36.6, 106.2), ("lateral_hip", 34.0, 103.2)]
    hand = [("palm", "palm", 18.5, 92.6), ("palm", "palm", 18.9, 96.3),
            ("thenar", "palm", 16.3, 96.3), ("thenar", "palm", 16.0, 93.6),
            ("hypothenar", "palm", 21.1, 96.0), ("hypothenar", "palm", 21.2, 93.0),
            ("thumb", "thumb", 14.0, 93.0), ("index_finger", "index_finger", 14.6, 86.0),
            ("middle_finger", "middle_finger", 17.2, 85.0),
            ("ring_finger", "ring_finger", 19.5, 86.0),
            ("little_finger", "little_finger", 21.8, 87.5)]
    foot = [("dorsal_foot", "foot", 42.8, 8.6), ("big_toe", "foot", 45.6, 3.4),
            ("lesser_toes", "foot", 40.3, 3.6), ("lesser_toes", "foot", 42.9, 3.0)]
    return ([(r, "head", x, y) for r, x, y in head] + [("ear", "ear", 40.6, 178.2)]
            + [(r, "torso", x, y) for r, x, y in torso] + hand + foot
            + _arm_seeds() + _leg_seeds())


def build():
    """Everything the builder needs for this view."""
    sil = silhouette([foot_front(), foot_front_mirror()])
    return {"id": "anterior", "title": "Front of the body", "frame": [0, 100, 0, 200],
            "viewer_left_side": "right", "silhouette": sil, "parts": parts(), "seeds": seeds(),
            "labels": {"R": [8, 190], "L": [92, 190]}}


def foot_front_mirror():
    """The viewer-right foot."""
    from shapely import affinity
    return affinity.scale(foot_front(), xfact=-1, origin=(50, 0))


__all__ = ["build", "limb_axis"]
