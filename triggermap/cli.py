"""Command line: `triggermap regions|pain|condition|segment|info …` (also `python -m triggermap`)."""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from typing import Any, NoReturn

from .answers import band, basis_note, conditions_for, next_steps
from .atlas import AtlasError
from .data import DataError, Dataset, load_dataset
from .echo import printable
from .language import MAX_TEXT, LexiconError
from .lookup import ROOT_ORDER, Ranker, normalise_root, segment
from .textmatch import Matcher
from .vocab import PatternBasis, Side, ViewId

MAX_TOP = 200


class UsageError(Exception):
    """Unknown input: exit 2 with suggestions."""


def _emit(payload: dict[str, Any], as_json: bool, lines: list[str]) -> None:
    # JSON stays valid on any terminal: \u escapes where the terminal's encoding lacks a character.
    ascii_only = not codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name.startswith("utf")
    sys.stdout.write((json.dumps(payload, ensure_ascii=ascii_only) if as_json else "\n".join(lines)) + "\n")


def _read(data: Dataset, args: argparse.Namespace) -> dict[str, Any]:
    """Read the text's places (sides from the text, --side only as the default); exit 2 if it names none."""
    reading = data.lexicon.read(args.text, default_side=args.side or Side.RIGHT)
    if not reading.found:
        hint = f"; words not understood: {printable(', '.join(reading.unmatched[:5]), 80)}" if reading.unmatched else ""
        raise UsageError(f"no body part found in '{printable(args.text, 80)}'{hint}. Try everyday words such as "
                         f"'outer elbow', 'left heel' or 'lower back'")
    regions = [{"id": p.region, "label": data.atlas.regions[p.region].label, "side": p.side,
                "matched": p.matched} for p in reading.places]
    # Echoes of the typed text lose control characters (a terminal would act on them).
    return {"query": printable(reading.text, MAX_TEXT), "too_long": reading.too_long, "regions": regions,
            "nerve_symptoms": list(reading.nerve_symptoms), "conditions": list(reading.conditions),
            "unmatched": [printable(w, 40) for w in reading.unmatched], "reading": reading}


def _region_lines(payload: dict[str, Any]) -> list[str]:
    lines = [f"{r['label']:<34} {r['side']:<8} {r['id']:<20} ({printable(r['matched'])})" for r in payload["regions"]]
    if payload["too_long"]:
        lines.insert(0, f"note: only the first {MAX_TEXT} characters were read")
    if payload["nerve_symptoms"]:
        lines.append(f"nerve symptoms: {', '.join(payload['nerve_symptoms'])} (not explained by a referral map)")
    return lines


def cmd_regions(args: argparse.Namespace) -> None:
    """Places named in free text, each with its side and the words that matched."""
    payload = _read(load_dataset(), args)
    del payload["reading"]
    _emit(payload, args.json, _region_lines(payload))


def cmd_info(args: argparse.Namespace) -> None:
    """Counts of what the dataset holds."""
    data = load_dataset()
    payload = {"views": list(ViewId.values()), "regions": len(data.atlas.regions), **data.counts()}
    _emit(payload, args.json, [f"{k}: {v}" for k, v in payload.items()])


def cmd_pain(args: argparse.Namespace) -> None:
    """Muscles whose referral patterns explain pain in the named places."""
    data = load_dataset()
    payload = _read(data, args)
    reading = payload.pop("reading")
    ranked = Ranker(data).rank(reading.selection, top=args.top)
    payload["muscles"] = [{"id": m.muscle_id, "name": data.muscles[m.muscle_id].name, "side": m.side,
                           "score": m.score, "band": band(m), "essential": list(m.essential),
                           "spillover": list(m.spillover),
                           "basis": data.paper_basis(m.muscle_id) or PatternBasis.MANUAL} for m in ranked]
    payload["conditions"] = [{"id": c, "name": data.conditions[c].name}
                             for c in conditions_for(data, reading.selection, reading.conditions, ranked)]
    payload["next_steps"] = next_steps(reading.nerve_symptoms)
    lines = _region_lines(payload) + [""] + [f"{m['score']:5.1f}  {m['name']} ({m['side']}): {m['band']}"
                                            + (f" ({note})" if (note := basis_note(data, m["id"])) else "")
                                            for m in payload["muscles"]]
    lines += [f"condition: {c['name']}" for c in payload["conditions"]]
    _emit(payload, args.json, lines)


