"""Conditions: summary, muscles on the map, DN/IMS applicability, red flags, evidence."""

import streamlit as st

from app.cards import condition_card
from app.components.body_map import body_map
from app.maps import small_multiples_block
from app.setup import page_setup
from app.state import bind
from triggermap.mapstate import map_state, muscle_elements, pattern_classes
from triggermap.picture import pattern_view
from triggermap.urlstate import ConditionsState
from triggermap.vocab import Side, ViewId

ctx = page_setup(ConditionsState)
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state
ss = st.session_state
st.title("Conditions")

ids = sorted(data.conditions, key=lambda c: (data.conditions[c].category == "not_for_dn", data.conditions[c].name))
st.selectbox("Condition", [None, *ids], **bind("cond_pick", state, "condition"),
             format_func=lambda c: "Pick or type a condition…" if c is None else data.conditions[c].name)
if state.condition:
    c = data.conditions[state.condition]
    left, right = st.columns([3, 2], gap="large")
    with left:
        condition_card(data, c.id, audience)
    with right:
        if c.muscles:
            # a condition opens where most of its zones are; a view from the link is kept for that condition
            if state.view is None or ss.get("cond_view_of", state.condition) != state.condition:
                state.view = pattern_view(data, ranker, list(c.muscles))
            ss.cond_view_of = state.condition
            st.selectbox("View", ViewId.values(), format_func=ViewId.label_for, **bind("cond_view", state, "view"))
            view = data.atlas.views[state.view]
            cls = {**pattern_classes(view, *ranker.pattern(*c.muscles)),
                   "hl": muscle_elements(view, c.muscles, Side.RIGHT)}
            body_map("condition_map", state.view, False, map_state("static", cls, large=ctx.large_print))
            st.caption("Dark orange: main zones; light orange, dotted: spillover zones of the muscles listed, "
                       "on the patient's right side. Green outlines: those muscles.")
            small_multiples_block(data, ranker, list(c.muscles[:4]), f"Patterns of the muscles in {c.name.lower()}",
                                  f"cond_{c.id}")
else:
    st.info("Pick a condition to see which muscles are often involved and whether needling applies.")
