"""Page setup shared by every page: cached data, the sidebar and a typed page context."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app.state import large_print, url_state
from triggermap.atlas import AtlasError
from triggermap.data import DataError, Dataset, load_dataset
from triggermap.lookup import Ranker
from triggermap.selection import UrlState
from triggermap.vocab import Audience

DISCLAIMER = ("**Education, not diagnosis.** This map shows where muscles *can* refer pain, as "
              "described in the trigger-point literature. It cannot tell you what is wrong. "
              "See a doctor for new, severe or unexplained pain.")
# Our own constant CSS (never user text). Streamlit draws captions at 60% opacity, 3.9:1 contrast on white,
# below WCAG 1.4.3's 4.5:1, and its focus ring is faint; both are fixed on every page.
BASE_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1; color: #5C5955; }
:focus-visible:not(main) { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
</style>"""
# Chairside mode: read at arm's length on a shared screen, possibly by someone with low vision.
LARGE_PRINT_CSS = """<style>
html { font-size: 22px; }
[data-testid="stMain"], [data-testid="stSidebar"] { color: #000000; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { line-height: 1.6; }
[data-testid="stCaptionContainer"] { color: #222222; font-size: 1rem; }
[data-testid="stMain"] a { text-decoration: underline; text-decoration-thickness: 2px; }
:focus-visible:not(main) { outline-width: 4px !important; }
</style>"""


@st.cache_resource(show_spinner="Loading the body atlas and data…")
def resources() -> tuple[Dataset, Ranker, dict[str, str]]:
    """Dataset, ranker and region labels, loaded once per process."""
    data = load_dataset()
    labels = {r: reg.label for r, reg in data.atlas.regions.items()}
    return data, Ranker(data), labels


def load_or_stop() -> tuple[Dataset, Ranker, dict[str, str]]:
    """Resources, or a readable error page when a data file is broken."""
    try:
        return resources()
    except (AtlasError, DataError) as exc:
        st.error(f"The app's data could not be loaded: {exc}")
        st.stop()


def sidebar(data: Dataset) -> str:
    """Audience switch, large-print switch and the disclaimer; return the audience."""
    state = url_state(data)
    # re-assign so the switch survives page changes (Streamlit drops widget state of pages not shown)
    st.session_state.large_print = large_print()
    with st.sidebar:
        st.radio("I am a…", Audience.values(), key="audience", format_func=Audience.labels().get,
                 help="Changes how much detail is shown and what comes first.")
        st.toggle("Large print", key="large_print",
                  help="Bigger, darker text and bigger body maps, for reading together at arm's length.")
        st.info(DISCLAIMER)
    st.html(BASE_CSS + (LARGE_PRINT_CSS if large_print() else ""))
    notices = st.session_state.pop("notices", [])
    for notice in notices[:3]:
        st.toast(notice)
    if len(notices) > 3:
        st.toast(f"…and {len(notices) - 3} more parts of the link were ignored.")
    state.audience = st.session_state.audience
    return state.audience


@dataclass(frozen=True)
class PageContext:
    """What every page starts from: data, ranker, region labels, audience, URL state, print size."""

    data: Dataset
    ranker: Ranker
    labels: dict[str, str]
    audience: str
    state: UrlState
    large_print: bool


def page_setup() -> PageContext:
    """Load the data (or stop with a readable error), draw the sidebar and return the page context."""
    data, ranker, labels = load_or_stop()
    audience = sidebar(data)
    return PageContext(data, ranker, labels, audience, url_state(data), large_print())
