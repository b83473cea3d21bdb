"""Side words scoped to the places they qualify, and phrases that only locate another ('sciatica down my leg')."""

from __future__ import annotations

from dataclasses import dataclass

from .words import BREAK, COMMA, FILLER

# Words that may stand between a place and a side word after it ('knee on the left', 'knee (right)').
POST_GLUE = FILLER | COMMA | {"on", "at", "in", "to", "side", "sided", "is", "are", "only", "worse", "worst", "more",
                              "mostly", "mainly", "especially", "particularly", "usually", "often", "sometimes"}
PRE_GLUE = FILLER | {"side", "sided", "of"}
INNER_SIDES = {"left": "left", "right": "right", "both": "both"}  # 'back of my left knee'
# Words joining a symptom to the place that locates it ('sciatica down my left leg', 'headache in my temples').
LOCATE_GLUE = FILLER | {"in", "on", "down", "along", "at", "into", "through", "across", "all", "over", "around",
                        "up", "to", "of", "side", "sided", "behind", "above", "below", "under", "near", *INNER_SIDES,
                        "l", "r", "lt", "rt"}
# A symptom word followed by one of these and a place is located by that place ('headache behind my eye').
LOCATING = frozenset("in on at behind over around above below under near across into through along down".split())


# A body part right after one of these is being moved or lain on, not named as painful ('when I turn my head').
MOVE_VERBS = frozenset("turn turning move moving lift lifting raise raising bend bending tilt tilting rotate rotating "
                       "twist twisting straighten straightening stretch stretching nod nodding look looking swing "
                       "swinging hold holding open opening reach reaching cross crossing lie lying lay laying sleep "
                       "sleeping sit sitting lean leaning kneel kneeling put putting use using".split())
MOVE_GLUE = frozenset("on over above behind to toward towards across up down onto into around under".split())
# 'is back', 'came back', 'back up plan': back as an adverb, not the body part.
BACK_ADVERB = frozenset("is was came come comes coming been be am are went go goes going get gets got getting "
                        "flared flare flares".split())
BACK_ADVERB_AFTER = frozenset("up home again forth later soon".split())
# 'my knee is fine', 'no pain in my hip': places said not to hurt.
FINE = frozenset("fine ok okay good better normal great alright healed".split())
FINE_GLUE = frozenset("is are feel feels now all totally completely still seems seem".split())
NEGATION = frozenset("no not without never".split())
NEGATION_GLUE = FILLER | {"in", "on", "at", "of", "around", "from", "any", "more", "longer"}
POSITION = frozenset({"on", "in"})  # 'numb fingers on my right hand': the hand only locates the fingers


@dataclass(frozen=True)
class Entry:
    """What a phrase means: a place (regions, condition, nerve flag) or a side word."""

    regions: tuple[str, ...] = ()
    condition: str = ""
    nerve: bool = False
    side: str = ""
    pre_only: bool = False  # 'both', 'l', 'r' name a side only right before a place
    family: bool = False  # an umbrella word from body_words.csv
    word: bool = False  # a symptom or condition word from pain_words.csv


@dataclass
class Item:
    """A matched phrase in the token stream, with the side it gets."""

    start: int
    end: int
    entry: Entry
    side: str | None = None
    side_from: str = ""  # pre, inner, carry or post
    dropped: bool = False
    moved: bool = False


def side_phrases() -> dict[tuple[str, ...], Entry]:
    """Side words and phrases: 'left', 'on the right side of', 'both sides', 'bilateral', 'left-sided'."""
    out: dict[tuple[str, ...], Entry] = {}
    for word, value in (("left", "left"), ("right", "right"), ("both", "both"), ("either", "both"),
                        ("each", "both")):
        for tail in ((), ("side",), ("sided",), ("hand", "side"), ("side", "of"), ("hand", "side", "of")):
            if word in ("left", "right") or tail[:1] == ("side",):
                out[(word, *tail)] = Entry(side=value)
    out[("both",)] = Entry(side="both", pre_only=True)
    for key, value in ((("l",), "left"), (("r",), "right"), (("lhs",), "left"), (("rhs",), "right"),
                       (("lt",), "left"), (("rt",), "right")):
        out[key] = Entry(side=value, pre_only=True)
    out[("rite",)] = Entry(side="right")  # a common misspelling, and an ordinary word rare in pain text
    both: tuple[tuple[str, ...], ...] = (("bilateral",), ("bilaterally",), ("left", "and", "right"),
                                         ("right", "and", "left"), ("on", "both", "side"),
                                         ("both", "left", "and", "right"))
    for words in both:
        out[words] = Entry(side="both")
    return out


