"""Pain regions → ranked muscles, and condition or spinal root → muscles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import numpy as np

from .data import Dataset
from .labels import places
from .named import PARASPINAL
from .vocab import BODY_SIDES, Side

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.4
COVERAGE_SHARE = 0.8  # the rest of the score rewards patterns that stay inside the selection
ROOT_ORDER = [f"C{i}" for i in range(1, 9)] + [f"T{i}" for i in range(1, 13)] + \
             [f"L{i}" for i in range(1, 6)] + ["S1", "S2", "S3", "S4", "S5"]


@dataclass(frozen=True)
class Match:
    """One ranked muscle with the reason it is listed; side is left, right, both or either (midline only)."""

    muscle_id: str
    side: str
    score: float
    essential: tuple[str, ...]
    spillover: tuple[str, ...]
    areas: int = 0  # areas the person named (an umbrella word's family counts as one)
    main_areas: int = 0  # of them, reached by the main (essential) zone
    any_areas: int = 0  # reached by either zone


class Ranker:
    """Holds the region × muscle weight matrix built once from the dataset."""

    def __init__(self, data: Dataset):
        """Precompute essential and spillover incidence matrices."""
        self.data = data
        self.region_ids = sorted(data.atlas.regions)
        self.muscle_ids = sorted(data.muscles)
        self._r = {r: i for i, r in enumerate(self.region_ids)}
        self._m = {m: i for i, m in enumerate(self.muscle_ids)}
        ess = np.zeros((len(self.region_ids), len(self.muscle_ids)), dtype=np.float32)
        spill = np.zeros_like(ess)
        for tp in data.trigger_points.values():
            m = self._m[tp.muscle_id]
            for r in tp.essential:
                ess[self._r[r], m] = 1.0
            for r in tp.spillover:
                spill[self._r[r], m] = 1.0
        spill[ess > 0] = 0.0
        self.essential, self.spillover = ess, spill
        self.weights = ESSENTIAL_WEIGHT * ess + SPILLOVER_WEIGHT * spill
        self.totals = self.weights.sum(axis=0)
        names = [data.muscles[m].name for m in self.muscle_ids]
        self.name_rank = np.argsort(np.argsort(names, kind="stable"), kind="stable")
        self.midline = np.array([data.atlas.regions[r].midline for r in self.region_ids])
        # Umbrella-word families, largest first: a selection holding a whole family is one area.
        # A family is keyed by its sided regions; its midline ones (the breastbone for "chest") join it when chosen.
        # The first word naming a family names its area ("knee", not "knees").
        families: dict[tuple[int, ...], tuple[str, frozenset[int]]] = {}
        for w in data.body_words:
            rows = [self._r[r] for r in w.regions]
            key = tuple(sorted(i for i in rows if not self.midline[i]))
            if len(key) > 1:
                families.setdefault(key, (w.word, frozenset(rows)))
        self.families = dict(sorted(families.items(), key=lambda f: (-len(f[0]), f[0])))  # largest first

    def _grouped(self, rows: set[int]) -> list[tuple[str | None, tuple[int, ...]]]:
        """(umbrella word or None, rows) per area the person meant: whole families first, then single regions."""
        left, out = set(rows), []
        for fam, (word, members) in self.families.items():
            if left.issuperset(fam):
                chosen = tuple(sorted(left & members))
                out.append((word, chosen))
                left -= set(chosen)
        return out + [(None, (i,)) for i in sorted(left)]

    def areas(self, rows: set[int]) -> list[tuple[int, ...]]:
        """Group selected region rows into the areas the person meant (what "N of your areas" counts)."""
        return [members for _, members in self._grouped(rows)]

    def named_areas(self, selection: Sequence[tuple[str, str]]) -> list[tuple[str | None, list[tuple[str, str]]]]:
        """The chosen places grouped into the areas the ranking counts: (umbrella word or None, places)."""
        known = [(r, s) for r, s in selection if r in self._r]
        out = [(word, [(r, s) for r, s in known if self._r[r] in members])
               for word, members in self._grouped({self._r[r] for r, _ in known})]
        order = {pair: i for i, pair in enumerate(known)}
        return sorted(out, key=lambda area: min(order[p] for p in area[1]))  # in the order they were chosen

    def rank(self, selection: Sequence[tuple[str, str]], top: int | None = None) -> list[Match]:
        """Rank muscles for selected (region, side) pairs; side is right, left or midline.

        A muscle that matches both sides the same way is listed once with side 'both', scored as for one side.
        """
        selection = [(r, s) for r, s in selection if r in self._r]
        if not selection:
            return []
        areas = self.areas({self._r[r] for r, _ in selection})
        sides = sorted({s for _, s in selection if s in BODY_SIDES}) or [Side.RIGHT.value]
        per_side = []
        for side in sides:
            q = np.zeros(len(self.region_ids), dtype=np.float32)
            for r, s in selection:
                if s in (side, Side.MIDLINE) or self.midline[self._r[r]]:
                    q[self._r[r]] = 1.0
            per_side.append(self._rank_side(q, side, areas, top))
        if len(sides) == 1 and all(s == Side.MIDLINE for _, s in selection):
            per_side = [[replace(m, side="either") for m in per_side[0]]]
        matches = _merge_sides(per_side)
        matches.sort(key=lambda m: (-m.score, self.data.muscles[m.muscle_id].name, m.side))
        return matches[:top] if top else matches

    def _rank_side(self, q: np.ndarray, side: str, areas: list[tuple[int, ...]], top: int | None) -> list[Match]:
        hit = q @ self.weights
        # Coverage counts areas, not regions: the best-covered region of a family stands for the family.
        cover = np.zeros_like(hit)
        main = np.zeros(hit.shape, dtype=np.int64)
        reach = np.zeros(hit.shape, dtype=np.int64)
        for area in areas:
            chosen = [i for i in area if q[i]]
            if chosen:
                best = self.weights[chosen].max(axis=0)
                cover += best
                main += self.essential[chosen].max(axis=0) > 0
                reach += best > 0
        coverage = cover / len(areas)
        precision = np.divide(hit, self.totals, out=np.zeros_like(hit), where=self.totals > 0)
        score = np.round(100 * (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * precision), 1)
        found = np.flatnonzero(hit > 0)
        order = found[np.lexsort((self.name_rank[found], -score[found]))][:top]
        rows = np.flatnonzero(q)  # only the selected regions can be part of a reason
        names = [self.region_ids[i] for i in rows]
        # Each muscle's reason is a subset of the few selected regions: encode it as a bitmask and
        # build each distinct tuple once, so long result lists cost one lookup per muscle.
        bits = (1 << np.arange(len(rows), dtype=np.int64))[:, None]
        ess = ((self.essential[rows][:, order] > 0) * bits).sum(axis=0).tolist()
        spill = ((self.spillover[rows][:, order] > 0) * bits).sum(axis=0).tolist()
        subsets = {mask: tuple(n for i, n in enumerate(names) if mask >> i & 1) for mask in set(ess) | set(spill)}
        scores = score[order].tolist()
        return [Match(self.muscle_ids[m], side, scores[k], subsets[ess[k]], subsets[spill[k]], len(areas),
                      int(main[m]), int(reach[m])) for k, m in enumerate(order.tolist())]

    def pattern(self, *muscle_ids: str) -> tuple[list[str], list[str]]:
        """Essential and spillover region ids of one or more muscles (spillover never repeats an essential one)."""
        cols = [self._m[m] for m in muscle_ids]
        ess = self.essential[:, cols].any(axis=1)
        spill = self.spillover[:, cols].any(axis=1) & ~ess
        return ([self.region_ids[i] for i in np.flatnonzero(ess)], [self.region_ids[i] for i in np.flatnonzero(spill)])

    @cached_property
    def roots(self) -> dict[str, list[str]]:
        """Spinal root → muscle ids that it supplies (from muscles.csv)."""
        out: dict[str, list[str]] = {}
        for m in self.data.muscles.values():
            for root in m.roots:
                out.setdefault(root, []).append(m.id)
        return out


def _merge_sides(per_side: list[list[Match]]) -> list[Match]:
    """One entry per muscle when left and right match alike (same score and zones), marked 'both'."""
    if len(per_side) == 1:
        return list(per_side[0])
    right = {m.muscle_id: m for m in per_side[1]}
    out = []
    for m in per_side[0]:
        twin = right.get(m.muscle_id)
        if twin and (twin.score, twin.essential, twin.spillover) == (m.score, m.essential, m.spillover):
            out.append(replace(m, side="both"))
            del right[m.muscle_id]
        else:
            out.append(m)
    return out + list(right.values())


def reason(match: Match, labels: dict[str, str], n_selected: int | None = None) -> str:
    """Explain a match in plain words."""
    parts = []
    if match.essential:
        parts.append("main pain zone covers " + places([labels[r] for r in match.essential]))
    if match.spillover:
        parts.append("spillover zone covers " + places([labels[r] for r in match.spillover]))
    covered, total = (match.any_areas, match.areas) if match.areas else \
        (len(match.essential) + len(match.spillover), n_selected or 1)
    text = "; ".join(parts)
    return f"{text} ({covered} of your {total} areas)" if total > 1 else text


def normalise_root(text: str) -> str | None:
    """Turn 'c6', ' C 6 ' or 'S1' into a canonical root name, or None."""
    m = re.fullmatch(r"\s*([CcTtLlSs])\s*(\d{1,2})\s*", str(text)[:10])
    if not m:
        return None
    root = f"{m.group(1).upper()}{int(m.group(2))}"
    return root if root in ROOT_ORDER else None


def _specificity(roots: tuple[str, ...], root: str) -> tuple[int, float]:
    """Sort key: muscles with fewer spinal roots, centred on this one, depend on it most."""
    spinal = [ROOT_ORDER.index(r) for r in roots if r in ROOT_ORDER]
    return len(spinal), abs(ROOT_ORDER.index(root) - (min(spinal) + max(spinal)) / 2)


def segment(ranker: Ranker, root: str) -> dict[str, Any]:
    """Key muscles (from key_roots.csv) first, then the other muscles of one root, plus paraspinal and dermatome."""
    data = ranker.data
    para = PARASPINAL[root[0]]
    paraspinal = [m for m in (para,) if m in data.muscles]
    key = [k.muscle_id for k in data.key_roots.get(root, ()) if k.muscle_id not in paraspinal]
    rest = [m for m in ranker.roots.get(root, []) if m not in key and m not in paraspinal]
    rest.sort(key=lambda m: (*_specificity(data.muscles[m].roots, root), data.muscles[m].name))
    derm = data.dermatomes.get(root)
    return {"root": root, "muscles": key + rest, "key": key, "contributing": rest,
            "paraspinal": paraspinal, "dermatome": list(derm.regions) if derm else [],
            "note": derm.note if derm else ""}
