"""Build assets/views/*.json from the hand-written spec in scripts/atlas_spec/.

Each region is the union of the Voronoi cells of its seed points inside one body part,
so the regions of a view tile its silhouette exactly: no gaps, no overlaps.
Run: python -m scripts.build_atlas
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import shapely
from shapely import affinity
from shapely.geometry import MultiPoint, Polygon, box
from shapely.ops import unary_union

from scripts.atlas_spec import anterior, cautions, foot, head_neck, muscles, posterior

ROOT = Path(__file__).resolve().parents[1]

MIDLINE_X = 50.0


def _mirror(geom):
    return affinity.scale(geom, xfact=-1, origin=(MIDLINE_X, 0))


def _split_parts(view):
    """Return {part name: geometry}, each part minus the parts listed before it."""
    sil = view["silhouette"]
    taken = Polygon()
    out = {}
    for name, geom, mirrored in view["parts"]:
        variants = [(f"{name}:a", geom), (f"{name}:b", _mirror(geom))] if mirrored else [(name, geom)]
        for key, g in variants:
            area = sil if g is None else sil.intersection(g)
            area = shapely.make_valid(area.difference(taken))
            out[key] = area
            taken = unary_union([taken, area])
    return out


def _expanded_seeds(view, part_names):
    """Mirror seeds to the viewer-right half; tag each with its side."""
    left, right = view["viewer_left_side"], view.get("viewer_right_side")
    right = right or {"right": "left", "left": "right"}[left]
    midline = view["midline_regions"]
    out = []
    for region, part, x, y in view["seeds"]:
        mirrored_part = f"{part}:a" in part_names
        pa, pb = (f"{part}:a", f"{part}:b") if mirrored_part else (part, part)
        if region in midline:
            out.append((region, "midline", pa, x, y))
            if abs(x - MIDLINE_X) > 1e-6 and not view.get("single_side"):
                out.append((region, "midline", pb, 2 * MIDLINE_X - x, y))
            continue
        out.append((region, left, pa, x, y))
        if not view.get("single_side"):
            out.append((region, right, pb, 2 * MIDLINE_X - x, y))
    return out


def _cells(part_geom, seeds):
    """Voronoi cells of seeds clipped to one part, keyed by seed index."""
    if len(seeds) == 1:
        return {0: part_geom}
    pts = MultiPoint([(s[3], s[4]) for s in seeds])
    env = part_geom.envelope.buffer(50)
    vor = shapely.voronoi_polygons(pts, extend_to=env, ordered=True)
    return {i: part_geom.intersection(cell) for i, cell in enumerate(vor.geoms)}


def _merge(pieces):
    """Union pieces, closing hairline seams; keep the plain union if smoothing misbehaves."""
    plain = unary_union(pieces)
    closed = plain.buffer(0.005).buffer(-0.005)
    return closed if abs(closed.area - plain.area) < 0.01 * plain.area else plain


def _without_holes(geom):
    """Split polygons with holes by a vertical line through each hole, so rings suffice."""
    out = []
    for g in getattr(geom, "geoms", [geom]):
        if g.geom_type != "Polygon" or not g.interiors:
            out.append(g)
            continue
        x = g.interiors[0].centroid.x
        minx, miny, maxx, maxy = g.bounds
        left = g.intersection(box(minx - 1, miny - 1, x, maxy + 1))
        right = g.intersection(box(x, miny - 1, maxx + 1, maxy + 1))
        out += _without_holes(left) + _without_holes(right)
    return out


def _polygons(geom, min_area=0.02):
    """List the exterior rings of a geometry's polygons, rounded to 2 decimals."""
    rings = []
    for g in _without_holes(geom):
        if g.geom_type != "Polygon" or g.area < min_area:
            continue
        g = shapely.set_precision(g.simplify(0.03), 0.01)
        for part in _without_holes(shapely.make_valid(g)):
            if part.geom_type == "Polygon" and part.area >= min_area:
                rings.append([[round(x, 2), round(y, 2)] for x, y in part.exterior.coords[:-1]])
    return rings


def build_view(view, depth_of):
    """Compute regions, muscles and silhouette of one view as a JSON-ready dict."""
    parts = _split_parts(view)
    seeds = _expanded_seeds(view, parts)
    by_part = defaultdict(list)
    for s in seeds:
        by_part[s[2]].append(s)
    pieces = defaultdict(list)
    for part, geom in parts.items():
        if geom.is_empty:
            continue
        if not by_part[part]:
            raise SystemExit(f"{view['id']}: part {part} has no seeds")
        for i, cell in _cells(geom, by_part[part]).items():
            region, side = by_part[part][i][:2]
            pieces[(region, side)].append(cell)
    regions = [{"id": r, "side": side, "polygons": _polygons(_merge(g))}
               for (r, side), g in sorted(pieces.items())]
    empty = [f"{r['id']} ({r['side']})" for r in regions if not r["polygons"]]
    if empty:
        raise SystemExit(f"{view['id']}: regions with no area: {', '.join(empty)}")
    sil = view["silhouette"]
    outlines = [{"id": m["id"], "muscles": m["muscles"], "depth": m["depth"],
                 "polygons": _polygons(shapely.make_valid(m["shape"]).intersection(sil))}
                for m in muscles.for_view(view["id"], depth_of)]
    empty = [m["id"] for m in outlines if not m["polygons"]]
    if empty:
        raise SystemExit(f"{view['id']}: muscles with no area inside the body: {', '.join(empty)}")
    zones = [{"id": c["id"], "polygons": _polygons(c["shape"].intersection(sil))}
             for c in cautions.for_view(view["id"], view.get("single_side", False))]
    return {"view": view["id"], "title": view["title"], "cautions": zones,
            "frame": {"x": view["frame"][:2], "y": view["frame"][2:]},
            "viewer_left_side": view["viewer_left_side"],
            "single_side": bool(view.get("single_side")),
            "labels": view["labels"], "silhouette": _polygons(sil),
            "regions": regions, "muscles": outlines}


def main():
    """Write one JSON file per view."""
    midline = {row.split(",")[0] for row in (ROOT / "data" / "regions.csv").read_text()
               .splitlines()[1:] if row.rstrip().endswith(",1")}
    with open(ROOT / "data" / "muscles.csv", newline="", encoding="utf-8") as fh:
        depth_of = {row["id"]: row["depth"] for row in csv.DictReader(fh)}
    out_dir = ROOT / "assets" / "views"
    out_dir.mkdir(parents=True, exist_ok=True)
    for spec in (anterior, posterior, head_neck, foot):
        view = spec.build()
        view["midline_regions"] = midline
        data = build_view(view, depth_of)
        path = out_dir / f"{data['view']}.json"
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        print(f"{path.relative_to(ROOT)}: {len(data['regions'])} regions")  # noqa: T201


if __name__ == "__main__":
    main()
