"""Figure builder: shading, mirroring, hit grid and payload."""

import numpy as np
import plotly.io as pio
import pytest

from triggermap.figures import OUTLINE_CODE_BASE, TP_CODE_BASE, body_figure


@pytest.fixture(scope="module")
def labels(atlas):
    return {r: x.label for r, x in atlas.regions.items()}


def trace(fig, name):
    return next(t for t in fig["data"] if t.get("name") == name)


def test_hit_grid_codes_decode_to_the_region_under_each_point(atlas, labels):
    view = atlas.views["posterior"]
    fig, table = body_figure(view, labels)
    hit = trace(fig, "regions")
    for x, y, code in list(zip(hit["x"], hit["y"], hit["customdata"], strict=True))[::37]:
        region, side = table[code]
        assert view.hit(float(x), float(y)) == (region, side)


def test_single_side_view_mirrors_for_the_left(atlas, labels):
    view = atlas.views["head_neck"]
    right, rtable = body_figure(view, labels)
    left, ltable = body_figure(view, labels, flip=True)
    assert {s for _, s in rtable} == {"right", "midline"}
    assert {s for _, s in ltable} == {"left", "midline"}
    assert np.allclose(trace(left, "regions")["x"], 100 - trace(right, "regions")["x"])
    assert [a["text"] for a in left["layout"]["annotations"]] == ["<b>L</b>"]


def test_shading_draws_only_the_asked_side(atlas, labels):
    fig, _ = body_figure(atlas.views["anterior"], labels, {("lateral_elbow", "right"): "essential"}, clickable=False)
    shaded = trace(fig, "essential")
    xs = np.asarray(shaded["x"], dtype=float)
    assert np.nanmax(xs) < 50  # the patient's right is on the viewer's left of the front view


def test_points_and_outlines_are_clickable_codes(atlas, labels):
    view = atlas.views["anterior"]
    fig, table = body_figure(view, labels, points=[(0, 30.0, 130.0, "tp")], clickable=False,
                             muscle_names={"deltoid": "Deltoid"})
    assert table == []
    assert trace(fig, "trigger points")["customdata"] == [TP_CODE_BASE]
    codes = set(trace(fig, "muscles")["customdata"].tolist())
    assert codes == {OUTLINE_CODE_BASE + i for i in range(len(view.muscles))}


@pytest.mark.parametrize("view_id", ["anterior", "posterior", "head_neck", "foot"])
def test_payload_stays_small(atlas, labels, view_id):
    fig, _ = body_figure(atlas.views[view_id], labels, {("heel", "left"): "select"})
    assert len(pio.to_json(fig)) < 300 * 1024
