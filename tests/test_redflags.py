"""Red flags asked in the right order: the signs for the areas a person chose come first."""

import pytest

from triggermap.redflags import areas_of, ordered_flags
from triggermap.words import AREA_WORDS


def test_area_words_are_umbrella_words_of_the_data(data):
    known = {w.word for w in data.body_words}
    assert {w for words in AREA_WORDS.values() for w in words} <= known
    assert set(AREA_WORDS) == {a for f in data.red_flags.values() for a in f.applies_to} - {"any"}


@pytest.mark.parametrize(("regions", "areas", "first_id"), [
    (["upper_chest", "anterior_arm"], {"chest", "arm"}, "cd_rf_cardiac_chest_pain"),  # 8th in the file
    (["low_back"], {"back"}, "cd_rf_saddle_numbness"),
    (["temple"], {"head"}, "cd_rf_thunderclap_headache"),
    (["calf"], {"leg"}, "cd_rf_dvt"),  # a swollen calf before back-and-leg signs
    (["temple", "posterior_neck"], {"head", "neck"}, "cd_rf_thunderclap_headache"),  # not weakness anywhere
])
def test_signs_for_the_chosen_areas_come_first(data, regions, areas, first_id):
    assert areas_of(data, regions) == areas
    first, others = ordered_flags(data, regions)
    assert first[0].id == first_id
    assert all(set(f.applies_to) & (areas | {"any"}) for f in first)
    assert not any(set(f.applies_to) & (areas | {"any"}) for f in others)
    assert len(first) + len(others) == len(data.red_flags)


def test_no_known_area_asks_every_sign(data):
    first, others = ordered_flags(data, ["epigastric"])
    assert [f.id for f in first] == list(data.red_flags) and others == []


@pytest.mark.parametrize("regions", [["low_back", "posterior_thigh"], ["upper_chest"], ["posterior_neck"], ["calf"]])
def test_signs_that_follow_needling_are_asked_last(data, regions):
    from triggermap.named import AFTER_NEEDLING_FLAGS

    first, _ = ordered_flags(data, regions)
    after = [i for i, f in enumerate(first) if f.id in AFTER_NEEDLING_FLAGS]
    assert after and after == list(range(len(first) - len(after), len(first))), [f.id for f in first]
