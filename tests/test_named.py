"""Data values named in the code: every one is listed in triggermap/named.py and a rename fails at load time."""

import ast
import csv
import re
from pathlib import Path

import pytest

from tests.helpers import ROOT
from triggermap.data import DataError, load_dataset
from triggermap.named import NAMED, Named
from triggermap.vocab import Labelled

CODE = sorted([*(ROOT / "triggermap").glob("*.py"), *(ROOT / "app").rglob("*.py")])
EXEMPT = {"named.py", "vocab.py", "words.py"}  # the lists themselves; English words (calf, heel) in words.py


def _rename(data_dir: Path, item: Named, new: str) -> None:
    """Rename a value where the code expects it; an id is renamed in every file that refers to it too."""
    for path in data_dir.glob("*.csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            cols, rows = reader.fieldnames or [], list(reader)
        for row in rows:
            for col in cols:
                if path.name == item.file and col == item.column:
                    row[col] = ";".join(new if v.strip() == item.value else v for v in row[col].split(";"))
                elif item.column == "id":
                    row[col] = re.sub(rf"\b{re.escape(item.value)}\b", new, row[col] or "")
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols)
            writer.writeheader()
            writer.writerows(rows)


@pytest.mark.parametrize("item", NAMED, ids=lambda n: f"{n.file}:{n.value}")
def test_renaming_a_named_value_fails_at_load_time(data_copy, atlas, item):
    _rename(data_copy, item, "renamed_value")
    with pytest.raises(DataError, match=rf"{re.escape(item.file)}, column '{item.column}': no row has "
                                        rf"'{re.escape(item.value)}', which .* relies on"):
        load_dataset(data_copy, atlas=atlas)


def _data_ids(data) -> dict[str, str]:
    """Every id of a data row → the table it is from."""
    tables = {"muscle": data.muscles, "region": data.atlas.regions, "condition": data.conditions,
              "source": data.sources, "red flag": data.red_flags, "trigger point": data.trigger_points}
    return {rid: kind for kind, table in tables.items() for rid in table}


def test_the_code_names_no_data_id_outside_named(data):
    ids = _data_ids(data)
    words = {v for enum in Labelled.__subclasses__() for v in enum.values()}
    stray = [f"{path.relative_to(ROOT)}:{node.lineno} {ids[node.value]} '{node.value}'"
             for path in CODE if path.name not in EXEMPT
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ids
             and node.value not in words]
    # listed or not: named.py is the one place they are written, the code imports them from there
    assert not stray, "data ids written in the code; list them in triggermap/named.py: " + ", ".join(stray)

