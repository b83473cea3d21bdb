"""Matcher scores every name at once; each score must equal the one-name blend below, its specification."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tests.test_hostile import PROPERTY
from triggermap.textmatch import Matcher, core, normalise


def _score(query: str, choice: str, **kwargs: Any) -> float:
    """The blend for one name: whole-string and word-set similarity, the exact phrase wins, and among equally
    good partial matches the name closest in length to the query."""
    if query == choice:
        return 100.0
    ratio = fuzz.ratio(query, choice, **kwargs)
    token = fuzz.token_sort_ratio(query, choice, **kwargs)
    partial = fuzz.partial_ratio(query, choice, **kwargs) if len(query) >= 4 else 0.0
    words = 90.0 if set(query.split()) <= set(choice.split()) else 0.0
    return max(ratio, token, 0.9 * partial, words) - 0.1 * min(abs(len(choice) - len(query)), 20)


@pytest.fixture(scope="module")
def region_matcher(atlas: Any) -> Matcher:
    """The atlas's region matcher (about 1700 name forms)."""
    return Matcher({rid: r.names for rid, r in atlas.regions.items()})


def one_by_one(matcher: Matcher, query: str, cutoff: float) -> list[float]:
    """Scores computed one name at a time, as rapidfuzz's extract calls a Python scorer (cutoff passed on)."""
    return [_score(query, choice, score_cutoff=cutoff) for choice in matcher._choices]


@pytest.mark.parametrize("cutoff", [70.0, 60.0, 40.0])
@pytest.mark.parametrize("text", ["outer elbow", "lateral epicondyle", "outre elbow", "shoudler blade", "traps",
                                  "kne", "ab", "x", "pain in my left knee", "back of the knee", "shoulderblade",
                                  "sole of the foot", "épaule", "elbow elbow elbow elbow", "zzqqxx"])
def test_scores_equal_the_one_name_blend(region_matcher: Matcher, text: str, cutoff: float) -> None:
    query = core(text) or normalise(text)
    np.testing.assert_array_equal(region_matcher._scores(query, cutoff), one_by_one(region_matcher, query, cutoff))


@PROPERTY
@given(text=st.text(alphabet="abcdefghiklmnoprstuvwy ", min_size=1, max_size=30))
def test_scores_equal_the_one_name_blend_for_any_words(region_matcher: Matcher, text: str) -> None:
    query = core(text) or normalise(text)
    if query:
        np.testing.assert_array_equal(region_matcher._scores(query, 70.0), one_by_one(region_matcher, query, 70.0))
