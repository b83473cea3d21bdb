"""Shared fixtures: the real atlas, dataset and ranker, loaded once."""

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
