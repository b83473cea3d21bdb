"""Lateral head-and-neck view: the patient's right side in profile, face to the viewer's right."""

from __future__ import annotations

from .shapes import ellipse, outline

PROFILE = [(45.0, 95.0), (55.0, 94.2), (63.0, 91.2), (69.0, 86.0), (72.6, 80.0), (74.0, 73.0),
           (74.6, 68.6), (73.3, 66.6), (73.8, 64.4), (76.6, 59.6), (78.6, 57.0), (78.6, 57.0),
           (76.6, 55.2), (74.9, 54.6), (75.6, 52.2), (74.6, 50.4), (75.2, 48.6), (73.2, 46.2),
           (74.0, 42.6), (72.2, 39.4), (66.0, 38.2), (60.5, 38.0), (57.2, 35.0), (56.8, 28.0),
           (57.6, 20.0), (61.0, 14.0), (70.0, 10.0), (78.0, 6.0), (84.0, 2.0), (84.0, 2.0),
           (14.0, 2.0), (14.0, 2.0), (18.0, 6.0), (25.0, 13.0), (29.5, 21.0), (31.5, 30.0),
           (30.8, 38.0), (28.2, 45.0), (24.6, 52.0), (22.0, 60.0), (21.6, 68.0), (23.6, 78.0),
           (28.2, 86.0), (35.0, 92.0)]
EAR = (43.5, 59.5, 3.6, 6.6, -12)


def seeds():
    """Region seeds for the right side of the head and neck."""
    pts = [("vertex", 45.0, 92.5), ("vertex", 37.0, 90.5), ("vertex", 53.0, 91.5),
           ("forehead", 70.0, 78.5), ("forehead", 66.0, 85.0), ("forehead", 72.0, 72.5),
           ("temple", 58.5, 71.0), ("temple", 56.5, 77.0), ("temple", 62.0, 67.0),
           ("parietal", 45.5, 81.5), ("parietal", 37.5, 79.0), ("parietal", 52.0, 85.5),
           ("occiput", 28.0, 68.0), ("occiput", 27.5, 59.0), ("occiput", 31.0, 76.0),
           ("eye", 68.5, 66.0), ("cheek", 66.0, 58.5), ("cheek", 71.0, 60.5),
           ("cheek", 76.0, 57.5), ("upper_jaw", 70.5, 53.5), ("upper_jaw", 65.0, 53.0),
           ("lower_jaw", 67.0, 46.5), ("lower_jaw", 70.5, 48.0), ("lower_jaw", 62.0, 44.8),
           ("chin", 72.5, 42.0), ("jaw_angle", 54.5, 43.0), ("tmj", 51.5, 58.0),
           ("behind_ear", 37.0, 54.0), ("behind_ear", 37.0, 61.0),
           ("suboccipital", 33.5, 45.5), ("suboccipital", 37.5, 47.0),
           ("posterior_neck", 31.0, 35.0), ("posterior_neck", 30.0, 26.0),
           ("lateral_neck", 45.0, 36.0), ("lateral_neck", 47.0, 26.0), ("lateral_neck", 48.0, 44.0),
           ("anterior_neck", 54.5, 30.0), ("anterior_neck", 56.5, 21.0),
           ("supraclavicular", 64.0, 8.0), ("supraclavicular", 55.0, 10.5),
           ("shoulder_top", 30.0, 12.0), ("shoulder_top", 40.0, 8.0), ("shoulder_top", 22.0, 7.0)]
    return [(r, "head", x, y) for r, x, y in pts] + [("ear", "ear", EAR[0], EAR[1])]


def build():
    """Everything the builder needs for this view."""
    sil = outline(PROFILE, 3)
    return {"id": "head_neck", "title": "Head and neck, right side", "frame": [0, 100, 0, 100],
            "viewer_left_side": "right", "single_side": True, "silhouette": sil,
            "parts": [("ear", ellipse(*EAR), False), ("head", None, False)],
            "seeds": seeds(), "labels": {"R": [6, 94]}}
