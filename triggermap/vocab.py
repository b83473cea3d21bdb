"""The project's words, defined once: views, sides, audiences, muscle groups, modes and click codes."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A string enum whose members carry a display label: `ViewId.FOOT == "foot"`, `ViewId.FOOT.label == "Soles"`."""

    _value_: str
    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        """Make a member from its (value, label) pair."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Value → label, in definition order (for format_func and select boxes)."""
        return {m.value: m.label for m in cls}

    @classmethod
    def label_for(cls, value: str) -> str:
        """The label of a value, or the value itself when it is not a member (a format_func for widgets)."""
        return cls.labels().get(value, value)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The allowed values, in definition order."""
        return tuple(m.value for m in cls)


class ViewId(Labelled):
    """The four drawings of the body."""

    ANTERIOR = "anterior", "Front"
    POSTERIOR = "posterior", "Back"
    HEAD_NECK = "head_neck", "Head & neck"
    FOOT = "foot", "Soles"


class Side(Labelled):
    """Where a region sits: data are written for the patient's right; midline regions have no side."""

    RIGHT = "right", "Right"
    LEFT = "left", "Left"
    MIDLINE = "midline", "Midline"


BODY_SIDES = (Side.RIGHT, Side.LEFT)  # the sides a person can choose for pain or a drawing


class Audience(Labelled):
    """Who reads the screen: what comes first and how much detail."""

    PATIENT = "patient", "Patient"
    STUDENT = "student", "Student"
    CLINICIAN = "clinician", "Clinician"


# The handout's subtitle: the sheet speaks to the patient whoever prints it; the clinician's copy adds nerve
# supply and evidence.
HANDOUT_FOR: dict[str, str] = {Audience.PATIENT: "Information for you", Audience.STUDENT: "Study notes",
                                Audience.CLINICIAN: "For your patient, with notes for the clinician"}


class GuideAudience(Labelled):
    """Who a needling-guide row is for (students see the clinician rows)."""

    ALL = "all", "Everyone"
    PATIENT = Audience.PATIENT.value, Audience.PATIENT.label
    CLINICIAN = Audience.CLINICIAN.value, Audience.CLINICIAN.label


class GuideSection(Labelled):
    """The sections of needling_guide.csv, in the order the needling page shows them."""

    COMPARISON_OTHER = "comparison_other"
    CONTRAINDICATION = "contraindication"
    PRECAUTION = "precaution"
    SIDE_EFFECT = "side_effect"
    SERIOUS_RISK = "serious_risk"
    AFTERCARE = "aftercare"
    FIRST_SESSION = "first_session"
    SESSIONS = "sessions"
    CANADA_WHO = "canada_who"
    CANADA_CHECK = "canada_check"
    CANADA_INSURANCE = "canada_insurance"
    FAQ = "faq"


class PatternBasis(Labelled):
    """How a trigger point's referral pattern was found; the label completes "pattern from ..."."""

    MANUAL = "manual", "the trigger-point manuals"
    PATIENT_STUDY = "patient_study", "a study pressing on trigger points in patients"
    CASE_REPORT = "case_report", "case reports of a few patients"
    SALINE_VOLUNTEERS = "saline_volunteers", "salt water injected into healthy volunteers' muscle, not patients"


class Group(Labelled):
    """Body area a muscle belongs to (muscles.csv column `group`)."""

    HEAD_JAW = "head_jaw", "Head & jaw"
    NECK = "neck", "Neck"
    SHOULDER = "shoulder", "Shoulder"
    ARM = "arm", "Upper arm"
    FOREARM_HAND = "forearm_hand", "Forearm & hand"
    CHEST_ABDOMEN = "chest_abdomen", "Chest & belly"
    SPINE = "spine", "Back & spine"
    PELVIS_HIP = "pelvis_hip", "Pelvis & hip"
    THIGH = "thigh", "Thigh"
    LEG = "leg", "Lower leg"
    FOOT = "foot", "Foot"


class QuizKind(Labelled):
    """The study page's question types; mixed draws the type of each card at random."""

    NAME_THE_MUSCLE = "name_the_muscle", "Name the muscle"
    CLICK_THE_ZONE = "click_the_zone", "Click the zone"
    WHICH_MUSCLES = "which_muscles", "Which muscles?"
    MIXED = "mixed", "Mixed"


class Deck(Labelled):
    """Which muscles a study deck draws from."""

    COMMON = "common", "Common muscles"
    ALL = "all", "All muscles"


class Mode(Labelled):
    """The body map's two questions."""

    PAIN = "pain", "Where does it hurt?"
    MUSCLE = "muscle", "Explore a muscle"

