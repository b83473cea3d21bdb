"""Words in sentences and the table labels vocab.py does not carry (depth, risk, DN/IMS verdicts)."""

from __future__ import annotations

from collections.abc import Sequence

from .vocab import Group

DEPTH_LABELS = {"superficial": "Superficial", "intermediate": "Intermediate", "deep": "Deep"}
RISK_LABELS = {"low": "Low", "moderate": "Moderate", "high": "High"}
NOT_ROUTINE = "Not a routine needling target."  # muscles tagged `specialist` in muscles.csv
# Words that keep their capital inside a sentence ("pain over the Achilles tendon").
PROPER_NOUNS = frozenset({"Achilles"})


def group_label(group: str) -> str:
    """Readable name of a body group; an unknown id is tidied rather than shown raw."""
    return Group.labels().get(group, group.replace("_", " ").capitalize())


def in_sentence(label: str) -> str:
    """A label as it reads mid-sentence: first letter lower-cased unless the first word is a proper noun."""
    first = label.split(" ", 1)[0]
    return label if not label or first in PROPER_NOUNS else label[0].lower() + label[1:]


def places(labels: list[str] | tuple[str, ...]) -> str:
    """Labels as a comma-separated phrase for a sentence ('outer elbow, Achilles tendon')."""
    return ", ".join(in_sentence(x) for x in labels)


def root_span(roots: Sequence[str], order: Sequence[str]) -> str:
    """Spinal roots in a short form: a run of neighbouring roots as a range ('T7–T12'), the rest listed."""
    index = {r: i for i, r in enumerate(order)}
    spinal = sorted({r for r in roots if r in index}, key=index.__getitem__)
    runs: list[list[str]] = []
    for r in spinal:
        if runs and index[r] == index[runs[-1][-1]] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    parts = [run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    return ", ".join([*(r for r in roots if r not in index), *parts])
