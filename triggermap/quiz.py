"""Study cards built from referral patterns: questions, scoring and an in-session spaced-repetition deck."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .mapstate import best_view
from .similarity import common_muscles, f1, jaccard, pattern_distance
from .vocab import Deck, QuizKind

if TYPE_CHECKING:
    from .data import Dataset
    from .lookup import Ranker

__all__ = ["Bank", "Card", "Session", "build_session", "common_muscles", "f1", "jaccard", "pattern_distance", "score"]

KINDS = tuple(k.value for k in QuizKind if k is not QuizKind.MIXED)
DIFFICULTIES = ("easy", "hard")
N_CHOICES = 4      # name the muscle: the answer and three distractors
N_WHICH = 5        # which muscles: options shown, one to three of them right
PASS = {"name_the_muscle": 1.0, "click_the_zone": 0.5, "which_muscles": 0.8}
MISS_GAP = 2       # a missed card comes back after two other cards
LATER_GAP = 5      # a card answered right after a miss comes back once more, later
EASY_MIN_DISTANCE = 0.9  # easy options differ this much from each other (1 = no region in common)
DECKS = Deck.values()


@dataclass(frozen=True)
class Bank:
    """What the questions are made of: each muscle's pattern and group, the regions of each view and the
    common muscles (the default deck)."""

    patterns: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    groups: dict[str, str]
    views: dict[str, frozenset[str]]
    common: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: Dataset, ranker: Ranker) -> Bank:
        """Build the bank from the dataset and its ranker."""
        patterns = {m: (tuple(ess), tuple(spill)) for m in sorted(data.muscles) for ess, spill in [ranker.pattern(m)]}
        return cls(patterns, {m: row.group for m, row in data.muscles.items()},
                   {v: frozenset(view.region_ids()) for v, view in data.atlas.views.items()},
                   common_muscles(c.muscles for c in data.conditions.values()) & set(patterns))

    def distance(self, a: str, b: str) -> float:
        """Pattern distance between two muscles."""
        return pattern_distance(self.patterns[a], self.patterns[b])

    def essential(self, muscle: str) -> set[str]:
        """Main pain zone of a muscle."""
        return set(self.patterns[muscle][0])

    def zone(self, muscle: str) -> set[str]:
        """Main and spillover zone together."""
        return set(self.patterns[muscle][0]) | set(self.patterns[muscle][1])

    def pool(self, group: str | None = None, deck: str = "all") -> list[str]:
        """Muscle ids of one body group (all when group is None) in the deck (common or all), sorted."""
        return sorted(m for m in self.patterns if group in (None, self.groups[m])
                      and (deck == "all" or m in self.common))

    def best_view(self, regions: Iterable[str]) -> str:
        """The view that shows most of the regions; ties go to the more detailed (smaller) view."""
        return best_view(self.views, regions)

    def on_one_view(self, muscle: str) -> bool:
        """Whether the whole main zone can be marked without switching views."""
        return any(self.essential(muscle) <= regions for regions in self.views.values())


@dataclass
class Card:
    """One question; ids only, so it serialises to a plain dict."""

    id: str
    kind: str
    muscle: str                 # the muscle the card was built around
    area: list[str]             # which muscles: the pain area shown
    options: list[str]          # muscle ids offered (empty for click the zone)
    answer: list[str]           # right muscle ids, or the main-zone region ids for click the zone
    view: str
    misses: int = 0
    streak: int = 0


def _shortlist(cands: list[str], n: int, rng: random.Random,
               key: Callable[[str], tuple[float, ...]] | None = None) -> list[str]:
    """n candidates at random, drawn from the best 2n by key when a key is given."""
    cands = sorted(cands)
    rng.shuffle(cands)
    if key is not None:
        cands = sorted(cands, key=key, reverse=True)[:2 * n]
    return rng.sample(cands, min(n, len(cands)))


def _distractors(bank: Bank, muscle: str, difficulty: str, rng: random.Random) -> list[str]:
    """Wrong answers that can't be mistaken for the answer: never the same main zone."""
    ess, zone, group = bank.essential(muscle), bank.zone(muscle), bank.groups[muscle]
    cands = [m for m in bank.patterns if m != muscle and bank.essential(m) != ess]
    n = N_CHOICES - 1
    picked: list[str] = []
    if difficulty == "hard":
        # similar patterns make the learner look at the detail, not the body part
        near = [m for m in cands if bank.zone(m) & zone]
        picked = _shortlist(near, n, rng, key=lambda m: (jaccard(bank.zone(m), zone),))
    else:
        return _far_apart(bank, muscle, cands, group, n, rng)
    same = [m for m in cands if bank.groups[m] == group and m not in picked]
    picked += _shortlist(same, n - len(picked), rng)
    rest = [m for m in cands if m not in picked]
    return picked + _shortlist(rest, n - len(picked), rng)


