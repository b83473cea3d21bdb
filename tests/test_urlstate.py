"""Links → page state → links: one parser and one writer for every page, plus the unknown-path rule."""

import pytest

from app.state import stray_path, unknown_path
from triggermap.urlstate import (
    Allowed,
    BodyMapState,
    ConditionsState,
    MusclesState,
    SegmentsState,
    Shared,
    StudyState,
    parse,
    to_params,
)

ALLOWED = Allowed(regions=frozenset({"lateral_elbow", "sternum"}), muscles=frozenset({"supinator"}),
                  conditions=frozenset({"tennis_elbow"}), flags=frozenset({"rf_a", "rf_b"}),
                  roots=frozenset({"C6", "L5", "S1"}), groups=frozenset({"all", "foot"}))


@pytest.mark.parametrize(("cls", "params", "expected", "n_notices"), [
    (Shared, {}, Shared(), 0),
    (Shared, {"audience": "clinician", "print": "large", "side": "left"},
     Shared(audience="clinician", large_print=True, side="left"), 0),
    (Shared, {"print": "small"}, Shared(), 0),                                   # any other value: off
    (Shared, {"redflags": "none"}, Shared(flags_answered=True), 0),
    (Shared, {"redflags": "rf_b,rf_a,rf_b"}, Shared(flags=["rf_b", "rf_a"], flags_answered=True), 0),
    (Shared, {"redflags": "rf_a,nope"}, Shared(flags=["rf_a"], flags_answered=True), 1),
    (Shared, {"audience": "x" * 5000}, Shared(), 1),
    (BodyMapState, {"view": "posterior", "mode": "muscle", "muscle": "supinator"},
     BodyMapState(view="posterior", mode="muscle", muscle="supinator"), 0),
    (BodyMapState, {"regions": "lateral_elbow:left,sternum:midline"},
     BodyMapState(regions=[("lateral_elbow", "left"), ("sternum", "midline")]), 0),
    (BodyMapState, {"view": "sideways"}, BodyMapState(), 1),
    (BodyMapState, {"muscle": "<script>"}, BodyMapState(), 1),
    (BodyMapState, {"regions": "lateral_elbow:up,moon:left,lateral_elbow:right"},
     BodyMapState(regions=[("lateral_elbow", "right")]), 2),
    (BodyMapState, {"junk": "1", "utm_source": "mail"}, BodyMapState(), 0),     # unknown keys: dropped silently
    (MusclesState, {"muscle": "supinator"}, MusclesState(muscle="supinator"), 0),
    (MusclesState, {"search": " upper trap ", "area": "foot", "depth": "deep,superficial", "root": "C6,L5",
                    "refers": "sternum"},
     MusclesState(query="upper trap", groups=["foot"], depths=["deep", "superficial"], roots=["C6", "L5"],
                  refers=["sternum"]), 0),
    (MusclesState, {"search": "<b>x</b> [a](http://e.vil) :rotating_light:"},
     MusclesState(query="<b>x</b> [a](http://e.vil) :rotating_light:"), 0),   # text box only: shown as typed
    (MusclesState, {"search": "tr\u202eap\x00s"}, MusclesState(query="traps"), 0),  # hidden characters dropped
    (MusclesState, {"search": "x" * 101}, MusclesState(), 1),
    (MusclesState, {"depth": "deep,abyssal", "root": "Z9", "refers": "moon"}, MusclesState(depths=["deep"]), 3),
    (SegmentsState, {"root": "L5", "muscle": "supinator"}, SegmentsState(root="L5", lookup="supinator"), 0),
    (SegmentsState, {"muscle": "kraken"}, SegmentsState(), 1),
    (ConditionsState, {"condition": "tennis_elbow", "view": "foot"}, ConditionsState("tennis_elbow", "foot"), 0),
    (SegmentsState, {"root": "L5"}, SegmentsState(root="L5"), 0),
    (SegmentsState, {"start": "condition", "condition": "tennis_elbow", "root": "S1"},
     SegmentsState("condition", "S1", "tennis_elbow"), 0),
    (SegmentsState, {"root": "Z9"}, SegmentsState(), 1),
    (StudyState, {"kind": "mixed", "area": "foot", "level": "hard", "deck": "all", "seed": "42"},
     StudyState("mixed", "foot", "hard", "all", 42), 0),
    (StudyState, {"seed": "-3"}, StudyState(), 1),
    (StudyState, {"seed": "99999999999"}, StudyState(), 1),
    (StudyState, {"area": "moon"}, StudyState(), 1),
])
def test_parse(cls, params, expected, n_notices):
    state, notices = parse(cls, params, ALLOWED)
    assert state == expected
    assert len(notices) == n_notices


