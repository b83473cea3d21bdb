"""Conditions: summary, muscles on the map, DN/IMS applicability, red flags, evidence."""

import streamlit as st

from app.cards import condition_card
from app.components.body_map import body_map
from app.maps import small_multiples_block
from app.setup import page_setup
from app.state import sync_url
from triggermap.mapstate import map_state, muscle_elements, pattern_classes
from triggermap.picture import VIEW_NAMES, pattern_view

ctx = page_setup()
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state
st.title("Conditions")

ids = sorted(data.conditions, key=lambda c: (data.conditions[c].category == "not_for_dn", data.conditions[c].name))
state.condition = st.selectbox(
    "Condition", [None, *ids], index=(ids.index(state.condition) + 1) if state.condition in ids else 0,
    format_func=lambda c: "Pick or type a condition…" if c is None else data.conditions[c].name)
if state.condition:
    c = data.conditions[state.condition]
    left, right = st.columns([3, 2], gap="large")
    with left:
        condition_card(data, c.id, audience)
    with right:
        if c.muscles:
            views = list(VIEW_NAMES)
            best = pattern_view(data, ranker, list(c.muscles))  # opens where most of the zones are
            view_id = st.selectbox("View", views, index=views.index(best), key=f"cond_view_{c.id}",
                                   format_func=VIEW_NAMES.get)
            view = data.atlas.views[view_id]
            cls = {**pattern_classes(view, *ranker.pattern(*c.muscles)),
                   "hl": muscle_elements(view, c.muscles, "right")}
            body_map("condition_map", view_id, False, map_state("static", cls, large=ctx.large_print))
            st.caption("Dark orange: main zones; light orange, dotted: spillover zones of the muscles listed, "
                       "on the patient's right side. Green outlines: those muscles.")
            small_multiples_block(data, ranker, list(c.muscles[:4]), f"Patterns of the muscles in {c.name.lower()}",
                                  f"cond_{c.id}")
else:
    st.info("Pick a condition to see which muscles are often involved and whether needling applies.")
sync_url(state)
