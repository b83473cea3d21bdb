"""Pain-drawing export: CHOIR codes per side, CSV and JSON that parse back."""

import csv
import io
import json
from datetime import date

from triggermap.export import SCHEME, selection_rows, to_csv, to_json


def test_sided_region_keeps_only_its_side_codes(data):
    (right,) = selection_rows(data, [("temple", "right")])
    assert right["region"] == "temple" and right["label"] == "Temple" and right["side"] == "right"
    assert right["choir_codes"] == ["101", "103"]
    assert all(data.choir[c].side == "right" for c in right["choir_codes"])
    (left,) = selection_rows(data, [("temple", "left")])
    assert left["choir_codes"] == ["102", "104"]
    assert left["choir_labels"][0] == f"{data.choir['102'].label}, left"


def test_midline_region_keeps_both_sides(data):
    (row,) = selection_rows(data, [("vertex", "midline")])
    assert row["choir_codes"] == ["101", "102", "201", "202"]
    midline = next(r for r in data.atlas.regions.values() if r.midline)
    (row,) = selection_rows(data, [(midline.id, "right")])
    assert row["choir_codes"] == list(midline.choir)


def test_every_sided_selection_has_codes_of_that_side_only(data):
    for region in data.atlas.regions.values():
        if region.midline:
            continue
        for side in ("right", "left"):
            (row,) = selection_rows(data, [(region.id, side)])
            assert row["choir_codes"], region.id
            assert {data.choir[c].side for c in row["choir_codes"]} == {side}


def test_unknown_and_duplicate_regions_are_dropped(data):
    rows = selection_rows(data, [("temple", "right"), ("moon", "left"), ("temple", "right")])
    assert [r["region"] for r in rows] == ["temple"]


def test_csv_parses_back(data):
    rows = selection_rows(data, [("temple", "right"), ("vertex", "midline")])
    back = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert [b["region"] for b in back] == ["temple", "vertex"]
    assert back[0]["choir_codes"].split(";") == ["101", "103"]
    assert back[1]["side"] == "midline" and back[1]["label"] == "Top of the head"
    assert to_csv([]).strip() == "region,label,side,choir_codes,choir_labels"


def test_json_parses_back_with_scheme_and_date(data):
    rows = selection_rows(data, [("lateral_elbow", "left")])
    doc = json.loads(to_json(rows, today=date(2025, 3, 4)))
    assert doc["scheme"] == SCHEME == "CHOIR Body Map (Scherrer et al. 2021)"
    assert doc["scheme_source"] in data.sources
    assert doc["generated"] == "2025-03-04"
    assert doc["regions"] == rows
    assert date.fromisoformat(json.loads(to_json(rows))["generated"]) == date.today()
