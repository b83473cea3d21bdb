"""Body atlas: the four views, their pain regions, hit-testing and region text search."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from . import ASSETS_DIR, DATA_DIR
from .echo import unreadable
from .textmatch import Matcher
from .vocab import Side, ViewId

if TYPE_CHECKING:
    from .language import Lexicon

MUSCLE_DEPTHS = ("superficial", "deep")
GAP_TOLERANCE = 0.002  # share of the silhouette area allowed as gap or overlap


class AtlasError(ValueError):
    """A geometry or region file is broken; the message names the file, view and region."""


@dataclass(frozen=True)
class Region:
    """A side-neutral pain region with its names and CHOIR Body Map codes."""

    id: str
    label: str
    lay: tuple[str, ...]
    anatomical: tuple[str, ...]
    choir: tuple[str, ...]
    midline: bool

    @property
    def names(self) -> list[str]:
        """Every name a person might use for this region."""
        return [self.label, self.id.replace("_", " "), *self.lay, *self.anatomical]


@dataclass(frozen=True)
class Shape:
    """One region (or muscle outline) on a view: id, side and polygon rings."""

    id: str
    side: str
    rings: tuple[np.ndarray, ...]
    muscles: tuple[str, ...] = ()
    depth: str = ""  # muscle shapes only: superficial or deep (drawn dashed, lighter)


@dataclass(eq=False)
class View:
    """One drawing of the body with its own coordinate frame."""

    id: str
    title: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    viewer_left_side: str
    single_side: bool
    labels: dict[str, tuple[float, float]]
    silhouette: tuple[np.ndarray, ...]
    regions: list[Shape]
    muscles: list[Shape] = field(default_factory=list)
    cautions: list[Shape] = field(default_factory=list)

    @cached_property
    def _tree(self) -> tuple[shapely.STRtree, list[Polygon], list[int]]:
        polys = [Polygon(r) for s in self.regions for r in s.rings]
        owners = [i for i, s in enumerate(self.regions) for _ in s.rings]
        return shapely.STRtree(polys), polys, owners

    def hit(self, x: float, y: float) -> tuple[str, str] | None:
        """Return (region id, side) under a point, or None outside the body."""
        tree, polys, owners = self._tree
        for idx in tree.query(Point(x, y)):
            if polys[idx].covers(Point(x, y)):
                shape = self.regions[owners[idx]]
                return shape.id, shape.side
        return None

    def region_ids(self) -> list[str]:
        """Side-neutral region ids drawn on this view, sorted."""
        return self._region_ids

    @cached_property
    def _region_ids(self) -> list[str]:
        return sorted({s.id for s in self.regions})


@dataclass(eq=False)
class Atlas:
    """All views plus the region dictionary."""

    views: dict[str, View]
    regions: dict[str, Region]

    @cached_property
    def _matcher(self) -> Matcher:
        return Matcher({rid: r.names for rid, r in self.regions.items()})

    def search(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """Rank regions for free text, typo-tolerant; best first."""
        return self._matcher.rank(text, limit=limit)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The pain-language lexicon over this atlas's regions and the shipped word tables."""
        from .data import read_rows  # data imports this module
        from .language import Lexicon
        from .schema import BodyWordRow, PainWordRow

        return Lexicon(self.regions, read_rows(DATA_DIR / "body_words.csv", BodyWordRow),
                       read_rows(DATA_DIR / "pain_words.csv", PainWordRow))

    def resolve(self, text: str) -> list[tuple[str, float]]:
        """Regions named in text, in order (kept for older callers; language.Lexicon.read gives sides too)."""
        return [(rid, 100.0) for rid in dict.fromkeys(p.region for p in self.lexicon.read(text).places)]



def _cell_list(row: Mapping[str, str | None], key: str) -> tuple[str, ...]:
    """Split a ;-separated cell."""
    return tuple(v.strip() for v in (row.get(key) or "").split(";") if v.strip())


