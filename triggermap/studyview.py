"""What the Study page says about a card: the verdict text and the review lines (pure functions).

Words come in through `Words` (muscle names and region places), so these functions need no dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .quiz import PASS, Card, Session

Pattern = tuple[Sequence[str], Sequence[str]]
BLUE = {"marks": "Blue: the areas you marked.", "area": "Blue: the pain area asked about."}
PATTERN_KEY = "Dark orange: main (essential) pain zone. Light orange, dotted: spillover zone."
MUSCLE_KEY = "Green: the muscle; ×: its trigger points."


@dataclass(frozen=True)
class Words:
    """How ids become words: muscle names and region places, each a comma-separated phrase."""

    names: Callable[[Sequence[str]], str]
    places: Callable[[Sequence[str]], str]


@dataclass(frozen=True)
class Verdict:
    """Feedback on an answer: right or not, the sentence, and the muscles whose patterns are then shown."""

    correct: bool
    text: str
    muscles: tuple[str, ...]


@dataclass(frozen=True)
class MapPanel:
    """One map of the card: its heading (empty when it is the only map), what it shades and for which muscles.

    show: "marks" (the student's marked areas), "area" (the area a 'which muscles' card asks about),
    "pattern" (a pattern alone: the question) or "answer" (a pattern with its muscle and trigger points).
    """

    heading: str
    show: str
    muscles: tuple[str, ...] = ()


def question(card: Card, words: Words) -> str:
    """What a card asks (markdown)."""
    if card.kind == "name_the_muscle":
        return "**Whose trigger points refer pain in this pattern?**"
    if card.kind == "click_the_zone":
        return f"**Mark the main pain zone of {words.names([card.muscle])}** on the map."
    return (f"**Which of these muscles have a main pain zone that covers the {words.places(card.area)}?** "
            "Tick all that apply.")


def score_line(session: Session) -> str:
    """The deck's score on one line, short enough for a phone (markdown)."""
    average = f"{session.points / session.answered:.0%}" if session.answered else "–"
    return (f"Answered **{session.answered}** · Right **{session.right}** · Average score **{average}** · "
            f"Cards left **{len(session.queue)}**")


def shown_pattern(card: Card, picked: str | None) -> str:
    """The muscle whose pattern a 'which muscles' answer shows: the one picked, else the first right answer."""
    return picked if picked in card.options else (card.answer or card.options)[0]


def map_panels(card: Card, answered: bool, words: Words, picked: str | None = None) -> list[MapPanel]:
    """The maps of a card: one while it is asked; after the answer the student's side next to the right one."""
    if card.kind == "name_the_muscle":
        return [MapPanel("", "answer" if answered else "pattern", (card.muscle,))]
    if card.kind == "click_the_zone":
        return [MapPanel("Your marks", "marks"), MapPanel(f"Main zone of {words.names([card.muscle])}", "answer",
                                                          (card.muscle,))] if answered else [MapPanel("", "marks")]
    if not answered:
        return [MapPanel("", "area")]
    muscle = shown_pattern(card, picked)
    return [MapPanel("The pain area asked about", "area"), MapPanel(f"Pattern of {words.names([muscle])}", "answer",
                                                                     (muscle,))]


def map_caption(panels: Sequence[MapPanel], elsewhere: Sequence[str] = ()) -> str:
    """The key under the maps, naming only what they draw."""
    shows = [p.show for p in panels]
    parts = [BLUE[s] for s in shows if s in BLUE]
    if {"pattern", "answer"} & set(shows):
        parts.append(PATTERN_KEY)
    if "answer" in shows:
        parts.append(MUSCLE_KEY)
    if elsewhere:
        parts.append(f"Also drawn on: {', '.join(elsewhere)}.")
    return " ".join(parts)


def shown_muscles(card: Card) -> tuple[str, ...]:
    """The muscles whose patterns answer the card."""
    return tuple(card.answer) if card.kind == "which_muscles" else (card.muscle,)


def verdict(card: Card, feedback: dict[str, Any], words: Words) -> Verdict:
    """The verdict sentence after an answer."""
    value, ok = feedback["score"], bool(feedback["correct"])
    lead = "Right!" if ok else "Not quite."
    if card.kind == "name_the_muscle":
        detail = f"It is **{words.names(card.answer)}**." + ("" if ok else
                                                               f" You picked {words.names(feedback['response'])}.")
    elif card.kind == "click_the_zone":
        got, want = set(feedback["response"]), set(card.answer)
        detail = (f"Overlap with the main zone: {value:.0%} (pass: {PASS[card.kind]:.0%}). "
                  f"Hit: {words.places(sorted(got & want))}. Missed: {words.places(sorted(want - got))}."
                  + (f" Outside the main zone (blue): {words.places(sorted(got - want))}." if got - want else ""))
    else:
        detail = (f"Score {value:.0%} (pass: {PASS[card.kind]:.0%}). Right answers: **{words.names(card.answer)}**. "
                  f"You ticked: {words.names(feedback['response'])}. "
                  "Compare each muscle's pattern with the area on the maps.")
    return Verdict(ok, f"{lead} {detail}", shown_muscles(card))


def answer_text(card: Card, ids: Sequence[str], words: Words) -> str:
    """A response or an answer in words."""
    return words.places(ids) if card.kind == "click_the_zone" else words.names(ids)


def review_lines(session: Session, pattern: Callable[[str], Pattern], words: Words) -> list[str]:
    """One line per mistake of the deck: what was asked, what was answered, what was right."""
    lines = []
    for m in session.mistakes:
        card = session.cards[m["card"]]
        if card.kind == "name_the_muscle":
            asked = f"Pattern with main zone {words.places(pattern(card.muscle)[0])}"
        elif card.kind == "click_the_zone":
            asked = f"Main zone of {words.names([card.muscle])}"
        else:
            asked = f"Muscles with a main zone on the {words.places(card.area)}"
        lines.append(f"{asked}: you answered {answer_text(card, m['response'], words)}; "
                     f"right: **{answer_text(card, card.answer, words)}**")
    return lines
