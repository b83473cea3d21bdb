"""Streamlit glue shared by the pages: cached data, sidebar, shared-link state."""

from __future__ import annotations

import streamlit as st

from triggermap.atlas import AtlasError
from triggermap.data import DataError, load_dataset
from triggermap.lookup import Ranker
from triggermap.selection import AUDIENCES, UrlState, parse_params, to_params

DISCLAIMER = ("**Education, not diagnosis.** This map shows where muscles *can* refer pain, as "
              "described in the trigger-point literature. It cannot tell you what is wrong. "
              "See a doctor for new, severe or unexplained pain.")
AUDIENCE_LABELS = {"patient": "Patient", "student": "Student", "clinician": "Clinician"}


@st.cache_resource(show_spinner="Loading the body atlas and data…")
def resources():
    """Dataset, ranker and region labels, loaded once per process."""
    data = load_dataset()
    labels = {r: reg.label for r, reg in data.atlas.regions.items()}
    return data, Ranker(data), labels


def load_or_stop():
    """Resources, or a readable error page when a data file is broken."""
    try:
        return resources()
    except (AtlasError, DataError) as exc:
        st.error(f"The app's data could not be loaded: {exc}")
        st.stop()


def url_state(data) -> UrlState:
    """The state carried by the URL, parsed once per session; bad parameters become notices."""
    if "url_state" not in st.session_state:
        state, notices = parse_params(dict(st.query_params), data.atlas.regions, data.muscles,
                                      data.conditions)
        st.session_state.url_state = state
        st.session_state.notices = notices
        st.session_state.audience = state.audience
    return st.session_state.url_state


def sync_url(state: UrlState) -> None:
    """Write the state back to the address bar so a copied link reproduces the screen."""
    state.audience = st.session_state.get("audience", state.audience)
    params = to_params(state)
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)


def sidebar(data) -> str:
    """Audience switch and the disclaimer; return the audience."""
    state = url_state(data)
    with st.sidebar:
        st.radio("I am a…", AUDIENCES, key="audience", format_func=AUDIENCE_LABELS.get,
                 help="Changes how much detail is shown and what comes first.")
        st.info(DISCLAIMER)
    for notice in st.session_state.pop("notices", []):
        st.toast(notice)
    state.audience = st.session_state.audience
    return state.audience
