"""Trigger-point explorer: entry point (`streamlit run explorer.py`)."""

import os
import sys
import time

import streamlit as st

from app.errors import run_page
from app.state import stray_path, sync_url, unknown_path

_started = time.perf_counter()

st.set_page_config(page_title="Trigger-point explorer", page_icon="✚", layout="wide")

HOME = "body_map"  # the default page's own path: Streamlit serves it at the root and also reserves /body_map
pages = [
    st.Page(f"app/pages/{HOME}.py", title="Body map", icon=":material/accessibility_new:", default=True),
    st.Page("app/pages/muscles.py", title="Muscles", icon=":material/fitness_center:"),
    st.Page("app/pages/conditions.py", title="Conditions", icon=":material/medical_information:"),
    st.Page("app/pages/needling.py", title="Dry needling & IMS", icon=":material/vaccines:"),
    st.Page("app/pages/segments.py", title="IMS segments", icon=":material/linear_scale:"),
    st.Page("app/pages/study.py", title="Study", icon=":material/school:"),
]
base = st.get_option("server.baseUrlPath")
# The not-found page answers at the unknown address itself (/admin): Streamlit then finds a page there and opens
# no modal of its own. Paths it cannot hold (nested, odd characters) go to /not-found instead.
# Kept for the session: a page list that changes between runs sends the browser to odd addresses.
known = {p.url_path for p in pages} | {HOME, "not-found"}
if "stray_path" not in st.session_state:  # read once, on the session's first run
    st.session_state.stray_path = stray_path(st.context.url, known, base)
stray = st.session_state.stray_path
not_found = st.Page("app/pages/not_found.py", title="Page not found", url_path=stray or "not-found",
                    visibility="hidden")
page = st.navigation([*pages, not_found])
if page is not not_found and unknown_path(st.context.url, page.url_path or HOME, base):
    st.switch_page(not_found)  # Streamlit would run the body map for /admin; say so instead
run_page(page)
sync_url()
if os.environ.get("TRIGGERMAP_TIMING"):
    # Read by benchmarks/ui.py: the server's own time per rerun (a number only, never user data).
    sys.stderr.write(f"rerun_ms={1000 * (time.perf_counter() - _started):.1f}\n")
