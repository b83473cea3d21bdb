"""Pain → muscle ranking, condition and root lookups against the real data."""

import pytest

from triggermap.answers import your_areas
from triggermap.lookup import normalise_root, reason, segment


def _top(ranker, regions, n=10, side="right"):
    return [m.muscle_id for m in ranker.rank([(r, side) for r in regions], top=n)]


@pytest.mark.parametrize("regions,expected,n", [
    (["lateral_elbow"], {"supinator", "brachioradialis"}, 10),
    (["heel"], {"soleus", "quadratus_plantae"}, 10),
    (["temple"], {"upper_trapezius", "temporalis", "sternocleidomastoid"}, 10),
    (["vertex"], {"splenius_capitis"}, 10),
    (["anterior_shoulder"], {"infraspinatus"}, 10),
    (["lateral_thigh"], {"gluteus_minimus", "vastus_lateralis"}, 10),
    (["medial_knee"], {"vastus_medialis"}, 10),
    (["anterior_ankle"], {"tibialis_anterior"}, 10),
    (["sacroiliac", "lower_buttock"], {"quadratus_lumborum"}, 10),
    (["tmj"], {"lateral_pterygoid", "masseter"}, 10),
])
def test_classic_patterns_rank_high(ranker, regions, expected, n):
    top = _top(ranker, regions, n)
    assert expected <= set(top), top


def test_essential_outranks_spillover(ranker):
    ess = {m for m in ranker.muscle_ids if "lateral_elbow" in ranker.pattern(m)[0]}
    spill = {m for m in ranker.muscle_ids if "lateral_elbow" in ranker.pattern(m)[1]}
    ranked = ranker.rank([("lateral_elbow", "right")])
    scores = {m.muscle_id: m.score for m in ranked}
    assert ess and spill
    assert min(scores[m] for m in ess) > max(scores[m] for m in spill)


def test_covering_more_regions_ranks_higher(ranker):
    ranked = ranker.rank([("temple", "right"), ("jaw_angle", "right"), ("lateral_neck", "right")])
    best = ranked[0]
    assert len(best.essential) + len(best.spillover) >= 2
    assert best.muscle_id == "upper_trapezius"


def test_sides_are_kept_apart_and_midline_matches_both(ranker):
    ranked = ranker.rank([("lateral_elbow", "left")])
    assert ranked and all(m.side == "left" for m in ranked)
    apart = ranker.rank([("lateral_elbow", "left"), ("dorsal_wrist", "right")])
    assert {m.side for m in apart} == {"left", "right"}
    mid = ranker.rank([("sacrum", "midline")])
    assert mid and all(m.side == "either" for m in mid)


@pytest.mark.parametrize("regions", [["temple"], ["lateral_elbow", "dorsal_wrist"], ["heel"]])
def test_both_sides_list_each_muscle_once_scored_as_one_side(ranker, regions):
    # Was: each muscle twice, left and right, each at half score ("1 of your 2 areas").
    one = {m.muscle_id: m.score for m in ranker.rank([(r, "right") for r in regions])}
    both = ranker.rank([(r, s) for r in regions for s in ("left", "right")])
    assert [m.side for m in both] == ["both"] * len(both)
    assert len({m.muscle_id for m in both}) == len(both)
    assert {m.muscle_id: m.score for m in both} == one


@pytest.mark.parametrize("family,part,muscle", [
    (["anterior_knee", "medial_knee", "lateral_knee", "posterior_knee"], "medial_knee", "vastus_medialis"),
    (["calf", "lower_calf"], "calf", "gastrocnemius"),
])
def test_a_whole_family_counts_as_one_area(ranker, family, part, muscle):
    # A muscle whose zone covers one part of the family the person named ('knee') is not penalised.
    whole = {m.muscle_id: m for m in ranker.rank([(r, "right") for r in family])}
    assert part in whole[muscle].essential
    assert (whole[muscle].areas, whole[muscle].main_areas) == (1, 1)
    assert whole[muscle].score >= 80  # coverage 1 of 1 area, not 1 of 4 regions
    plus = {m.muscle_id: m for m in ranker.rank([(r, "right") for r in [*family, "thumb"]])}
    assert (plus[muscle].areas, plus[muscle].any_areas) == (2, 1)


def test_ranking_is_deterministic(ranker):
    sel = [("low_back", "right"), ("upper_buttock", "right")]
    assert ranker.rank(sel) == ranker.rank(list(sel))


def test_unknown_regions_are_ignored(ranker):
    assert ranker.rank([("moon", "right")]) == []


def test_reason_names_the_zones(ranker, data):
    labels = {r: x.label for r, x in data.atlas.regions.items()}
    m = ranker.rank([("lateral_elbow", "right"), ("dorsal_wrist", "right")])[0]
    text = reason(m, labels, 2)
    assert "zone covers" in text and "of your 2 areas" in text