def _far_apart(bank: Bank, muscle: str, cands: list[str], group: str, n: int, rng: random.Random) -> list[str]:
    """Easy: n options whose patterns are clearly different from the answer's and from each other."""
    order = sorted(cands)
    rng.shuffle(order)
    order.sort(key=lambda m: bank.groups[m] != group)  # same body area first, so the options stay plausible
    picked: list[str] = []
    for m in order:
        if len(picked) == n:
            break
        if all(bank.distance(m, other) >= EASY_MIN_DISTANCE for other in [muscle, *picked]):
            picked.append(m)
    return picked


def name_card(bank: Bank, muscle: str, difficulty: str, rng: random.Random, avoid: Iterable[str] = ()) -> Card | None:
    """Show a pattern, pick the muscle from four."""
    wrong = _distractors(bank, muscle, difficulty, rng)
    if len(wrong) < N_CHOICES - 1:
        return None
    options = [muscle, *wrong]
    rng.shuffle(options)
    return Card(f"name_the_muscle:{muscle}", "name_the_muscle", muscle, [], options, [muscle],
                bank.best_view(bank.essential(muscle)))


def click_card(bank: Bank, muscle: str, difficulty: str, rng: random.Random, avoid: Iterable[str] = ()) -> Card:
    """Show a muscle, mark its main pain zone on the map."""
    ess = sorted(bank.essential(muscle))
    return Card(f"click_the_zone:{muscle}", "click_the_zone", muscle, [], [], ess, bank.best_view(ess))


def _area(bank: Bank, muscle: str, difficulty: str, rng: random.Random, avoid: set[str]) -> list[str]:
    """One region of the muscle's main zone (two on hard, from the same view when possible)."""
    ess = sorted(bank.essential(muscle))
    first = rng.choice([r for r in ess if r not in avoid] or ess)
    view = bank.best_view([first])
    second = [r for r in ess if r != first and r in bank.views[view]]
    if difficulty == "hard" and second:
        return sorted([first, rng.choice(second)])
    return [first]


def which_card(bank: Bank, muscle: str, difficulty: str, rng: random.Random, avoid: Iterable[str] = ()) -> Card | None:
    """Show a pain area, pick every muscle whose main zone covers part of it (avoid: areas already asked)."""
    area = _area(bank, muscle, difficulty, rng, set(avoid))
    refers = [m for m in bank.patterns if m != muscle and bank.essential(m) & set(area)]
    # distractors stay clear of the area, spillover included, so no option is arguable
    quiet = [m for m in bank.patterns if not bank.zone(m) & set(area)]
    right = [muscle, *_shortlist(refers, rng.randint(0, min(2, len(refers))), rng)]
    near: set[str] = set().union(*(bank.zone(m) for m in right))
    key = (lambda m: (len(bank.zone(m) & near), bank.groups[m] == bank.groups[muscle])) \
        if difficulty == "hard" else None
    wrong = _shortlist(quiet, N_WHICH - len(right), rng, key=key)
    if len(wrong) < N_WHICH - len(right):
        return None
    options = right + wrong
    rng.shuffle(options)
    return Card(f"which_muscles:{'+'.join(area)}", "which_muscles", muscle, area, options, sorted(right),
                bank.best_view(area))


