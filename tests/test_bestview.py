"""One best-view rule for the body map, conditions, handouts and the quiz."""

import pytest

from triggermap.mapstate import best_view
from triggermap.picture import pattern_view, region_sets

VIEWS = {"anterior": set("abcdefghk"), "posterior": set("abxyzuvwk"), "head_neck": {"a", "b"}, "foot": {"h", "q"}}


@pytest.mark.parametrize(("ess", "spill", "points", "expected"), [
    ("c", "", {}, "anterior"),                        # only one view draws it
    ("ab", "", {}, "head_neck"),                      # a tie on the main zone: the close-up draws it larger
    ("abc", "", {}, "anterior"),                      # most of the main zone wins over a close-up
    ("ab", "xyz", {}, "head_neck"),                   # close-up before spillover
    ("x", "cd", {}, "posterior"),
    ("h", "", {}, "foot"),
    ("k", "", {"posterior": 1}, "posterior"),         # a tie between the body views: trigger points decide
    ("k", "y", {"anterior": 2}, "posterior"),         # ...after the spillover
    ("k", "", {}, "anterior"),                        # ...then the usual order
    ("", "", {}, "anterior"),                         # nothing drawn anywhere: the usual first view
])
def test_best_view_table(ess, spill, points, expected):
    assert best_view(VIEWS, ess, spill, points) == expected


def test_quiz_uses_the_same_rule(data, ranker):
    from triggermap.quiz import Bank

    bank = Bank.from_data(data, ranker)
    for muscle in ("temporalis", "soleus", "infraspinatus", "supinator"):
        ess = ranker.pattern(muscle)[0]
        assert bank.best_view(ess) == best_view(region_sets(data), ess)


def test_every_condition_opens_where_most_of_its_main_zone_is(data, ranker):
    sets = region_sets(data)
    for cond in data.conditions.values():
        if not cond.muscles:
            continue
        ess = set(ranker.pattern(*cond.muscles)[0])
        chosen = pattern_view(data, ranker, list(cond.muscles))
        assert len(sets[chosen] & ess) == max(len(r & ess) for r in sets.values()), cond.id
    assert pattern_view(data, ranker, list(data.conditions["plantar_heel_pain"].muscles)) == "foot"
