"""Overlap measures for study cards: region-set Jaccard, pick F1, weighted pattern distance, common muscles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

SPILL_WEIGHT = 0.4       # a spillover region counts less than a main-zone region in pattern distance
COMMON_MIN_CONDITIONS = 2  # a muscle listed for this many conditions is a common one...
COMMON_LEAD = 3            # ...and so is one of the first three muscles listed for any condition


def jaccard(selected: Iterable[str], expected: Iterable[str]) -> float:
    """Overlap of two region sets: |A ∩ B| / |A ∪ B| (1.0 when both are empty)."""
    a, b = set(selected), set(expected)
    return len(a & b) / len(a | b) if a | b else 1.0


def f1(picked: Iterable[str], correct: Iterable[str]) -> float:
    """Harmonic mean of precision and recall of a multiple pick (1.0 when both are empty)."""
    a, b = set(picked), set(correct)
    if not a and not b:
        return 1.0
    hits = len(a & b)
    return 2 * hits / (len(a) + len(b))


def common_muscles(condition_muscles: Iterable[Sequence[str]]) -> frozenset[str]:
    """The muscles clinicians meet most, from the conditions' muscle lists (each in order of relevance):
    those listed for at least COMMON_MIN_CONDITIONS conditions or among the first COMMON_LEAD of one."""
    lists = [list(ms) for ms in condition_muscles]
    counts = Counter(m for ms in lists for m in dict.fromkeys(ms))
    return frozenset(m for m, n in counts.items() if n >= COMMON_MIN_CONDITIONS) | \
        frozenset(m for ms in lists for m in ms[:COMMON_LEAD])


def pattern_distance(a: tuple[Sequence[str], Sequence[str]], b: tuple[Sequence[str], Sequence[str]]) -> float:
    """1 minus the weighted Jaccard overlap of two (main, spillover) patterns; 1.0 when nothing is shared."""
    def weights(pattern: tuple[Sequence[str], Sequence[str]]) -> dict[str, float]:
        return {**{r: SPILL_WEIGHT for r in pattern[1]}, **{r: 1.0 for r in pattern[0]}}

    wa, wb = weights(a), weights(b)
    keys = set(wa) | set(wb)
    top = sum(max(wa.get(k, 0.0), wb.get(k, 0.0)) for k in keys)
    return 1.0 - sum(min(wa.get(k, 0.0), wb.get(k, 0.0)) for k in keys) / top if top else 0.0
