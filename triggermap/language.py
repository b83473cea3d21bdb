"""Pain text in a person's own words → (region, side, matched words), with nerve symptoms and conditions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .words import BREAK, COMMA, FILLER, MAX_TEXT, Mender, Token, clip, ordinary, phrase_key, tokens

__all__ = ["MAX_TEXT", "Lexicon", "Place", "Reading", "LexiconError"]
SIDE_VALUES = ("left", "right", "both")
# Words that may stand between a place and a side word after it ('knee on the left', 'knee (right)').
POST_GLUE = FILLER | COMMA | {"on", "at", "in", "to", "side", "sided", "is", "are", "only"}
PRE_GLUE = FILLER | {"side", "sided"}
# Words that glue phrases together but carry no place: never mended, never reported as unknown.
FUNCTION = frozenset("and or of on in at to i im my is are it when where with from near into up down around across "
                     "all over since got have has had get feel feels felt also just".split())


class LexiconError(ValueError):
    """The vocabulary is inconsistent: two regions claim the same words."""


@dataclass(frozen=True)
class Entry:
    """What a phrase means: a place (regions, condition, nerve flag) or a side word."""

    regions: tuple[str, ...] = ()
    condition: str = ""
    nerve: bool = False
    side: str = ""
    pre_only: bool = False  # 'both', 'l', 'r' name a side only right before a place


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


@dataclass
class _Item:
    """A matched phrase in the token stream."""

    start: int
    end: int
    entry: Entry
    side: str | None = None
    side_from: str = ""


def _side_phrases() -> dict[tuple[str, ...], Entry]:
    """Side words and phrases: 'left', 'on the right side of', 'both sides', 'bilateral', 'left-sided'."""
    out: dict[tuple[str, ...], Entry] = {}
    for word, value in (("left", "left"), ("right", "right"), ("both", "both"), ("either", "both"),
                        ("each", "both")):
        for tail in ((), ("side",), ("sided",), ("hand", "side"), ("side", "of"), ("hand", "side", "of")):
            if word in ("left", "right") or tail[:1] == ("side",):
                out[(word, *tail)] = Entry(side=value)
    out[("both",)] = Entry(side="both", pre_only=True)
    for key, value in ((("l",), "left"), (("r",), "right"), (("lhs",), "left"), (("rhs",), "right")):
        out[key] = Entry(side=value, pre_only=True)
    for key in (("bilateral",), ("bilaterally",), ("left", "and", "right"), ("right", "and", "left"),
                ("on", "both", "side"), ("both", "left", "and", "right")):
        out[key] = Entry(side="both")
    return out


class Lexicon:
    """Every phrase the reader knows: region names, umbrella words, symptom and condition words, side words."""

    def __init__(self, regions: Mapping, body_words: Iterable = (), pain_words: Iterable = ()):
        """Build the phrase table; later tables win: region names < body_words.csv < pain_words.csv."""
        self.midline = {rid for rid, r in regions.items() if r.midline}
        self.phrases: dict[tuple[str, ...], Entry] = dict(_side_phrases())
        self._add_region_names(regions)
        self.families = {phrase_key(w.word): tuple(w.regions) for w in body_words}
        self._add_rows("body_words.csv", ((w.word, Entry(tuple(w.regions))) for w in body_words))
        self._add_rows("pain_words.csv", ((w.phrase, Entry(tuple(w.regions), w.condition, w.nerve == "1"))
                                          for w in pain_words))
        self.max_len = max(len(k) for k in self.phrases)
        vocabulary = {t for key in self.phrases for t in key} - FUNCTION
        self.mender = Mender(vocabulary, set(FUNCTION) | FILLER)

    def _add_region_names(self, regions: Mapping) -> None:
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
                self.phrases[key] = Entry((rid,))

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
        items = self._scan(toks)
        _assign_sides([t.norm for t in toks], items)
        used = {i for it in items for i in range(it.start, it.end)}
        typed = lambda it: _words(toks[it.start:it.end])  # noqa: E731
        places: dict[tuple[str, str], Place] = {}
        for it in (it for it in items if it.entry.regions):
            for place in self._places(it, typed(it), default_side):
                places.setdefault((place.region, place.side), place)
        fixes = tuple(dict.fromkeys((w, " ".join(toks[i].norm for i in idx)) for w, idx in mended
                                    if set(idx) <= used))
        unknown = [t.typed for i, t in enumerate(toks) if i not in used and self._unknown(t)]
        return Reading(clipped, tuple(places.values()),
                       tuple(dict.fromkeys(typed(it) for it in items if it.entry.nerve)),
                       tuple(dict.fromkeys(it.entry.condition for it in items if it.entry.condition)),
                       tuple(dict.fromkeys(unknown)), fixes, too_long)

    def _mend(self, toks: list[Token]) -> tuple[list[Token], list[tuple[str, list[int]]]]:
        """Replace misspelt body words; remember which typed word became which tokens."""
        options = [self.mender.mend(t.norm) for t in toks]
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

    def _scan(self, toks: list[Token]) -> list[_Item]:
        """Leftmost-longest phrase matching over the tokens."""
        norms = [t.norm for t in toks]
        items, i = [], 0
        while i < len(norms):
            for size in range(min(self.max_len, len(norms) - i), 0, -1):
                entry = self.phrases.get(tuple(norms[i:i + size]))
                if entry:
                    items.append(_Item(i, i + size, entry))
                    i += size
                    break
            else:
                i += 1
        return items

    def _places(self, item: _Item, words: str, default_side: str) -> list[Place]:
        """Expand one matched phrase into places on the sides it names."""
        side, source = (item.side, "text") if item.side else (default_side, "default")
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


def _assign_sides(norms: list[str], items: list[_Item]) -> None:
    """Give places the side words that qualify them: before ('left elbow'), after ('knee on the left'), carried on."""
    current: str | None = None
    pending = False  # the last side word stands right before the next place
    run: list[_Item] = []  # places since the last side word, in this clause
    last_end = 0
    for k, item in enumerate(items):
        if any(norms[i] in BREAK for i in range(last_end, item.start)):
            current, pending, run = None, False, []
        last_end = item.end
        entry = item.entry
        if entry.side:
            nxt = next((it for it in items[k + 1:] if it.entry.regions), None)
            pre = nxt is not None and all(norms[i] in PRE_GLUE for i in range(item.end, nxt.start))
            prev = run[-1] if run else None
            post = prev is not None and all(norms[i] in POST_GLUE for i in range(prev.end, item.start))
            if pre:
                current, pending = entry.side, True
            elif post and not entry.pre_only:
                for place in run:
                    if place.side_from != "pre":
                        place.side, place.side_from = entry.side, "post"
                current, run = entry.side, []
        elif entry.regions:
            if current:
                item.side, item.side_from = current, "pre" if pending else "carry"
            pending = False
            run.append(item)
