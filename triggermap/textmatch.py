"""Typo-tolerant matching of free text against named things with synonyms."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA

MAX_QUERY = 200
WHOLE_RATIO = 85  # a name whose words differ may still match when the whole string is this close ('shoulderblade')
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
                for form in sorted({normalise(value), core(value)}):
                    if form:
                        self._choices.append(form)
                        self._owner.append(key)
        self._words = [frozenset(c.split()) for c in self._choices]
        self._lengths = np.array([len(c) for c in self._choices])

    def rank(self, text: str, limit: int = 5, cutoff: float = 70.0) -> list[tuple[str, float]]:
        """Return (id, score 0–100) best first, one entry per id."""
        query = core(text) or normalise(text)
        if not query:
            return []
        scores = self._scores(query, cutoff)
        best: dict[str, float] = {}
        words = query.split()
        for idx in np.flatnonzero(scores >= cutoff):
            choice = self._choices[idx]
            if not _every_word_found(words, self._words[idx]) and \
                    (len(query) < 6 or fuzz.ratio(query, choice) < WHOLE_RATIO):
                continue  # 'traps' must not find 'transversus abdominis' through a shared 'tra'
            key = self._owner[idx]
            best[key] = max(best.get(key, 0.0), float(scores[idx]))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(k, round(s, 1)) for k, s in ranked[:limit]]

    def _scores(self, query: str, cutoff: float) -> npt.NDArray[np.float64]:
        """Every name's blend of whole-string and word-set similarity for the query (the exact phrase wins),
        each part computed for all names at once (one C call, not 1700)."""
        def every(scorer: Any) -> npt.NDArray[np.float64]:
            row: npt.NDArray[np.float64] = process.cdist([query], self._choices, scorer=scorer, score_cutoff=cutoff,
                                                         dtype=np.float64)[0]
            return row

        ratio = every(fuzz.ratio)
        partial = every(fuzz.partial_ratio) if len(query) >= 4 else np.zeros(len(self._choices))
        query_words = set(query.split())
        words = np.array([90.0 if query_words <= w else 0.0 for w in self._words])
        blend = np.maximum.reduce([ratio, every(fuzz.token_sort_ratio), 0.9 * partial, words])
        # among equally good partial matches, prefer the name closest in length to the query
        blend -= 0.1 * np.minimum(np.abs(self._lengths - len(query)), 20)
        return np.where(ratio == 100.0, 100.0, blend)  # the exact phrase wins (ratio is 100 only for equal text)


def _word_found(word: str, words: frozenset[str]) -> bool:
    """A query word is in a name: same word, singular, prefix of a name word, or one typo away."""
    stem = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
    if word in words or stem in words:
        return True
    typos = 1 if len(word) < 8 else 2
    # Short words ('tra', 'lat') only match exactly: a typo or prefix of three letters says too little.
    return any((len(stem) >= 4 and w.startswith(stem)) or
               (min(len(word), len(w)) >= 4 and (len(word) >= 6 or w[0] == word[0]) and
                OSA.distance(word, w) <= typos) for w in words)


def _every_word_found(query_words: list[str], words: frozenset[str]) -> bool:
    """Every word of the query appears (allowing a typo or a prefix) in the name."""
    return all(_word_found(q, words) for q in query_words)
