"""Compare the referring muscles per region with an independent regional guide (data/regional_guide.csv)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from . import DATA_DIR
from .data import DataError, Dataset, read_rows
from .schema import Id, Row, Sources

GUIDE_FILE = "regional_guide.csv"
INDEXES = {
    "ts1999_pain_guide": "Simons, Travell & Simons 1999 (Vol 1, 2nd ed.): the regional pain guides that open each part",
    "ts1992_pain_guide": "Travell & Simons 1992 (Vol 2): the regional pain guides that open each part",
    "abbott_groin": "Abbott Center groin-pain trigger point review after Travell & Simons",
    "aberdeen_add_longus": "Aberdeen Chiropractic: adductor longus referral (proximal points to the front of the hip)",
    "triggerpoint_ca_hip": "triggerpoint.ca (Huhn): hip, buttock and groin trigger points after Travell & Simons",
    "nielasher": "Niel-Asher (NAT): serratus anterior referral into the armpit",
    "rask1993": "Rask 1993: omohyoid myofascial pain syndrome (case series)",
    "kim2009": "Kim et al. 2009: abductor pollicis brevis referral mapped with hypertonic saline",
}


class GuideRow(Row):
    """One muscle that a published regional index lists for one region."""

    region: Id
    muscle: Id
    index: str = Field(pattern="^(" + "|".join(INDEXES) + ")$")
    sources: Sources
    note: str = ""


@dataclass(frozen=True)
class RegionCheck:
    """Guide versus data for one region."""

    region: str
    guide: tuple[str, ...]
    ours: tuple[str, ...]
    explained: dict[str, str]

    @property
    def agreed(self) -> tuple[str, ...]:
        """Muscles listed by both."""
        return tuple(m for m in self.guide if m in self.ours)

    @property
    def missing(self) -> tuple[str, ...]:
        """Guide muscles the data does not refer to this region."""
        return tuple(m for m in self.guide if m not in self.ours)

    @property
    def extra(self) -> tuple[str, ...]:
        """Muscles in the data that the guide does not list here."""
        return tuple(m for m in self.ours if m not in self.guide)


def load_guide(dataset: Dataset, data_dir: Path = DATA_DIR) -> list[GuideRow]:
    """Read the regional guide; every region, muscle and source must exist in the dataset."""
    rows = read_rows(Path(data_dir) / GUIDE_FILE, GuideRow)
    checks = (("region", dataset.atlas.regions), ("muscle", dataset.muscles))
    for row_no, row in enumerate(rows, start=2):
        for column, allowed in checks:
            if getattr(row, column) not in allowed:
                raise DataError(f"{GUIDE_FILE} row {row_no}, column '{column}': unknown {column} "
                                f"'{getattr(row, column)}'")
        unknown = [s for s in row.sources if s not in dataset.sources]
        if unknown:
            raise DataError(f"{GUIDE_FILE} row {row_no}, column 'sources': unknown source '{unknown[0]}'")
    return rows


def referring(dataset: Dataset) -> dict[str, set[str]]:
    """Region id → muscles whose essential or spillover zone covers it."""
    out: dict[str, set[str]] = {r: set() for r in dataset.atlas.regions}
    for tp in dataset.trigger_points.values():
        for region in (*tp.essential, *tp.spillover):
            out[region].add(tp.muscle_id)
    return out


def compare(dataset: Dataset, guide: list[GuideRow]) -> list[RegionCheck]:
    """One check per region, in region order."""
    ours = referring(dataset)
    out = []
    for region in sorted(dataset.atlas.regions):
        rows = [g for g in guide if g.region == region]
        out.append(RegionCheck(region, tuple(dict.fromkeys(g.muscle for g in rows)),
                               tuple(sorted(ours[region])), {g.muscle: g.note for g in rows if g.note}))
    return out


def recall(checks: list[RegionCheck]) -> float:
    """Share of the guide's (region, muscle) pairs that the data also has."""
    total = sum(len(c.guide) for c in checks)
    return sum(len(c.agreed) for c in checks) / total if total else 1.0
