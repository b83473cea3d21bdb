"""Load and validate every CSV in data/; the only place that reads them."""

from __future__ import annotations

import csv
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import ValidationError

from . import DATA_DIR
from .atlas import Atlas, load_atlas
from .echo import unreadable
from .named import missing as missing_named
from .schema import (
    FILES,
    AttachmentRow,
    BodyWordRow,
    ChoirRow,
    ComparisonRow,
    ConditionRow,
    DermatomeRow,
    KeyRootRow,
    MuscleRow,
    NeedlingGuideRow,
    PainWordRow,
    RedFlagRow,
    Row,
    Sourced,
    SourceRow,
    TriggerPointRow,
)
from .vocab import PatternBasis

if TYPE_CHECKING:
    from .language import Lexicon

R = TypeVar("R", bound=Row)


class DataError(ValueError):
    """A data file is broken; the message names the file, row, column and allowed values."""


@dataclass(frozen=True)
class Dataset:
    """Every validated table, keyed by id where rows have one."""

    atlas: Atlas
    sources: dict[str, SourceRow]
    muscles: dict[str, MuscleRow]
    trigger_points: dict[str, TriggerPointRow]
    conditions: dict[str, ConditionRow]
    red_flags: dict[str, RedFlagRow]
    dermatomes: dict[str, DermatomeRow]
    comparison: list[ComparisonRow]
    choir: dict[str, ChoirRow]
    guide: list[NeedlingGuideRow]
    key_roots: dict[str, tuple[KeyRootRow, ...]] = field(default_factory=dict)  # root -> key muscle rows, table order
    attachments: dict[str, AttachmentRow] = field(default_factory=dict)
    body_words: tuple[BodyWordRow, ...] = ()
    pain_words: tuple[PainWordRow, ...] = ()

    @cached_property
    def lexicon(self) -> Lexicon:
        """The pain-language lexicon built from the region names and the two word tables."""
        from .language import Lexicon  # language reads rows through this module
        return Lexicon(self.atlas.regions, self.body_words, self.pain_words)

    def points_of(self, muscle_id: str) -> list[TriggerPointRow]:
        """Trigger points of one muscle, in file order."""
        return [tp for tp in self.trigger_points.values() if tp.muscle_id == muscle_id]

    def point_views(self, *muscle_ids: str) -> list[str]:
        """The views drawing these muscles' trigger points, in file order."""
        return list(dict.fromkeys(tp.view for m in muscle_ids for tp in self.points_of(m)))

    def paper_basis(self, muscle_id: str) -> PatternBasis | None:
        """How a muscle's pattern was found when no manual draws it (None: the manuals do)."""
        bases = [tp.basis for tp in self.points_of(muscle_id)]
        return None if not bases or PatternBasis.MANUAL in bases else bases[0]

    def conditions_of(self, muscle_id: str) -> list[ConditionRow]:
        """Conditions that list a muscle."""
        return [c for c in self.conditions.values() if muscle_id in c.muscles]

    def counts(self) -> dict[str, int]:
        """Row counts for `info`, including rows that cite no source."""
        rows: list[Sourced] = [*self.muscles.values(), *self.trigger_points.values(), *self.conditions.values(),
                               *self.red_flags.values(), *self.dermatomes.values(), *self.comparison, *self.guide]
        unsourced = sum(not row.sources for row in rows)
        return {"muscles": len(self.muscles), "trigger_points": len(self.trigger_points),
                "conditions": len(self.conditions), "sources": len(self.sources),
                "unsourced_rows": unsourced, "muscles_drawn": len(self.drawn_muscles())}

    def drawn_muscles(self) -> set[str]:
        """Muscles of the data with a shape on at least one view."""
        return {m for v in self.atlas.views.values() for s in v.muscles for m in s.muscles} & set(self.muscles)


