"""Which red flags to ask about first: the signs for the body areas a person chose, then those for any area."""

from __future__ import annotations

from collections.abc import Iterable

from .data import Dataset
from .named import AFTER_NEEDLING_FLAGS
from .schema import RedFlagRow
from .words import AREA_WORDS

ANY = "any"


def areas_of(data: Dataset, regions: Iterable[str]) -> set[str]:
    """The red-flag body areas (head, neck, chest, back, arm, leg) that the chosen regions lie in."""
    words = {w.word: set(w.regions) for w in data.body_words}
    chosen = set(regions)
    return {area for area, names in AREA_WORDS.items() if any(chosen & words.get(n, set()) for n in names)}


def ordered_flags(data: Dataset, regions: Iterable[str]) -> tuple[list[RedFlagRow], list[RedFlagRow]]:
    """(signs to ask first, the others): first those for the chosen areas and for any area, in file order."""
    areas = areas_of(data, regions)
    if not areas:  # no known area: ask everything at once
        return list(data.red_flags.values()), []
    # A sign listing a chosen area first is about that area most ('chest' for chest pressure); on a tie the sign
    # of fewer areas is the more specific (a sudden headache before weakness anywhere for head and neck pain).
    near = sorted((f for f in data.red_flags.values() if areas & set(f.applies_to)),
                  key=lambda f: (min(f.applies_to.index(a) for a in areas & set(f.applies_to)), len(f.applies_to)))
    anywhere = [f for f in data.red_flags.values() if ANY in f.applies_to and f not in near]
    first = near + anywhere
    # signs that only follow a needling session go last: most people asking have not just been needled
    first = [f for f in first if f.id not in AFTER_NEEDLING_FLAGS] + [f for f in first if f.id in AFTER_NEEDLING_FLAGS]
    return first, [f for f in data.red_flags.values() if f not in first]
