"""Export a pain drawing (selected regions and sides) as CHOIR Body Map codes in CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from .named import CHOIR_SOURCE
from .vocab import BODY_SIDES

if TYPE_CHECKING:
    from .data import Dataset

SCHEME = "CHOIR Body Map (Scherrer et al. 2021)"
SCHEME_SOURCE = CHOIR_SOURCE
COLUMNS = ("region", "label", "side", "choir_codes", "choir_labels")


def selection_rows(data: Dataset, selection: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """One row per selected (region, side): label and the CHOIR codes on that side of the body.

    regions.csv lists each region's codes for both sides; a sided selection keeps only the codes
    of its side, while a midline region (or a midline selection) keeps both.
    """
    rows = []
    for region_id, side in dict.fromkeys((r, s) for r, s in selection):
        region = data.atlas.regions.get(region_id)
        if region is None:
            continue
        both = region.midline or side not in BODY_SIDES
        codes = [c for c in region.choir if both or _code_side(data, c) in (side, "")]
        rows.append({"region": region_id, "label": region.label, "side": side, "choir_codes": codes,
                     "choir_labels": [_code_label(data, c) for c in codes]})
    return rows


def _code_side(data: Dataset, code: str) -> str:
    """Side a CHOIR code covers, '' if unknown or unsided."""
    row = data.choir.get(code)
    return row.side if row else ""


def _code_label(data: Dataset, code: str) -> str:
    """'Cranium (front), right' for a code; the bare code if it is not in choir_regions.csv."""
    row = data.choir.get(code)
    if row is None:
        return code
    return f"{row.label}, {row.side}" if row.side else row.label


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV text with a header; code and label lists joined with ';' like the data files."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items() if k in COLUMNS})
    return out.getvalue()


def to_json(rows: list[dict[str, Any]], today: date | None = None) -> str:
    """JSON text: the rows plus the coding scheme, its source id and the date generated."""
    doc = {"scheme": SCHEME, "scheme_source": SCHEME_SOURCE, "generated": (today or date.today()).isoformat(),
           "sides": "the patient's own right and left", "regions": rows}
    return json.dumps(doc, ensure_ascii=False, indent=2)
