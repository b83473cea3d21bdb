"""Data files the operating system refuses, Excel's byte-order mark, and the echo helpers (tables)."""

import builtins
import re
from pathlib import Path

import pytest

from triggermap import ROOT_DIR
from triggermap.atlas import AtlasError, load_atlas
from triggermap.data import DataError, load_dataset
from triggermap.echo import inert, printable, project_path, unreadable
from triggermap.schema import FILES

BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize("name", sorted(FILES))
def test_excel_bom_is_tolerated(data_copy, atlas, name):
    path = data_copy / name
    path.write_bytes(BOM + path.read_bytes())
    data = load_dataset(data_copy, atlas=atlas)
    assert data.counts()["muscles"] >= 100


def test_excel_bom_in_regions_csv_is_tolerated(data_copy, atlas):
    path = data_copy / "regions.csv"
    path.write_bytes(BOM + path.read_bytes())
    assert load_atlas(regions_csv=path).regions.keys() == atlas.regions.keys()


def _deny(monkeypatch, target: Path) -> None:
    """Make opening one file fail as it does without read permission (tests run as root, so chmod cannot)."""
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if Path(file) == target:
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


OS_BREAKERS = {"missing": (Path.unlink, "file not found"), "folder": (_folder, "is a folder, not a file"),
               "denied": (None, r"cannot be read \(Permission denied\)")}


@pytest.mark.parametrize("name", ["muscles.csv", "conditions.csv", "needling_guide.csv"])
@pytest.mark.parametrize("how", sorted(OS_BREAKERS))
def test_unreadable_csv_is_a_data_error_with_a_relative_path(data_copy, atlas, monkeypatch, tmp_path, name, how):
    breaker, message = OS_BREAKERS[how]
    path = data_copy / name
    breaker(path) if breaker else _deny(monkeypatch, path)
    with pytest.raises(DataError, match=rf"^data/{re.escape(name)}: {message}$") as err:
        load_dataset(data_copy, atlas=atlas)
    assert str(tmp_path) not in str(err.value)


@pytest.mark.parametrize("how", sorted(OS_BREAKERS))
def test_unreadable_regions_csv_is_an_atlas_error(data_copy, monkeypatch, tmp_path, how):
    breaker, message = OS_BREAKERS[how]
    path = data_copy / "regions.csv"
    breaker(path) if breaker else _deny(monkeypatch, path)
    with pytest.raises(AtlasError, match=rf"^data/regions\.csv: {message}$") as err:
        load_atlas(regions_csv=path)
    assert str(tmp_path) not in str(err.value)


@pytest.mark.parametrize("how", ["missing", "folder"])
def test_unreadable_view_file_is_an_atlas_error(views_copy, tmp_path, how):
    breaker, message = OS_BREAKERS[how]
    breaker(views_copy / "foot.json")
    with pytest.raises(AtlasError, match=rf"^views/foot\.json: {message}$") as err:
        load_atlas(views_dir=views_copy)
    assert str(tmp_path) not in str(err.value)


@pytest.mark.parametrize("text,limit,expected", [
    ("outer elbow", 80, "outer elbow"), ("\x1b[31mred\x1b[0m", 80, "[31mred[0m"), ("a\x00b\x07c\x7f", 80, "abc"),
    ("\u202eevil\u200b", 80, "evil"), ("\x9b2J", 80, "2J"), ("\udce9t\u00e9", 80, "t\u00e9"),
    ("x" * 100, 10, "xxxxxxx..."),
    ("tab\tnew\nline", 80, "tabnewline"), ("\U000f0000private", 80, "private"), ("💥 knee", 80, "💥 knee"),
])
def test_printable(text, limit, expected):
    assert printable(text, limit) == expected


@pytest.mark.parametrize("value,expected", [
    ("www.evil.example", "`www.evil.example`"), (":rotating_light:", "`:rotating_light:`"),
    ("a`b`c", "`a'b'c`"), ("[x](https://e.vil)", "`[x](https://e.vil)`"), ("", "(empty)"), ("\x00\x1b", "(empty)"),
    ("y" * 60, f"`{'y' * 37}...`"),
])
def test_inert(value, expected):
    assert inert(value) == expected


@pytest.mark.parametrize("path,expected", [
    (ROOT_DIR / "data" / "muscles.csv", "data/muscles.csv"), (ROOT_DIR / "assets" / "views" / "foot.json",
                                                              "assets/views/foot.json"),
    (Path("/srv/secret/place/data/x.csv"), "data/x.csv"), (Path("/x.csv"), "x.csv"),
])
def test_project_path_is_never_absolute(path, expected):
    assert project_path(path) == expected


@pytest.mark.parametrize("exc,expected", [
    (FileNotFoundError(2, "No such file or directory", "/srv/a/data/m.csv"), "data/m.csv: file not found"),
    (IsADirectoryError(21, "Is a directory", "/srv/a/data/m.csv"), "data/m.csv: is a folder, not a file"),
    (PermissionError(13, "Permission denied", "/srv/a/data/m.csv"), "data/m.csv: cannot be read (Permission denied)"),
    (OSError("odd"), "data/m.csv: cannot be read (OSError)"),
])
def test_unreadable_message(exc, expected):
    assert unreadable(Path("/srv/a/data/m.csv"), exc) == expected
