"""Words of pain text: normalise and split them, and mend misspelt body words without touching ordinary ones."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_TEXT = 500  # characters read from one text; longer text is cut at a word and flagged
STOP = frozenset("my the a an your his her their our this that these those its some".split())
# Words that never say where: dropped from the vocabulary and from the text alike.
DROP = frozenset("area region part bit spot portion zone".split())
# Everyday and clinical spellings of the same direction, so 'outside of my knee' = 'outer knee'.
CANON = {"outside": "outer", "lateral": "outer", "inside": "inner", "medial": "inner", "centre": "center",
         "rear": "back", "posterior": "back", "anterior": "front", "underneath": "under", "beneath": "under",
         "butt": "buttock", "bum": "buttock"}
IRREGULAR = {"feet": "foot", "teeth": "tooth", "calves": "calf", "knives": "knife"}
# Words about the pain itself: they may sit between a side word and its place ('left sore knee').
FILLER = frozenset("pain pains painful ache aches aching achy hurt hurts hurting sore soreness tender stiffness sharp "
                   "dull throbbing bad really very severe mild constant swollen swelling spasm injured".split())
# Ordinary words patients type for a body word; read so only beside a pain or side word ('my heal hurts').
HOMOPHONES = {"heal": "heel", "calve": "calf", "soul": "sole"}
BREAK = frozenset(".;!?\n") | {"but", "then"}
COMMA = frozenset(",()")
ENGLISH_FLOOR = 100  # a word seen this often in the frequency list is an ordinary word, never a typo
_TOKEN = re.compile(r"[^\W_]+|[.;!?\n,()]")


@dataclass(frozen=True)
class Token:
    """One word of the text: its matching form and how it was typed."""

    norm: str
    typed: str


def singular(word: str) -> str:
    """Crude English singular: 'knees' → 'knee', 'calves' → 'calf', 'pinkies' → 'pinky'."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def norm_word(word: str) -> str:
    """Matching form of one lower-case word: singular, canonical direction."""
    word = singular(word)
    return CANON.get(word, word)


def clip(text: str) -> tuple[str, bool]:
    """Cut text to MAX_TEXT characters at a word boundary; say whether anything was cut."""
    text = str(text)
    if len(text) <= MAX_TEXT:
        return text, False
    cut = text[:MAX_TEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_TEXT // 2 else cut), True


def tokens(text: str) -> list[Token]:
    """Split text into tokens: lower case, accents stripped, possessives and fillers like 'my' dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`´]s\b", "", text)
    text = re.sub(r"['’`´]", "", text)
    out = []
    for typed in _TOKEN.findall(text):
        if typed in STOP or typed in DROP:
            continue
        out.append(Token(norm_word(typed), typed))
    return out


def phrase_key(text: str) -> tuple[str, ...]:
    """Matching form of a vocabulary phrase (the same steps as the text goes through)."""
    return tuple(t.norm for t in tokens(text) if t.norm not in BREAK and t.norm not in COMMA)


@cache
def english() -> dict[str, int]:
    """Word counts of ordinary English (pyspellchecker's list, from subtitles); loaded once."""
    from spellchecker import SpellChecker  # loads a 160 000-word list: only when a typo needs checking

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def ordinary(word: str) -> bool:
    """True for a common English word ('hello', 'half', 'and'): never read as a misspelt body word."""
    counts = english()
    return max(counts.get(word, 0), counts.get(singular(word), 0)) >= ENGLISH_FLOOR


class Mender:
    """Mend misspelt body words against a fixed vocabulary ('sholder' → 'shoulder', 'lowerback' → 'lower back')."""

    def __init__(self, vocabulary: set[str], known: set[str]):
        """Targets are vocabulary words of 3+ letters; known words (vocabulary, fillers) are never mended."""
        self.targets = sorted(w for w in vocabulary | set(CANON) if len(w) >= 3 and w.isalpha())
        self.known = known | vocabulary

    def eligible(self, word: str) -> bool:
        """Only unknown, non-English, alphabetic words of 3+ letters are candidates."""
        return len(word) >= 3 and word.isascii() and word.isalpha() and word not in self.known \
            and not ordinary(word)

    def mend(self, word: str) -> list[list[str]]:
        """Readings of a misspelt word (each a list of matching forms); [] when no body word is close enough."""
        if not self.eligible(word):
            return []
        split = self._split(word)
        if split:
            return [split]
        limit = 1 if len(word) < 6 else 2
        scored = process.extract(word, self.targets, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not scored:
            return []
        best = min(d for _, d, _ in scored)
        near = [t for t, d, _ in scored if d == best]
        if len(near) > 1 or best == 2:  # a tie or a far guess: trust only candidates that keep the first letter
            near = [t for t in near if t[0] == word[0]]
        return [[norm_word(t)] for t in near]

    def _split(self, word: str) -> list[str]:
        """Two words run together ('lowerback', 'kneepain'), each a known word of 3+ letters."""
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if head in self.known and tail in self.known | FILLER:
                return [norm_word(head), norm_word(tail)]
        return []


# Words that end like plurals but name one place on one side ('where my shoelaces go' is one foot).
SINGULAR_S = frozenset({"biceps", "triceps", "quadriceps", "pelvis", "sinus", "thorax", "achilles", "gluteus",
                        "shoelaces"})


# The body areas of red_flags.csv's applies_to, as umbrella words of body_words.csv (checked by a test).
AREA_WORDS: dict[str, tuple[str, ...]] = {
    "head": ("head", "face", "jaw", "tooth"),
    "neck": ("neck", "cervical"),
    "chest": ("chest", "rib"),
    "back": ("back", "lower back", "shoulder blade", "spine", "buttock"),
    "arm": ("shoulder", "arm", "elbow", "forearm", "wrist", "hand", "finger"),
    "leg": ("hip", "buttock", "thigh", "knee", "leg", "calf", "ankle", "foot", "toe"),
}
