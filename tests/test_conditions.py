"""Conditions follow the written rule for indicated / adjunct / not for, and label their evidence."""

import re

import pytest

KINDS = "trials|few trials|negative trial|no trials|manual|model|consensus"
LABEL = re.compile(rf"^Evidence: (?P<labels>(?:(?:{KINDS})(?: \((?:DN|IMS)\))?(?:; )?)+)\. ")


def label_of(note: str) -> str:
    """The evidence label at the start of a note, or '' if it has none."""
    m = LABEL.match(note)
    return m.group("labels") if m else ""


def kinds(note: str) -> list[str]:
    """The labels of a note as a list: ['trials (DN)', 'model (IMS)']."""
    return label_of(note).split("; ")


def test_every_evidence_note_is_labelled(data):
    unlabelled = [c.id for c in data.conditions.values() if not label_of(c.evidence_note)]
    assert not unlabelled


def test_dn_indicated_rests_on_trials_and_adjunct_on_an_add_on(data):
    for c in data.conditions.values():
        if c.dn == "indicated":
            assert "trials (DN)" in kinds(c.evidence_note), c.id
            assert re.search(r"trial|meta-analys|review", c.dn_reason) and "add-on" not in c.dn_reason, c.id
            assert "combined with exercise" not in c.dn_reason, c.id
        elif c.dn == "adjunct":
            assert "add-on" in c.dn_reason, c.id
            assert "trials (DN)" not in kinds(c.evidence_note), c.id


def test_ims_indicated_only_by_model_fit_and_says_so(data):
    indicated = [c for c in data.conditions.values() if c.ims == "indicated"]
    assert {c.id for c in indicated} == {"cervical_radiculopathy", "lumbar_radiculopathy"}
    for c in indicated:
        assert "model" in c.ims_reason and "four small randomized trials" in c.ims_reason
        assert "model (IMS)" in kinds(c.evidence_note) and c.ims_roots


def test_not_for_dn_rows_rest_on_consensus(data):
    for c in data.conditions.values():
        if c.category == "not_for_dn":
            assert label_of(c.evidence_note) == "consensus" and c.ims == "not_indicated", c.id


@pytest.mark.parametrize("condition,present,absent", [
    ("golfers_elbow", {"pronator_teres", "flexor_carpi_radialis", "flexor_carpi_ulnaris", "palmaris_longus",
                       "flexor_digitorum_superficialis", "triceps_brachii"}, {"brachialis"}),
    ("neck_pain", {"upper_trapezius", "levator_scapulae"}, {"rhomboids"}),
    ("thoracic_mid_back_pain", {"anterior_scalene", "middle_scalene", "posterior_scalene"}, set()),
    ("carpal_tunnel_like_symptoms", {"pronator_teres", "brachialis"}, {"pectoralis_minor"}),
])
def test_condition_muscles(data, condition, present, absent):
    muscles = set(data.conditions[condition].muscles)
    assert present <= muscles and not absent & muscles


def test_thoracic_outlet_is_not_an_ims_root_indication(data):
    c = data.conditions["thoracic_outlet_symptoms"]
    assert c.ims != "indicated" and "Not a root problem" in c.ims_reason
