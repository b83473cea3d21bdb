"""Docs that cannot drift: generated README blocks are current, every module is placed, named paths exist."""

import re

import pytest

from scripts import readme
from tests.helpers import ROOT

DOCS = ["README.md", "data/README.md", "assets/README.md", "deploy/README.md"]
TOP = ("app", "assets", "benchmarks", "data", "deploy", "docs", "scripts", "tests", "triggermap")


def architecture() -> str:
    """The README's architecture block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"## Architecture\n+```\n(.*?)```", text, re.S).group(1)


def test_generated_blocks_are_current(data):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.stale(text, data) == [], "README.md is stale: run python -m scripts.readme"


def test_counts_block_shows_the_dataset_counts(data):
    block = readme.counts_block(data)
    counts = data.counts()
    for label, key in [("muscles", "muscles"), ("trigger points", "trigger_points"), ("conditions", "conditions"),
                       ("sources", "sources")]:
        assert f"| {label} | {counts[key]} |" in block


@pytest.mark.parametrize("text,error", [
    ("no markers at all", "no generated block for: cli, counts"),
    ("<!-- generated: cli (python -m scripts.readme) -->\nold\n<!-- end: cli -->\n", "no generated block for: counts"),
])
def test_render_names_missing_blocks(data, text, error):
    with pytest.raises(ValueError, match=error):
        readme.render(text, data)


def test_render_replaces_only_the_blocks_and_check_sees_staleness(data):
    old = ("intro\n<!-- generated: counts (python -m scripts.readme) -->\n| stale |\n<!-- end: counts -->\nmiddle\n"
           "<!-- generated: cli (python -m scripts.readme) -->\n<!-- end: cli -->\nend\n")
    assert readme.stale(old, data) == ["counts", "cli"]
    new = readme.render(old, data)
    assert new.startswith("intro\n") and "\nmiddle\n" in new and new.endswith("end\n")
    assert "| stale |" not in new and "$ triggermap --help" in new
    assert readme.stale(new, data) == [] and readme.render(new, data) == new


def test_cli_block_lists_every_subcommand(data):
    block = readme.cli_block(data)
    for command in ("regions", "pain", "condition", "segment", "info"):
        assert f"usage: triggermap {command} " in block


def _modules() -> list[str]:
    """Module files a newcomer must be able to place: the package, the UI and the tools."""
    paths = [*(ROOT / "triggermap").glob("*.py"), *(ROOT / "app").glob("*.py"), *(ROOT / "scripts").glob("*.py"),
             *(ROOT / "scripts").glob("*.sh"), *(ROOT / "benchmarks").glob("*.py")]
    return sorted(str(p.relative_to(ROOT)) for p in paths if p.name not in ("__init__.py", "__main__.py"))


@pytest.mark.parametrize("module", _modules())
def test_every_module_is_in_the_architecture_block(module):
    folder, name = module.rsplit("/", 1)
    # package modules by file name; scripts and benchmarks by the name `python -m` takes
    word = name if folder in ("triggermap", "app") or name.endswith(".sh") else name.removesuffix(".py")
    assert re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", architecture()), \
        f"{module} is missing from the README's architecture block"


def _named_paths() -> list[tuple[str, str]]:
    """(doc, path) for every `code span` in the docs that names a file or folder of the checkout."""
    out = []
    for doc in DOCS:
        for span in re.findall(r"`([^`\s]+)`", (ROOT / doc).read_text(encoding="utf-8")):
            path = span.rstrip(".,:;)")
            if "/" in path and path.split("/")[0] in TOP and not path.startswith(("http", "/")):
                out.append((doc, path))
    return sorted(set(out))


@pytest.mark.parametrize("doc,path", _named_paths())
def test_paths_named_in_the_docs_exist(doc, path):
    pattern = re.sub(r"<[^>]+>", "*", path.rstrip("/"))  # `muscles_<view>.py` stands for several files
    assert list(ROOT.glob(pattern)), f"{doc} names {path}, which does not exist"
