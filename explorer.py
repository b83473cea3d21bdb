"""Trigger-point explorer: entry point (`streamlit run explorer.py`)."""

import streamlit as st

st.set_page_config(page_title="Trigger-point explorer", page_icon="✚", layout="wide")

pages = [
    st.Page("pages/body_map.py", title="Body map", icon=":material/accessibility_new:", default=True),
    st.Page("pages/muscles.py", title="Muscles", icon=":material/fitness_center:"),
    st.Page("pages/conditions.py", title="Conditions", icon=":material/medical_information:"),
]
st.navigation(pages).run()
