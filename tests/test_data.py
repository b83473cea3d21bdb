"""The dataset: counts, documentation, and the loader on broken files."""

import csv
import re

import pytest

from tests.helpers import edit_cell
from triggermap import DATA_DIR
from triggermap.data import DataError, load_dataset
from triggermap.schema import FILES


def test_counts_meet_the_floor(data):
    counts = data.counts()
    assert counts["muscles"] >= 100
    assert counts["trigger_points"] >= 150
    assert counts["conditions"] >= 30
    assert counts["unsourced_rows"] == 0


def test_every_muscle_has_a_trigger_point(data):
    assert {tp.muscle_id for tp in data.trigger_points.values()} == set(data.muscles)


def test_not_for_dn_conditions_exist(data):
    not_for = [c for c in data.conditions.values() if c.category == "not_for_dn"]
    assert len(not_for) >= 4 and all(c.dn == "not_indicated" for c in not_for)


@pytest.mark.parametrize("name", sorted(FILES) + ["regions.csv", "regional_guide.csv"])
def test_every_column_is_documented(name):
    readme = (DATA_DIR / "README.md").read_text()
    section = readme.split(f"## {name}")[1].split("\n## ")[0]
    with open(DATA_DIR / name, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    documented = set(re.findall(r"`([a-z_]+)`", section))
    assert set(header) <= documented, set(header) - documented


@pytest.mark.parametrize("name,row,column,value,message", [
    ("muscles.csv", 3, "depth", "shallow", r"muscles\.csv row 5, column 'depth'.*'superficial'"),
    ("muscles.csv", 0, "roots", "C9", r"muscles\.csv row 2, column 'roots'.*C9"),
    ("muscles.csv", 1, "sources", "", r"muscles\.csv row 3, column 'sources'"),
    ("muscles.csv", 2, "sources", "nobody2020", r"muscles\.csv row 4, column 'sources': unknown source 'nobody2020'"),
    ("muscles.csv", 4, "id", "temporalis", r"muscles\.csv row 6, column 'id': duplicate id 'temporalis'"),
    ("trigger_points.csv", 0, "muscle_id", "heart", r"trigger_points\.csv row 2, column 'muscle_id': unknown muscle"),
    ("trigger_points.csv", 1, "essential", "temple;moon", r"row 3, column 'essential': unknown region 'moon'"),
    ("trigger_points.csv", 2, "x", "abc", r"trigger_points\.csv row 4, column 'x'"),
    ("trigger_points.csv", 2, "x", "99.5", r"row 4, columns 'x','y'.*outside the body"),
    ("trigger_points.csv", 0, "view", "side", r"row 2, column 'view'.*'anterior'"),
    ("trigger_points.csv", 1, "basis", "hearsay", r"trigger_points\.csv row 3, column 'basis'.*'manual'"),
    ("trigger_points.csv", 0, "location_region", "heel", r"row 2, column 'location_region': 'heel' is not drawn"),
    ("conditions.csv", 0, "dn", "maybe", r"conditions\.csv row 2, column 'dn'.*'indicated'"),
    ("conditions.csv", 0, "red_flags", "bad_flag", r"conditions\.csv row 2, column 'red_flags': unknown red flag"),
    ("dermatomes.csv", 3, "regions", "wing", r"dermatomes\.csv row 5, column 'regions': unknown region 'wing'"),
    ("key_roots.csv", 0, "muscle_id", "heart", r"key_roots\.csv row 2, column 'muscle_id': unknown muscle 'heart'"),
    ("key_roots.csv", 1, "root", "C9", r"key_roots\.csv row 3, column 'root'.*C9"),
    ("key_roots.csv", 1, "root", "CN XI", r"key_roots\.csv row 3, column 'root'.*one spinal root"),
    ("key_roots.csv", 0, "root", "L5", r"key_roots\.csv row 2, column 'root': L5 is not among the roots of "
                                       r"'biceps_brachii'"),
    ("key_roots.csv", 2, "sources", "", r"key_roots\.csv row 4, column 'sources'"),
    ("key_roots.csv", 2, "sources", "nobody2020", r"key_roots\.csv row 4, column 'sources': unknown source"),
    ("key_roots.csv", 1, "muscle_id", "biceps_brachii", r"key_roots\.csv row 3: 'biceps_brachii' is listed twice"),
])
def test_broken_cell_names_file_row_and_column(data_copy, atlas, name, row, column, value, message):
    edit_cell(data_copy / name, row, column, value)
    with pytest.raises(DataError, match=message):
        load_dataset(data_copy, atlas=atlas)


def test_missing_column(data_copy, atlas):
    text = (data_copy / "muscles.csv").read_text().replace("needling_risk", "risk", 1)
    (data_copy / "muscles.csv").write_text(text)
    with pytest.raises(DataError, match=r"muscles\.csv: missing column\(s\) needling_risk"):
        load_dataset(data_copy, atlas=atlas)


def test_missing_file(data_copy, atlas):
    (data_copy / "conditions.csv").unlink()
    with pytest.raises(DataError, match=r"conditions\.csv: file not found"):
        load_dataset(data_copy, atlas=atlas)


def test_wrong_encoding(data_copy, atlas):
    path = data_copy / "sources.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-8") + "x,caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"sources\.csv: not valid UTF-8"):
        load_dataset(data_copy, atlas=atlas)


def test_truncated_file(data_copy, atlas):
    path = data_copy / "trigger_points.csv"
    path.write_text(path.read_text()[:3000].rsplit(",", 3)[0] + "\n")
    with pytest.raises(DataError, match=r"trigger_points\.csv row \d+"):
        load_dataset(data_copy, atlas=atlas)
