"""Conditions: summary, muscles on the map, DN/IMS applicability, red flags, evidence."""

import streamlit as st

from app.cards import condition_card
from app.setup import page_setup
from app.state import sync_url
from triggermap.figures import body_figure, pattern_shading

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
            shading = pattern_shading(*ranker.pattern(*c.muscles))
            view_id = st.selectbox("View", ["anterior", "posterior", "head_neck", "foot"],
                                   format_func={"anterior": "Front", "posterior": "Back",
                                                "head_neck": "Head & neck", "foot": "Soles"}.get)
            fig, _ = body_figure(data.atlas.views[view_id], labels, shading, height=560,
                                 highlight=frozenset(c.muscles), title="Referral zones")
            st.plotly_chart(fig, config={"displayModeBar": False, "staticPlot": True}, width="stretch")
            st.caption("Shaded: the combined referral zones of the muscles listed (patient's right side).")
else:
    st.info("Pick a condition to see which muscles are often involved and whether needling applies.")
sync_url(state)
