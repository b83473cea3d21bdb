"""Callbacks of the Study page and the deck kept in session state (plain dicts, so it survives page changes).

Everything a callback needs comes in through args=; the deck, the feedback and the marks live under
non-widget keys, which Streamlit keeps while the user is on other pages.
"""

from __future__ import annotations

import secrets

import streamlit as st

from triggermap.quiz import Bank, Session, build_session
from triggermap.urlstate import MAX_SEED, StudyState

ss = st.session_state


def new_seed() -> int:
    """A random deck seed (shown in the URL so the same deck can be shared)."""
    return secrets.randbelow(MAX_SEED)


def deck(bank: Bank, state: StudyState) -> Session:
    """The deck in play; a new one whenever a setting or the seed changes, the same one otherwise."""
    if state.seed is None:
        state.seed = new_seed()
    group = None if state.group == "all" else state.group
    key = [state.kind, group, state.difficulty, state.seed, state.deck]
    if ss.get("study_deck_key") != key:
        ss.study_session = build_session(bank, state.kind, group, state.difficulty, state.seed,
                                         deck=state.deck).to_dict()
        ss.study_deck_key, ss.study_feedback, ss.study_regions = key, None, []
    return Session.from_dict(ss.study_session)


def new_deck(state: StudyState) -> None:
    """Deal a new deck with the same settings."""
    state.seed = new_seed()


def submit(response: list[str]) -> None:
    """Score the current card and keep the feedback for the next run."""
    session = Session.from_dict(ss.study_session)
    ss.study_feedback = session.answer(response)
    ss.study_session = session.to_dict()


def check_ticks(options: list[str], prefix: str) -> None:
    """Submit the ticked options."""
    submit([o for o in options if ss.get(f"{prefix}{o}")])


def next_card() -> None:
    """Leave the feedback and start the next card with an empty map."""
    ss.study_feedback, ss.study_regions = None, []
    ss.study_round = ss.get("study_round", 0) + 1


def clear_marks() -> None:
    """Forget the marked regions."""
    ss.study_regions = []


def on_list(options: list[tuple[str, str]]) -> None:
    """Marks from the list replace this view's marks; marks made on other views stay."""
    shown = set(options)
    ss.study_regions = [k for k in ss.study_regions if k not in shown] + list(ss.study_list)
    ss.study_round = ss.get("study_round", 0) + 1  # fresh chart key, as after a click
