"""Fill empty x, y of data/trigger_points.csv with a point inside the row's location region.

Data describe the patient's right side; the figure mirrors them for the left.
Several trigger points in one region are spread apart. Rows that already have x, y are kept.
Run: python scripts/place_trigger_points.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from triggermap.atlas import load_atlas  # noqa: E402


def region_shape(view, region_id):
    """Union of the region's polygons on the patient's right side (or midline)."""
    rings = [r for s in view.regions if s.id == region_id and s.side in ("right", "midline")
             for r in s.rings]
    return unary_union([Polygon(r) for r in rings])


def candidates(shape):
    """Grid points well inside a shape."""
    inner = shape.buffer(-0.5) if not shape.buffer(-0.5).is_empty else shape
    x0, y0, x1, y1 = inner.bounds
    xs, ys = np.meshgrid(np.arange(x0, x1, 0.4), np.arange(y0, y1, 0.4))
    pts = [(x, y) for x, y in zip(xs.ravel(), ys.ravel(), strict=False) if inner.contains(Point(x, y))]
    return pts or [shape.representative_point().coords[0]]


def main():
    """Place every trigger point lacking coordinates."""
    atlas = load_atlas()
    path = ROOT / "data" / "trigger_points.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols, rows = reader.fieldnames, list(reader)
    placed: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in rows:
        if row["x"] and row["y"]:
            placed.setdefault((row["view"], row["location_region"]), []).append((float(row["x"]), float(row["y"])))
    for row in rows:
        if row["x"] and row["y"]:
            continue
        key = (row["view"], row["location_region"])
        shape = region_shape(atlas.views[row["view"]], row["location_region"])
        pts = np.array(candidates(shape))
        taken = placed.setdefault(key, [])
        if taken:
            d = np.min(np.linalg.norm(pts[:, None, :] - np.array(taken)[None, :, :], axis=2), axis=1)
            x, y = pts[int(np.argmax(d))]
        else:
            c = shape.centroid
            x, y = pts[int(np.argmin(np.hypot(pts[:, 0] - c.x, pts[:, 1] - c.y)))]
        taken.append((x, y))
        row["x"], row["y"] = f"{x:.1f}", f"{y:.1f}"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
