"""Score the pain-language reader on tests/data/language_eval.csv; prints JSON with --json.

Each sentence lists the places the person meant as `name:side` items separated by `;`: `name` is a
region id, `@word` an umbrella word of data/body_words.csv (its whole family) or a phrase of
data/pain_words.csv (its places); `side` is left, right, both, midline or default (no side in the
text: the default side fills in). Every sentence is read twice, with right and with left as the
default side, so a side that came from the default cannot pass for one read in the text.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

from triggermap.data import Dataset, load_dataset
from triggermap.words import phrase_key

ROOT = Path(__file__).resolve().parents[1]

EVAL_CSV = ROOT / "tests" / "data" / "language_eval.csv"


def load_eval(path: Path = EVAL_CSV) -> list[dict]:
    """Rows of the evaluation set: text, expected, kind."""
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _members(data: Dataset, name: str) -> tuple[str, ...]:
    """Regions of a region id, an @umbrella word or a pain-word phrase."""
    if name.startswith("@"):
        return next(w.regions for w in data.body_words if w.word == name[1:])
    if name in data.atlas.regions:
        return (name,)
    return next(w.regions for w in data.pain_words if phrase_key(w.phrase) == phrase_key(name))


def expected_places(data: Dataset, cell: str, default: str) -> set[tuple[str, str]]:
    """(region, side) pairs a sentence should give, following the rules in data/README.md."""
    out: set[tuple[str, str]] = set()
    midline = {r for r, x in data.atlas.regions.items() if x.midline}
    for item in filter(None, cell.split(";")):
        name, side = item.rsplit(":", 1)
        regions = _members(data, name)
        if side in ("left", "right") and any(r not in midline for r in regions):
            regions = tuple(r for r in regions if r not in midline)
        sides = {"both": ("left", "right"), "default": (default,)}.get(side, (side,))
        out |= {(r, "midline") if r in midline else (r, s) for r in regions for s in sides}
    return out


def evaluate(data: Dataset, rows: list[dict], rounds: int = 3) -> tuple[dict, list[dict]]:
    """Region precision and recall, side accuracy, false-positive rate and time per phrase; plus the misses."""
    lexicon = data.lexicon
    tp = fp = fn = sides_ok = sides_all = 0
    false_pos = none = 0
    misses = []
    for row in rows:
        runs = {d: set(lexicon.read(row["text"], default_side=d).selection) for d in ("right", "left")}
        wanted = {d: expected_places(data, row["expected"], d) for d in runs}
        got_r, want_r = {r for r, _ in runs["right"]}, {r for r, _ in wanted["right"]}
        tp, fp, fn = tp + len(got_r & want_r), fp + len(got_r - want_r), fn + len(want_r - got_r)
        bad_side = [r for r in got_r & want_r for d in runs
                    if {s for x, s in runs[d] if x == r} != {s for x, s in wanted[d] if x == r}]
        sides_all += len(got_r & want_r)
        sides_ok += len(got_r & want_r) - len(set(bad_side))
        if row["kind"] == "none":
            none += 1
            false_pos += bool(got_r)
        if got_r != want_r or bad_side:
            misses.append({"text": row["text"], "extra": sorted(got_r - want_r), "missing": sorted(want_r - got_r),
                           "wrong_side": sorted(set(bad_side))})
    times = []
    for _ in range(rounds):
        for row in rows:
            start = time.perf_counter()
            lexicon.read(row["text"])
            times.append(time.perf_counter() - start)
    result = {"sentences": len(rows), "no_body_sentences": none,
              "region_precision": round(tp / max(tp + fp, 1), 4), "region_recall": round(tp / max(tp + fn, 1), 4),
              "side_accuracy": round(sides_ok / max(sides_all, 1), 4),
              "false_positive_rate": round(false_pos / max(none, 1), 4),
              "ms_per_phrase_p50": round(1000 * float(np.median(times)), 3),
              "ms_per_phrase_p95": round(1000 * float(np.percentile(times, 95)), 3)}
    return result, misses


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; print JSON (--json) or a summary with the misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    data = load_dataset()
    data.lexicon.read("warm up: left knee, sholder")  # first read loads the English word list
    result, misses = evaluate(data, load_eval())
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        lines = [f"{k}: {v}" for k, v in result.items()] + [f"miss: {m}" for m in misses]
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
