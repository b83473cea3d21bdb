"""The lock files (scripts/lock.sh) agree with the direct pins: a stale lock fails here, not in a deploy."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.helpers import ROOT

PAIRS = [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")]


def _name(text: str) -> str:
    """Normalised distribution name (PEP 503)."""
    return re.sub(r"[-_.]+", "-", text).lower()


def pins(path: Path) -> dict[str, str]:
    """name → version of every `name==version` line, following `-r other.txt`."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            out.update(pins(path.parent / line[3:].strip()))
        elif line:
            name, sep, version = line.partition("==")
            assert sep, f"{path.name}: '{line}' is not pinned with =="
            out[_name(name.split("[")[0])] = version.strip()
    return out


def locked(path: Path) -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes) of every entry of a lock file."""
    out: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", path.read_text(encoding="utf-8")):
        head = re.match(r"([A-Za-z0-9][A-Za-z0-9._\[\],-]*)==([^\s;\\]+)", block)
        if head:
            out[_name(head.group(1).split("[")[0])] = (head.group(2), block.count("--hash=sha256:"))
    return out


@pytest.mark.parametrize("direct,lock", PAIRS)
def test_every_pin_is_locked_at_the_same_version(direct, lock):
    entries = locked(ROOT / lock)
    stale = {name: (version, entries.get(name, ("missing", 0))[0])
             for name, version in pins(ROOT / direct).items() if entries.get(name, ("",))[0] != version}
    assert not stale, f"{lock} is stale (pin, locked): {stale}; run scripts/lock.sh"


@pytest.mark.parametrize("lock", [lock for _, lock in PAIRS])
def test_every_locked_package_has_hashes(lock):
    entries = locked(ROOT / lock)
    assert len(entries) > 20, f"{lock}: too few entries parsed ({len(entries)})"
    assert not [name for name, (_, hashes) in entries.items() if hashes == 0]


def test_app_and_dev_locks_agree():
    app, dev = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-dev.lock")
    differ = {n: (v, dev.get(n, ("missing",))[0]) for n, (v, _) in app.items() if dev.get(n, ("",))[0] != v}
    assert not differ, f"the tests would run other versions than the app: {differ}"


def test_package_dependencies_are_satisfied_by_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entries = locked(ROOT / "requirements.lock")
    for spec in map(Requirement, project["dependencies"]):
        version = entries[_name(spec.name)][0]
        assert spec.specifier.contains(Version(version)), f"pyproject wants {spec}, the lock has {version}"


@pytest.mark.parametrize("text,expected", [
    ("numpy==2.4.6 \\\n    --hash=sha256:ab\n    # via x\n", {"numpy": ("2.4.6", 1)}),
    ("Pillow==13.0.0 \\\n    --hash=sha256:ab \\\n    --hash=sha256:cd\n", {"pillow": ("13.0.0", 2)}),
    ("# header\nzope.interface==8.0 ; python_version >= '3.9' \\\n    --hash=sha256:ee\n",
     {"zope-interface": ("8.0", 1)}),
])
def test_lock_parser(tmp_path, text, expected):
    path = tmp_path / "x.lock"
    path.write_text(text)
    assert locked(path) == expected
