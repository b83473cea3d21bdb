"""Study page words: verdicts after an answer and the review lines (tables)."""

import pytest

from triggermap.quiz import Card, Session
from triggermap.studyview import Words, review_lines, verdict

PATTERNS = {"ql": (["hip", "buttock"], ["groin"]), "lt": (["buttock"], ["low_back"]), "sol": (["heel"], ["calf"])}
WORDS = Words(names=lambda ids: ", ".join(i.upper() for i in ids) or "nothing",
              places=lambda ids: ", ".join(ids) or "nothing")
NAME = Card("name_the_muscle:ql", "name_the_muscle", "ql", [], ["ql", "sol"], ["ql"], "posterior")
CLICK = Card("click_the_zone:ql", "click_the_zone", "ql", [], [], ["buttock", "hip"], "posterior")
WHICH = Card("which_muscles:buttock", "which_muscles", "ql", ["buttock"], ["ql", "lt", "sol"], ["lt", "ql"],
             "posterior")


def fb(card, response, correct, score=0.0):
    return {"card": card.id, "correct": correct, "score": score, "response": response, "expected": card.answer}


@pytest.mark.parametrize(("card", "feedback", "correct", "words", "muscles"), [
    (NAME, fb(NAME, ["ql"], True, 1.0), True, ["Right!", "It is **QL**."], ("ql",)),
    (NAME, fb(NAME, ["sol"], False), False, ["Not quite.", "You picked SOL."], ("ql",)),
    (CLICK, fb(CLICK, ["hip", "calf"], False, 1 / 3), False,
     ["Overlap with the main zone: 33%", "Hit: hip.", "Missed: buttock.", "Outside the main zone (blue): calf."],
     ("ql",)),
    (WHICH, fb(WHICH, ["lt", "ql"], True, 1.0), True, ["Score 100%", "Right answers: **LT, QL**",
                                                       "map now shows their patterns"], ("lt", "ql")),
])
def test_verdict(card, feedback, correct, words, muscles):
    got = verdict(card, feedback, WORDS)
    assert got.correct is correct and got.muscles == muscles
    assert all(w in got.text for w in words), got.text


def test_review_lines_name_what_was_asked_and_what_was_right():
    session = Session("mixed", None, "easy", 1, {c.id: c for c in (NAME, CLICK, WHICH)}, [],
                      mistakes=[{"card": NAME.id, "response": ["sol"], "score": 0.0},
                                {"card": CLICK.id, "response": ["calf"], "score": 0.0},
                                {"card": WHICH.id, "response": [], "score": 0.0}])
    assert review_lines(session, PATTERNS.get, WORDS) == [
        "Pattern with main zone hip, buttock: you answered SOL; right: **QL**",
        "Main zone of QL: you answered calf; right: **buttock, hip**",
        "Muscles with a main zone on the buttock: you answered nothing; right: **LT, QL**",
    ]
