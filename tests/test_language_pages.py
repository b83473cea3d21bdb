"""The body map reads typed text with the pain-language module (AppTest, driven through the widgets)."""

import re

import pytest

from tests.test_pages import boot
from triggermap.selection import MAX_REGIONS

BODY = "app/pages/body_map.py"


def typed(text, audience="student", params=None):
    at = boot(BODY, {"audience": audience, **(params or {})})
    at.text_input(key="pain_text").input(text).run()
    assert not at.exception, at.exception
    return at


def areas(at):
    return next(m.value for m in at.markdown if m.value.startswith("**Your areas:**"))


def muscle_lines(at):
    return [m.value for m in at.markdown if re.match(r"\*\*[A-Z][^*]+\*\*", m.value) and " match: " in m.value]


@pytest.mark.parametrize("text,expected,view", [
    ("my left elbow and right wrist", ["Outer elbow (left)", "Back of the wrist (right)"], "anterior"),
    ("left heel", ["Heel (left)"], "posterior"),
    ("pain in both my temples", ["Temple (left)", "Temple (right)"], "anterior"),
])
def test_sides_come_from_the_text_and_the_view_shows_them(text, expected, view):
    at = typed(text, params={"side": "right"})
    assert all(e in areas(at) for e in expected)
    assert at.session_state["view_pick"] == view


def test_both_sides_list_each_muscle_once():
    at = typed("pain in both my temples")
    lines = muscle_lines(at)
    names = [re.match(r"\*\*([^*]+)\*\*", line).group(1) for line in lines]
    assert names and len(names) == len(set(names))
    assert all("(both sides)" in line for line in lines)


def test_patients_get_plain_bands_conditions_and_what_next():
    at = typed("my heel hurts", audience="patient", params={"redflags": "none"})  # red flags answered: list shows
    text = " ".join(m.value for m in at.markdown)
    assert "Strong match" in text and "score" not in text
    assert any(b.label.startswith("Plantar heel pain") for b in at.button)
    assert any("You ticked none of the red flags" in m.value for m in at.markdown)  # answered: not asked again


def test_nerve_symptoms_get_a_note():
    at = typed("numbness and tingling in my left hand")
    assert any("does not explain" in i.value and "segments" in i.value for i in at.info)
    assert "Palm (left)" in areas(at)


def test_long_text_gets_a_visible_message():
    at = typed("left knee " + "and it hurts a lot " * 40)
    assert any("Only the first 500 characters" in w.value for w in at.warning)


def test_finder_uses_the_same_words_and_adds_all_matches():
    at = boot(BODY, {"audience": "student"})
    at.text_input(key="area_find").input("outside thigh").run()
    assert set(at.multiselect(key="region_pick").options) >= {"Outer thigh (left)", "Outer thigh (right)"}
    next(b for b in at.button if b.label.startswith("Add all 2 matches")).click().run()
    assert not at.exception
    assert "Outer thigh (left)" in areas(at) and "Outer thigh (right)" in areas(at)


def test_adding_all_matches_stops_at_the_area_cap():
    regions = ",".join(f"{r}:right" for r in ["heel", "arch", "big_toe", "shin", "calf", "temple", "forehead",
                                              "cheek", "ear", "eye", "palm", "thumb", "thenar", "axilla", "groin",
                                              "lateral_hip", "lateral_elbow", "medial_elbow", "dorsal_wrist"])
    at = boot(BODY, {"audience": "student", "regions": regions})
    at.text_input(key="area_find").input("leg").run()
    button = next(b for b in at.button if b.label.startswith("Add all"))
    assert "room for 1" in button.label
    button.click().run()
    assert not at.exception
    assert len(at.session_state["state_BodyMapState"].regions) == MAX_REGIONS
    assert any(f"At most {MAX_REGIONS} areas" in w.value for w in at.warning)
