"""Points mapped by injecting saline into healthy volunteers say so: in the source's note and the muscle's evidence.

A saline map is experimental pain, not a trigger point palpated in a patient; a reader comparing it with the
manuals' patterns must be able to tell the two apart (issue #11, honesty).
"""

import pytest

from triggermap.data import load_dataset

DATA = load_dataset()


def is_saline(note: str) -> bool:
    """Whether a source's note says its map comes from saline injections."""
    return "saline" in note.lower()


def label_problems(source_note: str, evidence_note: str) -> list[str]:
    """What a saline-based pattern fails to say, as short labels; empty when it is labelled honestly."""
    out = []
    if "healthy" not in source_note.lower():
        out.append("source note: healthy volunteers")
    if "saline" not in evidence_note.lower():
        out.append("evidence note: saline")
    if "healthy" not in evidence_note.lower():
        out.append("evidence note: healthy volunteers")
    return out


CASES = sorted({(tp.id, sid) for tp in DATA.trigger_points.values() for sid in tp.sources
                if is_saline(DATA.sources[sid].note or "")})


def test_saline_sources_are_cited() -> None:
    # the check must bite: the paper-based hand and forearm points rest on saline maps
    assert len(CASES) >= 4, CASES


@pytest.mark.parametrize(("tp_id", "source_id"), CASES, ids=[f"{t}-{s}" for t, s in CASES])
def test_saline_pattern_is_labelled(tp_id: str, source_id: str) -> None:
    muscle = DATA.muscles[DATA.trigger_points[tp_id].muscle_id]
    assert label_problems(DATA.sources[source_id].note or "", muscle.evidence_note) == [], (tp_id, source_id)


@pytest.mark.parametrize(("source_note", "evidence_note", "missing"), [
    ("Cited for zones after hypertonic saline injection in 20 adults.",
     "One study injected hypertonic saline in healthy adults.", "source note: healthy volunteers"),
    ("Saline injected into 15 healthy adults.", "Pattern from one small study.", "evidence note: saline"),
    ("Saline injected into 15 healthy adults.", "One study used hypertonic saline in 15 adults.",
     "evidence note: healthy volunteers"),
])
def test_missing_labels_are_caught(source_note: str, evidence_note: str, missing: str) -> None:
    assert missing in label_problems(source_note, evidence_note)


def test_an_honest_label_passes() -> None:
    assert label_problems("Saline injected into 35 healthy volunteers.",
                          "One study used hypertonic saline injected into healthy volunteers.") == []
