"""The command line: once as a user runs it (a new process), the rest in this process (same code, same output)."""

import json
import subprocess
import sys

import pytest

from tests.helpers import ROOT, run_cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command, in a new Python process."""
    return subprocess.run([sys.executable, "-m", "triggermap", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


@pytest.mark.parametrize("phrase,region", [
    ("top of the head", "vertex"), ("between the shoulder blades", "interscapular"),
    ("inner knee", "medial_knee"), ("sole of the foot", "arch"), ("base of the thumb", "thenar"),
    ("outer elbow", "lateral_elbow"),
])
def test_regions_json(phrase, region):
    out = run_cli("regions", phrase, "--json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["query"] == phrase
    assert region in [r["id"] for r in payload["regions"]]  # 'sole of the foot' is the whole sole now
    assert set(payload["regions"][0]) == {"id", "label", "side", "matched"}
    assert payload["regions"][0]["side"] in {"left", "right", "midline"}


def test_info_json():
    payload = json.loads(run("info", "--json").stdout)
    assert payload["views"] == ["anterior", "posterior", "head_neck", "foot"]
    assert payload["muscles"] >= 100 and payload["trigger_points"] >= 150
    assert payload["conditions"] >= 30 and payload["unsourced_rows"] == 0
    assert payload["regions"] >= 90 and payload["sources"] > 0


def test_pain_json():
    payload = json.loads(run_cli("pain", "outer elbow", "--side", "left", "--top", "10", "--json").stdout)
    assert payload["regions"] == [{"id": "lateral_elbow", "label": "Outer elbow", "side": "left",
                                   "matched": "outer elbow"}]
    ids = [m["id"] for m in payload["muscles"]]
    assert {"supinator", "brachioradialis"} <= set(ids) and len(ids) <= 10
    scores = [m["score"] for m in payload["muscles"]]
    assert scores == sorted(scores, reverse=True)


def test_condition_json():
    payload = json.loads(run_cli("condition", "tennis elbow", "--json").stdout)
    assert payload["condition"]["id"] == "tennis_elbow"
    assert payload["muscles"] and payload["dn"]["applies"] in {"indicated", "adjunct", "not_indicated"}


def test_segment_json():
    payload = json.loads(run_cli("segment", "C6", "--json").stdout)
    assert payload["root"] == "C6"
    assert "biceps_brachii" in [m["id"] for m in payload["muscles"]]
    assert payload["paraspinal"] and payload["dermatome"]


def test_segment_json_gives_roles_key_first():
    payload = json.loads(run_cli("segment", "c7", "--json").stdout)
    roles = [m["role"] for m in payload["muscles"]]
    assert "triceps_brachii" in [m["id"] for m in payload["muscles"][:3]]
    assert set(roles) == {"key", "contributing"} and roles == sorted(roles, key=lambda r: r != "key")


@pytest.mark.parametrize("args", [("regions", "qqqxxzz"), ("pain", "zzqqxx"), ("condition", "qqqzzzxx"),
                                  ("segment", "Q7")])
def test_unknown_input_exits_2_with_a_message(args):
    out = run_cli(*args)
    assert out.returncode == 2
    assert out.stderr.startswith("error:") and "Traceback" not in out.stderr


def test_typo_gets_suggestions():
    out = run_cli("regions", "elbo")
    assert out.returncode == 0 and "elbow" in out.stdout.lower()


def test_package_never_imports_streamlit():
    code = ("import sys, triggermap.cli, triggermap.drawing, triggermap.picture, triggermap.handout, "
            "triggermap.lookup; print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("args,expected", [
    (("my left elbow and right wrist",), {("lateral_elbow", "left"), ("medial_elbow", "left"),
                                          ("dorsal_wrist", "right"), ("volar_wrist", "right")}),
    (("right knee", "--side", "left"), {("anterior_knee", "right"), ("posterior_knee", "right")}),
    (("knee", "--side", "left"), {("anterior_knee", "left"), ("posterior_knee", "left")}),
    (("breastbone", "--side", "left"), {("sternum", "midline")}),
    (("pain in both my temples",), {("temple", "left"), ("temple", "right")}),
])
def test_regions_take_sides_from_the_text(args, expected):
    out = run_cli("regions", *args, "--json")
    assert out.returncode == 0, out.stderr
    found = {(r["id"], r["side"]) for r in json.loads(out.stdout)["regions"]}
    assert expected <= found
    assert {s for _, s in found} <= {s for _, s in expected}


def test_pain_both_sides_lists_each_muscle_once():
    payload = json.loads(run_cli("pain", "pain in both my temples", "--top", "8", "--json").stdout)
    ids = [m["id"] for m in payload["muscles"]]
    assert len(ids) == len(set(ids)) >= 4
    assert {m["side"] for m in payload["muscles"]} == {"both"}
    assert all(m["band"].startswith(("Strong", "Good", "Possible")) for m in payload["muscles"])


def test_pain_links_conditions_and_flags_nerve_words():
    payload = json.loads(run_cli("pain", "pins and needles under my left heel", "--json").stdout)
    assert payload["nerve_symptoms"] == ["pins and needles"]
    assert [c["id"] for c in payload["conditions"]][:1] == ["plantar_heel_pain"]
    assert any("nerve" in step for step in payload["next_steps"])


@pytest.mark.parametrize("command", ["regions", "pain"])
@pytest.mark.parametrize("text", ["hello world", "I feel sad today", "douleur au talon"])
def test_no_body_part_exits_2_with_a_short_hint(command, text):
    out = run_cli(command, text, "--json")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("error: no body part found") and "Traceback" not in out.stderr
    assert len(out.stderr) < 300
