"""Every page boots headless (AppTest), driven through session state and query params."""

import pytest

from tests.helpers import boot

PAGES = ["app/pages/body_map.py", "app/pages/muscles.py", "app/pages/conditions.py"]


@pytest.mark.parametrize("page", ["explorer.py", *PAGES])
def test_page_boots_without_exception(page):
    at = boot(page)
    assert not at.exception
    assert not any("error id" in e.value for e in at.error), "explorer.py caught a page error (app/errors.py)"
    assert any("Education, not diagnosis" in m.value for m in at.info)


def test_shared_link_with_regions_lists_muscles():
    at = boot("app/pages/body_map.py", {"regions": "lateral_elbow:right", "audience": "student"})
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Supinator" in text and "Outer elbow (right)" in text


def test_bad_query_params_are_ignored_with_a_notice():
    at = boot("app/pages/body_map.py", {"view": "upside_down", "regions": "moon:left,<b>x</b>", "muscle": "heart"})
    assert not at.exception
    notices = " ".join(t.value for t in at.toast)
    assert "Ignored unknown view" in notices and "Ignored unknown region" in notices


def test_patient_red_flag_hides_muscle_list():
    at = boot("app/pages/body_map.py", {"regions": "low_back:right"})
    flag = at.checkbox[0]
    flag.check().run()
    assert not at.exception
    assert at.error and "See a doctor first" in at.error[0].value
    assert not any("Muscles whose trigger points" in m.value for m in at.markdown)


def test_muscle_mode_shows_detail_card():
    at = boot("app/pages/body_map.py", {"mode": "muscle", "muscle": "supinator", "audience": "clinician"})
    assert not at.exception
    assert any("Supinator" in h.value for h in at.subheader)
    assert at.warning and "Needling caution" in at.warning[0].value


def test_typed_places_select_regions():
    at = boot("app/pages/body_map.py")
    at.text_input(key="pain_text").input("outer elbow and wrist").run()
    assert not at.exception
    assert any("Outer elbow (right)" in m.value for m in at.markdown)
    assert any("No side was named, so the right side was used" in i.value for i in at.info)  # said, not silent
    at.text_input(key="pain_text").input("left outer elbow").run()
    assert not any("No side was named" in i.value for i in at.info)


def test_muscles_search_is_typo_tolerant():
    at = boot("app/pages/muscles.py")
    at.text_input[0].input("sternocleidomastiod").run()
    assert not at.exception
    assert "Sternocleidomastoid" in at.dataframe[0].value["Muscle"].tolist()


def test_condition_page_shows_card():
    at = boot("app/pages/conditions.py", {"condition": "tennis_elbow", "audience": "patient"})
    assert not at.exception
    assert any("Dry needling" in m.value for m in at.markdown)
    evidence = [c.value for c in at.caption if "Evidence" in c.value]
    assert evidence and not any("Evidence: Evidence" in e for e in evidence), evidence


def test_pattern_button_switches_to_the_muscle():
    at = boot("app/pages/body_map.py", {"regions": "lateral_elbow:right", "audience": "student"})
    first = next(b for b in at.button if b.label == "Pattern")
    first.click().run()
    assert not at.exception
    assert at.session_state["mode_pick"] == "muscle"
    assert at.subheader and at.subheader[0].value == at.selectbox(key="muscle_pick").format_func(
        at.session_state["muscle_pick"])


def test_list_picker_is_the_keyboard_route():
    at = boot("app/pages/body_map.py", {"audience": "student"})
    at.multiselect(key="region_pick").select("heel:left").run()
    assert not at.exception
    assert any("Heel (left)" in m.value for m in at.markdown)
    assert any("Soleus" in m.value for m in at.markdown)


def test_unmatched_text_gets_a_hint_without_echoing_it():
    at = boot("app/pages/body_map.py")
    at.text_input(key="pain_text").input("qqqzzzxx").run()
    assert not at.exception
    assert at.warning and "No body part matched" in at.warning[0].value
    assert "qqqzzzxx" not in at.warning[0].value
    assert at.text_input(key="pain_text").value == "qqqzzzxx", "kept in the box to be corrected, not retyped"
    at.text_input(key="pain_text").input("").run()
    assert not at.warning, "emptying the box by hand is not a failed entry"
    at.text_input(key="pain_text").input("outer elbow").run()
    assert at.text_input(key="pain_text").value == "", "a matched entry clears the box for the next one"


