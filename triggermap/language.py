"""Pain text in a person's own words → (region, side, matched words), with nerve symptoms and conditions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .sides import INNER_SIDES, Entry, Item, assign_sides, drop_context, locate, side_phrases
from .words import (
    FILLER,
    HOMOPHONES,
    MAX_TEXT,
    SINGULAR_S,
    Mender,
    Token,
    clip,
    norm_word,
    ordinary,
    phrase_key,
    singular,
    tokens,
)

if TYPE_CHECKING:
    from .atlas import Region
    from .schema import BodyWordRow, PainWordRow

__all__ = ["MAX_TEXT", "Lexicon", "Place", "Reading", "LexiconError"]
# Words that glue phrases together but carry no place: never mended, never reported as unknown.
DIRECTIONS = frozenset("outer inner front back top upper lower bottom".split())
FUNCTION = frozenset("and or of on in at to i im my is are it when where with from near into up down around across "
                     "all over since got have has had get feel feels felt also just".split())


class LexiconError(ValueError):
    """The vocabulary is inconsistent: two regions claim the same words."""


@dataclass(frozen=True)
class Place:
    """One region on one side, with the words that put it there and where its side came from."""

    region: str
    side: str  # left, right or midline
    matched: str
    side_from: str  # text, default or midline


@dataclass(frozen=True)
class Reading:
    """What a text says: places, nerve symptoms, named conditions, words not understood."""

    text: str
    places: tuple[Place, ...] = ()
    nerve_symptoms: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    unmatched: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    too_long: bool = False
    limit: int = field(default=MAX_TEXT)

    @property
    def selection(self) -> list[tuple[str, str]]:
        """(region, side) pairs for the ranking and the map."""
        return [(p.region, p.side) for p in self.places]

    @property
    def found(self) -> bool:
        """True if the text named at least one place."""
        return bool(self.places)


class Lexicon:
    """Every phrase the reader knows: region names, umbrella words, symptom and condition words, side words."""

    def __init__(self, regions: Mapping[str, Region], body_words: Iterable[BodyWordRow] = (),
                 pain_words: Iterable[PainWordRow] = ()) -> None:
        """Build the phrase table; later tables win: region names < body_words.csv < pain_words.csv."""
        self.midline = {rid for rid, r in regions.items() if r.midline}
        self.phrases: dict[tuple[str, ...], Entry] = dict(side_phrases())
        self._add_region_names(regions)
        self._add_rows("body_words.csv", ((w.word, Entry(tuple(w.regions), family=True)) for w in body_words))
        self._add_rows("pain_words.csv", ((w.phrase, Entry(tuple(w.regions), w.condition, w.nerve == "1", word=True))
                                          for w in pain_words))
        self.max_len = max(len(k) for k in self.phrases)
        vocabulary = {t for key in self.phrases for t in key} - FUNCTION
        self.mender = Mender(vocabulary, set(FUNCTION) | FILLER)

    def _add_region_names(self, regions: Mapping[str, Region]) -> None:
        """Each region's label, id and synonyms; two regions may not share a name."""
        owner: dict[tuple[str, ...], str] = {}
        for rid, region in regions.items():
            for name in region.names:
                key = phrase_key(name)
                if not key or key in self.phrases and self.phrases[key].side:
                    continue
                if owner.get(key, rid) != rid:
                    raise LexiconError(f"regions.csv: '{name}' names both '{owner[key]}' and '{rid}'; "
                                       f"give it to one region or list it in body_words.csv")
                owner[key] = rid
        for key, rid in list(owner.items()):
            for variant in _variants(key):
                owner.setdefault(variant, rid)
        self.phrases.update({key: Entry((rid,)) for key, rid in owner.items()})

    def _add_rows(self, name: str, rows: Iterable[tuple[str, Entry]]) -> None:
        """Add one word table, refusing two rows that read the same after normalising."""
        seen: dict[tuple[str, ...], int] = {}
        for row_no, (phrase, entry) in enumerate(rows, start=2):
            key = phrase_key(phrase)
            if not key or key in seen:
                why = "reads as nothing" if not key else f"reads the same as row {seen[key]}"
                raise LexiconError(f"{name} row {row_no}: '{phrase}' {why}")
            seen[key] = row_no
            self.phrases[key] = entry

    def read(self, text: str, default_side: str = "right") -> Reading:
        """Read free text: places with sides, nerve symptoms, conditions, unknown words; deterministic."""
        clipped, too_long = clip(text)
        toks, mended = self._mend(tokens(clipped))
        norms = [t.norm for t in toks]
        items = self._scan(norms)
        drop_context(norms, items)
        assign_sides(norms, items)
        locate(norms, items)
        used = {i for it in items for i in range(it.start, it.end)}
        named = tuple(dict.fromkeys(it.entry.condition for it in items if it.entry.condition))
        nerve = tuple(dict.fromkeys(_words(toks[it.start:it.end]) for it in items if it.entry.nerve))
        items = [it for it in items if not it.dropped]
        places: dict[tuple[str, str], Place] = {}
        for it in (it for it in items if it.entry.regions):
            plural = not it.entry.word and _plural(toks[it.end - 1])  # 'migraines' are attacks, not sides
            for place in self._places(it, _words(toks[it.start:it.end]), default_side, plural):
                places.setdefault((place.region, place.side), place)
        fixes = tuple(dict.fromkeys((w, " ".join(toks[i].norm for i in idx)) for w, idx in mended
                                    if set(idx) <= used))
        unknown = [t.typed for i, t in enumerate(toks) if i not in used and self._unknown(t)]
        return Reading(clipped, tuple(places.values()), nerve, named, tuple(dict.fromkeys(unknown)), fixes, too_long)

    def _mend(self, toks: list[Token]) -> tuple[list[Token], list[tuple[str, list[int]]]]:
        """Replace misspelt body words; remember which typed word became which tokens."""
        options = [(self.mender.mend(t.norm) if not ordinary(t.typed) else []) or _homophone(toks, k)
                   for k, t in enumerate(toks)]
        words = [opts[0] if len(opts) == 1 else [t.norm] for t, opts in zip(toks, options, strict=True)]
        for k, opts in enumerate(options):  # a tie ('lowr': low or lower?) is settled by the words around it
            if len(opts) > 1:
                words[k] = self._settle(words, k, opts)
        out: list[Token] = []
        mended: list[tuple[str, list[int]]] = []
        for tok, norms in zip(toks, words, strict=True):
            if norms != [tok.norm]:
                mended.append((tok.typed, list(range(len(out), len(out) + len(norms)))))
            out.extend(Token(norm, tok.typed) for norm in norms)
        return out, mended

    def _settle(self, words: list[list[str]], k: int, options: list[list[str]]) -> list[str]:
        """Pick the reading that completes the longest phrase with its neighbours; keep the word if unclear."""
        found: dict[Entry, tuple[int, list[str]]] = {}
        for option in options:
            flat = [w for j, ws in enumerate(words) for w in (option if j == k else ws)]
            at = sum(len(ws) for ws in words[:k])
            spans = [(b - a, self.phrases[tuple(flat[a:b])]) for a in range(max(0, at - self.max_len), at + 1)
                     for b in range(at + 1, min(len(flat), a + self.max_len) + 1) if tuple(flat[a:b]) in self.phrases]
            if spans:
                size, entry = max(spans, key=lambda s: s[0])
                if size >= found.get(entry, (0, []))[0]:
                    found.setdefault(entry, (size, option))
        best = max((size for size, _ in found.values()), default=0)
        winners = {e: o for e, (size, o) in found.items() if size == best}
        return next(iter(winners.values())) if len(winners) == 1 else [words[k][0]]

    def _scan(self, norms: list[str]) -> list[Item]:
        """Leftmost-longest phrase matching; a side word inside a phrase ('back of my left knee') is lifted out."""
        items, i = [], 0
        while i < len(norms):
            item = self._longest(norms, i)
            if item:
                items.append(item)
                i = item.end
            else:
                i += 1
        return items

    def _longest(self, norms: list[str], i: int) -> Item | None:
        """The longest phrase starting at token i; a place phrase may hold a side or pain word after its first word
        ('back of my left knee', 'my wrist hurts near the thumb')."""
        plain = self._match(norms, list(range(i, min(len(norms), i + self.max_len))))
        inside = [j for j in range(i, len(norms))
                  if j == i or (norms[j] not in INNER_SIDES and norms[j] not in FILLER)][:self.max_len]
        lifted = self._match(norms, inside)
        if lifted and lifted.entry.regions and (not plain or lifted.end > plain.end):
            sides = [norms[k] for k in range(i, lifted.end) if k not in inside and norms[k] in INNER_SIDES]
            if sides:
                lifted.side, lifted.side_from = INNER_SIDES[sides[-1]], "inner"
            return lifted
        return plain

    def _match(self, norms: list[str], pos: list[int]) -> Item | None:
        """Longest phrase made of the tokens at these positions, from the first one."""
        for size in range(len(pos), 0, -1):
            entry = self.phrases.get(tuple(norms[k] for k in pos[:size]))
            if entry:
                return Item(pos[0], pos[size - 1] + 1, entry)
        return None

    def _places(self, item: Item, words: str, default_side: str, plural: bool = False) -> list[Place]:
        """Expand one matched phrase into places on the sides it names ('my knees', a plural, names both)."""
        side, source = (item.side, "text") if item.side else ("both", "text") if plural else (default_side, "default")
        regions = item.entry.regions
        if side in ("left", "right") and source == "text" and any(r not in self.midline for r in regions):
            regions = tuple(r for r in regions if r not in self.midline)  # 'left chest' is not the breastbone
        sides = ("left", "right") if side == "both" else (side,)
        out = []
        for region in regions:
            if region in self.midline:
                out.append(Place(region, "midline", words, "midline"))
            else:
                out += [Place(region, s, words, source) for s in sides]
        return out

    def _unknown(self, tok: Token) -> bool:
        """A word worth telling the person we did not understand (not a filler, not ordinary English)."""
        word = tok.norm
        return word.isalpha() and word not in FUNCTION and word not in FILLER and not ordinary(tok.typed)




