"""Study cards: determinism, fair distractors, scoring, spaced repetition and filters."""

import json
from itertools import combinations

import pytest

from triggermap.quiz import (
    DIFFICULTIES,
    EASY_MIN_DISTANCE,
    KINDS,
    LATER_GAP,
    MISS_GAP,
    N_CHOICES,
    N_WHICH,
    PASS,
    Bank,
    Card,
    Session,
    build_session,
    common_muscles,
    f1,
    jaccard,
    pattern_distance,
    score,
)

SEEDS = range(12)


@pytest.fixture(scope="module")
def bank(data, ranker):
    return Bank.from_data(data, ranker)


def right_answer(card):
    return list(card.answer)


def wrong_answer(card):
    if card.kind == "click_the_zone":
        return []
    return [o for o in card.options if o not in card.answer][:1]


@pytest.mark.parametrize("kind", [*KINDS, "mixed"])
@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_same_seed_same_deck(bank, kind, difficulty):
    a = build_session(bank, kind, None, difficulty, seed=7).to_dict()
    b = build_session(bank, kind, None, difficulty, seed=7).to_dict()
    c = build_session(bank, kind, None, difficulty, seed=8).to_dict()
    assert a == b
    assert a != c
    assert len(a["queue"]) == 10


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("seed", SEEDS)
def test_name_the_muscle_distractors_are_never_the_answer(bank, difficulty, seed):
    for card in build_session(bank, "name_the_muscle", None, difficulty, seed).cards.values():
        assert len(card.options) == len(set(card.options)) == N_CHOICES
        assert card.options.count(card.muscle) == 1 and card.answer == [card.muscle]
        for other in card.options:
            if other != card.muscle:  # same main zone would make two right answers
                assert bank.essential(other) != bank.essential(card.muscle)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("seed", SEEDS)
def test_which_muscles_options_are_unambiguous(bank, difficulty, seed):
    for card in build_session(bank, "which_muscles", None, difficulty, seed).cards.values():
        area = set(card.area)
        assert 1 <= len(area) <= (2 if difficulty == "hard" else 1)
        assert len(card.options) == len(set(card.options)) == N_WHICH
        assert card.muscle in card.answer and set(card.answer) <= set(card.options)
        for option in card.options:
            if option in card.answer:
                assert bank.essential(option) & area
            else:
                assert not bank.zone(option) & area


def test_hard_distractors_share_the_pattern(bank):
    overlaps = {}
    for difficulty in DIFFICULTIES:
        cards = [c for s in SEEDS for c in build_session(bank, "name_the_muscle", None, difficulty, s).cards.values()]
        overlaps[difficulty] = sum(jaccard(bank.zone(o), bank.zone(c.muscle)) > 0
                                   for c in cards for o in c.options if o != c.muscle) / (3 * len(cards))
    assert overlaps["hard"] > 0.9
    assert overlaps["hard"] > overlaps["easy"]


@pytest.mark.parametrize(("selected", "expected", "value"), [
    ([], [], 1.0),
    (["a"], ["a"], 1.0),
    (["a", "b"], ["a"], 0.5),
    (["a"], ["a", "b", "c"], 1 / 3),
    (["x"], ["a"], 0.0),
    (["a", "a", "b"], ["b", "a"], 1.0),
])
def test_jaccard_table(selected, expected, value):
    assert jaccard(selected, expected) == pytest.approx(value)


@pytest.mark.parametrize(("picked", "correct", "value"), [
    ([], [], 1.0),
    ([], ["a"], 0.0),
    (["a"], ["a", "b"], 2 / 3),
    (["a", "b", "x"], ["a", "b"], 0.8),
    (["a", "b"], ["a", "b"], 1.0),
    (["x", "y"], ["a"], 0.0),
])
def test_f1_table(picked, correct, value):
    assert f1(picked, correct) == pytest.approx(value)


@pytest.mark.parametrize(("kind", "answer", "response", "passed"), [
    ("name_the_muscle", ["m1"], ["m1"], True),
    ("name_the_muscle", ["m1"], ["m2"], False),
    ("name_the_muscle", ["m1"], [], False),
    ("click_the_zone", ["r1", "r2"], ["r1"], True),              # 1/2
    ("click_the_zone", ["r1", "r2"], ["r1", "r3", "r4"], False),  # 1/4
    ("click_the_zone", ["r1"], ["r1", "r2"], True),              # 1/2
    ("which_muscles", ["m1", "m2"], ["m1", "m2", "m3"], True),    # 0.8
    ("which_muscles", ["m1", "m2"], ["m1"], False),              # 2/3
    ("which_muscles", ["m1", "m2", "m3"], ["m1", "m2"], True),    # 0.8
])
def test_pass_thresholds(kind, answer, response, passed):
    card = Card("c", kind, "m1", [], ["m1", "m2", "m3", "m4"], answer, "anterior")
    assert (score(card, response) >= PASS[kind]) is passed


@pytest.mark.parametrize("kind", KINDS)
def test_missed_card_comes_back_two_places_later(bank, kind):
    session = build_session(bank, kind, None, "easy", seed=3, size=6)
    first = session.queue[0]
    result = session.answer(wrong_answer(session.current))
    assert result["correct"] is False and result["card"] == first
    assert session.queue.index(first) == MISS_GAP
    assert [m["card"] for m in session.mistakes] == [first]
    for _ in range(MISS_GAP):
        assert session.answer(right_answer(session.current))["correct"]
    assert session.current.id == first
    session.answer(right_answer(session.current))          # right once after a miss: asked once more, later
    assert session.queue.index(first) == min(LATER_GAP, len(session.queue) - 1)
    while session.current.id != first:
        session.answer(right_answer(session.current))
    session.answer(right_answer(session.current))          # right twice: retired
    assert first not in session.queue
    assert session.answered == 6 + 2 and session.right == 6 + 1


