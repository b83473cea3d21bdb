"""Row models for every CSV in data/: one pydantic model per file, columns in order."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .vocab import Group, GuideAudience, GuideSection, PatternBasis, ViewId

ROOT_PATTERN = re.compile(r"^(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5]|Co1|CN [IVX]+)$")
ID_PATTERN = r"^[a-z0-9_]+$"


def _split(value: Any) -> tuple[str, ...]:
    """Split a ;-separated cell into a tuple of trimmed items."""
    if value is None or (isinstance(value, float) and value != value):
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return tuple(v.strip() for v in str(value).split(";") if v.strip())


def _roots(value: Any) -> tuple[str, ...]:
    """Split and check spinal (C5) or cranial (CN V) root names."""
    items = _split(value)
    for item in items:
        if not ROOT_PATTERN.match(item):
            raise ValueError(f"'{item}' is not a root like C5, T12, L4, S1 or CN V")
    return items


List = Annotated[tuple[str, ...], BeforeValidator(_split)]
Roots = Annotated[tuple[str, ...], BeforeValidator(_roots)]
Text = Annotated[str, Field(min_length=1)]
Sources = Annotated[tuple[str, ...], BeforeValidator(_split), Field(min_length=1)]
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Applicability = Literal["indicated", "adjunct", "not_indicated"]


class Sourced(Protocol):
    """A row that cites sources."""

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources the row cites."""


class Row(BaseModel):
    """Base: strip whitespace, treat empty cells as empty strings, forbid nothing extra."""

    model_config = ConfigDict(str_strip_whitespace=True, frozen=True)


class SourceRow(Row):
    """A citable source."""

    id: Id
    citation: Text
    url: Annotated[str, Field(pattern=r"^(https?://\S+)?$")] = ""
    kind: Literal["book", "paper", "web", "seed"]
    note: str = ""


class MuscleRow(Row):
    """A muscle with its nerve supply and needling safety notes."""

    id: Id
    name: Text
    synonyms: List = ()
    group: Group
    depth: Literal["superficial", "intermediate", "deep"]
    action: Text
    nerve: Text
    roots: Roots
    roots_note: str = ""
    needling_caution: Text
    caution_tags: List = ()
    needling_risk: Literal["low", "moderate", "high"]
    evidence_note: str = ""
    sources: Sources


class TriggerPointRow(Row):
    """A trigger point placed on a view, with its referral zones."""

    id: Id
    muscle_id: Id
    label: Text
    view: ViewId
    location_region: Id
    x: float
    y: float
    essential: Annotated[tuple[str, ...], BeforeValidator(_split), Field(min_length=1)]
    spillover: List = ()
    symptoms: Text
    aggravating: Text
    basis: PatternBasis
    sources: Sources


class ConditionRow(Row):
    """A condition with the muscles involved and whether DN or IMS applies."""

    id: Id
    name: Text
    synonyms: List = ()
    category: Text
    summary: Text
    muscles: List = ()
    dn: Applicability
    dn_reason: Text
    ims: Applicability
    ims_roots: Roots = ()
    ims_reason: Text
    red_flags: List = ()
    evidence_note: Text
    sources: Sources


class RedFlagRow(Row):
    """A symptom that needs a doctor, not needles."""

    id: Id
    text: Text
    action: Text
    applies_to: List = ()
    sources: Sources


class DermatomeRow(Row):
    """The skin regions one spinal root supplies."""

    root: Roots
    regions: List = ()
    note: str = ""
    sources: Sources


class ComparisonRow(Row):
    """One topic compared across dry needling, IMS and acupuncture."""

    topic: Text
    dn: Text
    ims: Text
    acupuncture: Text
    sources: Sources


GUIDE_SECTIONS = GuideSection.values()


class NeedlingGuideRow(Row):
    """One practical or safety statement about needling, grouped by section."""

    section: GuideSection
    topic: Text
    text: Text
    audience: GuideAudience
    sources: Sources


def _spinal_root(value: Any) -> str:
    """Check one spinal root name (C5, L4, S1); cranial nerves have no myotome here."""
    items = _roots(value)
    if len(items) != 1 or items[0].startswith("CN"):
        raise ValueError(f"'{value}' is not one spinal root like C5, T1, L4 or S1")
    return items[0]


class KeyRootRow(Row):
    """A muscle that a standard root table tests for one spinal root (its key muscle)."""

    root: Annotated[str, BeforeValidator(_spinal_root)]
    muscle_id: Id
    test: Text
    sources: Sources


class ChoirRow(Row):
    """One region of the CHOIR Body Map."""

    code: Annotated[str, Field(pattern=r"^[12]\d\d$")]
    label: Text
    side: str = ""
    source_note: str = ""


class AttachmentRow(Row):
    """Origin and insertion a muscle's shape was drawn from."""

    muscle_id: Id
    origin: Text
    insertion: Text
    sources: Sources


class BodyWordRow(Row):
    """An umbrella word ('knee') and the regions of its family."""

    word: Text
    regions: Annotated[tuple[str, ...], BeforeValidator(_split), Field(min_length=1)]
    note: str = ""


class PainWordRow(Row):
    """A symptom or condition word, the places it names, its condition and whether it is a nerve symptom."""

    phrase: Text
    regions: List = ()
    condition: Annotated[str, Field(pattern=r"^([a-z0-9_]+)?$")] = ""
    nerve: Literal["0", "1"] = "0"
    note: str = ""


FILES: dict[str, type[Row]] = {
    "sources.csv": SourceRow,
    "muscles.csv": MuscleRow,
    "trigger_points.csv": TriggerPointRow,
    "conditions.csv": ConditionRow,
    "red_flags.csv": RedFlagRow,
    "dermatomes.csv": DermatomeRow,
    "needling_comparison.csv": ComparisonRow,
    "needling_guide.csv": NeedlingGuideRow,
    "choir_regions.csv": ChoirRow,
    "key_roots.csv": KeyRootRow,
    "muscle_attachments.csv": AttachmentRow,
    "body_words.csv": BodyWordRow,
    "pain_words.csv": PainWordRow,
}
