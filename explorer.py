"""Trigger-point explorer: entry point (`streamlit run explorer.py`)."""

import os
import sys
import time

import streamlit as st

from app.errors import run_page

_started = time.perf_counter()

st.set_page_config(page_title="Trigger-point explorer", page_icon="✚", layout="wide")

pages = [
    st.Page("app/pages/body_map.py", title="Body map", icon=":material/accessibility_new:", default=True),
    st.Page("app/pages/muscles.py", title="Muscles", icon=":material/fitness_center:"),
    st.Page("app/pages/conditions.py", title="Conditions", icon=":material/medical_information:"),
    st.Page("app/pages/needling.py", title="Dry needling & IMS", icon=":material/vaccines:"),
    st.Page("app/pages/segments.py", title="IMS segments", icon=":material/linear_scale:"),
    st.Page("app/pages/study.py", title="Study", icon=":material/school:"),
]
run_page(st.navigation(pages))
if os.environ.get("TRIGGERMAP_TIMING"):
    # Read by benchmarks/ui.py: the server's own time per rerun (a number only, never user data).
    sys.stderr.write(f"rerun_ms={1000 * (time.perf_counter() - _started):.1f}\n")
