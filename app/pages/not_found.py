"""Page not found: a short note and links to every page.

Streamlit alone runs the body map for an unknown path, over a modal that it cannot be told to skip (hiding
it leaves the page inert), so the modal stays and this page is what shows once it is closed.
"""

import streamlit as st

from app.setup import page_setup

LINKS = [("app/pages/body_map.py", "Body map: where does it hurt?"), ("app/pages/muscles.py", "Muscles"),
         ("app/pages/conditions.py", "Conditions"), ("app/pages/needling.py", "Dry needling & IMS"),
         ("app/pages/segments.py", "IMS segments"), ("app/pages/study.py", "Study")]

page_setup()
st.title("Page not found")
st.markdown("There is no page at this address. It may have been mistyped or moved. Go to:")
for path, label in LINKS:
    st.page_link(path, label=label)
