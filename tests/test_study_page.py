"""Study page headless (AppTest): boot, answer cards through the widgets, see feedback and the review."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import boot
from triggermap.quiz import Session


def boot_study() -> AppTest:
    """Run the study page."""
    return boot("app/pages/study.py")


def current(at):
    return Session.from_dict(at.session_state["study_session"]).current


def check_button(at):
    return next(b for b in at.button if b.label == "Check")


def pick(at, muscle_id, data):
    radio = next(r for r in at.radio if data.muscles[muscle_id].name in r.options)
    radio.set_value(muscle_id).run()
    check_button(at).click().run()


def test_page_boots_with_a_name_the_muscle_question(data):
    at = boot_study()
    assert not at.exception
    card = current(at)
    assert card.kind == "name_the_muscle"
    assert any("Whose trigger points" in m.value for m in at.markdown)
    assert len(body_maps(at)) == 1
    assert check_button(at).disabled  # nothing picked yet


@pytest.mark.parametrize("right", [True, False])
def test_answering_multiple_choice_shows_feedback(data, ranker, right):
    at = boot_study()
    card = current(at)
    choice = card.muscle if right else next(o for o in card.options if o != card.muscle)
    pick(at, choice, data)
    assert not at.exception
    name = data.muscles[card.muscle].name
    box = (at.success if right else at.error)
    assert box and name in box[0].value and ("Right" in box[0].value) is right
    assert any(name in m.value and "main zone" in m.value for m in at.markdown)
    assert any(f"Answered **1** · Right **{int(right)}**" in m.value for m in at.markdown)
    assert bool([e for e in at.expander if "Review your mistakes" in e.label]) is not right
    next(b for b in at.button if b.label == "Next question").click().run()
    assert not at.exception and current(at).id != card.id
    assert not at.success and not at.error


def answer_which_muscles(at, ticks):
    """Switch to 'which muscles', tick some options and check; return the card."""
    at.radio(key="study_kind").set_value("which_muscles").run()
    card = current(at)
    assert card.kind == "which_muscles"
    for box in at.checkbox:
        if any(box.key.endswith(f"_{m}") for m in ticks(card)):
            box.check()
    check_button(at).click().run()
    assert not at.exception
    return card


def test_which_muscles_ticks_are_scored(data):
    at = boot_study()
    answer_which_muscles(at, lambda card: card.answer)
    assert at.success and "Score 100%" in at.success[0].value


def map_states(at):
    """The state dict of each body map on the page, in page order."""
    return [json.loads(e.proto.json)["state"] for e in at.get("bidi_component")
            if e.proto.component_name == "triggermap.body_map_state"]


def test_which_muscles_answer_shows_the_area_beside_one_pattern_at_a_time(data, ranker):
    at = boot_study()
    card = answer_which_muscles(at, lambda card: [])
    area, pattern = map_states(at)
    assert area["cls"].get("sel") and not area["cls"].get("ess")      # the area asked, in blue, alone
    caption = " ".join(c.value for c in at.caption)
    assert "Blue: the pain area asked about" in caption and "Green: the muscle" in caption
    picker = at.radio(key=next(r.key for r in at.radio if r.label == "Show the pattern of"))
    assert list(picker.options) == [data.muscles[m].name + (" (right answer)" if m in card.answer else "")
                                    for m in card.options]
    for muscle in card.options:  # each option's pattern on its own, the right ones and the distractors
        picker.set_value(muscle).run()
        assert any(m.value.startswith(f"**Pattern of {data.muscles[muscle].name}**") for m in at.markdown)
        pattern = map_states(at)[1]  # the main zone drawn, on another view if this one does not show it
        assert pattern["cls"].get("ess") and {i.split("-")[1] for i in pattern["cls"]["ess"]} <= set(
            ranker.pattern(muscle)[0])


def test_click_the_zone_answer_shows_the_marks_beside_the_main_zone(data):
    at = boot_study()
    at.radio(key="study_kind").set_value("click_the_zone").run()
    card = current(at)
    at.selectbox(key=f"study_view_{card.id}").set_value("posterior").run()
    at.text_input(key="study_text").input("outer elbow").run()
    marked = at.session_state["study_regions"]
    check_button(at).click().run()
    assert not at.exception
    marks, zone = map_states(at)
    assert marks["cls"]["sel"] == [f"r-{r}-{s}" for r, s in marked]      # every mark, in blue
    assert zone["cls"].get("ess") and not zone["cls"].get("sel")
    assert any(m.value == "**Your marks**" for m in at.markdown)
    assert any(m.value.startswith(f"**Main zone of {data.muscles[card.muscle].name}**") for m in at.markdown)
    assert "Blue: the areas you marked" in " ".join(c.value for c in at.caption)


def test_filters_build_a_matching_deck(data):
    at = boot_study()
    at.selectbox(key="study_group").set_value("foot").run()
    at.radio(key="study_kind").set_value("click_the_zone").run()
    session = Session.from_dict(at.session_state["study_session"])
    assert session.group == "foot" and session.kind == "click_the_zone"
    assert all(data.muscles[c.muscle].group == "foot" for c in session.cards.values())
    assert any("Mark the main pain zone" in m.value for m in at.markdown)


def body_maps(at):
    """The body-map drawings on an AppTest page (the components v2 element, not its state message)."""
    return [e for e in at.get("bidi_component") if e.proto.component_name == "triggermap.body_map"]


@pytest.mark.parametrize(("text", "marks"), [
    ("outer elbow", True),         # everyday words mark the area, as on the body map
    ("hello world", False),        # names no body part: nothing marked, a hint instead
])
def test_click_the_zone_answer_can_be_typed(data, text, marks):
    at = boot_study()
    at.radio(key="study_kind").set_value("click_the_zone").run()
    at.selectbox(key=f"study_view_{current(at).id}").set_value("posterior").run()  # the random card's view may lack it
    at.text_input(key="study_text").input(text).run()
    assert not at.exception
    marked = at.session_state["study_regions"]
    assert bool(marked) is marks
    assert all(region == "lateral_elbow" for region, _ in marked)
    assert any("No area on this view" in c.value for c in at.caption) is not marks
