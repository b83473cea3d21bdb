"""How each referral pattern was found (trigger_points.csv `basis`), and that every answer a reader sees says so
when no manual draws the pattern: a saline map in volunteers must not pass for a manual's pattern (issue #11)."""

import io
import json

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli
from triggermap import handout
from triggermap.answers import basis_note
from triggermap.data import load_dataset
from triggermap.lookup import Ranker
from triggermap.vocab import PatternBasis

DATA = load_dataset()
MANUALS = {s.id for s in DATA.sources.values() if s.kind == "book" and "Travell" in s.citation}
POINTS = sorted(DATA.trigger_points)
PAPER_MUSCLES = sorted(m for m in DATA.muscles if DATA.paper_basis(m))


def test_the_manuals_are_found_and_some_patterns_come_from_papers() -> None:
    # the checks below must bite: both kinds of rows exist
    assert len(MANUALS) >= 2 and len(PAPER_MUSCLES) >= 5, (MANUALS, PAPER_MUSCLES)


@pytest.mark.parametrize("tp_id", POINTS)
def test_a_point_cites_what_its_basis_says(tp_id: str) -> None:
    tp = DATA.trigger_points[tp_id]
    cited = [DATA.sources[s] for s in tp.sources]
    if tp.basis == PatternBasis.MANUAL:
        assert MANUALS & set(tp.sources), f"{tp_id}: 'manual' but cites no manual"
        return
    papers = [s for s in cited if s.kind == "paper"]
    assert papers, f"{tp_id}: {tp.basis} but cites no paper"
    if tp.basis == PatternBasis.SALINE_VOLUNTEERS:
        assert any("saline" in (s.note or "").lower() and "healthy" in (s.note or "").lower() for s in papers), tp_id


@pytest.mark.parametrize("muscle_id", sorted(DATA.muscles))
def test_a_muscle_has_a_paper_basis_only_when_no_manual_draws_it(muscle_id: str) -> None:
    bases = {tp.basis for tp in DATA.points_of(muscle_id)}
    basis = DATA.paper_basis(muscle_id)
    assert (basis is None) == (PatternBasis.MANUAL in bases)
    assert basis is None or basis in bases
    note = basis_note(DATA, muscle_id)
    assert (note == "") == (basis is None)
    assert basis is None or note == f"pattern from {basis.label}"


def test_the_cli_names_the_basis_in_text_and_json() -> None:
    text = run_cli("pain", "thumb side of my wrist").stdout
    shown = json.loads(run_cli("pain", "thumb side of my wrist", "--json").stdout)["muscles"]
    assert any(m["basis"] != "manual" for m in shown), shown  # the wrist has a saline-mapped muscle
    for m in shown:
        assert m["basis"] == (DATA.paper_basis(m["id"]) or "manual")
        line = next(x for x in text.splitlines() if f"{m['name']} ({m['side']})" in x)
        assert ("pattern from" in line) is (m["basis"] != "manual"), line


@pytest.mark.parametrize("muscle_id", [PAPER_MUSCLES[0], "supinator"])
def test_the_handout_says_where_a_paper_pattern_comes_from(muscle_id: str) -> None:
    pdf = handout.muscle_handout(DATA, Ranker(DATA), muscle_id, figure_png=None)
    body = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    note = basis_note(DATA, muscle_id)
    assert (note != "") is (muscle_id in PAPER_MUSCLES)
    assert ("Pattern from" in body) is bool(note)
