"""Session state shared by the pages: the URL-backed state, parsed once and written back once."""

from __future__ import annotations

import streamlit as st

from triggermap.data import Dataset
from triggermap.selection import UrlState, parse_params, to_params


def url_state(data: Dataset) -> UrlState:
    """The state carried by the URL, parsed once per session; bad parameters become notices."""
    if "url_state" not in st.session_state:
        state, notices = parse_params(dict(st.query_params), data.atlas.regions, data.muscles,
                                      data.conditions)
        if state.muscle and "view" not in st.query_params:  # a shared muscle opens where its pattern shows
            from app.setup import resources
            from triggermap.picture import pattern_view

            state.view = pattern_view(data, resources()[1], [state.muscle])
        st.session_state.url_state = state
        st.session_state.notices = notices
        st.session_state.audience = state.audience
    return st.session_state.url_state


def sync_url(state: UrlState) -> None:
    """Write the state back to the address bar so a copied link reproduces the screen."""
    params = to_params(state)
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)


def large_print() -> bool:
    """Whether the large-print, high-contrast chairside mode is on (pages enlarge figures and lines)."""
    return bool(st.session_state.get("large_print", False))