@pytest.mark.parametrize(("state", "params"), [
    (Shared(), {}),
    (Shared(audience="student", large_print=True), {"audience": "student", "print": "large"}),
    (Shared(flags_answered=True), {"redflags": "none"}),
    (Shared(flags=["rf_a"], flags_answered=True), {"redflags": "rf_a"}),
    (BodyMapState(regions=[("sternum", "midline")]), {"regions": "sternum:midline"}),
    (SegmentsState(root="L5"), {"root": "L5"}),
    (SegmentsState(root="L5", lookup="supinator"), {"root": "L5", "muscle": "supinator"}),
    (MusclesState(query="SCM", depths=["deep"], roots=["C6"]), {"search": "SCM", "depth": "deep", "root": "C6"}),
    (StudyState(seed=7), {"seed": "7"}),
    (StudyState(kind="click_the_zone", deck="all", seed=0), {"kind": "click_the_zone", "deck": "all", "seed": "0"}),
])
def test_to_params_leaves_defaults_out(state, params):
    assert to_params(state) == params
    assert parse(type(state), params, ALLOWED) == (state, [])


@pytest.mark.parametrize(("url", "page_path", "base", "unknown"), [
    ("http://h:8501", "", "", False),
    ("http://h:8501/", "", "", False),
    ("http://h:8501/muscles", "muscles", "", False),
    ("http://h:8501/admin", "", "", True),
    ("http://h:8501/study/extra", "study", "", True),
    ("https://x.org/app", "", "app", False),
    ("https://x.org/app/study", "study", "/app/", False),
    ("https://x.org/app/admin", "", "app", True),
    (None, "", "", False),
])
def test_unknown_path(url, page_path, base, unknown):
    assert unknown_path(url, page_path, base) is unknown


KNOWN = {"", "muscles", "study", "not-found"}


@pytest.mark.parametrize(("url", "base", "stray"), [
    ("http://h:8501/admin", "", "admin"),
    ("http://h:8501/admin/?x=1#top", "", "admin"),
    ("https://x.org/app/wp-login", "app", "wp-login"),
    ("http://h:8501/", "", None),
    ("http://h:8501/muscles?muscle=soleus", "", None),
    ("http://h:8501/not-found", "", None),
    ("http://h:8501/study/extra", "", None),  # nested: st.Page cannot be registered there
    ("http://h:8501/caf%C3%A9", "", None),
    ("http://h:8501/" + "a" * 65, "", None),
    (None, "", None),
])
def test_stray_path_is_a_plain_unknown_slug(url, base, stray):
    assert stray_path(url, KNOWN, base) == stray


@pytest.mark.parametrize(("cls", "params", "notice"), [
    (BodyMapState, {"view": "www.evil.example"}, "Ignored unknown view `www.evil.example`."),
    (BodyMapState, {"view": ":rotating_light:"}, "Ignored unknown view `:rotating_light:`."),
    (BodyMapState, {"regions": "www.evil.example"}, "Ignored unknown region `www.evil.example`."),
    (BodyMapState, {"regions": ":rotating_light::left"}, "Ignored unknown region `:rotating_light::left`."),
    (BodyMapState, {"muscle": "`x`[a](http://e.vil)"}, "Ignored unknown muscle `?x??a??http:??e.vil?`."),
    (BodyMapState, {"mode": "**bold** _it_"}, "Ignored unknown mode `??bold???_it_`."),
    (ConditionsState, {"condition": "\x1b[31m\u202ex"}, "Ignored unknown condition `??31m?x`."),
    (Shared, {"side": "https://e.vil/" + "x" * 50}, "Ignored unknown side `https:??e.vil?xxx...`."),
    (Shared, {"audience": ""}, "Ignored an empty audience."),
    (BodyMapState, {"regions": ","}, "Ignored an empty region."),
    (MusclesState, {"depth": "[a](http://e.vil)"}, "Ignored unknown depth `?a??http:??e.vil?`."),
    (MusclesState, {"search": "a" * 500}, "Ignored a search longer than 100 characters."),
])
def test_notice_names_the_parameter_and_shows_the_value_as_code(cls, params, notice):
    state, notices = parse(cls, params, ALLOWED)
    assert state == cls() and set(notices) == {notice}
