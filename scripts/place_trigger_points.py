"""Place trigger points of data/trigger_points.csv inside their muscle's shape on their view.

Data describe the patient's right side; the figure mirrors them for the left.
Default: a row is (re)placed when x, y are empty or the point lies outside its muscle's shape;
rows already inside are kept, so the script is idempotent and deterministic. The new point is
taken in shape ∩ location region when there is room (else anywhere in the shape, and
location_region becomes the region under the point), as close as possible to the old point
(or the middle of the target) while keeping apart from the muscle's other points.
--regions-only: the old behaviour, fill only empty x, y inside the location region.
Run: python -m scripts.place_trigger_points [--regions-only]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

from triggermap.atlas import View, load_atlas

ROOT = Path(__file__).resolve().parents[1]

SPACING = 2.5  # keep points of one muscle at least this far apart when there is room
INSET = 0.4  # stay this far inside the target, so rounding to 0.1 cannot push a point out


def right_half(view: View):
    """The patient's right side of a view (all of it for a single-side view)."""
    if view.single_side:
        return box(-1e3, -1e3, 1e3, 1e3)
    mid = sum(view.x_range) / 2
    if view.viewer_left_side == "right":
        return box(-1e3, -1e3, mid + 0.3, 1e3)
    return box(mid - 0.3, -1e3, 1e3, 1e3)


def region_shape(view: View, region_id: str):
    """Union of the region's polygons on the patient's right side (or midline)."""
    rings = [r for s in view.regions if s.id == region_id and s.side in ("right", "midline") for r in s.rings]
    return unary_union([Polygon(r) for r in rings])


def muscle_shape(view: View, muscle_id: str):
    """The muscle's shape on the patient's right side of a view (empty if not drawn there)."""
    rings = [r for m in view.muscles if muscle_id in m.muscles for r in m.rings]
    return unary_union([Polygon(r) for r in rings]).intersection(right_half(view))


def candidates(shape, step: float = 0.25) -> np.ndarray:
    """Grid points at least INSET inside a shape (fewer inset if the shape is thin)."""
    for inset in (INSET, 0.2, 0.0):
        inner = shape.buffer(-inset)
        if inner.is_empty:
            continue
        x0, y0, x1, y1 = inner.bounds
        xs, ys = np.meshgrid(np.arange(np.floor(x0), x1, step), np.arange(np.floor(y0), y1, step))
        pts = [(x, y) for x, y in zip(xs.ravel(), ys.ravel(), strict=False) if inner.contains(Point(x, y))]
        if pts:
            return np.array(pts)
    p = shape.representative_point()
    return np.array([(p.x, p.y)])


def pick(pts: np.ndarray, anchor: tuple[float, float], taken: list[tuple[float, float]]) -> tuple[float, float]:
    """Closest point to the anchor among those keeping SPACING from taken ones (or the farthest)."""
    near = np.hypot(pts[:, 0] - anchor[0], pts[:, 1] - anchor[1])
    if taken:
        d = np.min(np.linalg.norm(pts[:, None, :] - np.array(taken)[None, :, :], axis=2), axis=1)
        ok = d >= min(SPACING, float(d.max()))
        near = np.where(ok, near, np.inf)
    i = int(np.argmin(near))
    return float(pts[i, 0]), float(pts[i, 1])


def inside(view: View, muscle_id: str, x: float, y: float) -> bool:
    """True if the point lies in the muscle's shape on the view."""
    return any(Polygon(r).covers(Point(x, y)) for m in view.muscles if muscle_id in m.muscles for r in m.rings)


def fit(row: dict, view: View, taken: list[tuple[float, float]]) -> str:
    """Move one row into its muscle's shape; return a note on what changed."""
    shape = muscle_shape(view, row["muscle_id"])
    if shape.is_empty:
        return f"{row['id']}: {row['muscle_id']} has no shape on {view.id}; placed in its region only"
    target = shape.intersection(region_shape(view, row["location_region"]))
    roomy = not target.buffer(-INSET).is_empty
    pts = candidates(target if roomy else shape)
    old = (float(row["x"]), float(row["y"])) if row["x"] and row["y"] else None
    c = (target if roomy else shape).centroid
    x, y = pick(pts, old or (c.x, c.y), taken)
    row["x"], row["y"] = f"{x:.1f}", f"{y:.1f}"
    hit = view.hit(round(x, 1), round(y, 1))
    note = f"{row['id']}: moved into {row['muscle_id']}"
    if hit and hit[0] != row["location_region"]:
        note += f"; location_region {row['location_region']} -> {hit[0]}"
        row["location_region"] = hit[0]
    return note


def fill_region(row: dict, view: View, taken: list[tuple[float, float]]) -> None:
    """Put a row with empty x, y inside its location region."""
    shape = region_shape(view, row["location_region"])
    c = shape.centroid
    x, y = pick(candidates(shape), (c.x, c.y), taken)
    row["x"], row["y"] = f"{x:.1f}", f"{y:.1f}"


def main(argv: list[str] | None = None) -> None:
    """Place every trigger point that needs it and report what moved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions-only", action="store_true", help="only fill empty x, y inside the region")
    args = parser.parse_args(argv)
    atlas = load_atlas()
    path = ROOT / "data" / "trigger_points.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols, rows = reader.fieldnames, list(reader)
    empty = [not (r["x"] and r["y"]) for r in rows]
    todo = [i for i, r in enumerate(rows) if empty[i] or (not args.regions_only and not inside(
        atlas.views[r["view"]], r["muscle_id"], float(r["x"]), float(r["y"])))]
    placed: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for i, r in enumerate(rows):
        if i not in todo:
            placed.setdefault((r["view"], r["muscle_id"]), []).append((float(r["x"]), float(r["y"])))
    for i in todo:
        row, view = rows[i], atlas.views[rows[i]["view"]]
        taken = placed.setdefault((row["view"], row["muscle_id"]), [])
        if args.regions_only or muscle_shape(view, row["muscle_id"]).is_empty:
            fill_region(row, view, taken)
        else:
            print(fit(row, view, taken))  # noqa: T201
        taken.append((float(row["x"]), float(row["y"])))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(todo)} of {len(rows)} trigger points placed")  # noqa: T201


if __name__ == "__main__":
    main()
