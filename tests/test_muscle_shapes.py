"""The muscle layer: every muscle drawn, trigger points inside their muscle, attachments sourced."""

import csv
import importlib.util
import json
import subprocess
import sys

import pytest
from shapely.geometry import Point, Polygon

from tests.helpers import ROOT, edit_cell
from triggermap import DATA_DIR
from triggermap.atlas import AtlasError, load_atlas
from triggermap.data import DataError, load_dataset

with open(DATA_DIR / "trigger_points.csv", newline="", encoding="utf-8") as _fh:
    TP_IDS = [row["id"] for row in csv.DictReader(_fh)]


def _placer():
    """Import scripts/place_trigger_points.py as a module."""
    spec = importlib.util.spec_from_file_location("place_tp", ROOT / "scripts" / "place_trigger_points.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shapes_of(view, muscle_id):
    return [Polygon(r) for m in view.muscles if muscle_id in m.muscles for r in m.rings]


@pytest.mark.parametrize("tp_id", TP_IDS)
def test_trigger_point_lies_in_its_muscle_shape(data, tp_id):
    tp = data.trigger_points[tp_id]
    shapes = _shapes_of(data.atlas.views[tp.view], tp.muscle_id)
    assert shapes, f"{tp.muscle_id} has no shape on view {tp.view}"
    assert any(p.covers(Point(tp.x, tp.y)) for p in shapes), (tp.view, tp.x, tp.y)


def test_every_muscle_has_a_shape_and_every_shape_a_muscle(data):
    drawn = {m for v in data.atlas.views.values() for s in v.muscles for m in s.muscles}
    assert set(data.muscles) <= drawn, set(data.muscles) - drawn
    assert drawn <= set(data.muscles), drawn - set(data.muscles)



def test_one_outline_per_muscle_per_view(atlas):
    for view in atlas.views.values():
        ids = [m for s in view.muscles for m in s.muscles]
        assert len(ids) == len(set(ids)), view.id
        assert all(len(s.muscles) == 1 for s in view.muscles), view.id


@pytest.mark.parametrize("view_id,muscle_id,depth", [
    ("posterior", "quadratus_lumborum", "deep"), ("anterior", "psoas_major", "deep"),
    ("posterior", "piriformis", "deep"), ("posterior", "supinator", "deep"),
    ("anterior", "anterior_scalene", "deep"), ("head_neck", "lateral_pterygoid", "deep"),
    ("posterior", "lumbar_multifidus", "deep"), ("anterior", "deltoid", "superficial"),
    ("posterior", "gluteus_maximus", "superficial"), ("posterior", "gluteus_medius", "superficial"),
])
def test_depth_drawn(atlas, view_id, muscle_id, depth):
    shape = next(s for s in atlas.views[view_id].muscles if muscle_id in s.muscles)
    assert shape.depth == depth


def test_superficial_muscles_are_drawn_superficial_somewhere(data):
    for mid, row in data.muscles.items():
        depths = {s.depth for v in data.atlas.views.values() for s in v.muscles if mid in s.muscles}
        if row.depth == "superficial":
            assert "superficial" in depths, mid


def test_info_reports_muscles_drawn():
    out = subprocess.run([sys.executable, "-m", "triggermap", "info", "--json"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    payload = json.loads(out.stdout)
    assert payload["muscles_drawn"] == payload["muscles"]


def test_bad_depth_is_refused(views_copy):
    path = views_copy / "posterior.json"
    doc = json.loads(path.read_text())
    doc["muscles"][0]["depth"] = "middling"
    path.write_text(json.dumps(doc))
    with pytest.raises(AtlasError, match=r"posterior\.json.*muscle '.*': depth 'middling'"):
        load_atlas(views_dir=views_copy)


def test_shape_for_unknown_muscle_is_refused(views_copy, data_copy):
    path = views_copy / "foot.json"
    doc = json.loads(path.read_text())
    doc["muscles"][0]["muscles"] = ["flexor_imaginarius"]
    path.write_text(json.dumps(doc))
    atlas = load_atlas(views_dir=views_copy, regions_csv=data_copy / "regions.csv")
    with pytest.raises(DataError, match=r"foot\.json, muscle shape .*unknown muscle 'flexor_imaginarius'"):
        load_dataset(data_copy, atlas=atlas)


@pytest.mark.parametrize("column,value,message", [
    ("muscle_id", "flexor_imaginarius", r"muscle_attachments\.csv row 2, column 'muscle_id': unknown muscle"),
    ("sources", "nobody2020", r"muscle_attachments\.csv row 2, column 'sources': unknown source 'nobody2020'"),
    ("origin", "", r"muscle_attachments\.csv row 2, column 'origin'"),
])
def test_bad_attachment_row_is_refused(data_copy, column, value, message):
    edit_cell(data_copy / "muscle_attachments.csv", 0, column, value)
    with pytest.raises(DataError, match=message):
        load_dataset(data_copy)


def test_muscle_without_attachment_is_refused(data_copy):
    path = data_copy / "muscle_attachments.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = next(i for i, line in enumerate(lines) if line.startswith("masseter,"))
    path.write_text("".join(lines[:dropped] + lines[dropped + 1:]), encoding="utf-8")
    with pytest.raises(DataError, match=r"without a row in muscle_attachments\.csv: masseter"):
        load_dataset(data_copy)


@pytest.mark.parametrize("x,y", [(30.0, 30.0), ("", "")])
def test_placement_moves_a_point_into_its_muscle(atlas, x, y):
    placer = _placer()
    view = atlas.views["head_neck"]
    row = {"id": "t", "muscle_id": "sternocleidomastoid", "view": "head_neck",
           "location_region": "lateral_neck", "x": str(x), "y": str(y)}
    placer.fit(row, view, taken=[])
    px, py = float(row["x"]), float(row["y"])
    assert placer.inside(view, "sternocleidomastoid", px, py)
    assert view.hit(px, py)[0] == row["location_region"]


def test_placement_keeps_points_apart_and_is_deterministic(atlas):
    placer = _placer()
    view = atlas.views["posterior"]
    rows = [{"id": f"t{i}", "muscle_id": "quadratus_lumborum", "view": "posterior", "location_region": "low_back",
             "x": "", "y": ""} for i in range(3)]
    runs = []
    for _ in range(2):
        taken, out = [], []
        for row in rows:
            row = dict(row)
            placer.fit(row, view, taken)
            taken.append((float(row["x"]), float(row["y"])))
            out.append(taken[-1])
        runs.append(out)
    assert runs[0] == runs[1]
    pts = runs[0]
    assert min(Point(a).distance(Point(b)) for i, a in enumerate(pts) for b in pts[i + 1:]) >= 1.0
    assert all(x > 50 for x, _ in pts)  # the patient's right is the viewer's right from behind
