"""Chairside handouts: what goes on the one-page PDF for a muscle or a condition, and its body picture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .answers import basis_note, merge_phrases
from .labels import NOT_ROUTINE, in_sentence, places
from .mapstate import muscle_elements
from .named import (
    AFTER_NEEDLING_FLAGS,
    AFTERCARE_SOURCE,
    AFTERCARE_TOPIC,
    BREATHLESS_AFTER_NEEDLING,
    EVERY_AREA,
    FEEL_TOPIC,
    FEVER_AFTER_NEEDLING,
    FLAG_AREAS,
    LUNG_TAG,
    PLAN_TOPIC,
    SESSION_TOPICS,
    SPECIALIST,
)
from .pdfpage import Doc, Item, Section, build_pdf
from .picture import pattern_picture, picture_views, to_png
from .vocab import HANDOUT_FOR, Audience, Group, Side

if TYPE_CHECKING:
    from .data import Dataset
    from .lookup import Ranker
    from .schema import ComparisonRow, MuscleRow

MAX_FLAGS = 6  # a muscle touches many conditions; more warnings than this crowd out the rest of the page
PICTURE_PX = (480, 640)  # 3:4 portrait fits the picture column
APPLIES = {"indicated": "often used", "adjunct": "sometimes used, alongside other care",
           "not_indicated": "not appropriate"}
SHARED_BY = 2  # a region counts for a condition when at least this many of its muscles send pain there
# Used only when needling_comparison.csv has no Aftercare row; paraphrases the seed clinic guide.
FALLBACK_AFTERCARE = ("Stay gently active, do the exercises you were shown, drink water and leave hard workouts "
                      "and very hot baths for a day. Some soreness is normal and fades within a few days.",
                      AFTERCARE_SOURCE)
NO_PICTURE = "the body drawing could not be made on this computer, so the pain areas are given in words only."


def muscle_handout(data: Dataset, ranker: Ranker, muscle_id: str, audience: str = Audience.PATIENT,
                   figure_png: bytes | None = None, today: date | None = None) -> bytes:
    """One-page A4 PDF about one muscle; figure_png from muscle_png(), None for a text-only sheet."""
    doc = _muscle_doc(data, ranker, muscle_id, audience)
    doc.outline = _outlined(data, ranker, [muscle_id])
    return build_pdf(_finish(data, doc, audience, figure_png, today, f"Shows: {data.muscles[muscle_id].name}"))


def condition_handout(data: Dataset, ranker: Ranker, condition_id: str, audience: str = Audience.PATIENT,
                      figure_png: bytes | None = None, today: date | None = None) -> bytes:
    """One-page A4 PDF about one condition; figure_png from condition_png(), None for a text-only sheet."""
    doc = _condition_doc(data, ranker, condition_id, audience)
    shown = condition_muscles(data, condition_id)
    caption = "Shows: " + ", ".join(data.muscles[m].name for m in shown) if shown else ""
    doc.outline = _outlined(data, ranker, shown)
    return build_pdf(_finish(data, doc, audience, figure_png if shown else None, today, caption, bool(shown)))


def _finish(data: Dataset, doc: Doc, audience: str, png: bytes | None, today: date | None, caption: str,
            wants_picture: bool = True) -> Doc:
    """Add subtitle, picture (or the unavailable note) and the citation texts."""
    day = today or date.today()
    doc.subtitle = (f"{HANDOUT_FOR.get(audience, HANDOUT_FOR[Audience.PATIENT])} \u00b7 {day.day} {day:%B %Y} "
                    "\u00b7 Trigger-point explorer")
    doc.cite = {sid: src.citation for sid, src in data.sources.items()}
    if png:
        doc.picture, doc.caption = png, caption
    elif wants_picture:
        doc.sections[0].items.insert(0, Item(NO_PICTURE, "Picture unavailable:", keep=3))
    return doc


def _outlined(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str]) -> str:
    """Legend text for the muscle shape, or '' when no view of the picture draws any of the muscles."""
    if not muscle_ids:
        return ""
    views = [data.atlas.views[v] for v in picture_views(data, ranker, muscle_ids)]
    drawn = any(muscle_elements(view, muscle_ids, Side.RIGHT) for view in views)
    return ("the muscle" if len(muscle_ids) == 1 else "the muscles") if drawn else ""


def pattern_png(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str]) -> bytes | None:
    """The picture of muscles' pattern on their best view, drawn from the map's SVG without a browser."""
    if not muscle_ids:
        return None
    svg = pattern_picture(data, ranker, list(muscle_ids), Side.RIGHT, aspect=PICTURE_PX[0] / PICTURE_PX[1])
    try:
        return to_png(svg, PICTURE_PX[0] * 2)
    except (ImportError, ValueError):  # no rasteriser installed, or it refused the drawing: text-only sheet
        return None


def condition_muscles(data: Dataset, condition_id: str, top: int = 3) -> list[str]:
    """The condition's most relevant muscles, the ones the handout picture shows."""
    return list(data.conditions[condition_id].muscles[:top])