def test_right_first_time_is_retired_and_deck_ends(bank):
    session = build_session(bank, "which_muscles", None, "hard", seed=5, size=4)
    while not session.done:
        assert session.answer(right_answer(session.current))["score"] == 1.0
    assert session.answered == session.right == 4 and not session.mistakes and session.current is None


def test_repeat_reshuffles_options_but_keeps_them(bank):
    session = build_session(bank, "name_the_muscle", None, "easy", seed=2, size=5)
    card = session.current
    before = list(card.options)
    session.answer(wrong_answer(card))
    assert sorted(card.options) == sorted(before)


@pytest.mark.parametrize("group", ["arm", "head_jaw", "pelvis_hip", "foot"])
@pytest.mark.parametrize("kind", [*KINDS, "mixed"])
def test_group_filter_is_respected(bank, group, kind):
    session = build_session(bank, kind, group, "easy", seed=1)
    members = set(bank.pool(group))
    wanted = min(10, len(members))
    if kind == "which_muscles":  # a pain area is asked once, so small groups can run out of areas
        areas = [tuple(c.area) for c in session.cards.values()]
        available = len({r for m in members for r in bank.essential(m)})
        assert len(set(areas)) == len(areas) and min(wanted, available) - 2 <= len(areas) <= wanted
    else:
        assert len(session.cards) == wanted
    assert all(c.muscle in members for c in session.cards.values())
    for card in session.cards.values():
        if card.kind == "name_the_muscle":  # easy options are clearly different patterns, wherever they come from
            assert all(bank.distance(a, b) >= EASY_MIN_DISTANCE for a, b in combinations(card.options, 2))


def test_easy_click_the_zone_fits_one_view(bank):
    cards = build_session(bank, "click_the_zone", None, "easy", seed=4, size=200).cards.values()
    assert len(cards) > 50
    for card in cards:
        assert set(card.answer) <= bank.views[card.view]
    hard = build_session(bank, "click_the_zone", None, "hard", seed=4, size=200).cards.values()
    assert any(not set(c.answer) <= bank.views[c.view] for c in hard)


def test_session_round_trips_through_plain_dicts(bank):
    session = build_session(bank, "mixed", None, "hard", seed=11)
    session.answer(wrong_answer(session.current))
    raw = json.loads(json.dumps(session.to_dict()))
    restored = Session.from_dict(raw)
    assert restored.to_dict() == session.to_dict()
    card = restored.current
    assert restored.answer(right_answer(card)) == session.answer(right_answer(session.current))
    assert restored.to_dict() == session.to_dict()


def test_best_view_prefers_coverage_then_detail():
    bank = Bank({}, {}, {"anterior": frozenset("abcdef"), "head_neck": frozenset("ab"), "posterior": frozenset("xy")})
    assert bank.best_view(["a"]) == "head_neck"
    assert bank.best_view(["a", "c"]) == "anterior"
    assert bank.best_view(["x", "q"]) == "posterior"


def test_unknown_kind_or_difficulty_is_refused(bank):
    with pytest.raises(ValueError, match="unknown kind"):
        build_session(bank, "guess_the_colour")
    with pytest.raises(ValueError, match="unknown kind"):
        build_session(bank, "name_the_muscle", difficulty="impossible")


@pytest.mark.parametrize(("a", "b", "value"), [
    ((["x"], []), (["x"], []), 0.0),
    ((["x"], []), (["y"], []), 1.0),
    ((["x", "y"], []), (["x"], []), 0.5),
    ((["x"], ["y"]), (["x"], []), 1 - 1 / 1.4),       # spillover weighs 0.4
    ((["x"], []), ([], ["x"]), 1 - 0.4),
    (([], []), ([], []), 0.0),
])
def test_pattern_distance_table(a, b, value):
    assert pattern_distance(a, b) == pytest.approx(value)
    assert pattern_distance(b, a) == pytest.approx(value)


@pytest.mark.parametrize(("lists", "expected"), [
    ([["a", "b", "c", "d"]], {"a", "b", "c"}),                    # the first three of a condition
    ([["a", "b", "c", "d"], ["e", "f", "g", "d"]], {"a", "b", "c", "d", "e", "f", "g"}),  # d: two conditions
    ([["a", "a", "a"]], {"a"}),
    ([], set()),
])
def test_common_muscles_table(lists, expected):
    assert common_muscles(lists) == expected


def test_common_deck_comes_from_the_conditions(bank, data):
    listed = {m for c in data.conditions.values() for m in c.muscles}
    assert {"upper_trapezius", "gluteus_medius", "quadratus_lumborum"} <= bank.common <= listed
    assert 0 < len(bank.common) < len(bank.patterns)
    session = build_session(bank, "mixed", None, "easy", seed=3, deck="common")
    assert session.deck == "common" and all(c.muscle in bank.common for c in session.cards.values())


@pytest.mark.parametrize("seed", range(40))
def test_easy_never_offers_ql_with_longissimus(bank, seed):
    assert bank.distance("quadratus_lumborum", "longissimus_thoracis") < EASY_MIN_DISTANCE
    for deck in ("common", "all"):
        for card in build_session(bank, "name_the_muscle", None, "easy", seed, size=40, deck=deck).cards.values():
            assert not {"quadratus_lumborum", "longissimus_thoracis"} <= set(card.options)
