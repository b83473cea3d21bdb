"""The regional cross-check: guide loading, comparison, and the committed report kept current."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from triggermap import DATA_DIR
from triggermap.crosscheck import compare, load_guide, recall
from triggermap.data import DataError, Dataset

ROOT = Path(__file__).resolve().parents[1]


def _script():
    """The report script (python -m scripts.cross_check)."""
    return importlib.import_module("scripts.cross_check")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The real dataset, loaded once."""
    from triggermap.data import load_dataset
    return load_dataset()


def test_committed_report_is_current(dataset: Dataset) -> None:
    """Regenerating docs/cross_check.md gives the committed file."""
    text = _script().render(dataset, compare(dataset, load_guide(dataset)))
    assert text == (ROOT / "docs" / "cross_check.md").read_text(encoding="utf-8")


def test_committed_pain_guide_is_current(dataset: Dataset) -> None:
    """Regenerating docs/pain_guide.md gives the committed file (it drifted once, unnoticed)."""
    from triggermap.lookup import Ranker

    pain_guide = importlib.import_module("scripts.pain_guide")
    assert pain_guide.guide(dataset, Ranker(dataset)) == pain_guide.GUIDE.read_text(encoding="utf-8"), \
        "run python -m scripts.pain_guide"


def test_overall_recall_at_least_090(dataset: Dataset) -> None:
    """The data lists at least 90% of the guide's muscles per region."""
    assert recall(compare(dataset, load_guide(dataset))) >= 0.9


def test_every_disagreement_is_explained(dataset: Dataset) -> None:
    """Each guide muscle missing from the data carries a note saying why."""
    unexplained = [(c.region, m) for c in compare(dataset, load_guide(dataset))
                   for m in c.missing if m not in c.explained]
    assert unexplained == []


@pytest.mark.parametrize(("region", "muscle"), [
    ("posterior_elbow", "triceps_brachii"), ("sternum", "pectoralis_major"),
    ("anterior_hip", "tensor_fasciae_latae"), ("axilla", "serratus_anterior"),
    ("supraclavicular", "omohyoid"), ("lesser_toes", "extensor_digitorum_longus"),
])
def test_guide_pairs_present_in_data(dataset: Dataset, region: str, muscle: str) -> None:
    """Key regional listings from the issue are matched."""
    check = next(c for c in compare(dataset, load_guide(dataset)) if c.region == region)
    assert muscle in check.guide and muscle in check.agreed


@pytest.mark.parametrize(("column", "bad", "message"), [
    ("region", "nowhere", "unknown region 'nowhere'"),
    ("muscle", "no_such_muscle", "unknown muscle 'no_such_muscle'"),
    ("sources", "no_such_source", "unknown source 'no_such_source'"),
    ("index", "my_guess", "column 'index'"),
])
def test_bad_guide_rows_are_refused(dataset: Dataset, tmp_path: Path, column: str, bad: str, message: str) -> None:
    """A broken guide row names the file, row and column."""
    shutil.copy(DATA_DIR / "regional_guide.csv", tmp_path / "regional_guide.csv")
    path = tmp_path / "regional_guide.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index(column)] = bad
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"regional_guide.csv row 2.*{message}"):
        load_guide(dataset, tmp_path)
