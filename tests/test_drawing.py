"""The SVG drawing: every region drawn once, mirroring, sides, patterns readable, payload small."""

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from triggermap.drawing import STIPPLE, Frame, Mark, draw_view, point_id, region_id
from triggermap.mapstate import map_state, muscle_elements, pattern_classes, point_elements, selection_classes
from triggermap.picture import marks_of
from triggermap.vocab import ViewId

NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def labels(atlas):
    return {r: x.label for r, x in atlas.regions.items()}


def svg_of(data, labels, view_id, **kw):
    names = {m: row.name for m, row in data.muscles.items()}
    return draw_view(data.atlas.views[view_id], labels, marks_of(data, view_id), names, **kw)


def ids(svg: str, prefix: str) -> list[str]:
    return [e.get("id") for e in ET.fromstring(svg).iter() if (e.get("id") or "").startswith(prefix)]


@pytest.mark.parametrize(("view_id", "flip"), [(v, False) for v in ViewId.values()] + [("head_neck", True)])
def test_every_region_is_one_tappable_element(data, labels, view_id, flip):
    view = data.atlas.views[view_id]
    svg = svg_of(data, labels, view_id, flip=flip)
    drawn = ids(svg, "r-")
    frame = Frame(view, flip)
    expected = {region_id(s.id, frame.side(s.side)) for s in view.regions}
    assert sorted(drawn) == sorted(expected)
    root = ET.fromstring(svg)
    for el in root.iter():
        if (el.get("id") or "").startswith("r-"):
            assert el.get("data-k") == "r" and el.get("data-label")


def test_mirrored_head_view_reports_the_left_side_and_swaps_the_label(data, labels):
    right = svg_of(data, labels, "head_neck")
    left = svg_of(data, labels, "head_neck", flip=True)
    assert {i.rsplit("-", 1)[1] for i in ids(right, "r-")} == {"right", "midline"}
    assert {i.rsplit("-", 1)[1] for i in ids(left, "r-")} == {"left", "midline"}
    assert re.findall(r">([RL])</text>", right) == ["R"] and re.findall(r">([RL])</text>", left) == ["L"]
    def first_x(svg, el_id):
        el = next(e for e in ET.fromstring(svg).iter() if e.get("id") == el_id)
        return float(el.get("d")[1:].split()[0])

    assert first_x(left, "r-temple-left") == pytest.approx(100 - first_x(right, "r-temple-right"), abs=0.11)


@pytest.mark.parametrize(("view_id", "side", "viewer_left"), [
    ("anterior", "right", True), ("anterior", "left", False), ("posterior", "right", False),
    ("posterior", "left", True), ("foot", "right", False), ("foot", "left", True)])
def test_pattern_is_drawn_on_the_chosen_side(data, ranker, view_id, side, viewer_left):
    view = data.atlas.views[view_id]
    muscle = {"anterior": "infraspinatus", "posterior": "soleus", "foot": "abductor_hallucis"}[view_id]
    cls = pattern_classes(view, *ranker.pattern(muscle), side)
    assert cls["ess"], "the muscle's main zone is drawn on this view"
    shaded = set(cls["ess"] + cls["spill"])
    xs = [r[:, 0].mean() for s in view.regions if region_id(s.id, s.side) in shaded and s.side != "midline"
          for r in s.rings]
    assert xs and all((x < 50) == viewer_left for x in xs)


@pytest.mark.parametrize("view_id", ["anterior", "posterior", "foot"])
@pytest.mark.parametrize("side", ["right", "left"])
def test_every_trigger_point_is_drawn_inside_the_body_on_its_side(data, view_id, side):
    view = data.atlas.views[view_id]
    frame = Frame(view)
    for mark in marks_of(data, view_id):
        (s, x, y), = [p for p in frame.mark_sides(mark) if p[0] == side]
        hit = view.hit(x, view.y_range[0] + view.y_range[1] - y)  # back to data coordinates
        assert hit is not None and hit[1] in (side, "midline"), f"{mark.id} on the {side}: {hit}"


