"""Muscles: a searchable, filterable table leading to each muscle's detail card."""

from functools import partial

import pandas as pd
import streamlit as st

from app.callbacks.muscles import on_list_pick, on_table_pick, show_on_map
from app.cards import muscle_card
from app.setup import page_setup
from app.state import page_state
from triggermap.labels import DEPTH_LABELS, RISK_LABELS, group_label
from triggermap.textmatch import Matcher
from triggermap.urlstate import BodyMapState, MusclesState

ctx = page_setup(MusclesState)
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state
st.title("Muscles")


@st.cache_resource
def muscle_matcher():
    """Fuzzy index over muscle names and synonyms (SCM, QL, traps…)."""
    return Matcher({m.id: [m.name, *m.synonyms] for m in data.muscles.values()})


cols = st.columns([3, 2, 2, 2, 2])
query = cols[0].text_input("Search", placeholder="e.g. traps, SCM, QL, calf", max_chars=100)
groups = cols[1].multiselect("Body area", sorted({m.group for m in data.muscles.values()}, key=group_label),
                             format_func=group_label)
depths = cols[2].multiselect("Depth", list(DEPTH_LABELS), format_func=DEPTH_LABELS.get)
roots = cols[3].multiselect("Root", sorted(ranker.roots, key=lambda r: (r[0], len(r), r)))
refers = cols[4].multiselect("Refers pain to", sorted(labels, key=labels.get), format_func=labels.get,
                             help="Muscles whose essential or spillover zone includes any of these regions")

ids = [m for m, _ in muscle_matcher().rank(query, limit=40, cutoff=60)] if query.strip() else \
    sorted(data.muscles, key=lambda m: data.muscles[m].name)
rows = [data.muscles[m] for m in ids]
rows = [m for m in rows if (not groups or m.group in groups) and (not depths or m.depth in depths)
        and (not roots or set(roots) & set(m.roots))
        and (not refers or set(refers) & {r for zone in ranker.pattern(m.id) for r in zone})]
table = pd.DataFrame({"Muscle": [m.name for m in rows], "Area": [group_label(m.group) for m in rows],
                      "Depth": [DEPTH_LABELS[m.depth] for m in rows], "Roots": [", ".join(m.roots) for m in rows],
                      "Needling risk": [RISK_LABELS[m.needling_risk] for m in rows]})
if audience == "patient":  # roots are for professionals; patients get the plain columns
    table = table.drop(columns=["Roots"])
ss = st.session_state
row_ids = [m.id for m in rows]
st.caption(f"{len(rows)} of {len(data.muscles)} muscles")
# st.dataframe takes no args=: the partial carries them (the state object and this run's row order)
st.dataframe(table, hide_index=True, on_select=partial(on_table_pick, state, row_ids), selection_mode="single-row",
             width="stretch", height=320, key="muscle_table")
# keep the list in step with the table and the URL; set before the widget is drawn, as Streamlit requires
ss.muscle_open = state.muscle if state.muscle in row_ids else None
st.selectbox("Open a muscle", row_ids, index=None, key="muscle_open", on_change=on_list_pick, args=(state,),
             placeholder="Pick or type a muscle…", format_func=lambda m: data.muscles[m].name,
             help="The same muscles as the table, for keyboard and screen-reader use.")
if state.muscle in data.muscles:
    muscle_card(data, ranker, labels, state.muscle, audience)
    if st.button("Show on the body map", on_click=show_on_map,
                 args=(page_state(BodyMapState, data, current=False), state.muscle)):
        st.switch_page("app/pages/body_map.py")
elif not rows:
    st.info("No muscle matches. Try a shorter name or clear the filters.")
