"""Body map: click where it hurts, or explore a muscle's referral pattern."""

import streamlit as st

from app.body_map_panel import OUTSIDE, asks_flags, layout, outside_key
from app.redflags import red_flag_warning
from app.setup import page_setup
from app.state import bind
from triggermap.urlstate import BodyMapState
from triggermap.vocab import BODY_SIDES, Mode, Side, ViewId

ctx = page_setup(BodyMapState)
state = ctx.state

st.title("Body map")
top = st.columns([3, 2, 2])
st.session_state.setdefault("mode_pick", state.mode)
st.session_state.setdefault("view_pick", state.view)
state.mode = top[0].radio("Mode", Mode.values(), key="mode_pick", format_func=Mode.label_for, horizontal=True,
                          label_visibility="collapsed")
state.view = top[1].selectbox("View", ViewId.values(), key="view_pick", format_func=ViewId.label_for)
top[2].radio("Side for typed places and the head view", [s.value for s in BODY_SIDES], horizontal=True,
             format_func=Side.label_for, **bind("side_pick", ctx.shared, "side"))

# Red flags first (patients): a ticked sign's warning goes above everything, where a tablet shows it at once.
# Always one slot, shown or empty: the map's fragment, called below, gets its id from its place on the page, and a
# new id would send the map's drawing again.
warning = st.empty()
if asks_flags(state, ctx.shared) and ctx.shared.flags:
    with warning.container():
        red_flag_warning(ctx.data, ctx.shared)
# The map and its results rerun on their own when tapped; they rerun the page when this part must change.
st.session_state[OUTSIDE] = outside_key(state, ctx.shared)
layout(state, ctx.shared)