def muscle_png(data: Dataset, ranker: Ranker, muscle_id: str) -> bytes | None:
    """Rendered pattern picture for a muscle handout, or None."""
    return pattern_png(data, ranker, [muscle_id])


def condition_png(data: Dataset, ranker: Ranker, condition_id: str) -> bytes | None:
    """Rendered pattern picture for a condition handout, or None."""
    return pattern_png(data, ranker, condition_muscles(data, condition_id))


def _places(data: Dataset, ids: Sequence[str]) -> str:
    """Region labels as a plain list, lower case except proper nouns ("Achilles tendon")."""
    return places([data.atlas.regions[r].label for r in ids])


def shared_zones(patterns: list[tuple[list[str], list[str]]]) -> tuple[list[str], list[str]]:
    """Where a condition's pain goes: main zones shared by SHARED_BY of its muscles, then spillover zones
    shared by SHARED_BY; a single muscle keeps its own pattern. A place only one muscle reaches (soleus's
    sacroiliac joint, gastrocnemius's back of the knee on a heel sheet) would mislead."""
    if len(patterns) == 1:
        return sorted(patterns[0][0]), sorted(set(patterns[0][1]) - set(patterns[0][0]))
    main = Counter(r for ess, _ in patterns for r in set(ess))
    spill = Counter(r for ess, sp in patterns for r in set(sp) - set(ess))
    ess = sorted(r for r, n in main.items() if n >= SHARED_BY)
    return ess, sorted(r for r, n in spill.items() if n >= SHARED_BY and r not in ess)


def _pattern_item(data: Dataset, ranker: Ranker, muscle_ids: Sequence[str],
                  pattern: tuple[list[str], list[str]] | None = None) -> Item:
    """Where the muscles refer pain, in region labels (pattern: zones already chosen, else the merged one)."""
    ess, spill = pattern or ranker.pattern(*muscle_ids)
    text = "Mainly " + _places(data, ess) + "."
    if spill:
        text += " Sometimes also " + _places(data, spill) + "."
    text += " Drawn on the right side; on the left it is the mirror image."
    refs = tuple(s for mid in muscle_ids for tp in data.points_of(mid) for s in tp.sources)
    return Item(text, "Where it can send pain:", refs, 3)


def _row(data: Dataset, topic: str) -> ComparisonRow | None:
    """The needling comparison row with this topic, or None."""
    return next((r for r in data.comparison if r.topic.lower() == topic.lower()), None)


NOT_ROUTINE_WHY = ("It is needled, if at all, only by specially trained clinicians, often with ultrasound guidance; "
               "ask about other treatments such as hands-on work and exercise.")


def _not_routine(caution: list[Item], refs: tuple[str, ...]) -> Section:
    """For a muscle that is not a routine needling target: say so instead of describing a session."""
    return Section("Needling this muscle", [Item(NOT_ROUTINE_WHY, NOT_ROUTINE, refs, 3), *caution])


def _expect(data: Dataset, ims: bool, caution: list[Item]) -> Section:
    """What a needling session is like, from the comparison table, plus muscle-specific cautions."""
    items = []
    for topic, lead, keep in zip(SESSION_TOPICS, ("The needle:", "How it feels:", "Afterwards:", "Safety:"),
                                 (1, 2, 2, 2), strict=True):
        row = _row(data, topic)
        if row:
            items.append(Item(row.dn, lead, row.sources, keep, bullet=True))
    feel = _row(data, FEEL_TOPIC)
    if ims and feel:
        items.append(Item(feel.ims, "If IMS (Gunn) is used:", feel.sources, 1, bullet=True))
    return Section("What to expect from dry needling", items + caution)


def _aftercare(data: Dataset) -> Section:
    """Aftercare from the comparison table, else the seed guide's general advice."""
    row = _row(data, AFTERCARE_TOPIC)
    items = [Item(row.dn, refs=row.sources, keep=3)] if row else \
        [Item(FALLBACK_AFTERCARE[0], refs=(FALLBACK_AFTERCARE[1],), keep=3)]
    plan = _row(data, PLAN_TOPIC)
    if plan:
        items.append(Item(plan.dn, refs=plan.sources, keep=1))
    return Section("Aftercare", items)


def _flags(data: Dataset, ids: Sequence[str]) -> Section:
    """The red-flag box."""
    items = [Item(f"{data.red_flags[f].text} \u2192 {data.red_flags[f].action}", refs=data.red_flags[f].sources,
                  keep=3, bullet=True) for f in dict.fromkeys(ids)]
    return Section("When to get medical help", items, warn=True)


