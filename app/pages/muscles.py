"""Muscles: a searchable, filterable table leading to each muscle's detail card."""

from functools import partial

import pandas as pd
import streamlit as st

from app.callbacks.muscles import on_list_pick, on_table_pick, show_on_map
from app.cards import muscle_card
from app.setup import page_setup
from app.state import bind, page_state
from triggermap.labels import DEPTH_LABELS, RISK_LABELS, group_label, root_span
from triggermap.lookup import ROOT_ORDER
from triggermap.textmatch import Matcher
from triggermap.urlstate import MAX_SEARCH, BodyMapState, MusclesState

FILTER_WIDTHS = {"groups": 220, "depths": 220, "roots": 180, "refers": 260}

ctx = page_setup(MusclesState)
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state
st.title("Muscles")


@st.cache_resource
def muscle_matcher():
    """Fuzzy index over muscle names and synonyms (SCM, QL, traps…)."""
    return Matcher({m.id: [m.name, *m.synonyms] for m in data.muscles.values()})


def filters() -> None:
    """Search box and filters, bound to the page state; they wrap onto more lines on narrow screens."""
    st.text_input("Search", placeholder="e.g. traps, SCM, QL", max_chars=MAX_SEARCH, **bind("ms_query", state, "query"))
    options: dict[str, list[str]] = {
               "groups": sorted({m.group for m in data.muscles.values()}, key=group_label),
               "depths": list(DEPTH_LABELS), "refers": sorted(labels, key=lambda r: labels[r]),
               "roots": sorted(ranker.roots, key=lambda r: (r[0], len(r), r))}
    for attr, allowed in options.items():  # a linked value this list does not offer is dropped, never an error
        setattr(state, attr, [v for v in getattr(state, attr) if v in allowed])
    # px widths, grown with large print's 22-px text so a chosen tag ("Intermediate ×") is never masked at the edge
    w = {k: round(v * (1.4 if ctx.large_print else 1)) for k, v in FILTER_WIDTHS.items()}
    with st.container(horizontal=True, gap="small"):
        st.multiselect("Body area", options["groups"], format_func=group_label, placeholder="Any", width=w["groups"],
                       **bind("ms_groups", state, "groups"))
        st.multiselect("Depth", options["depths"], format_func=lambda d: DEPTH_LABELS[d], placeholder="Any",
                       width=w["depths"],
                       **bind("ms_depths", state, "depths"))
        if audience != "patient":  # roots are for professionals, like the Roots column
            st.multiselect("Root", options["roots"], placeholder="Any", width=w["roots"],
                           **bind("ms_roots", state, "roots"))
        st.multiselect("Refers pain to", options["refers"], format_func=lambda r: labels[r], placeholder="Any",
                       width=w["refers"], help="Muscles whose main or spillover zone includes any of these areas",
                       **bind("ms_refers", state, "refers"))


filters()
roots = state.roots if audience != "patient" else []  # a patient never sees the root filter, so it never applies
ids = [m for m, _ in muscle_matcher().rank(state.query, limit=40, cutoff=60)] if state.query.strip() else \
    sorted(data.muscles, key=lambda m: data.muscles[m].name)
rows = [data.muscles[m] for m in ids]
rows = [m for m in rows if (not state.groups or m.group in state.groups)
        and (not state.depths or m.depth in state.depths) and (not roots or set(roots) & set(m.roots))
        and (not state.refers or set(state.refers) & {r for zone in ranker.pattern(m.id) for r in zone})]
table = pd.DataFrame({"Muscle": [m.name for m in rows], "Area": [group_label(m.group) for m in rows],
                      "Depth": [DEPTH_LABELS[m.depth] for m in rows],
                      "Roots": [root_span(m.roots, ROOT_ORDER) for m in rows],
                      "Needling risk": [RISK_LABELS[m.needling_risk] for m in rows]})
if audience == "patient":  # roots are for professionals; patients get the plain columns
    table = table.drop(columns=["Roots"])
ss = st.session_state


# (height, row height, column widths) at normal size and in large print
TABLE_SIZES = {False: (420, 68, {"Muscle": 160, "Area": 100, "Depth": 85, "Roots": 85, "Needling risk": 90}),
               True: (520, 104, {"Muscle": 185, "Area": 95, "Depth": 105, "Roots": 70, "Needling risk": 100})}


def table_layout(large: bool) -> dict:
    """Table size: fixed column widths that fit a 1024-px tablet with the sidebar open, in rows taller than
    4 rem so that long names wrap instead of being cut or pushing Roots and Needling risk off-screen
    (Streamlit wraps cell text only in rows that tall; auto widths followed the names and overflowed)."""
    height, row_height, widths = TABLE_SIZES[large]
    return {"height": height, "row_height": row_height,
            "column_config": {c: st.column_config.TextColumn(width=w) for c, w in widths.items()}}


row_ids = [m.id for m in rows]
st.caption(f"{len(rows)} of {len(data.muscles)} muscles")
# st.dataframe takes no args=: the partial carries them (the state object and this run's row order)
st.dataframe(table, hide_index=True, on_select=partial(on_table_pick, state, row_ids), selection_mode="single-row",
             width="stretch", key="muscle_table", **table_layout(ctx.large_print))
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
