"""Words in sentences: sentence case that keeps proper nouns, group names (from vocab.py), phrases."""

import re

import pytest

from triggermap.labels import group_label, in_sentence, places, root_span
from triggermap.lookup import ROOT_ORDER
from triggermap.vocab import Group


@pytest.mark.parametrize(("label", "expected"), [
    ("Outer elbow", "outer elbow"),
    ("Achilles tendon", "Achilles tendon"),
    ("Inner forearm (palm side)", "inner forearm (palm side)"),
    ("Web between thumb and index finger", "web between thumb and index finger"),
    ("", ""),
])
def test_in_sentence(label, expected):
    assert in_sentence(label) == expected


@pytest.mark.parametrize(("labels", "expected"), [
    (["Heel", "Achilles tendon"], "heel, Achilles tendon"),
    (["Calf"], "calf"),
    ([], ""),
])
def test_places(labels, expected):
    assert places(labels) == expected


@pytest.mark.parametrize(("group", "expected"), [
    ("chest_abdomen", Group.CHEST_ABDOMEN.label),
    ("forearm_hand", "Forearm & hand"),
    ("pelvis_hip", "Pelvis & hip"),
    ("new_group", "New group"),          # an id without a label is tidied, never shown raw
])
def test_group_label(group, expected):
    assert group_label(group) == expected


def test_every_data_group_has_a_label(data):
    assert {m.group for m in data.muscles.values()} <= set(Group.values())


def test_no_patient_text_names_a_trigger_point_code(data):
    texts = [f"{tp.label} {tp.symptoms} {tp.aggravating}" for tp in data.trigger_points.values()]
    assert not [t for t in texts if re.search(r"\bTP\d", t)]


@pytest.mark.parametrize(("roots", "expected"), [
    ([], ""),
    (["C6"], "C6"),
    (["C5", "C6"], "C5–C6"),
    (["C7", "C5", "C6", "C8", "T1"], "C5–T1"),                 # unordered input, across the C/T border
    (["C5", "C7", "L5", "S1"], "C5, C7, L5–S1"),
    (["CN XI", "C5", "C6"], "CN XI, C5–C6"),                   # cranial nerves first, as listed
    (["T12", "L2"], "T12, L2"),                                 # L1 missing: no range
])
def test_root_span(roots, expected):
    assert root_span(roots, ROOT_ORDER) == expected
