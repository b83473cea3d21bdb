"""Patient answers in plain words: how well a muscle matches, which conditions fit, and what to do next."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .atlas import Atlas
from .data import Dataset
from .language import Lexicon
from .lookup import Match, Ranker
from .selection import MAX_REGIONS
from .vocab import PatternBasis, ViewId

BANDS = ("strong", "good", "possible")
NOT_SUGGESTED = ("not_for_dn", "general")  # red-flag and catch-all conditions: only when named outright


def band_level(match: Match) -> str:
    """Strong (main zone covers every area), good (covers some) or possible (only the spillover zone reaches)."""
    areas = match.areas or len(match.essential) + len(match.spillover)
    main = match.main_areas if match.areas else len(match.essential)
    if main and main >= areas:
        return "strong"
    return "good" if main else "possible"


def your_areas(ranker: Ranker, regions: Sequence[tuple[str, str]], name: Callable[[tuple[str, str]], str]) -> str:
    """The chosen places grouped as the match lines count them (markdown): '**Chest:** Upper chest, Breastbone;
    Outer elbow'."""
    return "; ".join(f"**{word.capitalize()}:** {', '.join(map(name, places))}" if word else
                     ", ".join(map(name, places)) for word, places in ranker.named_areas(regions))


def pattern_from(basis: PatternBasis) -> str:
    """'pattern from ...' for a pattern no manual draws (weaker or other evidence); '' for the manuals'."""
    return "" if basis == PatternBasis.MANUAL else f"pattern from {basis.label}"


def basis_note(data: Dataset, muscle_id: str) -> str:
    """The muscle's 'pattern from ...' when no manual draws its pattern, else ''."""
    return pattern_from(data.paper_basis(muscle_id) or PatternBasis.MANUAL)


def band(match: Match) -> str:
    """A plain sentence for a patient instead of a bare score."""
    areas = match.areas or len(match.essential) + len(match.spillover)
    main = match.main_areas if match.areas else len(match.essential)
    reach = match.any_areas if match.areas else areas
    yours = "your area" if areas == 1 else f"all your {areas} areas"
    level = band_level(match)
    if level == "strong":
        text = f"Strong match: its main pain zone covers {yours}"
    elif level == "good":
        text = f"Good match: its main pain zone covers {main} of your {areas} areas"
        if reach > main:
            text += f", its wider zone {reach - main} more"
    else:
        some = "your area" if areas == 1 else f"{reach} of your {areas} areas"
        text = f"Possible match: only its wider (spillover) zone reaches {some}"
    return text


def conditions_for(data: Dataset, selection: Iterable[tuple[str, str]], named: Iterable[str] = (),
                   matches: Iterable[Match] = (), limit: int = 3) -> list[str]:
    """Condition ids that fit a selection: those named in the text, then those whose words name these places.

    A condition fits when a word for it (pain_words.csv) names a selected region; the larger the share of its
    places selected, the better; ties go to the condition sharing more muscles with the top matches.
    """
    regions = {r for r, _ in selection}
    top = {m.muscle_id for m in list(matches)[:5]}
    fit: dict[str, tuple[float, int]] = {}
    for word in data.pain_words:
        cond = data.conditions.get(word.condition)
        if not cond or cond.category in NOT_SUGGESTED or not word.regions:
            continue
        share = len(regions & set(word.regions)) / len(word.regions)
        if share:
            shared = len(top & set(cond.muscles))
            fit[cond.id] = max(fit.get(cond.id, (0.0, 0)), (share, shared))
    ranked = sorted(fit, key=lambda c: (-fit[c][0], -fit[c][1], data.conditions[c].name))
    out = [c for c in dict.fromkeys(named) if c in data.conditions]
    return (out + [c for c in ranked if c not in out])[:max(limit, len(out))]


def next_steps(nerve_symptoms: Iterable[str] = (), audience: str = "patient", flags_cleared: bool = False) -> list[str]:
    """Short 'what next' lines: the red-flag check, who to see, what to ask, and a note on nerve symptoms."""
    flags = ("You ticked none of the red flags: if one of them appears later, see a doctor before anything else."
             if flags_cleared else "Check the red flags first: if any applies, see a doctor before anything else.")
    steps = [flags,
             "Who to see: your family doctor or a registered physiotherapist (or another clinician who examines "
             "muscles) can check whether these muscles are the source of your pain.",
             "What to ask: could trigger points in these muscles explain my pain, what else could cause it, and "
             "would dry needling, IMS or another treatment suit me?"]
    words = list(dict.fromkeys(nerve_symptoms))
    if words:
        steps.insert(1, f"You mentioned {', '.join(words)}: a muscle referral map does not explain numbness, "
                        "tingling, weakness or burning, which can come from a nerve or a nerve root. The IMS "
                        "segments page shows the skin area each root supplies; tell your clinician about it.")
    if audience != "patient":
        steps = steps[:1] + [s for s in steps[1:] if not s.startswith(("Who to see", "What to ask"))]
    return steps


def add_places(current: list[tuple[str, str]], new: Iterable[tuple[str, str]],
               cap: int = MAX_REGIONS) -> tuple[list[tuple[str, str]], int]:
    """Add (region, side) pairs not yet selected, up to the cap; return the selection and how many did not fit."""
    out = list(current)
    fresh = [p for p in dict.fromkeys(new) if p not in out]
    room = max(cap - len(out), 0)
    return out + fresh[:room], max(len(fresh) - room, 0)


def view_for(atlas: Atlas, regions: Iterable[str], current: str) -> str:
    """The view that shows the most of these regions (the current one when it shows as many)."""
    wanted = set(regions)
    shown = {v: len(wanted & set(atlas.views[v].region_ids())) for v in ViewId.values()}
    best = max(shown.values(), default=0)
    return current if shown.get(current, 0) == best else next(v for v in ViewId.values() if shown[v] == best)


def find_areas(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    """Areas the list picker offers for a search: the same reading as the text box, both sides unless named."""
    return lexicon.read(text, default_side="both").selection


def merge_phrases(texts: Iterable[str]) -> str:
    """Several comma lists as one sentence, each phrase once ('Clenching, grinding' is said once, not per point)."""
    seen: dict[str, str] = {}
    for text in texts:
        for part in re.split(r"[;,]\s+", text.strip().rstrip(".")):
            phrase = part.strip()
            if phrase:
                seen.setdefault(phrase.lower(), phrase)
    phrases = list(seen.values())
    if not phrases:
        return ""
    first, rest = phrases[0], [p[0].lower() + p[1:] if p[1:2].islower() else p for p in phrases[1:]]
    return ", ".join([first, *rest]) + "."