def load_regions(path: Path = DATA_DIR / "regions.csv") -> dict[str, Region]:
    """Read the region dictionary; raise AtlasError naming the row on bad input."""
    try:
        regions = _read_regions(path)
    except UnicodeDecodeError as exc:
        raise AtlasError(f"{path.name}: not valid UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise AtlasError(unreadable(path, exc)) from None
    except csv.Error as exc:
        raise AtlasError(f"{path.name}: not a readable CSV ({exc})") from None
    if not regions:
        raise AtlasError(f"{path.name}: no regions (the file has no data rows)")
    return regions


def _read_regions(path: Path) -> dict[str, Region]:
    """Parse the region rows; raise AtlasError naming the row on bad input."""
    regions: dict[str, Region] = {}
    with open(path, newline="", encoding="utf-8-sig") as fh:  # -sig: tolerate Excel's byte-order mark
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            rid = (row.get("id") or "").strip()
            if not rid or not (row.get("label") or "").strip():
                raise AtlasError(f"{path.name} row {row_no}: column 'id' and 'label' are required")
            if rid in regions:
                raise AtlasError(f"{path.name} row {row_no}, column 'id': duplicate region '{rid}'")
            regions[rid] = Region(rid, row["label"].strip(), _cell_list(row, "lay_synonyms"),
                                  _cell_list(row, "anatomical_synonyms"), _cell_list(row, "choir"),
                                  (row.get("midline") or "0").strip() == "1")
    return regions


def _rings(raw: Any, where: str, frame: tuple[tuple[float, ...], tuple[float, ...]]) -> tuple[np.ndarray, ...]:
    """Turn JSON rings into arrays, checking each is a valid polygon inside the frame."""
    (x0, x1), (y0, y1) = frame
    rings = []
    for i, ring in enumerate(raw or []):
        arr = np.asarray(ring, dtype=float)
        if arr.ndim != 2 or arr.shape[0] < 3 or arr.shape[1] != 2:
            raise AtlasError(f"{where}: polygon {i} needs at least 3 [x, y] points")
        if not np.isfinite(arr).all():
            raise AtlasError(f"{where}: polygon {i} has a coordinate that is not a finite number")
        if not Polygon(arr).is_valid:
            raise AtlasError(f"{where}: polygon {i} is not a valid polygon (self-intersecting?)")
        if arr[:, 0].min() < x0 or arr[:, 0].max() > x1 or arr[:, 1].min() < y0 or arr[:, 1].max() > y1:
            raise AtlasError(f"{where}: polygon {i} lies outside the frame x {x0}–{x1}, y {y0}–{y1}")
        rings.append(arr)
    if not rings:
        raise AtlasError(f"{where}: no polygons")
    return tuple(rings)


def load_view(path: Path, regions: dict[str, Region]) -> View:
    """Load and validate one view file; raise AtlasError naming the view and region."""
    try:
        return _load_view(path, regions)
    except AtlasError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # Well-formed JSON of the wrong shape: still name the file, never show a traceback.
        raise AtlasError(f"{Path(path).name}: not a view file of the expected shape "
                         f"({type(exc).__name__}: {str(exc)[:120]})") from None


def _load_view(path: Path, regions: dict[str, Region]) -> View:
    """Parse one view file (load_view wraps unexpected shapes)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        vid = data["view"]
        frame = (tuple(data["frame"]["x"]), tuple(data["frame"]["y"]))
    except OSError as exc:
        raise AtlasError(unreadable(path, exc)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise AtlasError(f"{Path(path).name}: unreadable view file ({exc})") from exc
    where = f"{Path(path).name} (view '{vid}')"
    shapes = []
    for item in data.get("regions", []):
        rid, side = item.get("id"), item.get("side")
        if rid not in regions:
            raise AtlasError(f"{where}: unknown region '{rid}'; add it to data/regions.csv")
        if side not in Side.values():
            raise AtlasError(f"{where}, region '{rid}': side '{side}' not one of {Side.values()}")
        shapes.append(Shape(rid, side, _rings(item.get("polygons"), f"{where}, region '{rid}'", frame)))
    muscles = []
    for m in data.get("muscles", []):
        depth = m.get("depth", "superficial")
        if depth not in MUSCLE_DEPTHS:
            raise AtlasError(f"{where}, muscle '{m['id']}': depth '{depth}' not one of {MUSCLE_DEPTHS}")
        muscles.append(Shape(m["id"], "", _rings(m.get("polygons"), f"{where}, muscle '{m['id']}'", frame),
                             tuple(m.get("muscles", ())), depth))
    cautions = [Shape(c["id"], "", _rings(c.get("polygons"), f"{where}, caution zone '{c['id']}'", frame))
                for c in data.get("cautions", [])]
    view = View(vid, data.get("title", vid), frame[0], frame[1], data.get("viewer_left_side", Side.RIGHT.value),
                bool(data.get("single_side")), {k: tuple(v) for k, v in data.get("labels", {}).items()},
                _rings(data.get("silhouette"), f"{where}, silhouette", frame), shapes, muscles, cautions)
    check_tiling(view, where)
    return view


def check_tiling(view: View, where: str) -> None:
    """Raise AtlasError if regions overlap or leave part of the silhouette uncovered."""
    sil = unary_union([Polygon(r) for r in view.silhouette])
    polys = [(s, unary_union([Polygon(r) for r in s.rings])) for s in view.regions]
    tol = GAP_TOLERANCE * sil.area
    tree = shapely.STRtree([p for _, p in polys])
    for i, (shape, poly) in enumerate(polys):
        for j in tree.query(poly):
            if j > i and poly.intersection(polys[j][1]).area > tol / 10:
                other = polys[j][0]
                raise AtlasError(f"{where}: region '{shape.id}' ({shape.side}) overlaps "
                                 f"'{other.id}' ({other.side})")
    union = unary_union([p for _, p in polys])
    gap = sil.difference(union).area
    if gap > tol:
        raise AtlasError(f"{where}: regions leave {gap:.2f} square units of the body uncovered")


def load_atlas(views_dir: Path = ASSETS_DIR / "views", regions_csv: Path = DATA_DIR / "regions.csv") -> Atlas:
    """Load every view and the region dictionary."""
    regions = load_regions(regions_csv)
    views = {}
    for vid in ViewId.values():
        path = Path(views_dir) / f"{vid}.json"
        if not path.exists():
            raise AtlasError(unreadable(path, FileNotFoundError()))
        views[vid] = load_view(path, regions)
    return Atlas(views, regions)

