"""Regenerate the README's generated blocks (data counts, CLI help) from the data and the CLI itself.

Run: python -m scripts.readme          rewrite README.md
     python -m scripts.readme --check  exit 1 and name the stale blocks (the tests run this check)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from triggermap.cli import build_parser
from triggermap.data import Dataset, load_dataset

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z_]+) \(python -m scripts\.readme\) -->\n)(?P<body>.*?)"
                   r"(<!-- end: (?P=name) -->)", re.S)
HELP_WIDTH = "100"  # argparse wraps help to the terminal: fix the width so the text is the same everywhere


def counts_block(data: Dataset) -> str:
    """A table of what the data hold."""
    counts = data.counts()
    row = {"views": len(data.atlas.views), "pain regions": len(data.atlas.regions), "muscles": counts["muscles"],
           "muscles drawn": counts["muscles_drawn"],
           "trigger points": counts["trigger_points"], "conditions": counts["conditions"],
           "red flags": len(data.red_flags), "dermatomes": len(data.dermatomes),
           "needling guide rows": len(data.guide), "comparison topics": len(data.comparison),
           "sources": counts["sources"], "rows without a source": counts["unsourced_rows"]}
    return "| what | count |\n|---|---:|\n" + "".join(f"| {k} | {v} |\n" for k, v in row.items())


def _help(argv: list[str]) -> str:
    """What `triggermap ARGV` prints (help exits)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        build_parser().parse_args(argv)
    return out.getvalue()


def cli_block(data: Dataset) -> str:
    """`triggermap --help` and the usage line of every subcommand, as a console block."""
    os.environ["COLUMNS"] = HELP_WIDTH
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    usage = [_help([name, "--help"]).split("\n\n")[0].replace("\n ", " ") for name in commands]
    usage = [re.sub(r"\s+", " ", u).strip() for u in usage]
    return "```text\n$ triggermap --help\n" + _help(["--help"]) + "\n" + "\n".join(usage) + "\n```\n"


BLOCKS: dict[str, Callable[[Dataset], str]] = {"counts": counts_block, "cli": cli_block}


def render(text: str, data: Dataset) -> str:
    """The README text with every generated block rebuilt; raise ValueError if a block marker is missing."""
    found = {m.group("name") for m in BLOCK.finditer(text)}
    missing = sorted(set(BLOCKS) - found)
    if missing:
        raise ValueError(f"README.md has no generated block for: {', '.join(missing)}")
    return BLOCK.sub(lambda m: m.group(1) + BLOCKS[m.group("name")](data) + m.group(4), text)


def stale(text: str, data: Dataset) -> list[str]:
    """Names of the blocks whose text differs from what the generator writes."""
    new = {m.group("name"): m.group("body") for m in BLOCK.finditer(render(text, data))}
    return [m.group("name") for m in BLOCK.finditer(text) if new[m.group("name")] != m.group("body")]


def main(argv: list[str] | None = None) -> int:
    """Rewrite README.md, or with --check report the stale blocks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if a block is stale")
    args = parser.parse_args(argv)
    data, text = load_dataset(), README.read_text(encoding="utf-8")
    if args.check:
        names = stale(text, data)
        if names:
            sys.stderr.write(f"README.md is stale in: {', '.join(names)}; run python -m scripts.readme\n")
        return 1 if names else 0
    README.write_text(render(text, data), encoding="utf-8")
    sys.stdout.write("wrote README.md\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