def test_many_bad_link_parts_give_few_notices():
    at = boot("app/pages/body_map.py", {"regions": ",".join(f"bad{i}:left" for i in range(50))})
    assert not at.exception
    assert len(at.toast) == 4 and "more parts of the link were ignored" in at.toast[3].value


def test_handout_is_prepared_on_request():
    at = boot("app/pages/body_map.py", {"mode": "muscle", "muscle": "supinator", "audience": "patient"})
    prepare = next(b for b in at.button if "handout" in b.label)
    prepare.click().run(timeout=120)
    assert not at.exception
    assert at.get("download_button")


def test_pain_drawing_export_buttons():
    at = boot("app/pages/body_map.py", {"regions": "lateral_elbow:right,sacrum:midline"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Export CSV" in labels and "Export JSON" in labels


def test_muscles_filter_by_referral_region():
    at = boot("app/pages/muscles.py")
    at.multiselect(key="ms_refers").select("heel").run()
    assert not at.exception
    names = set(at.dataframe[0].value["Muscle"])
    assert {"Soleus", "Quadratus plantae"} <= names and "Temporalis" not in names


@pytest.mark.parametrize(("audience", "labels"), [
    ("patient", ["Body area", "Depth", "Refers pain to"]),       # no Root filter: the Roots column is hidden too
    ("student", ["Body area", "Depth", "Root", "Refers pain to"]),
    ("clinician", ["Body area", "Depth", "Root", "Refers pain to"]),
])
def test_muscles_filters_follow_the_columns(audience, labels):
    at = boot("app/pages/muscles.py", {"audience": audience})
    assert [m.label for m in at.multiselect] == labels
    assert ("Roots" in at.dataframe[0].value.columns) is (audience != "patient")


@pytest.mark.parametrize(("params", "names", "absent"), [
    ({"search": "traps"}, {"Upper trapezius"}, "Soleus"),
    ({"depth": "deep", "area": "leg"}, {"Tibialis posterior"}, "Soleus"),
    ({"root": "C5", "audience": "clinician"}, {"Supraspinatus"}, "Soleus"),
    ({"root": "C5"}, {"Supraspinatus", "Soleus"}, "Nothing"),        # a patient sees no root filter: not applied
    ({"refers": "heel", "area": "moon"}, {"Soleus"}, "Temporalis"),   # an unknown area is dropped, not an error
])
def test_muscles_filters_come_from_the_link(params, names, absent):
    at = boot("app/pages/muscles.py", params)
    assert not at.exception
    shown = set(at.dataframe[0].value["Muscle"])
    assert names <= shown and absent not in shown


@pytest.mark.parametrize(("query", "expected"), [
    ({"regions": "radial_wrist:right", "audience": "student", "redflags": "none"}, True),  # saline-mapped APL listed
    ({"regions": "lateral_elbow:right", "audience": "student", "redflags": "none"}, False),  # manual patterns only
    ({"mode": "muscle", "muscle": "pronator_quadratus"}, True),
    ({"mode": "muscle", "muscle": "supinator"}, False),
])
def test_a_pattern_no_manual_draws_says_where_it_comes_from(query, expected):
    at = boot("app/pages/body_map.py", query)
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert ("Muscles whose trigger points" in text) is ("regions" in query)  # the list is drawn when asked for
    assert ("pattern from" in text) is expected


@pytest.mark.parametrize(("query", "note"), [
    ({"mode": "muscle", "muscle": "abductor_pollicis_longus"}, "Its trigger points (×) are on the Back view, below."),
    ({"mode": "muscle", "muscle": "abductor_pollicis_longus", "view": "posterior"}, None),
    ({"mode": "muscle", "muscle": "supinator"}, None),
])
def test_a_muscle_shown_where_its_points_are_not_says_where_they_are(query, note):
    at = boot("app/pages/body_map.py", query)
    assert not at.exception
    notes = [c.value for c in at.caption if "Its trigger points" in c.value]
    assert notes == ([note] if note else [])
