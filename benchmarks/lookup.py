"""Benchmark pain → muscle ranking on the real data and on synthetic data 100× larger; prints JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from triggermap.data import load_dataset
from triggermap.lookup import Ranker

ROOT = Path(__file__).resolve().parents[1]

def best_ms(fn, repeat=200) -> float:
    """Median wall time of fn in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return round(1000 * float(np.median(times)), 4)


def synthetic(ranker: Ranker, factor: int = 100) -> Ranker:
    """A ranker whose muscle axis is `factor` times larger, patterns shuffled from the real ones."""
    rng = np.random.default_rng(0)
    big = Ranker.__new__(Ranker)
    big.__dict__.update(ranker.__dict__)
    cols = rng.integers(0, len(ranker.muscle_ids), len(ranker.muscle_ids) * factor)
    big.essential = ranker.essential[:, cols]
    big.spillover = ranker.spillover[:, cols]
    big.name_rank = np.arange(len(cols))
    big.weights = big.essential + 0.4 * big.spillover
    big.totals = big.weights.sum(axis=0)
    big.muscle_ids = [ranker.muscle_ids[c] for c in cols]
    return big


def main():
    """Time 1- and 5-region rankings on real and 100× data."""
    t = time.perf_counter()
    data = load_dataset()
    load_ms = round(1000 * (time.perf_counter() - t), 1)
    ranker = Ranker(data)
    one = [("lateral_elbow", "right")]
    five = [(r, "right") for r in ("lateral_elbow", "dorsal_wrist", "temple", "heel", "low_back")]
    big = synthetic(ranker)
    result = {"muscles": len(ranker.muscle_ids), "regions": len(ranker.region_ids), "load_ms": load_ms,
              "rank_1_region_ms": best_ms(lambda: ranker.rank(one)),
              "rank_5_regions_ms": best_ms(lambda: ranker.rank(five)),
              "rank_5_regions_top12_ms": best_ms(lambda: ranker.rank(five, top=12)),
              "synthetic_muscles": len(big.muscle_ids),
              "rank_1_region_100x_ms": best_ms(lambda: big.rank(one), 30),
              "rank_5_regions_100x_ms": best_ms(lambda: big.rank(five), 30),
              "rank_5_regions_100x_top12_ms": best_ms(lambda: big.rank(five, top=12), 30)}
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