def _words(toks: list[Token]) -> str:
    """The typed words of a span ('lowerback' once, though it became two tokens)."""
    return " ".join(t.typed for k, t in enumerate(toks) if k == 0 or t is not toks[k - 1] and
                    t.typed != toks[k - 1].typed)


def _plural(last: Token) -> bool:
    """Whether a place's last word is a plural ('knees', 'feet'), which for paired parts means both sides; a
    misspelt word ('ahcilles') is not read as one."""
    typed = last.typed.lower()
    return typed not in SINGULAR_S and singular(typed) != typed and norm_word(typed) == last.norm


def _variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other ways to say a region name: 'wrist on the thumb side', 'outer of the foot', 'outer of knee'."""
    out = []
    if "side" in key[1:-1] and key[key.index("side") + 1] == "of":
        at = key.index("side")
        out.append((*key[at + 2:], "on", *key[:at], "side"))
    if len(key) > 3 and key[0] in DIRECTIONS and key[1] == "edge" and key[2] == "of":
        out.append((key[0], *key[2:]))
    if len(key) > 2 and key[0] in DIRECTIONS and key[1] == "of":
        out.append((key[0], *key[2:]))
    elif len(key) > 1 and key[0] in DIRECTIONS and key[1] not in ("of", "edge"):
        out.append((key[0], "of", *key[1:]))
    return out


def _homophone(toks: list[Token], k: int) -> list[list[str]]:
    """'heal' read as 'heel' only beside a pain or side word ('left heal', 'heal pain'), never in 'heal faster'."""
    word = toks[k].norm
    near = {toks[j].norm for j in (k - 1, k + 1) if 0 <= j < len(toks)}
    return [[HOMOPHONES[word]]] if word in HOMOPHONES and near & (FILLER | set(INNER_SIDES)) else []