def cmd_condition(args: argparse.Namespace) -> None:
    """Muscles and DN/IMS applicability for a condition."""
    data = load_dataset()
    matcher = Matcher({c.id: [c.name, c.id.replace("_", " "), *c.synonyms] for c in data.conditions.values()})
    hits = matcher.rank(args.text, limit=3)
    if not hits:
        near = matcher.rank(args.text, limit=3, cutoff=40)
        raise UsageError(f"no condition matches '{printable(args.text, 80)}'"
                         + (f"; nearest: {', '.join(data.conditions[c].name for c, _ in near)}" if near else ""))
    c = data.conditions[hits[0][0]]
    muscles = [{"id": m, "name": data.muscles[m].name} for m in c.muscles]
    payload = {"condition": {"id": c.id, "name": c.name}, "muscles": muscles,
               "dn": {"applies": c.dn, "reason": c.dn_reason},
               "ims": {"applies": c.ims, "roots": list(c.ims_roots), "reason": c.ims_reason},
               "red_flags": [data.red_flags[f].text for f in c.red_flags]}
    _emit(payload, args.json, [c.name, f"DN: {c.dn}", f"IMS: {c.ims}",
                               *[f"  {m['name']}" for m in muscles]])


def cmd_segment(args: argparse.Namespace) -> None:
    """Muscles, paraspinal level and dermatome of a spinal root."""
    root = normalise_root(args.root)
    if root is None:
        raise UsageError(f"'{printable(args.root, 20)}' is not a spinal root; use one of {', '.join(ROOT_ORDER)}")
    data = load_dataset()
    seg = segment(Ranker(data), root)
    key = set(seg["key"])
    payload = {"root": root,
               "muscles": [{"id": m, "name": data.muscles[m].name, "role": "key" if m in key else "contributing"}
                           for m in seg["muscles"]],
               "paraspinal": [{"id": m, "name": data.muscles[m].name} for m in seg["paraspinal"]],
               "dermatome": seg["dermatome"], "note": seg["note"]}
    _emit(payload, args.json, [root, *[f"  {m['name']}" + (" (key)" if m["role"] == "key" else "")
                                       for m in payload["muscles"]]])


class _Parser(argparse.ArgumentParser):
    """argparse whose error messages never echo control characters from the command line."""

    def error(self, message: str) -> NoReturn:
        """Print usage and the cleaned message; exit 2."""
        super().error(printable(message, 300))


def _top(value: str) -> int:
    """A --top count: a whole number from 1 to MAX_TOP."""
    try:
        top = int(value)
    except ValueError:
        top = 0
    if not 1 <= top <= MAX_TOP:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_TOP} (got '{printable(value, 20)}')")
    return top


def build_parser() -> argparse.ArgumentParser:
    """Argument parser with one subcommand per question."""
    p = _Parser(prog="triggermap", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    for name, fn, helptext in (("regions", cmd_regions, "find body regions by name"),
                               ("pain", cmd_pain, "muscles that refer pain to a place"),
                               ("condition", cmd_condition, "muscles and needling for a condition"),
                               ("segment", cmd_segment, "muscles and dermatome of a spinal root"),
                               ("info", cmd_info, "dataset counts")):
        sp = sub.add_parser(name, help=helptext)
        sp.set_defaults(func=fn)
        sp.add_argument("--json", action="store_true", help="print JSON")
        if name in ("regions", "pain", "condition"):
            sp.add_argument("text")
        if name == "segment":
            sp.add_argument("root")
        if name == "pain":
            sp.add_argument("--top", type=_top, default=10, help=f"how many muscles, 1 to {MAX_TOP}")
        if name in ("regions", "pain"):
            sp.add_argument("--side", choices=[Side.LEFT.value, Side.RIGHT.value, "both"],
                            help="side for places the text names without one (default right)")
    return p


def _tolerant_streams() -> None:
    """Escape what the terminal cannot show (PYTHONIOENCODING=ascii, LANG=C) instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 done, 1 data or output problem, 2 bad input)."""
    _tolerant_streams()
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
        sys.stdout.flush()  # a closed pipe shows up here, not at interpreter exit
    except UsageError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except (AtlasError, DataError, LexiconError) as exc:
        sys.stderr.write(f"error: the data could not be loaded: {printable(exc, 500)}\n")
        return 1
    except BrokenPipeError:
        # The reader left (`| head`): stop quietly; stdout points at devnull so the exit flush cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
