"""Page not found: a short note and links to every page.

explorer.py registers this page at the unknown address itself (/admin), so Streamlit opens no "page not
found" modal of its own; an address no page can be registered at (odd characters) comes here through
/not-found, after Streamlit's modal. Nested ones (/a/b) never load: Streamlit's index page uses relative asset
paths.
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