def read_rows(path: Path, model: type[R]) -> list[R]:
    """Read one CSV into validated row models; raise DataError on the first bad cell."""
    name = path.name
    try:
        # utf-8-sig: Excel starts a saved UTF-8 CSV with a byte-order mark that would glue onto the first column.
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in model.model_fields if c not in header]
            if missing:
                raise DataError(f"{name}: missing column(s) {', '.join(missing)}; "
                                f"expected columns: {', '.join(model.model_fields)}")
            rows = []
            for row_no, raw in enumerate(reader, start=2):
                if None in raw:
                    raise DataError(f"{name} row {row_no}: more cells than the header has columns")
                cells = {k: v for k, v in raw.items() if k in model.model_fields and v not in (None, "")}
                bad = next((k for k, v in cells.items() if "\x00" in v), None)
                if bad:
                    raise DataError(f"{name} row {row_no}, column '{bad}': contains a NUL byte")
                try:
                    rows.append(model.model_validate(cells))
                except ValidationError as exc:
                    err = exc.errors()[0]
                    col = err["loc"][0] if err["loc"] else "?"
                    value = raw.get(col, "")
                    raise DataError(f"{name} row {row_no}, column '{col}': {err['msg']} "
                                    f"(got '{value}')") from None
    except OSError as exc:  # missing, permission denied, a folder where the file should be, ...
        raise DataError(unreadable(path, exc)) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{name}: not valid UTF-8 text (byte {exc.start})") from None
    except csv.Error as exc:
        raise DataError(f"{name}: not a readable CSV ({exc})") from None
    except DataError:
        raise
    except ValueError as exc:  # e.g. NUL bytes where the csv module refuses them
        raise DataError(f"{name}: not a readable CSV ({exc})") from None
    if not rows:
        raise DataError(f"{name}: no data rows (only a header)")
    return rows


def _by_id(rows: Sequence[R], name: str, key: str = "id") -> dict[str, R]:
    """Index rows by id; raise DataError naming the row of a duplicate."""
    out: dict[str, R] = {}
    for row_no, row in enumerate(rows, start=2):
        value = getattr(row, key)
        value = value[0] if isinstance(value, tuple) else value
        if value in out:
            raise DataError(f"{name} row {row_no}, column '{key}': duplicate id '{value}'")
        out[value] = row
    return out


def _check_refs(name: str, rows: Sequence[Row], column: str, allowed: Collection[str], what: str) -> None:
    """Raise DataError if any value of a column is not among the allowed ids."""
    for row_no, row in enumerate(rows, start=2):
        values = getattr(row, column)
        for value in values if isinstance(values, tuple) else (values,):
            if value not in allowed:
                sample = ", ".join(sorted(allowed)[:12])
                raise DataError(f"{name} row {row_no}, column '{column}': unknown {what} '{value}' "
                                f"(allowed: {sample}, … see the {what} table)")


def _check_points(rows: Sequence[TriggerPointRow], atlas: Atlas) -> None:
    """Each trigger point lies inside its view's body, in the region it names."""
    for row_no, tp in enumerate(rows, start=2):
        view = atlas.views[tp.view]
        where = f"trigger_points.csv row {row_no}"
        if tp.location_region not in view.region_ids():
            raise DataError(f"{where}, column 'location_region': '{tp.location_region}' is not drawn "
                            f"on view '{tp.view}' (allowed: {', '.join(view.region_ids())})")
        hit = view.hit(tp.x, tp.y)
        if hit is None:
            raise DataError(f"{where}, columns 'x','y': ({tp.x}, {tp.y}) is outside the body on "
                            f"view '{tp.view}'")


def _key_roots(rows: list[KeyRootRow], muscles: dict[str, MuscleRow]) -> dict[str, tuple[KeyRootRow, ...]]:
    """Root -> key muscle rows; each pair must be new and among the muscle's roots in muscles.csv."""
    out: dict[str, tuple[KeyRootRow, ...]] = {}
    for row_no, row in enumerate(rows, start=2):
        where = f"key_roots.csv row {row_no}"
        if any(k.muscle_id == row.muscle_id for k in out.get(row.root, ())):
            raise DataError(f"{where}: '{row.muscle_id}' is listed twice for {row.root}")
        roots = muscles[row.muscle_id].roots
        if row.root not in roots:
            raise DataError(f"{where}, column 'root': {row.root} is not among the roots of "
                            f"'{row.muscle_id}' in muscles.csv ({';'.join(roots)})")
        out[row.root] = (*out.get(row.root, ()), row)
    return out


def _check_shapes(atlas: Atlas, muscles: dict[str, MuscleRow], attachments: dict[str, AttachmentRow]) -> None:
    """Every muscle shape names a known muscle, and every muscle has a shape and an attachment row."""
    known = set(muscles)
    for view in atlas.views.values():
        for shape in view.muscles:
            for m in shape.muscles:
                if m not in known:
                    raise DataError(f"assets/views/{view.id}.json, muscle shape '{shape.id}': unknown muscle "
                                    f"'{m}'; add it to muscles.csv or remove the shape from scripts/atlas_spec/")
    drawn = {m for v in atlas.views.values() for s in v.muscles for m in s.muscles}
    for what, have in (("a shape on any view (scripts/atlas_spec/muscles_*.py)", drawn),
                       ("a row in muscle_attachments.csv", set(attachments))):
        missing = sorted(set(muscles) - have)
        if missing:
            raise DataError(f"muscles.csv: {len(missing)} muscle(s) without {what}: {', '.join(missing[:8])}")


