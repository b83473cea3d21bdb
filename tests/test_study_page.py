"""Study page headless (AppTest): boot, answer cards through the widgets, see feedback and the review."""

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
    assert at.metric[0].value == "1" and at.metric[1].value == ("1" if right else "0")
    assert bool([e for e in at.expander if "Review your mistakes" in e.label]) is not right
    next(b for b in at.button if b.label == "Next question").click().run()
    assert not at.exception and current(at).id != card.id
    assert not at.success and not at.error


def test_which_muscles_ticks_are_scored(data):
    at = boot_study()
    at.radio(key="study_kind").set_value("which_muscles").run()
    card = current(at)
    assert card.kind == "which_muscles"
    for box in at.checkbox:
        if any(box.key.endswith(f"_{m}") for m in card.answer):
            box.check()
    check_button(at).click().run()
    assert not at.exception
    assert at.success and "Score 100%" in at.success[0].value


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
    at.text_input(key="study_text").input(text).run()
    assert not at.exception
    marked = at.session_state["study_regions"]
    assert bool(marked) is marks
    assert all(region == "lateral_elbow" for region, _ in marked)
    assert any("No area on this view" in c.value for c in at.caption) is not marks
