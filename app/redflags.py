"""Red flags first: for patients, a short question before the muscle list, and a warning that replaces it."""

from __future__ import annotations

import streamlit as st

from app.callbacks.red_flags import answer_none, ask_again, tick
from app.components.into_view import into_view
from app.state import stored
from triggermap.data import Dataset
from triggermap.redflags import ordered_flags
from triggermap.schema import RedFlagRow
from triggermap.urlstate import BodyMapState, Shared

WHY_HIDDEN = ("**We have hidden the muscle list** because these signs can come from a problem that needs a "
              "doctor, not from muscles. Get checked first; the list will still be here.")


def red_flag_warning(data: Dataset, state: Shared) -> None:
    """The ticked signs with what to do, and why the list is hidden."""
    ticked = [data.red_flags[f] for f in state.flags if f in data.red_flags]
    into_view("red_flag_warning_view", ",".join(sorted(state.flags)))  # a phone shows it where it was ticked
    st.error("**See a doctor first.** You ticked:\n" + "\n".join(f"- {f.text} **{f.action}**" for f in ticked)
             + "\n\n" + WHY_HIDDEN, icon=":material/emergency:")
    st.button("I ticked one by mistake", on_click=ask_again, args=(state,), icon=":material/undo:")


def red_flag_question(data: Dataset, state: Shared) -> None:
    """'Any of these?': one tick shows the warning instead of the list, 'None of these' shows the list."""
    first, others = ordered_flags(data, [r for r, _ in stored(BodyMapState).regions])
    number = {f: n for n, f in enumerate(data.red_flags)}  # the data's order: a key keeps its sign
    with st.container(border=True):
        st.markdown("**Before the list: do you have any of these?**")
        for flag in first:  # the signs for the chosen areas first, all in view: no box scrolling inside the page
            _flag_box(flag, state, number[flag.id])
        if others:
            with st.expander(f"Signs for other parts of the body ({len(others)})"):
                for flag in others:
                    _flag_box(flag, state, number[flag.id])
        st.button("None of these: show the list", type="primary", on_click=answer_none, args=(state,))


def _flag_box(flag: RedFlagRow, state: Shared, number: int) -> None:
    """One sign as a checkbox whose answer outlives the page (the widget does not)."""
    key = f"rf{number}"  # short: the browser sends every checkbox's key and value with each tap on the map
    st.session_state[key] = flag.id in state.flags
    st.checkbox(flag.text, key=key, on_change=tick, args=(state, flag.id, key))


def list_hidden(state: Shared) -> bool:
    """Whether the muscle list waits for the red-flag answer or is replaced by the warning."""
    return bool(state.flags) or not state.flags_answered