def _muscle_flags(data: Dataset, muscle: MuscleRow) -> list[str]:
    """Up to MAX_FLAGS red flags: after-needling ones, then those its conditions list most, then its body area."""
    ids = [FEVER_AFTER_NEEDLING]
    if LUNG_TAG in muscle.caution_tags:
        ids.append(BREATHLESS_AFTER_NEEDLING)
    listed = [f for c in data.conditions_of(muscle.id) for f in c.red_flags]
    areas = FLAG_AREAS[Group(muscle.group)]
    order = sorted((f for f in data.red_flags.values() if f.id not in ids),
                   key=lambda f: (-listed.count(f.id), not areas & set(f.applies_to), EVERY_AREA not in f.applies_to))
    ids += [f.id for f in order if f.id in listed or areas & set(f.applies_to)]
    chosen = [f for f in ids if f in data.red_flags][:MAX_FLAGS]
    return [f for f in chosen if f not in AFTER_NEEDLING_FLAGS] + [f for f in chosen if f in AFTER_NEEDLING_FLAGS]


def _muscle_doc(data: Dataset, ranker: Ranker, muscle_id: str, audience: str) -> Doc:
    """Sections of a muscle handout."""
    m = data.muscles[muscle_id]
    points = data.points_of(muscle_id)
    tp_refs = tuple(s for tp in points for s in tp.sources)
    about = [Item(m.action, "What it does:", m.sources, 3), _pattern_item(data, ranker, [muscle_id])]
    about += [Item(t, refs=tp_refs, keep=2, bullet=True) for t in dict.fromkeys(tp.symptoms for tp in points)]
    if note := basis_note(data, muscle_id):  # a pattern no manual draws says where it comes from
        about.append(Item(note[0].upper() + note[1:] + ".", refs=tp_refs, keep=2))
    about.append(Item(merge_phrases(tp.aggravating for tp in points), "What tends to set it off:",
                      tp_refs, 2))
    if audience != Audience.PATIENT:
        about.append(Item(f"{m.nerve}; roots {', '.join(m.roots)}. {m.roots_note}".strip(), "Nerve supply:",
                          m.sources, 2 if audience == Audience.CLINICIAN else 1))
        if m.evidence_note:
            about.append(Item(m.evidence_note, "Evidence:", m.sources, 0))
    lead = "Extra care with this muscle:" if audience == Audience.PATIENT else f"Caution ({m.needling_risk} risk):"
    caution = [Item(m.needling_caution, lead, m.sources, 3, bullet=True)]
    ims = any(c.ims == "indicated" for c in data.conditions_of(muscle_id))
    needling = _not_routine(caution, m.sources) if SPECIALIST in m.caution_tags else _expect(data, ims, caution)
    sections = [Section(f"About the {in_sentence(m.name)}", about), needling, _aftercare(data),
                _flags(data, _muscle_flags(data, m))]
    return Doc(m.name, "", sections)


def _condition_doc(data: Dataset, ranker: Ranker, condition_id: str, audience: str) -> Doc:
    """Sections of a condition handout."""
    c = data.conditions[condition_id]
    about = [Item(c.summary, refs=c.sources, keep=3)]
    if c.synonyms:
        about.insert(0, Item(", ".join(c.synonyms), "Also called:", keep=1))
    if c.muscles:
        about.append(Item(", ".join(data.muscles[m].name for m in c.muscles) + ".", "Muscles that can be involved:",
                          c.sources, 3))
        zones = shared_zones([ranker.pattern(m) for m in c.muscles])
        if zones[0]:
            about.append(replace(_pattern_item(data, ranker, c.muscles, zones), lead="Where the pain often goes:"))
    roots = f" (roots {', '.join(c.ims_roots)})" if c.ims_roots else ""
    needling = [Item(c.dn_reason, f"Dry needling: {APPLIES[c.dn]}.", c.sources, 3, bullet=True),
                Item(c.ims_reason, f"IMS (Gunn): {APPLIES[c.ims]}{roots}.", c.sources, 3 if audience != Audience.PATIENT
                     else 2, bullet=True),
                Item(c.evidence_note.removeprefix("Evidence:").strip(), "Evidence:", c.sources, 2, bullet=True)]
    sections = [Section("What it is", about),
                Section("Is needling used for it?", needling)]
    flags = list(c.red_flags)
    if "indicated" in (c.dn, c.ims) or "adjunct" in (c.dn, c.ims):
        sections += [_expect(data, c.ims != "not_indicated", []), _aftercare(data)]
        flags.append(FEVER_AFTER_NEEDLING)
        if any(LUNG_TAG in data.muscles[m].caution_tags for m in c.muscles):
            flags.append(BREATHLESS_AFTER_NEEDLING)
    sections.append(_flags(data, [f for f in flags if f in data.red_flags]))
    return Doc(c.name, "", sections)