def test_points_and_muscles_of_one_side(data, ranker):
    view = data.atlas.views["posterior"]
    marks = marks_of(data, "posterior")
    on = point_elements(view, marks, ["infraspinatus"], "left")
    assert on and all(i.endswith("-left") and "infraspinatus" in i for i in on)
    assert point_elements(view, marks, None, "right") == [point_id(m.id, "right") for m in marks]
    assert muscle_elements(view, ["upper_trapezius"], "left") == ["m-upper_trapezius-left"]
    assert muscle_elements(view, ["upper_trapezius"], None) == ["m-upper_trapezius-left", "m-upper_trapezius-right"]


def test_stipple_is_readable_in_every_region(atlas):
    s, q = STIPPLE, STIPPLE / 4
    for view in atlas.views.values():
        frame = Frame(view)
        for shape in view.regions:
            polys = [Polygon(np.column_stack(frame.xy(r[:, 0], r[:, 1]))) for r in shape.rings]
            dots = 0
            for poly in polys:
                x0, y0, x1, y1 = poly.bounds
                for d in (q, 3 * q):
                    gx, gy = np.meshgrid(np.arange(np.floor(x0 / s) * s, x1 + s, s) + d,
                                         np.arange(np.floor(y0 / s) * s, y1 + s, s) + d)
                    dots += int(shapely.contains_xy(poly, gx.ravel(), gy.ravel()).sum())
            area = sum(p.area for p in polys)
            assert dots >= (3 if area >= 5 else 1), f"{view.id}/{shape.id} ({shape.side}): {dots} dots"


def test_spillover_edge_is_dotted_too():
    from triggermap.drawing import style

    rule = re.search(r"\.rg\.spill\{([^}]*)\}", style()).group(1)
    assert "stroke-dasharray" in rule and "url(#stip)" in rule


def test_deep_muscles_are_dashed_and_chosen_ones_filled(data, labels):
    view = data.atlas.views["anterior"]
    shapes = [replace(m, depth="superficial") for m in view.muscles]
    deep = replace(view, muscles=[replace(shapes[0], depth="deep"), *shapes[1:]])
    svg = draw_view(deep, labels, [], {}, state=map_state("muscle", {"fill": [f"m-{view.muscles[1].id}-right"]}),
                    interactive=False)
    classes = {e.get("id"): e.get("class") for e in ET.fromstring(svg).iter() if e.get("id")}
    assert classes[f"m-{view.muscles[1].id}-right"] == "ms fill"
    assert f"m-{view.muscles[0].id}-right" not in classes  # a finished picture leaves out unfilled shapes
    svg = draw_view(deep, labels, [], {}, interactive=True)
    classes = {e.get("id"): e.get("class") for e in ET.fromstring(svg).iter() if e.get("id")}
    assert classes[f"m-{view.muscles[0].id}-right"] == "ms deep"


def test_static_picture_draws_only_the_shown_points(data, labels):
    view = data.atlas.views["posterior"]
    on = point_elements(view, marks_of(data, "posterior"), ["soleus"], "left")
    svg = svg_of(data, labels, "posterior", interactive=False, state=map_state("muscle", {"on": on}))
    assert sorted(ids(svg, "t-")) == sorted(on)
    assert 'role="img"' in svg and "data-k" not in svg


@pytest.mark.parametrize("view_id", ViewId.values())
def test_geometry_once_and_state_per_tap_stay_small(data, labels, view_id):
    svg = svg_of(data, labels, view_id)
    assert len(svg.encode()) < 300 * 1024  # sent once per view (README target); each tap sends only the state
    regions = [(s.id, s.side) for s in data.atlas.views[view_id].regions][:20]
    assert len(json.dumps(map_state("pain", {"sel": selection_classes(regions)}))) < 2 * 1024


def test_marks_carry_the_muscle(data):
    mark = Mark("x_tp1", "soleus", "belly", 30.0, 40.0)
    assert Frame(data.atlas.views["posterior"]).mark_sides(mark)[1] == ("left", 70.0, 160.0)
