"""Atlas geometry: tiling, hit-testing, reachability, text search and bad files."""

import json

import pytest
from shapely.geometry import Polygon
from shapely.ops import unary_union

from triggermap.atlas import AtlasError, load_atlas
from triggermap.vocab import Side, ViewId


@pytest.mark.parametrize("view_id", ViewId.values())
def test_regions_tile_the_silhouette(atlas, view_id):
    view = atlas.views[view_id]
    body = unary_union([Polygon(r) for r in view.silhouette])
    polys = [unary_union([Polygon(r) for r in s.rings]) for s in view.regions]
    union = unary_union(polys)
    assert body.symmetric_difference(union).area < 0.002 * body.area
    assert sum(p.area for p in polys) - union.area < 0.002 * body.area


def test_about_a_hundred_regions_and_both_sides(atlas):
    assert 90 <= len(atlas.regions) <= 130
    front = atlas.views["anterior"]
    assert {s.side for s in front.regions if s.id == "lateral_elbow"} == {"right", "left"}
    assert {s.side for s in front.regions if s.id == "sternum"} == {"midline"}


@pytest.mark.parametrize("view_id,x,y,expected", [
    ("anterior", 50, 150, ("sternum", "midline")),
    ("anterior", 20.5, 122, ("lateral_elbow", "right")),   # patient's right is the viewer's left
    ("anterior", 79.5, 122, ("lateral_elbow", "left")),
    ("posterior", 20.5, 122, ("lateral_elbow", "left")),  # from behind, the patient's left is on the left
    ("posterior", 50, 96.5, ("coccyx", "midline")),
    ("foot", 33, 13, ("heel", "left")),
    ("head_neck", 58, 71, ("temple", "right")),
    ("anterior", 5, 5, None),
])
def test_hit(atlas, view_id, x, y, expected):
    assert atlas.views[view_id].hit(x, y) == expected


def test_every_synonym_resolves_to_its_region(atlas):
    wrong = []
    for rid, region in atlas.regions.items():
        for name in (region.label, *region.lay, *region.anatomical):
            top = atlas.search(name, limit=1)
            if not top or top[0][0] != rid:
                wrong.append((name, rid, top))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("phrase,expected", [
    ("top of the head", "vertex"), ("my temples", "temple"), ("behind my ear", "behind_ear"),
    ("back of the head", "occiput"), ("jaw joint", "tmj"), ("cheekbone", "cheek"),
    ("side of the neck", "lateral_neck"), ("back of my neck", "posterior_neck"),
    ("between the shoulder blades", "interscapular"), ("lower back", "low_back"),
    ("tailbone", "coccyx"), ("breastbone", "sternum"), ("armpit", "axilla"),
    ("outer elbow", "lateral_elbow"), ("inner elbow", "medial_elbow"),
    ("back of the wrist", "dorsal_wrist"), ("base of the thumb", "thenar"),
    ("web of the thumb", "thumb_web"), ("pinky", "little_finger"),
    ("outer thigh", "lateral_thigh"), ("inner knee", "medial_knee"), ("kneecap", "anterior_knee"),
    ("back of the knee", "posterior_knee"), ("shin", "shin"), ("heel", "heel"),
    ("sole of the foot", "arch"), ("ball of the foot", "ball_of_foot"), ("big toe", "big_toe"),
    ("outre elbow", "lateral_elbow"), ("shoudler blade", "infraspinous"), ("ahcilles", "achilles"),
])
def test_lay_phrases(atlas, phrase, expected):
    assert atlas.search(phrase, limit=1)[0][0] == expected


def test_several_places_in_one_phrase(atlas):
    found = [r for r, _ in atlas.resolve("outer elbow and back of the wrist, thumb")]
    assert found == ["lateral_elbow", "dorsal_wrist", "thumb"]


@pytest.mark.parametrize("text", ["", "zzzzqqq", "<script>alert(1)</script>", "💥" * 500, "a" * 10_000])
def test_nonsense_finds_nothing_and_never_raises(atlas, text):
    assert atlas.search(text) == []
    assert atlas.resolve(text) == []


def _break(views_dir, mutate):
    path = views_dir / "anterior.json"
    data = json.loads(path.read_text())
    mutate(data)
    path.write_text(json.dumps(data))


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["regions"][0].update(id="nowhere"), r"anterior\.json.*unknown region 'nowhere'"),
    (lambda d: d["regions"][0].update(side="up"), r"region '.*': side 'up'"),
    (lambda d: d["regions"][0].update(polygons=[[[0, 0], [1, 1]]]), r"region '.*': polygon 0 needs at least 3"),
    (lambda d: d["regions"][0].update(polygons=[[[0, 0], [9, 9], [9, 0], [0, 9]]]), r"not a valid polygon"),
    (lambda d: d["regions"][0].update(polygons=[[[0, 0], [500, 0], [0, 5]]]), r"outside the frame"),
    (lambda d: d["regions"].pop(5), r"uncovered"),
    (lambda d: d["regions"][1].update(polygons=d["regions"][1]["polygons"] + d["regions"][40]["polygons"]),
     r"overlaps"),
])
def test_bad_geometry_raises_a_clear_error(views_copy, mutate, message):
    _break(views_copy, mutate)
    with pytest.raises(AtlasError, match=message):
        load_atlas(views_dir=views_copy)


def test_unreadable_view_file(views_copy):
    (views_copy / "foot.json").write_text("{not json")
    with pytest.raises(AtlasError, match=r"foot\.json: unreadable"):
        load_atlas(views_dir=views_copy)


def test_trigger_points_lie_in_their_region_on_the_patients_right(data):
    for tp in data.trigger_points.values():
        hit = data.atlas.views[tp.view].hit(tp.x, tp.y)
        assert hit is not None, f"{tp.id} lies outside the body"
        assert hit[0] == tp.location_region, tp.id
        assert hit[1] in (Side.RIGHT, Side.MIDLINE), f"{tp.id} is drawn on the {hit[1]}: data are for the right"