def assign_sides(norms: list[str], items: list[Item]) -> None:
    """Give places the side words that qualify them: before ('left elbow'), after ('knee on the left'), carried on."""
    current: str | None = None
    pending = False  # the last side word stands right before the next place
    run: list[Item] = []  # places since the last side word, in this clause
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
            elif post and prev and not entry.pre_only and not prev.moved:  # 'turn my head to the left' is a direction
                for place in run:
                    if place.side_from not in ("pre", "inner"):
                        place.side, place.side_from = entry.side, "post"
                current, run = entry.side, []
        elif entry.regions:
            if item.side_from == "inner":  # 'back of my left knee': the side sits inside the phrase
                current = item.side
            elif current:
                item.side, item.side_from = current, "pre" if pending else "carry"
            pending = False
            run.append(item)


def locate(norms: list[str], items: list[Item]) -> None:
    """Let one place only locate its neighbour: keep the more precise of two overlapping places.

    'sciatica down my left leg' and 'plantar fasciitis in my foot': an umbrella word after a symptom word
    gives its side, not its places. 'headache in my temples', 'occipital headache': the part named wins over
    the whole it belongs to; 'headache behind my right eye': the place named locates the symptom word.
    """
    places = [it for it in items if it.entry.regions]
    chain: Item | None = None  # a symptom whose locating umbrella words may go on: 'sciatica in my buttock and leg'
    for a, b in zip(places, places[1:], strict=False):
        gap = [norms[i] for i in range(a.end, b.start)]
        if chain and a.dropped and b.entry.family and set(gap) <= LOCATE_GLUE | {"and", ",", "or"}:
            b.dropped = True
            continue
        chain = None
        if a.dropped or not set(gap) <= LOCATE_GLUE:
            continue
        ra, rb = set(a.entry.regions), set(b.entry.regions)
        if b.entry.family and (a.entry.word or POSITION & set(gap)) or ra < rb:
            keep, drop = a, b
            chain = a if b.entry.family else None
        elif rb < ra or a.entry.word and not b.entry.word and LOCATING & {*gap, norms[b.start]}:
            keep, drop = b, a
        else:
            continue
        drop.dropped = True
        if keep.side is None:
            keep.side, keep.side_from = drop.side, drop.side_from


def drop_context(norms: list[str], items: list[Item]) -> None:
    """Drop words that are not pain places: 'is back' (returned); parts moved or lain on, if another place is named."""
    places = [it for it in items if it.entry.regions]
    for k, item in enumerate(places):
        prev_word, next_word = norms[item.start - 1:item.start], norms[item.end:item.end + 1]
        adverb = set(prev_word) & BACK_ADVERB or set(next_word) & BACK_ADVERB_AFTER
        if norms[item.start:item.end] == ["back"] and adverb:
            item.dropped = True
        if _negated(norms, item):
            item.dropped = True
        before = item.start - 1
        while before >= 0 and norms[before] in MOVE_GLUE:
            before -= 1
        follows_moved = before < item.start - 1 and k > 0 and places[k - 1].moved and places[k - 1].end == before + 1
        item.moved = before >= 0 and (norms[before] in MOVE_VERBS or follows_moved)
    if any(not it.moved and not it.dropped for it in places):
        for it in places:
            it.dropped = it.dropped or it.moved


def _negated(norms: list[str], item: Item) -> bool:
    """'no pain in my knee', 'my knee is fine': the place is named as not hurting."""
    after = item.end
    while after < len(norms) and norms[after] in FINE_GLUE:
        after += 1
    if after > item.end and after < len(norms) and norms[after] in FINE:
        return True
    before = item.start - 1
    while before >= 0 and norms[before] in NEGATION_GLUE:
        before -= 1
    return before >= 0 and norms[before] in NEGATION
