"""Data values the code names, in one place; load_dataset checks each exists, so a renamed row fails loudly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .vocab import Group

# Paraspinal level treated for a root, by spinal region (IMS treats the segment's multifidus).
PARASPINAL = {"C": "cervical_multifidus", "T": "thoracic_multifidus", "L": "lumbar_multifidus",
              "S": "lumbar_multifidus"}
CHOIR_SOURCE = "scherrer2021"  # the CHOIR Body Map export cites it
AFTERCARE_SOURCE = "seed_syncmove"  # the handout's fallback aftercare advice paraphrases it
FEVER_AFTER_NEEDLING, BREATHLESS_AFTER_NEEDLING = AFTER_NEEDLING_FLAGS = (
    "cd_rf_fever_unwell_after_needling", "cd_rf_breathless_after_needling")
LUNG_TAG = "lung"  # muscles.csv caution tag: needling near the lung, so breathlessness is a red flag
EVERY_AREA = "any"  # red_flags.csv applies_to: a flag for every body area
# red_flags.csv applies_to areas that concern each muscle group (the handout's red-flag box)
FLAG_AREAS: dict[Group, frozenset[str]] = {
    Group.HEAD_JAW: frozenset({"head"}), Group.NECK: frozenset({"neck"}), Group.SHOULDER: frozenset({"arm", "neck"}),
    Group.ARM: frozenset({"arm"}), Group.FOREARM_HAND: frozenset({"arm"}), Group.CHEST_ABDOMEN: frozenset({"chest"}),
    Group.SPINE: frozenset({"back"}), Group.PELVIS_HIP: frozenset({"back", "leg"}), Group.THIGH: frozenset({"leg"}),
    Group.LEG: frozenset({"leg"}), Group.FOOT: frozenset({"leg"})}
# needling_comparison.csv topics the handout prints: what a session is like, then aftercare
SESSION_TOPICS = ("Needle and how long it stays in", "What it feels like", "Soreness afterwards", "Safety")
FEEL_TOPIC = SESSION_TOPICS[1]
AFTERCARE_TOPIC, PLAN_TOPIC = "Aftercare", "Place in a treatment plan"
IMS_SOURCES = ("seed_ims_gunn", "seed_fortius", "cd_istop_ims")  # cited on the IMS segments page
DERMATOME_SOURCE = "lee2008"  # the dermatome map when a root has no row of its own
SPECIALIST = "specialist"  # caution tag of muscles that are not a routine needling target


@dataclass(frozen=True)
class Named:
    """One value the code relies on: the file and column it must appear in, and who relies on it."""

    file: str
    column: str
    value: str
    where: str


NAMED: tuple[Named, ...] = (
    *(Named("muscles.csv", "id", m, "lookup.segment (paraspinal level)") for m in dict.fromkeys(PARASPINAL.values())),
    Named("muscles.csv", "caution_tags", LUNG_TAG, "handout.py (breathlessness red flag)"),
    Named("muscles.csv", "caution_tags", SPECIALIST, "cards.py, handout.py (not a routine needling target)"),
    Named("sources.csv", "id", CHOIR_SOURCE, "export.py (CHOIR scheme)"),
    Named("sources.csv", "id", AFTERCARE_SOURCE, "handout.py (fallback aftercare)"),
    *(Named("sources.csv", "id", s, "app/pages/segments.py (IMS sources)") for s in IMS_SOURCES),
    Named("sources.csv", "id", DERMATOME_SOURCE, "app/pages/segments.py (dermatome source)"),
    *(Named("red_flags.csv", "id", f, "handout.py (after-needling red flags)") for f in AFTER_NEEDLING_FLAGS),
    Named("red_flags.csv", "applies_to", EVERY_AREA, "handout.py (red flags for every body area)"),
    *(Named("red_flags.csv", "applies_to", a, "handout.py (red flags of a muscle group)")
      for a in sorted(set().union(*FLAG_AREAS.values()))),
    *(Named("needling_comparison.csv", "topic", t, "handout.py (what to expect)") for t in SESSION_TOPICS),
    Named("needling_comparison.csv", "topic", AFTERCARE_TOPIC, "handout.py (aftercare section)"),
    Named("needling_comparison.csv", "topic", PLAN_TOPIC, "handout.py (aftercare section)"),
)


def _cells(rows: Iterable[Any], column: str) -> set[str]:
    """Every value of one column, list cells split into their items."""
    out: set[str] = set()
    for row in rows:
        value = getattr(row, column)
        out.update(value if isinstance(value, tuple) else (value,))
    return out


def missing(tables: Mapping[str, Iterable[Any]]) -> list[str]:
    """A message for each named value no row carries (tables: file name → validated rows)."""
    found: dict[tuple[str, str], set[str]] = {}
    problems = []
    for item in NAMED:
        key = (item.file, item.column)
        if key not in found:
            found[key] = _cells(tables[item.file], item.column)
        if item.value not in found[key]:
            problems.append(f"{item.file}, column '{item.column}': no row has '{item.value}', which {item.where} "
                            f"relies on; rename it in the code too (listed in triggermap/named.py)")
    return problems
