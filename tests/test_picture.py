"""Exported pictures: the chart of a muscle and small multiples, with licence and sources inside."""

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from triggermap import picture
from triggermap.picture import LICENCE, PictureError

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(("muscle", "side"), [("infraspinatus", "right"), ("soleus", "left"),
                                              ("masseter", "left"), ("supinator", "right")])
def test_muscle_picture_carries_licence_and_sources(data, ranker, muscle, side):
    svg = picture.muscle_picture(data, ranker, muscle, side)
    root = ET.fromstring(svg)
    desc = root.find(f"{SVG}desc").text
    assert LICENCE in desc and side in desc
    meta = ET.tostring(root.find(f"{SVG}metadata"), encoding="unicode")
    for sid in dict.fromkeys(s for tp in data.points_of(muscle) for s in tp.sources):
        assert data.sources[sid].citation[:40] in desc
        assert data.sources[sid].citation[:40].replace("&", "&amp;") in meta
    shown = [e.get("id") for e in root.iter() if (e.get("id") or "").startswith(("p0t-", "p1t-"))]
    assert shown and all(i.endswith(f"-{side}") for i in shown)  # × on the chosen side only


def test_png_has_text_chunks_and_size(data, ranker):
    svg = picture.muscle_picture(data, ranker, "upper_trapezius")
    png = picture.to_png(svg, 600)
    img = Image.open(io.BytesIO(png))
    assert img.size[0] == 600 and img.size[1] > 300
    text = picture.png_text(png)
    assert text["Copyright"] == LICENCE
    assert text["Title"].startswith("Upper trapezius")
    assert data.sources["simons1999"].citation[:30] in text["Description"]
    assert img.text["Copyright"] == LICENCE  # Pillow reads the same chunks


def test_small_multiples_draws_one_panel_per_muscle(data, ranker):
    muscles = ["infraspinatus", "supraspinatus", "subscapularis", "anterior_scalene"]
    svg = picture.small_multiples(data, ranker, muscles, heading="Shoulder pain")
    root = ET.fromstring(svg)
    panels = [e for e in root if e.tag == f"{SVG}svg"]
    assert len(panels) == len(muscles)
    titles = [e.text for e in root if e.tag == f"{SVG}text"]
    assert titles[0] == "Shoulder pain" and all(any(data.muscles[m].name in t for t in titles) for m in muscles)


@pytest.mark.parametrize(("muscles", "side", "match"), [(["nope"], "right", "unknown muscle nope"),
                                                        ([], "right", "unknown muscle"),
                                                        (["soleus"], "up", "side must be")])
def test_bad_requests_get_a_clear_message(data, ranker, muscles, side, match):
    with pytest.raises(PictureError, match=match):
        picture.small_multiples(data, ranker, muscles, side)


def test_crop_keeps_the_whole_pattern(data, ranker):
    view = data.atlas.views["anterior"]
    state = picture.pattern_state(data, ranker, "anterior", ["supinator"], "right")
    x, y, w, h = picture.crop(view, state, False, 0.75)
    assert w / h == pytest.approx(0.75) and w < 100
    from triggermap.drawing import Frame

    frame = Frame(view)
    shaded = set(state["cls"].get("ess", []) + state["cls"].get("spill", []))
    for shape in view.regions:
        if f"r-{shape.id}-{frame.side(shape.side)}" in shaded:
            for ring in shape.rings:
                sx, sy = frame.xy(ring[:, 0], ring[:, 1])
                assert x <= sx.min() and sx.max() <= x + w and y <= sy.min() and sy.max() <= y + h