def _table(raw: Mapping[str, Sequence[Row]], name: str, model: type[R]) -> list[R]:
    """One file's rows as its own model (read_rows built them with FILES[name])."""
    return [row for row in raw[name] if isinstance(row, model)]


def load_dataset(data_dir: Path = DATA_DIR, atlas: Atlas | None = None) -> Dataset:
    """Load, validate and cross-check every data file."""
    data_dir = Path(data_dir)
    atlas = atlas or load_atlas(regions_csv=data_dir / "regions.csv")
    raw = {name: read_rows(data_dir / name, model) for name, model in FILES.items()}
    problems = missing_named(raw)  # a value the code names was renamed or removed in the data
    if problems:
        raise DataError(problems[0])
    sources = _by_id(_table(raw, "sources.csv", SourceRow), "sources.csv")
    muscles = _by_id(_table(raw, "muscles.csv", MuscleRow), "muscles.csv")
    points = _by_id(_table(raw, "trigger_points.csv", TriggerPointRow), "trigger_points.csv")
    conditions = _by_id(_table(raw, "conditions.csv", ConditionRow), "conditions.csv")
    flags = _by_id(_table(raw, "red_flags.csv", RedFlagRow), "red_flags.csv")
    dermatomes = _by_id(_table(raw, "dermatomes.csv", DermatomeRow), "dermatomes.csv", key="root")
    choir = _by_id(_table(raw, "choir_regions.csv", ChoirRow), "choir_regions.csv", key="code")
    attachments = _by_id(_table(raw, "muscle_attachments.csv", AttachmentRow), "muscle_attachments.csv",
                         key="muscle_id")
    regions = set(atlas.regions)
    for name in ("muscles.csv", "trigger_points.csv", "conditions.csv", "red_flags.csv",
                 "dermatomes.csv", "needling_comparison.csv", "needling_guide.csv", "key_roots.csv",
                 "muscle_attachments.csv"):
        _check_refs(name, raw[name], "sources", sources, "source")
    tps = _table(raw, "trigger_points.csv", TriggerPointRow)
    _check_refs("trigger_points.csv", tps, "muscle_id", muscles, "muscle")
    for col in ("location_region", "essential", "spillover"):
        _check_refs("trigger_points.csv", tps, col, regions, "region")
    _check_points(tps, atlas)
    _check_refs("conditions.csv", raw["conditions.csv"], "muscles", muscles, "muscle")
    _check_refs("conditions.csv", raw["conditions.csv"], "red_flags", flags, "red flag")
    _check_refs("dermatomes.csv", raw["dermatomes.csv"], "regions", regions, "region")
    _check_refs("key_roots.csv", raw["key_roots.csv"], "muscle_id", muscles, "muscle")
    _check_refs("muscle_attachments.csv", raw["muscle_attachments.csv"], "muscle_id",
                set(muscles), "muscle")
    _check_shapes(atlas, muscles, attachments)
    _check_words(_table(raw, "body_words.csv", BodyWordRow), _table(raw, "pain_words.csv", PainWordRow), regions,
                 conditions)
    data = Dataset(atlas, sources, muscles, points, conditions, flags, dermatomes,
                   _table(raw, "needling_comparison.csv", ComparisonRow), choir,
                   _table(raw, "needling_guide.csv", NeedlingGuideRow),
                   key_roots=_key_roots(_table(raw, "key_roots.csv", KeyRootRow), muscles), attachments=attachments,
                   body_words=tuple(_table(raw, "body_words.csv", BodyWordRow)),
                   pain_words=tuple(_table(raw, "pain_words.csv", PainWordRow)))
    data.lexicon  # noqa: B018 -- build now so a clash between words fails at load time, not in a page
    return data


def _check_words(body_words: Sequence[BodyWordRow], pain_words: Sequence[PainWordRow], regions: Collection[str],
                 conditions: Collection[str]) -> None:
    """Word tables name real regions and conditions; a pain word names a place or is a nerve symptom."""
    _by_id(body_words, "body_words.csv", key="word")
    _by_id(pain_words, "pain_words.csv", key="phrase")
    _check_refs("body_words.csv", body_words, "regions", regions, "region")
    _check_refs("pain_words.csv", pain_words, "regions", regions, "region")
    for row_no, word in enumerate(pain_words, start=2):
        if word.condition and word.condition not in conditions:
            raise DataError(f"pain_words.csv row {row_no}, column 'condition': unknown condition "
                            f"'{word.condition}' (see conditions.csv)")
        if not word.regions and word.nerve != "1":
            raise DataError(f"pain_words.csv row {row_no}, column 'regions': '{word.phrase}' names no region "
                            f"and is not a nerve symptom (nerve = 1)")
