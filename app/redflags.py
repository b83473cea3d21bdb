"""Red flags first: for patients, a short question before the muscle list, and a warning that replaces it."""

from __future__ import annotations

import streamlit as st

from app.callbacks.red_flags import answer_none, ask_again, tick
from triggermap.data import Dataset
from triggermap.urlstate import Shared

WHY_HIDDEN = ("**We have hidden the muscle list** because these signs can come from a problem that needs a "
              "doctor, not from muscles. Get checked first; the list will still be here.")


def red_flag_warning(data: Dataset, state: Shared) -> None:
    """The ticked signs with what to do, and why the list is hidden."""
    ticked = [data.red_flags[f] for f in state.flags if f in data.red_flags]
    st.error("**See a doctor first.** You ticked:\n" + "\n".join(f"- {f.text} **{f.action}**" for f in ticked)
             + "\n\n" + WHY_HIDDEN, icon=":material/emergency:")
    st.button("I ticked one by mistake", on_click=ask_again, args=(state,), icon=":material/undo:")


def red_flag_question(data: Dataset, state: Shared) -> None:
    """'Any of these?': one tick shows the warning instead of the list, 'None of these' shows the list."""
    with st.container(border=True):
        st.markdown("**Before the list: do you have any of these?**")
        with st.container(height=300, border=False):  # fifteen signs: scroll inside, keep the answer in view
            for flag in data.red_flags.values():
                key = f"flag_{flag.id}"
                st.session_state[key] = flag.id in state.flags  # the answer outlives the page, not the widget
                st.checkbox(flag.text, key=key, on_change=tick, args=(state, flag.id, key))
        st.button("None of these: show the list", type="primary", on_click=answer_none, args=(state,))


def list_hidden(state: Shared) -> bool:
    """Whether the muscle list waits for the red-flag answer or is replaced by the warning."""
    return bool(state.flags) or not state.flags_answered
