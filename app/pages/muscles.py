"""Muscles: a searchable, filterable table leading to each muscle's detail card."""

import pandas as pd
import streamlit as st

from app.cards import muscle_card
from app.setup import page_setup
from app.state import sync_url
from triggermap.textmatch import Matcher

ctx = page_setup()
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state
st.title("Muscles")


@st.cache_resource
def muscle_matcher():
    """Fuzzy index over muscle names and synonyms (SCM, QL, traps…)."""
    return Matcher({m.id: [m.name, *m.synonyms] for m in data.muscles.values()})


cols = st.columns([3, 2, 2, 2, 2])
query = cols[0].text_input("Search", placeholder="e.g. traps, SCM, QL, calf", max_chars=100)
groups = cols[1].multiselect("Body area", sorted({m.group for m in data.muscles.values()}))
depths = cols[2].multiselect("Depth", ["superficial", "intermediate", "deep"])
roots = cols[3].multiselect("Root", sorted(ranker.roots, key=lambda r: (r[0], len(r), r)))
refers = cols[4].multiselect("Refers pain to", sorted(labels, key=labels.get), format_func=labels.get,
                             help="Muscles whose essential or spillover zone includes any of these regions")

ids = [m for m, _ in muscle_matcher().rank(query, limit=40, cutoff=60)] if query.strip() else \
    sorted(data.muscles, key=lambda m: data.muscles[m].name)
rows = [data.muscles[m] for m in ids]
rows = [m for m in rows if (not groups or m.group in groups) and (not depths or m.depth in depths)
        and (not roots or set(roots) & set(m.roots))
        and (not refers or set(refers) & {r for zone in ranker.pattern(m.id) for r in zone})]
table = pd.DataFrame({"Muscle": [m.name for m in rows], "Area": [m.group.replace("_", " ") for m in rows],
                      "Depth": [m.depth for m in rows], "Roots": [", ".join(m.roots) for m in rows],
                      "Needling risk": [m.needling_risk for m in rows]})
ss = st.session_state


def on_table_pick() -> None:
    """A row clicked in the table opens that muscle (only on a new click, so the list below can override it)."""
    picked = ss.muscle_table.selection.rows
    if picked and picked[0] < len(ss.muscle_rows):
        state.muscle = ss.muscle_rows[picked[0]]


def on_list_pick() -> None:
    """The list below the table: the keyboard and screen-reader route to a muscle (the table is a canvas)."""
    if ss.muscle_open:
        state.muscle = ss.muscle_open


ss.muscle_rows = [m.id for m in rows]
st.caption(f"{len(rows)} of {len(data.muscles)} muscles")
st.dataframe(table, hide_index=True, on_select=on_table_pick, selection_mode="single-row",
             width="stretch", height=320, key="muscle_table")
# keep the list in step with the table and the URL; set before the widget is drawn, as Streamlit requires
ss.muscle_open = state.muscle if state.muscle in ss.muscle_rows else None
st.selectbox("Open a muscle", ss.muscle_rows, index=None, key="muscle_open", on_change=on_list_pick,
             placeholder="Pick or type a muscle…", format_func=lambda m: data.muscles[m].name,
             help="The same muscles as the table, for keyboard and screen-reader use.")
if state.muscle in data.muscles:
    muscle_card(data, ranker, labels, state.muscle, audience)
    if st.button("Show on the body map"):
        state.mode = "muscle"
        sync_url(state)
        st.switch_page("app/pages/body_map.py")
elif not rows:
    st.info("No muscle matches. Try a shorter name or clear the filters.")
sync_url(state)
