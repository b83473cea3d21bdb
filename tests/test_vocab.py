"""The shared vocabulary: values, labels, click codes, and the row models that take their allowed values from it."""

import pytest
from pydantic import ValidationError

from triggermap.named import FLAG_AREAS
from triggermap.schema import MuscleRow, NeedlingGuideRow, TriggerPointRow
from triggermap.vocab import (
    BODY_SIDES,
    HANDOUT_FOR,
    Audience,
    Deck,
    Group,
    GuideAudience,
    Mode,
    PatternBasis,
    QuizKind,
    Side,
    ViewId,
)


@pytest.mark.parametrize("member,value,label", [
    (ViewId.ANTERIOR, "anterior", "Front"),
    (ViewId.POSTERIOR, "posterior", "Back"),
    (ViewId.HEAD_NECK, "head_neck", "Head & neck"),
    (ViewId.FOOT, "foot", "Soles"),
    (Side.RIGHT, "right", "Right"),
    (Side.MIDLINE, "midline", "Midline"),
    (Audience.PATIENT, "patient", "Patient"),
    (Audience.CLINICIAN, "clinician", "Clinician"),
    (GuideAudience.ALL, "all", "Everyone"),
    (Group.FOREARM_HAND, "forearm_hand", "Forearm & hand"),
    (Group.LEG, "leg", "Lower leg"),
    (Mode.PAIN, "pain", "Where does it hurt?"),
])
def test_member_is_its_value_and_carries_a_label(member, value, label):
    assert member == value and str(member) == value and f"{member}" == value
    assert member.label == label
    assert type(member)(value) is member


@pytest.mark.parametrize("enum,values", [
    (ViewId, ("anterior", "posterior", "head_neck", "foot")),
    (Side, ("right", "left", "midline")),
    (Audience, ("patient", "student", "clinician")),
    (GuideAudience, ("all", "patient", "clinician")),
    (Mode, ("pain", "muscle")),
    (QuizKind, ("name_the_muscle", "click_the_zone", "which_muscles", "mixed")),
    (Deck, ("common", "all")),
])
def test_values_keep_their_order(enum, values):
    assert enum.values() == values
    assert list(enum.labels()) == list(values)


def test_body_sides_are_the_sided_ones():
    assert BODY_SIDES == (Side.RIGHT, Side.LEFT)


@pytest.mark.parametrize("enum,value,label", [
    (ViewId, "head_neck", "Head & neck"), (QuizKind, "which_muscles", "Which muscles?"),
    (Deck, "common", "Common muscles"), (ViewId, "elsewhere", "elsewhere"),
])
def test_label_for_gives_the_label_or_the_value_itself(enum, value, label):
    assert enum.label_for(value) == label


@pytest.mark.parametrize("table,enum", [(HANDOUT_FOR, Audience), (FLAG_AREAS, Group)])
def test_tables_keyed_by_a_vocabulary_cover_every_member(table, enum):
    assert set(table) == set(enum)




def _muscle(**change):
    row = {"id": "m", "name": "M", "group": "neck", "depth": "deep", "action": "a", "nerve": "n", "roots": "C5",
           "needling_caution": "c", "needling_risk": "low", "sources": "s"}
    return MuscleRow.model_validate({**row, **change})


def _point(**change):
    row = {"id": "p", "muscle_id": "m", "label": "l", "view": "foot", "location_region": "r", "x": 1, "y": 2,
           "essential": "r", "symptoms": "s", "aggravating": "a", "basis": "manual", "sources": "s"}
    return TriggerPointRow.model_validate({**row, **change})


def _guide(**change):
    row = {"section": "faq", "topic": "t", "text": "x", "audience": "all", "sources": "s"}
    return NeedlingGuideRow.model_validate({**row, **change})


@pytest.mark.parametrize("build,column,enum", [
    (_muscle, "group", Group),
    (_point, "view", ViewId),
    (_point, "basis", PatternBasis),
    (_guide, "audience", GuideAudience),
])
def test_row_models_take_their_allowed_values_from_the_vocabulary(build, column, enum):
    for value in enum.values():
        assert getattr(build(**{column: value}), column) == value
    with pytest.raises(ValidationError) as err:
        build(**{column: "elsewhere"})
    message = str(err.value)
    assert all(f"'{value}'" in message for value in enum.values()), message


def test_every_view_has_a_drawing(atlas):
    assert sorted(atlas.views) == sorted(ViewId.values())


def test_every_group_has_muscles(data):
    assert {m.group for m in data.muscles.values()} == set(Group)
