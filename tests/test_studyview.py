"""Study page words: verdicts after an answer and the review lines (tables)."""

import pytest

from triggermap.quiz import Card, Session
from triggermap.studyview import MapPanel, Words, map_caption, map_panels, question, review_lines, score_line, verdict

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
                                                       "Compare each muscle's pattern"], ("lt", "ql")),
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


@pytest.mark.parametrize(("card", "answered", "picked", "panels"), [
    (NAME, False, None, [MapPanel("", "pattern", ("ql",))]),                 # no muscle or × before the answer
    (NAME, True, None, [MapPanel("", "answer", ("ql",))]),
    (CLICK, False, None, [MapPanel("", "marks")]),
    (CLICK, True, None, [MapPanel("Your marks", "marks"), MapPanel("Main zone of QL", "answer", ("ql",))]),
    (WHICH, False, None, [MapPanel("", "area")]),
    (WHICH, True, None, [MapPanel("The pain area asked about", "area"), MapPanel("Pattern of LT", "answer", ("lt",))]),
    (WHICH, True, "sol", [MapPanel("The pain area asked about", "area"),          # a wrong option can be compared
                          MapPanel("Pattern of SOL", "answer", ("sol",))]),
    (WHICH, True, "moon", [MapPanel("The pain area asked about", "area"),
                           MapPanel("Pattern of LT", "answer", ("lt",))]),
])
def test_map_panels_one_pattern_at_a_time_beside_the_question(card, answered, picked, panels):
    assert map_panels(card, answered, WORDS, picked) == panels


@pytest.mark.parametrize(("panels", "elsewhere", "has", "lacks"), [
    ([MapPanel("", "pattern")], (), ["Dark orange", "spillover"], ["Blue", "Green", "Also drawn"]),
    ([MapPanel("", "answer")], ("Back",), ["Dark orange", "Green: the muscle", "Also drawn on: Back."], ["Blue"]),
    ([MapPanel("", "marks")], (), ["Blue: the areas you marked."], ["orange", "Green"]),
    ([MapPanel("", "area")], (), ["Blue: the pain area asked about."], ["orange", "Green"]),
    ([MapPanel("a", "area"), MapPanel("b", "answer")], (), ["Blue: the pain area", "Dark orange", "Green"], ["marked"]),
    ([MapPanel("a", "marks"), MapPanel("b", "answer")], (), ["Blue: the areas you marked", "Dark orange"], ["asked"]),
])
def test_map_caption_names_only_what_is_drawn(panels, elsewhere, has, lacks):
    text = map_caption(panels, elsewhere)
    assert all(h in text for h in has) and not any(x in text for x in lacks), text


@pytest.mark.parametrize(("answered", "right", "points", "queue", "line"), [
    (0, 0, 0.0, 10, "Answered **0** · Right **0** · Average score **–** · Cards left **10**"),
    (2, 1, 1.5, 9, "Answered **2** · Right **1** · Average score **75%** · Cards left **9**"),
])
def test_score_line(answered, right, points, queue, line):
    session = Session("mixed", None, "easy", 1, {}, ["x"] * queue, answered=answered, right=right, points=points)
    assert score_line(session) == line


@pytest.mark.parametrize(("card", "text"), [
    (NAME, "**Whose trigger points refer pain in this pattern?**"),
    (CLICK, "**Mark the main pain zone of QL** on the map."),
    (WHICH, "**Which of these muscles have a main pain zone that covers the buttock?** Tick all that apply."),
])
def test_question(card, text):
    assert question(card, WORDS) == text
