"""The one-page PDF handouts: one page, the right text, the picture or its absence."""

import dataclasses
import io
import re
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from triggermap import handout
from triggermap.vocab import HANDOUT_FOR


@pytest.fixture(scope="module")
def png():
    """A small stand-in for the rendered body picture (3:4 like the real one)."""
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (220, 130, 58)).save(buf, format="PNG")
    return buf.getvalue()


def pages(pdf: bytes) -> int:
    """Page count, read by a PDF reader."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def text(pdf: bytes) -> str:
    """Extracted text of every page with line breaks undone, so phrases can be searched."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).strip()


def images(pdf: bytes) -> int:
    """Number of images drawn on the pages."""
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_muscle_handout_is_one_page_with_name_picture_and_footer(data, ranker, png):
    pdf = handout.muscle_handout(data, ranker, "supinator", "patient", figure_png=png, today=date(2025, 3, 4))
    assert pdf.startswith(b"%PDF")
    assert pages(pdf) == 1
    body = text(pdf)
    assert body.startswith("Supinator") and "4 March 2025" in body
    assert "Education, not diagnosis" in body
    assert "Picture unavailable" not in body and images(pdf) >= 1
    assert data.red_flags["cd_rf_fever_unwell_after_needling"].text[:40] in body
    assert data.muscles["supinator"].action in body
    assert "outer elbow" in body  # a region label of its referral zone
    assert data.sources["simons1999"].citation[:30] in body


def test_text_only_handout_when_the_picture_cannot_be_drawn(data, ranker, monkeypatch):
    def refuse(*args, **kwargs):
        raise ValueError("render failure")

    monkeypatch.setattr(handout, "to_png", refuse)
    picture = handout.muscle_png(data, ranker, "supinator")
    assert picture is None
    pdf = handout.muscle_handout(data, ranker, "supinator", figure_png=picture)
    assert pages(pdf) == 1 and images(pdf) == 0
    assert "Picture unavailable" in text(pdf)


@pytest.mark.parametrize("audience", ["patient", "student", "clinician"])
def test_condition_handout(data, ranker, png, audience):
    pdf = handout.condition_handout(data, ranker, "tennis_elbow", audience, figure_png=png)
    assert pages(pdf) == 1
    body = text(pdf)
    assert "Tennis elbow" in body and "Dry needling: often used" in body
    assert data.red_flags["cd_rf_hot_swollen_joint"].text[:40] in body
    assert "Education, not diagnosis" in body and HANDOUT_FOR[audience] in body


def test_condition_without_muscles_has_no_picture_and_no_needling_advice(data, ranker, png):
    pdf = handout.condition_handout(data, ranker, "fracture", figure_png=png)
    body = text(pdf)
    assert pages(pdf) == 1 and images(pdf) == 0
    assert "Picture unavailable" not in body and "not appropriate" in body
    assert "What to expect from dry needling" not in body


def test_clinician_sheet_adds_nerve_supply(data, ranker):
    assert "Nerve supply" in text(handout.muscle_handout(data, ranker, "supinator", "clinician"))
    assert "Nerve supply" not in text(handout.muscle_handout(data, ranker, "supinator", "patient"))


def test_overlong_text_is_shrunk_or_cut_never_a_second_page(data, ranker, png):
    m = data.muscles["supinator"]
    long = m.model_copy(update={"needling_caution": "Take great care near the nerve. " * 40,
                                "action": "Turns the forearm palm-up. " * 25})
    big = dataclasses.replace(data, muscles={**data.muscles, "supinator": long})
    pdf = handout.muscle_handout(big, ranker, "supinator", "clinician", figure_png=png)
    assert pages(pdf) == 1
    body = text(pdf)
    assert "Supinator" in body and "Education, not diagnosis" in body
    assert data.red_flags["cd_rf_fever_unwell_after_needling"].text[:40] in body  # red flags outrank the rest


def test_absurdly_long_text_still_gives_one_page(data, ranker, png):
    long = data.muscles["supinator"].model_copy(update={"needling_caution": "Careful. " * 3000})
    big = dataclasses.replace(data, muscles={**data.muscles, "supinator": long})
    pdf = handout.muscle_handout(big, ranker, "supinator", figure_png=png)
    assert pages(pdf) == 1 and "Supinator" in text(pdf)


