"""Needling knowledge: the guide data, the 'Dry needling & IMS' page and the 'IMS segments' page."""

import csv
import json
import re
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT, boot
from triggermap.data import DataError, load_dataset
from triggermap.lookup import segment
from triggermap.schema import GUIDE_SECTIONS
from triggermap.vocab import Audience

AUDIENCES = Audience.values()


def open_as(page: str, audience: str = "patient") -> AppTest:
    """Run a page for one audience."""
    return boot(page, {"audience": audience})


def text_of(at) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.warning])


# --- data -------------------------------------------------------------------------------------------

def test_every_section_has_rows_and_every_source_resolves(data):
    for name in GUIDE_SECTIONS:
        assert [r for r in data.guide if r.section == name], f"no rows for section {name}"
    for row in data.guide:
        assert row.sources and all(s in data.sources for s in row.sources), row.topic


def test_first_session_steps_are_numbered_in_order(data):
    steps = [r.topic for r in data.guide if r.section == "first_session"]
    numbers = [int(re.match(r"(\d+)\.", t).group(1)) for t in steps]
    assert numbers == list(range(1, len(steps) + 1))


def test_new_sources_are_prefixed_and_complete(data):
    new = [s for s in data.sources.values() if s.id.startswith("nd_")]
    assert len(new) >= 10
    assert all(s.citation and s.note and s.kind in ("paper", "web") for s in new)


def test_broken_guide_section_names_file_row_and_column(data_copy, atlas):
    path = data_copy / "needling_guide.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols, rows = reader.fieldnames, list(reader)
    rows[2]["section"] = "gossip"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(DataError, match=r"needling_guide\.csv row 4, column 'section'.*'comparison_other'"):
        load_dataset(data_copy, atlas=atlas)


def test_guide_source_must_exist(data_copy, atlas):
    path = data_copy / "needling_guide.csv"
    text = path.read_text(encoding="utf-8").replace("seed_syncmove", "nobody1999", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"needling_guide\.csv row \d+, column 'sources': unknown source 'nobody1999'"):
        load_dataset(data_copy, atlas=atlas)


# --- Dry needling & IMS page ------------------------------------------------------------------------

@pytest.mark.parametrize("audience", AUDIENCES)
def test_needling_page_boots_for_each_audience(audience):
    at = open_as("app/pages/needling.py", audience)
    assert not at.exception
    labels = [t.label for t in at.tabs]
    first = "Practical guide for Canada" if audience == "patient" else "Comparison"
    assert labels[0] == first and len(labels) == 3


def test_needling_page_compares_side_by_side_and_cites(data):
    at = open_as("app/pages/needling.py", "clinician")
    table = at.table[0].value
    assert list(table.columns) == ["Dry needling", "IMS (Gunn)", "Acupuncture", "Sources"]
    assert len(table) == len(data.comparison)
    text = text_of(at)
    for topic in ("Dry needling vs massage", "Dry needling vs cortisone injection", "Punctured lung",
                  "Alberta: physiotherapists", "1. Assessment"):
        assert topic in text
    cited = {int(n) for c in at.caption for n in re.findall(r"\[(\d+)\]", c.value)}
    listed = re.findall(r"^(\d+)\. ", text, flags=re.M)
    assert cited and cited <= {int(n) for n in listed}
    assert data.sources["cd_brady2014"].citation in text


def test_patient_sees_professional_detail_only_on_request():
    at = open_as("app/pages/needling.py", "patient")
    assert not at.exception
    assert any(e.label == "More detail for health professionals" for e in at.expander)
    clinician = open_as("app/pages/needling.py", "clinician")
    assert not any(e.label == "More detail for health professionals" for e in clinician.expander)


# --- IMS segments page ------------------------------------------------------------------------------

@pytest.mark.parametrize("audience", AUDIENCES)
def test_segments_page_boots_for_each_audience(audience):
    at = open_as("app/pages/segments.py", audience)
    assert not at.exception
    assert len(body_maps(at)) == 2


def test_picking_a_root_lists_the_cli_muscles(data):
    at = open_as("app/pages/segments.py", "student")
    at.selectbox(key="seg_root").select("C6").run()
    assert not at.exception
    text = text_of(at)
    assert "Biceps brachii" in text and "Brachioradialis" in text
    assert f"{data.muscles['cervical_multifidus'].name}, beside the spine at the C6 level" in text
    out = subprocess.run([sys.executable, "-m", "triggermap", "segment", "C6", "--json"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    cli = json.loads(out.stdout)["muscles"]
    key = [m["name"] for m in cli if m["role"] == "key"]
    rest = [m["name"] for m in cli if m["role"] == "contributing"]
    assert key[:2] == ["Extensor carpi radialis longus", "Extensor carpi radialis brevis"]
    assert all(f"- {n} — " in text for n in key) and text.index(key[-1]) < text.index("- " + rest[0])
    assert "- " + "\n- ".join(rest) in text
    assert any(e.label.startswith("Other muscles with a share of C6") for e in at.expander)
    assert data.dermatomes["C6"].note in text


def test_lumbar_root_changes_muscles_and_paraspinal(ranker, data):
    at = open_as("app/pages/segments.py")
    at.selectbox(key="seg_root").select("L5").run()
    text = text_of(at)
    expected = [data.muscles[m].name for m in segment(ranker, "L5")["muscles"]]
    assert expected and all(name in text for name in expected)
    lumbar = data.muscles["lumbar_multifidus"].name
    assert f"{lumbar}, beside the spine at the L5 level" in text and "Biceps brachii" not in text


def test_radicular_condition_shows_its_roots(data):
    at = open_as("app/pages/segments.py")
    at.radio(key="seg_mode").set_value("condition").run()
    at.selectbox(key="seg_condition").select("lumbar_radiculopathy").run()
    assert not at.exception
    roots = data.conditions["lumbar_radiculopathy"].ims_roots
    assert f"**{', '.join(roots)}**" in text_of(at)
    picker = at.selectbox(key="seg_root_lumbar_radiculopathy")
    assert list(picker.options) == list(roots)
    picker.select("S1").run()
    assert not at.exception and "beside the spine at the S1 level" in text_of(at)


def test_picking_a_muscle_shows_its_roots_and_note(data):
    at = open_as("app/pages/segments.py", "clinician")
    at.selectbox(key="seg_lookup").select("brachialis").run()
    assert not at.exception
    m = data.muscles["brachialis"]
    assert f"roots: **{', '.join(m.roots)}**" in text_of(at)
    captions = " ".join(c.value for c in at.caption)
    assert (m.roots_note or "Our sources agree") in captions


def body_maps(at):
    """The body-map drawings on an AppTest page (the components v2 element, not its state message)."""
    return [e for e in at.get("bidi_component") if e.proto.component_name == "triggermap.body_map"]
