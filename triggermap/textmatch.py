"""Typo-tolerant matching of free text against named things with synonyms."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process, utils

MAX_QUERY = 200
FILLER = re.compile(r"\b(my|the|a|an|pain|pains|painful|hurts?|hurting|ache|aches|aching|sore|"
                    r"in|on|at|of|around|area|region|left|right|both)\b")


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, cap the length."""
    text = unicodedata.normalize("NFKD", str(text)[:MAX_QUERY])
    text = "".join(c for c in text if not unicodedata.combining(c))
    return utils.default_process(text)[:MAX_QUERY]  # NFKD can expand one character to 18


def core(text: str) -> str:
    """Drop filler words (pain, my, the …) that carry no location."""
    return " ".join(FILLER.sub(" ", normalise(text)).split())


class Matcher:
    """Rank ids by how well free text matches any of their names."""

    def __init__(self, names: dict[str, list[str]]):
        """Index names: {id: [label, synonym, …]}."""
        self._choices: list[str] = []
        self._owner: list[str] = []
        for key, values in names.items():
            for value in values:
                for form in {normalise(value), core(value)}:
                    if form:
                        self._choices.append(form)
                        self._owner.append(key)

    def rank(self, text: str, limit: int = 5, cutoff: float = 70.0) -> list[tuple[str, float]]:
        """Return (id, score 0–100) best first, one entry per id."""
        query = core(text) or normalise(text)
        if not query:
            return []
        hits = process.extract(query, self._choices, scorer=_score, limit=None,
                               score_cutoff=cutoff)
        best: dict[str, float] = {}
        for _, score, idx in hits:
            key = self._owner[idx]
            best[key] = max(best.get(key, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(k, round(s, 1)) for k, s in ranked[:limit]]


def _score(query: str, choice: str, **kwargs) -> float:
    """Blend whole-string and word-set similarity; exact phrase wins."""
    if query == choice:
        return 100.0
    ratio = fuzz.ratio(query, choice, **kwargs)
    token = fuzz.token_sort_ratio(query, choice, **kwargs)
    partial = fuzz.partial_ratio(query, choice, **kwargs) if len(query) >= 4 else 0.0
    words = 90.0 if set(query.split()) <= set(choice.split()) else 0.0
    # Among equally good partial matches, prefer the name closest in length to the query.
    return max(ratio, token, 0.9 * partial, words) - 0.1 * min(abs(len(choice) - len(query)), 20)
