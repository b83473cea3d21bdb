"""What the pages' maps show: state for the body map, other views, small multiples and picture downloads."""

from __future__ import annotations

from functools import partial

import streamlit as st

from app.downloads import download_button
from triggermap.data import Dataset
from triggermap.lookup import Ranker
from triggermap.mapstate import (
    map_state,
    point_elements,
    selection_classes,
    views_showing,
)
from triggermap.picture import marks_of, muscle_picture, pattern_state, region_sets, small_multiples, to_png
from triggermap.urlstate import BodyMapState


def map_state_for(data: Dataset, ranker: Ranker, state: BodyMapState, side: str, cautions: bool,
                  large: bool) -> dict:
    """The body map's state: selected regions (pain), or a muscle's pattern, shape and × (muscle), on a side."""
    view = data.atlas.views[state.view]
    flip = view.single_side and side == "left"
    if state.mode == "pain":
        return map_state("pain", {"sel": selection_classes(state.regions)}, cautions, large)
    marks = marks_of(data, state.view)
    if not state.muscle:  # every trigger point of the side, grouped by the browser where they crowd
        return map_state("muscle", {"on": point_elements(view, marks, None, side, flip)}, cautions, large)
    shown = pattern_state(data, ranker, state.view, [state.muscle], side, large, zoom=True)
    return {**shown, "cautions": cautions}


def other_views_of(data: Dataset, ranker: Ranker, muscle: str, main: str, side: str = "right") -> list[tuple]:
    """(view id, flip, state) of the other views that show the muscle's pattern or trigger points."""
    ess, spill = ranker.pattern(muscle)
    tp_views = data.point_views(muscle)
    shown = views_showing(region_sets(data), [*ess, *spill], main)[1:]
    shown += [v for v in tp_views if v != main and v not in shown]
    return [(v, data.atlas.views[v].single_side and side == "left",
             pattern_state(data, ranker, v, [muscle], side, zoom=True)) for v in shown]


@st.cache_data(max_entries=64, show_spinner=False)
def _multiples(muscles: tuple[str, ...], side: str, heading: str, _data: Dataset, _ranker: Ranker) -> str:
    return small_multiples(_data, _ranker, list(muscles), side, heading=heading)


def small_multiples_block(data: Dataset, ranker: Ranker, muscles: list[str], heading: str, key: str,
                          side: str = "right", label: str = "Patterns side by side") -> None:
    """The leading muscles' patterns side by side (one picture titled heading), with an SVG download."""
    from app.components.body_map import picture

    muscles = list(dict.fromkeys(muscles))
    if not muscles:
        return
    # Drawn on request: the picture changes with every selection, and a tap should not resend it unasked.
    if not st.toggle(label, key=f"show_{key}", help=f"{heading}: each muscle on its best view, printable"):
        return
    svg = _multiples(tuple(muscles), side, heading, data, ranker)
    with st.container(border=True):
        picture(f"multiples_{key}", svg)
        download_button("Download these patterns (SVG, printable)", svg, f"{key}_patterns.svg", "image/svg+xml",
                        key=f"dl_{key}")


def _picture_svg(muscle: str, side: str) -> str:
    """The muscle's chart as SVG (built when the download is clicked)."""
    from app.setup import resources

    data, ranker = resources()[:2]
    return muscle_picture(data, ranker, muscle, side)


def _picture_png(muscle: str, side: str) -> bytes:
    """The same chart as PNG, rasterised without a browser."""
    return to_png(_picture_svg(muscle, side), 1200)


def muscle_downloads(muscle: str, side: str) -> None:
    """The muscle's chart as SVG and PNG, with the licence and sources inside the files."""
    cols = st.columns(2)
    name = f"{muscle}_{side}_pattern"
    download_button("Picture (SVG)", partial(_picture_svg, muscle, side), f"{name}.svg", "image/svg+xml",
                    where=cols[0], key=f"svg_{muscle}_{side}",
                    help="This pattern for slides and notes; the licence and sources are inside the file")
    download_button("Picture (PNG)", partial(_picture_png, muscle, side), f"{name}.png", "image/png",
                    where=cols[1], key=f"png_{muscle}_{side}")
