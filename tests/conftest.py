"""Shared fixtures: the real atlas, dataset and ranker, loaded once."""

import csv
import shutil
from pathlib import Path

import pytest

from triggermap import ASSETS_DIR, DATA_DIR
from triggermap.atlas import load_atlas
from triggermap.data import load_dataset
from triggermap.lookup import Ranker

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def atlas():
    """The atlas as shipped."""
    return load_atlas()


@pytest.fixture(scope="session")
def data(atlas):
    """The dataset as shipped."""
    return load_dataset(atlas=atlas)


@pytest.fixture(scope="session")
def ranker(data):
    """Ranker over the shipped data."""
    return Ranker(data)


@pytest.fixture()
def data_copy(tmp_path):
    """A writable copy of data/ for breaking files."""
    dst = tmp_path / "data"
    shutil.copytree(DATA_DIR, dst, ignore=shutil.ignore_patterns("parts"))
    return dst


@pytest.fixture()
def views_copy(tmp_path):
    """A writable copy of assets/views/ for breaking geometry."""
    dst = tmp_path / "views"
    shutil.copytree(ASSETS_DIR / "views", dst)
    return dst


def edit_cell(path, row_index, column, value):
    """Rewrite one cell of a CSV file (row_index counts data rows from 0)."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols, rows = reader.fieldnames, list(reader)
    rows[row_index][column] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols)
        writer.writeheader()
        writer.writerows(rows)
