"""Plantar foot view: both soles seen from below, heels at the bottom, left foot on the left."""

from __future__ import annotations

from shapely import affinity
from shapely.geometry import Point
from shapely.ops import unary_union

from .shapes import outline

SOLE = [(33.0, 6.0), (28.4, 7.6), (26.0, 12.0), (25.6, 20.0), (26.0, 30.0), (25.2, 42.0),
        (24.2, 54.0), (24.0, 62.0), (24.8, 68.0), (27.0, 72.0), (31.0, 74.5), (36.0, 76.0),
        (40.5, 76.5), (43.4, 73.0), (44.0, 66.0), (43.0, 58.0), (40.4, 50.0), (39.2, 40.0),
        (39.8, 30.0), (40.6, 20.0), (39.8, 12.0), (37.2, 7.6)]
TOES = {"big_toe": (40.4, 81.0, 4.3), "second": (34.6, 80.8, 2.5), "third": (30.6, 79.0, 2.3),
        "fourth": (27.4, 76.6, 2.1), "fifth": (25.0, 73.2, 1.9)}


def _flip(geom):
    return affinity.scale(geom, xfact=-1, origin=(50, 0))


def parts():
    """Toes first, then the rest of each sole."""
    sole = outline(SOLE, 4)
    toes = [(name, Point(x, y).buffer(r, quad_segs=12).difference(sole), True)
            for name, (x, y, r) in TOES.items()]
    return [*toes, ("sole", sole, True)]


def seeds():
    """Region seeds for the left (viewer-left) sole."""
    sole = [("heel", 33.0, 13.0), ("heel", 33.0, 20.0), ("arch", 37.6, 40.0), ("arch", 37.0, 50.0),
            ("arch", 37.4, 31.0), ("lateral_sole", 28.6, 40.0), ("lateral_sole", 27.8, 52.0),
            ("lateral_sole", 28.6, 30.0), ("ball_of_foot", 37.0, 67.0), ("ball_of_foot", 30.0, 65.0),
            ("ball_of_foot", 34.0, 70.0), ("ball_of_foot", 40.5, 62.0)]
    toes = [("big_toe" if n == "big_toe" else "lesser_toes", n, x, y) for n, (x, y, _) in TOES.items()]
    return [(r, "sole", x, y) for r, x, y in sole] + toes


def build():
    """Everything the builder needs for this view."""
    shapes = [g for _, g, _ in parts()]
    left = unary_union(shapes + [outline(SOLE, 4)])
    return {"id": "foot", "title": "Soles of the feet", "frame": [0, 100, 0, 100],
            "viewer_left_side": "left", "silhouette": unary_union([left, _flip(left)]),
            "parts": parts(), "seeds": seeds(), "labels": {"L": [8, 94], "R": [92, 94]}}