BUILDERS = {"name_the_muscle": name_card, "click_the_zone": click_card, "which_muscles": which_card}


def score(card: Card, response: Iterable[str]) -> float:
    """Score of a response (muscle ids or region ids) between 0 and 1."""
    if card.kind == "click_the_zone":
        return jaccard(response, card.answer)
    if card.kind == "which_muscles":
        return f1(response, card.answer)
    return 1.0 if set(response) == set(card.answer) else 0.0


@dataclass
class Session:
    """A deck in play: the queue of card ids, the cards, the tally and the mistakes."""

    kind: str
    group: str | None
    difficulty: str
    seed: int
    cards: dict[str, Card]
    queue: list[str]
    answered: int = 0
    right: int = 0
    points: float = 0.0
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    deck: str = "all"

    @property
    def current(self) -> Card | None:
        """The card to ask now, or None when the deck is done."""
        return self.cards[self.queue[0]] if self.queue else None

    @property
    def done(self) -> bool:
        """Whether every card has been retired."""
        return not self.queue

    def answer(self, response: Iterable[str]) -> dict[str, Any]:
        """Score the current card, move it in the queue, and return the feedback as a dict."""
        card = self.cards[self.queue.pop(0)]
        chosen = sorted(set(response))
        value = score(card, chosen)
        ok = value >= PASS[card.kind]
        self.answered, self.right, self.points = self.answered + 1, self.right + ok, self.points + value
        if ok:
            card.streak += 1
            if card.misses and card.streak < 2:  # a card once missed must be right twice to retire
                self._requeue(card, LATER_GAP)
        else:
            card.misses, card.streak = card.misses + 1, 0
            self._requeue(card, MISS_GAP)
            self.mistakes.append({"card": card.id, "response": chosen, "score": value})
        return {"card": card.id, "correct": ok, "score": value, "response": chosen,
                "expected": list(card.answer)}

    def _requeue(self, card: Card, gap: int) -> None:
        """Put a card back `gap` places later, options reshuffled so position can't be memorised."""
        rng = random.Random(f"{self.seed}:{card.id}:{card.misses}:{card.streak}")
        rng.shuffle(card.options)
        self.queue.insert(min(gap, len(self.queue)), card.id)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (lists, str, numbers) for st.session_state or JSON."""
        out = asdict(self)
        out["cards"] = {cid: asdict(c) for cid, c in self.cards.items()}
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Session:
        """Inverse of to_dict."""
        cards = {cid: Card(**c) for cid, c in raw["cards"].items()}
        return cls(**{**raw, "cards": cards, "queue": list(raw["queue"]),
                      "mistakes": [dict(m) for m in raw["mistakes"]]})


def build_session(bank: Bank, kind: str = "name_the_muscle", group: str | None = None,
                  difficulty: str = "easy", seed: int = 0, size: int = 10, deck: str = "all") -> Session:
    """A shuffled deck of up to `size` cards; kind 'mixed' draws the kind of each card at random; deck 'common'
    keeps to the muscles clinicians meet most (all of the body area's muscles when it has no common one)."""
    if kind not in (*KINDS, "mixed") or difficulty not in DIFFICULTIES or deck not in DECKS:
        raise ValueError(f"unknown kind {kind!r}, difficulty {difficulty!r} or deck {deck!r}")
    rng = random.Random(seed)
    pool = bank.pool(group, deck) or bank.pool(group)
    if kind == "click_the_zone" and difficulty == "easy":
        pool = [m for m in pool if bank.on_one_view(m)] or pool
    rng.shuffle(pool)
    cards: dict[str, Card] = {}
    used: set[str] = set()  # pain areas already asked, so two cards don't show the same area
    for muscle in pool:
        if len(cards) >= size:
            break
        card_kind = rng.choice(KINDS) if kind == "mixed" else kind
        card = BUILDERS[card_kind](bank, muscle, difficulty, rng, avoid=used)
        if card is not None and card.id not in cards:
            cards[card.id] = card
            used.update(card.area)
    return Session(kind, group, difficulty, seed, cards, list(cards), deck=deck)
