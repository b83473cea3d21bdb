"""Uncaught page errors: the traceback and a short id go to the server log, the visitor sees a plain message."""

from __future__ import annotations

import uuid

import streamlit as st
from streamlit.logger import get_logger
from streamlit.navigation.page import Page

LOG = get_logger("triggermap.app")  # Streamlit's console handler: same format and level as its own log lines
MESSAGE = ("Something went wrong on this page. Reload it to try again; if that does not help, "
           "report error id {error_id}.")


def run_page(page: Page) -> None:
    """Run the chosen page; on an uncaught error log it with an id and show the id instead of a traceback."""
    try:
        page.run()
    except Exception as exc:  # st.stop and st.rerun are BaseExceptions and pass through
        error_id = uuid.uuid4().hex[:8]
        LOG.error("page '%s' failed, error id %s", page.url_path or "/", error_id, exc_info=exc)
        st.error(MESSAGE.format(error_id=error_id), icon=":material/error:")
