"""Posterior body view: seen from behind, so the patient's left is on the viewer's left."""

from __future__ import annotations

from shapely import affinity

from .anterior import ARM_ZONE
from .body import ARM, LEG, ear_shape, hand_parts, head_zone, silhouette
from .shapes import along, below, capsule, half_plane_left_of

GLUTEAL_FOLD = [(-10, 112), (31.0, 108.0), (33.4, 100.0), (37.5, 96.2), (43.0, 94.0),
                (47.5, 93.4), (50.0, 93.4)]


def heel_back():
    """Heel and foot seen from behind."""
    return capsule(42.8, 11.0, 2.6, 42.8, 4.6, 3.1)


def parts():
    """Ordered parts of the viewer-left half (mirrored by the builder) and central parts."""
    leg_zone = below(GLUTEAL_FOLD).intersection(half_plane_left_of([(50, 210), (50, -10)]))
    return [
        ("ear", ear_shape(), True),
        ("head", head_zone(), False),
        *[(name, geom, True) for name, geom in hand_parts().items()],
        ("arm", half_plane_left_of(ARM_ZONE), True),
        ("foot", heel_back().buffer(1.2), True),
        ("leg", leg_zone, True),
        ("torso", None, False),
    ]


def _arm_seeds():
    s = [("lateral_shoulder", 0.1, -0.65), ("lateral_shoulder", 0.6, -0.85),
         ("posterior_shoulder", 0.25, 0.25), ("posterior_shoulder", 0.05, 0.55),
         ("posterior_shoulder", 0.8, 0.1)]
    for u in (1.6, 2.3, 3.0):
        s += [("posterior_arm", u, 0.0), ("lateral_arm", u, -0.85), ("medial_arm", u, 0.85)]
    s += [("posterior_elbow", 4.0, 0.05), ("lateral_elbow", 3.95, -0.85),
          ("medial_elbow", 3.95, 0.85), ("lateral_elbow", 4.4, -0.9), ("medial_elbow", 4.4, 0.9)]
    for u in (5.1, 5.8, 6.4):
        s += [("dorsal_forearm", u, 0.05), ("radial_forearm", u, -0.8), ("ulnar_forearm", u, 0.8)]
    s += [("dorsal_wrist", 6.95, 0.0), ("dorsal_wrist", 6.95, -0.7), ("dorsal_wrist", 6.95, 0.7)]
    return [(r, "arm", *along(ARM, u, sv)) for r, u, sv in s]


def _leg_seeds():
    s = [("lateral_hip", 0.15, -0.88), ("lateral_hip", 0.55, -0.92)]
    for u in (0.6, 1.4, 2.2, 3.0):
        s += [("posterior_thigh", u, 0.0), ("lateral_thigh", u, -0.85), ("medial_thigh", u, 0.82)]
    s += [("posterior_knee", 4.0, 0.0), ("lateral_knee", 4.0, -0.85), ("medial_knee", 4.0, 0.85)]
    for u in (5.2, 6.0, 6.7):
        s += [("calf", u, 0.0), ("lateral_leg", u, -0.85), ("medial_leg", u, 0.85)]
    for u in (7.4, 8.2):
        s += [("lower_calf", u, 0.0), ("lateral_leg", u, -0.85), ("medial_leg", u, 0.85)]
    s += [("achilles", 8.9, 0.0), ("achilles", 9.4, 0.0), ("lateral_ankle", 9.3, -0.9),
          ("medial_ankle", 9.3, 0.9)]
    return [(r, "leg", *along(LEG, u, sv)) for r, u, sv in s]


def seeds():
    """Region seeds for the viewer-left half; midline regions sit on x = 50."""
    head = [("vertex", 50.0, 193.6), ("vertex", 45.8, 192.4), ("parietal", 43.0, 188.0),
            ("parietal", 41.9, 183.5), ("occiput", 46.5, 183.0), ("occiput", 47.0, 177.5),
            ("occiput", 44.8, 179.5), ("behind_ear", 42.6, 175.2), ("behind_ear", 43.4, 172.4)]
    torso = [("suboccipital", 47.3, 168.6), ("posterior_neck", 47.6, 164.8),
             ("lateral_neck", 45.3, 166.8), ("shoulder_top", 41.0, 162.6),
             ("shoulder_top", 36.0, 160.9), ("shoulder_top", 32.6, 159.2),
             ("suprascapular", 40.4, 157.2), ("suprascapular", 36.6, 156.4),
             ("infraspinous", 39.8, 149.5), ("infraspinous", 38.0, 145.0),
             ("medial_scapula", 44.6, 151.0), ("medial_scapula", 44.3, 145.0),
             ("medial_scapula", 43.8, 140.0), ("interscapular", 47.5, 156.5),
             ("interscapular", 47.5, 149.0), ("interscapular", 47.3, 141.5),
             ("thoracic_spine", 50.0, 161.0), ("thoracic_spine", 50.0, 152.0),
             ("thoracic_spine", 50.0, 143.0), ("thoracic_spine", 50.0, 134.0),
             ("thoracic_spine", 50.0, 126.0), ("inferior_scapula", 40.6, 137.0),
             ("inferior_scapula", 39.0, 134.5), ("lateral_chest", 35.6, 141.0),
             ("lateral_chest", 36.2, 133.5), ("mid_back", 46.2, 133.5), ("mid_back", 46.4, 126.5),
             ("mid_back", 42.0, 128.5), ("flank", 37.4, 121.5), ("flank", 36.6, 115.5),
             ("low_back", 45.6, 119.8), ("low_back", 45.8, 114.0), ("low_back", 41.5, 117.0),
             ("lumbar_spine", 50.0, 119.0), ("lumbar_spine", 50.0, 113.5),
             ("iliac_crest", 40.0, 110.8), ("iliac_crest", 36.0, 109.5),
             ("sacroiliac", 46.2, 106.6), ("sacrum", 50.0, 106.0), ("sacrum", 50.0, 101.5),
             ("coccyx", 50.0, 96.8), ("upper_buttock", 42.0, 104.0),
             ("upper_buttock", 38.2, 104.6), ("lower_buttock", 42.0, 97.8),
             ("lower_buttock", 46.3, 96.6), ("lower_buttock", 38.0, 99.5),
             ("lateral_hip", 34.4, 103.2)]
    hand = [("dorsal_hand", "palm", 18.8, 93.0), ("dorsal_hand", "palm", 19.4, 97.0),
            ("dorsal_hand", "palm", 21.1, 94.5), ("thumb_web", "palm", 16.0, 95.2),
            ("thumb_web", "palm", 15.9, 92.4), ("thumb", "thumb", 14.0, 93.0),
            ("index_finger", "index_finger", 14.6, 86.0),
            ("middle_finger", "middle_finger", 17.2, 85.0),
            ("ring_finger", "ring_finger", 19.5, 86.0),
            ("little_finger", "little_finger", 21.8, 87.5)]
    return ([(r, "head", x, y) for r, x, y in head] + [("ear", "ear", 40.6, 178.2)]
            + [(r, "torso", x, y) for r, x, y in torso] + hand
            + [("heel", "foot", 42.8, 5.5)] + _arm_seeds() + _leg_seeds())


def build():
    """Everything the builder needs for this view."""
    heels = [heel_back(), affinity.scale(heel_back(), xfact=-1, origin=(50, 0))]
    return {"id": "posterior", "title": "Back of the body", "frame": [0, 100, 0, 200],
            "viewer_left_side": "left", "silhouette": silhouette(heels), "parts": parts(),
            "seeds": seeds(), "labels": {"L": [8, 190], "R": [92, 190]}}