@pytest.mark.parametrize("root,muscles", [
    ("C5", {"deltoid", "biceps_brachii", "supraspinatus"}),
    ("C6", {"biceps_brachii", "brachioradialis", "extensor_carpi_radialis_longus"}),
    ("C7", {"triceps_brachii", "flexor_carpi_radialis"}),
    ("C8", {"flexor_digitorum_profundus", "flexor_carpi_ulnaris"}),
    ("L3", {"vastus_medialis", "rectus_femoris"}),
    ("L4", {"tibialis_anterior"}),
    ("L5", {"extensor_hallucis_longus", "gluteus_medius"}),
    ("S1", {"gastrocnemius", "soleus", "gluteus_maximus"}),
])
def test_myotome_table(ranker, root, muscles):
    seg = segment(ranker, root)
    assert muscles <= set(seg["muscles"]), set(seg["muscles"])
    assert seg["paraspinal"] and seg["dermatome"]


QUADS = {"rectus_femoris", "vastus_medialis", "vastus_lateralis", "vastus_intermedius"}


@pytest.mark.parametrize("root,first,within,key", [
    ("C5", set(), 5, {"deltoid", "biceps_brachii"}),
    ("C6", set(), 5, {"extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis", "biceps_brachii",
                      "brachioradialis"}),
    ("C7", {"triceps_brachii"}, 3, {"triceps_brachii"}),
    ("C8", set(), 5, {"flexor_digitorum_profundus", "flexor_digitorum_superficialis"}),
    ("T1", set(), 5, {"abductor_digiti_minimi_hand", "first_dorsal_interosseous"}),
    ("L2", {"psoas_major", "iliacus"}, 2, {"psoas_major", "iliacus"}),
    ("L3", QUADS, 5, QUADS | {"psoas_major", "adductor_longus", "adductor_brevis", "adductor_magnus"}),
    ("L4", {"tibialis_anterior"}, 5, {"tibialis_anterior"} | QUADS),
    ("L5", {"extensor_hallucis_longus", "gluteus_medius"}, 5, {"extensor_hallucis_longus", "gluteus_medius"}),
    ("S1", {"gastrocnemius", "soleus"}, 5, {"gastrocnemius", "soleus"}),
])
def test_segment_lists_key_muscles_first(ranker, root, first, within, key):
    seg = segment(ranker, root)
    assert first <= set(seg["muscles"][:within]), seg["muscles"][:within]
    assert key <= set(seg["key"]), seg["key"]
    assert seg["muscles"] == seg["key"] + seg["contributing"]
    assert not set(seg["key"]) & set(seg["contributing"])


@pytest.mark.parametrize("root", ["C5", "C6", "C7", "C8", "T1", "L2", "L3", "L4", "L5", "S1"])
def test_contributing_muscles_run_from_specific_to_broad(ranker, data, root):
    seg = segment(ranker, root)
    counts = [sum(r[0] in "CTLS" for r in data.muscles[m].roots) for m in seg["contributing"]]
    assert counts == sorted(counts) and len(counts) > 0
    assert set(seg["key"]) == {k.muscle_id for k in data.key_roots[root]} - set(seg["paraspinal"])


def test_ecrb_and_trapezius_roots(ranker, data):
    assert "extensor_carpi_radialis_brevis" in segment(ranker, "C6")["key"]
    for part in ("upper_trapezius", "middle_trapezius", "lower_trapezius"):
        assert data.muscles[part].roots[0] == "CN XI" and {"C3", "C4"} <= set(data.muscles[part].roots)
        assert part in segment(ranker, "C3")["muscles"]


@pytest.mark.parametrize("text,root", [("c6", "C6"), (" L 5 ", "L5"), ("S1", "S1"), ("C9", None),
                                       ("x", None), ("T13", None), ("'; drop", None)])
def test_normalise_root(text, root):
    assert normalise_root(text) == root


AREA_CASES = [
    # (selection, expected areas as (word, regions)): a whole family is one area named by its word; a midline
    # place joins the family it belongs to (the breastbone goes with the chest, not with whichever came first)
    ([("anterior_arm", "right"), ("lateral_arm", "right"), ("medial_arm", "right"), ("posterior_arm", "right"),
      ("upper_chest", "right"), ("lower_chest", "right"), ("sternum", "midline"), ("lateral_chest", "right")],
     [("arm", {"anterior_arm", "lateral_arm", "medial_arm", "posterior_arm"}),
      ("chest", {"upper_chest", "lower_chest", "sternum", "lateral_chest"})]),
    ([("lateral_elbow", "right"), ("sternum", "midline")], [(None, {"lateral_elbow"}), (None, {"sternum"})]),
    ([("heel", "left")], [(None, {"heel"})]),
]


@pytest.mark.parametrize(("selection", "expected"), AREA_CASES)
def test_named_areas_group_places_as_the_ranking_counts_them(ranker, selection, expected):
    named = ranker.named_areas(selection)
    assert [(word, {r for r, _ in places}) for word, places in named] == expected
    assert sorted(p for _, places in named for p in places) == sorted(selection)  # every place once
    for m in ranker.rank(selection):  # the match lines' "of your N areas" counts these areas
        assert (m.areas or len(named)) == len(named), m


def test_your_areas_reads_as_groups(ranker):
    text = your_areas(ranker, AREA_CASES[0][0], lambda k: f"{k[0]}:{k[1]}")
    assert text.startswith("**Arm:** anterior_arm:right, ") and "; **Chest:** upper_chest:right, " in text
    assert your_areas(ranker, [("heel", "left")], lambda k: "Heel (left)") == "Heel (left)"