def test_aftercare_falls_back_to_seed_advice(data, ranker):
    rows = [r for r in data.comparison if r.topic != "Aftercare"]
    body = text(handout.muscle_handout(dataclasses.replace(data, comparison=rows), ranker, "supinator"))
    assert handout.FALLBACK_AFTERCARE[0][:40] in body
    assert data.sources["seed_syncmove"].citation[:40] in body
    shipped = text(handout.muscle_handout(data, ranker, "supinator"))
    assert handout.FALLBACK_AFTERCARE[0][:40] not in shipped


@pytest.mark.parametrize(("muscle", "specialist"), [("scalenus_minimus", True), ("diaphragm", True),
                                                    ("upper_trapezius", False)])
def test_a_muscle_that_is_not_routinely_needled_gets_no_session_description(data, ranker, muscle, specialist):
    body = " ".join(text(handout.muscle_handout(data, ranker, muscle)).split())
    assert ("Not a routine needling target" in body) is specialist
    assert ("What to expect from dry needling" in body) is not specialist


def test_lung_muscle_warns_about_breathlessness(data, ranker):
    lung = next(m.id for m in data.muscles.values() if "lung" in m.caution_tags)
    body = text(handout.muscle_handout(data, ranker, lung))
    assert data.red_flags["cd_rf_breathless_after_needling"].text[:40] in body


def test_pattern_picture_is_on_the_view_with_most_essential_zones(data, ranker):
    from triggermap.picture import pattern_picture, pattern_view

    assert pattern_view(data, ranker, ["temporalis"]) == "head_neck"
    essential, _ = ranker.pattern("supinator")
    view = data.atlas.views[pattern_view(data, ranker, ["supinator"])]
    assert set(essential) <= set(view.region_ids())
    svg = pattern_picture(data, ranker, ["supinator"], aspect=handout.PICTURE_PX[0] / handout.PICTURE_PX[1])
    inner = re.search(r'<svg x="0" y="[\d.]+" width="[\d.]+" height="[\d.]+" [^>]*viewBox="([-\d. ]+)"', svg)
    x, y, w, h = map(float, inner.group(1).split())
    assert w < view.x_range[1] - view.x_range[0]  # zoomed on the forearm
    assert handout.pattern_png(data, ranker, []) is None


def test_picture_is_drawn_without_a_browser(data, ranker):
    picture = handout.muscle_png(data, ranker, "supinator")
    assert picture is not None and picture.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(picture)).size[0] == 2 * handout.PICTURE_PX[0]
    pdf = handout.muscle_handout(data, ranker, "supinator", figure_png=picture)
    assert pages(pdf) == 1 and images(pdf) >= 1


@pytest.mark.parametrize(("patterns", "expected"), [
    ([(["heel", "calf"], ["knee"])], (["calf", "heel"], ["knee"])),                   # one muscle: its pattern
    ([(["heel", "sacroiliac"], []), (["heel", "arch"], []), (["arch"], ["calf"])],    # one muscle's odd zone
     (["arch", "heel"], [])),
    ([(["heel"], ["calf"]), (["arch"], ["calf"])], ([], ["calf"])),                   # shared spillover only
    ([(["heel"], []), (["arch"], [])], ([], [])),
])
def test_shared_zones_table(patterns, expected):
    assert handout.shared_zones(patterns) == expected


def test_heel_sheet_names_no_far_away_place(data, ranker):
    ess, spill = handout.shared_zones([ranker.pattern(m) for m in data.conditions["plantar_heel_pain"].muscles])
    assert "heel" in ess and not {"sacroiliac", "posterior_knee"} & set(ess + spill)


def _points_elsewhere(data, ranker) -> list[str]:
    """Muscles whose trigger points sit on another view than the one showing most of their main zone."""
    from triggermap.picture import pattern_view

    return [m for m in sorted(data.muscles)
            if {tp.view for tp in data.points_of(m)} - {pattern_view(data, ranker, [m])}]


def test_the_legend_names_the_muscle_drawn_beside_its_zone(data, ranker):
    # the picture draws the trigger points' view beside the zone's (abductor pollicis longus: wrist zone in front,
    # muscle and × behind); the legend must name the muscle it shows there (it once looked at the first view only)
    elsewhere = _points_elsewhere(data, ranker)
    assert "abductor_pollicis_longus" in elsewhere and len(elsewhere) >= 3, elsewhere
    assert [m for m in elsewhere if handout._outlined(data, ranker, [m]) != "the muscle"] == []
