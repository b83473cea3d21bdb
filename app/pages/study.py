"""Study: quiz yourself on referral patterns; missed cards come back sooner."""

import streamlit as st

from app.callbacks.study import check_ticks, clear_marks, deck, new_deck, next_card, on_list, submit
from app.callbacks.study_map import on_study_tap, on_study_text, panel_state
from app.cards import sources_list
from app.components.body_map import body_map
from app.setup import page_setup
from app.state import bind
from triggermap.labels import group_label, places
from triggermap.quiz import DIFFICULTIES, Bank, Session
from triggermap.studyview import (
    MapPanel,
    Words,
    map_caption,
    map_panels,
    question,
    review_lines,
    score_line,
    shown_pattern,
    verdict,
)
from triggermap.urlstate import StudyState
from triggermap.vocab import Deck, QuizKind, ViewId

ctx = page_setup(StudyState)
data, ranker, labels, state = ctx.data, ctx.ranker, ctx.labels, ctx.state
ss = st.session_state
ss.setdefault("study_round", 0)
ss.setdefault("study_regions", [])


@st.cache_resource
def question_bank(_data, _ranker) -> Bank:
    """Patterns, groups, view regions and the common muscles, built once per process."""
    return Bank.from_data(_data, _ranker)


bank = question_bank(data, ranker)
words = Words(names=lambda ids: ", ".join(data.muscles[m].name for m in ids) or "nothing",
              places=lambda ids: places([labels[r] for r in ids]) or "nothing")


def pattern_text(muscle) -> str:
    """One line: a muscle's main and spillover zones."""
    ess, spill = ranker.pattern(muscle)
    return f"**{data.muscles[muscle].name}** — main zone: {words.places(ess)}" + (
        f"; spillover: {words.places(spill)}" if spill else "")


def area_list(table) -> None:
    """The same areas as the map, as a list: the route for keyboard and screen-reader users."""
    ss.study_list = [k for k in ss.study_regions if k in set(table)]  # in step with taps on the map
    st.multiselect("…or choose the areas from a list", table, key="study_list", on_change=on_list, args=(table,),
                   format_func=lambda k: labels[k[0]] if k[1] == "midline" else f"{labels[k[0]]} ({k[1]})")
    st.text_input("…or type the area in your own words", key="study_text", max_chars=200, on_change=on_study_text,
                  args=(table,), placeholder="e.g. outer elbow, both heels")
    if ss.pop("study_text_missed", False):
        st.caption("No area on this view matches what you typed; try another view or other words.")


def drawn_regions(card, panel: MapPanel) -> set[str]:
    """The regions a panel shades, to name the other views that show them too."""
    if panel.show == "area":
        return set(card.area)
    if panel.show == "marks":
        return {r for r, _ in ss.study_regions}
    return set(ranker.pattern(*panel.muscles)[0])


def panel_view(panel: MapPanel, view_id: str) -> str:
    """The view chosen, or for a pattern whose main zone it does not show (a distractor's), the pattern's best."""
    if panel.show != "answer" or set(ranker.pattern(*panel.muscles)[0]) & bank.views[view_id]:
        return view_id
    return bank.best_view(ranker.pattern(*panel.muscles)[0])


def draw_map(card, feedback) -> None:
    """The card's map while it is asked; after the answer the student's marks or the area asked, next to a
    right pattern (for 'which muscles', one muscle's at a time, picked above the maps)."""
    views = list(data.atlas.views)
    view_id = st.selectbox("View", views, index=views.index(card.view), key=f"study_view_{card.id}",
                           format_func=ViewId.label_for)
    picked = None
    if feedback is not None and card.kind == "which_muscles":
        right = set(card.answer)
        picked = st.radio("Show the pattern of", card.options, index=card.options.index(shown_pattern(card, None)),
                          horizontal=True,
                          key=f"study_pick_{card.id}_{card.misses + card.streak}",
                          format_func=lambda m: data.muscles[m].name + (" (right answer)" if m in right else ""))
    panels = map_panels(card, feedback is not None, words, picked)
    if card.kind == "click_the_zone" and feedback is None:
        body_map("study_map", view_id, False, panel_state(panels[0], card, view_id, ss.study_regions, True),
                 on_study_tap)
        st.caption("Tap or click an area to mark it (blue), again to unmark (or Tab to it and press Enter). "
                   "R and L are the patient's sides.")
        area_list(sorted({(sh.id, sh.side) for sh in data.atlas.views[view_id].regions}))
        return
    cols = st.columns(len(panels), gap="small")
    for n, (col, panel) in enumerate(zip(cols, panels, strict=True)):
        shown = panel_view(panel, view_id)
        with col:
            if panel.heading:
                st.markdown(f"**{panel.heading}**" + (f" ({ViewId.label_for(shown)})" if shown != view_id else ""))
            body_map("study_picture" + (f"_{n}" if n else ""), shown, False,
                     panel_state(panel, card, shown, ss.study_regions))
    drawn: set[str] = set().union(*(drawn_regions(card, p) for p in panels))
    elsewhere = [ViewId.label_for(v) for v, regions in bank.views.items() if v != view_id and drawn & regions]
    st.caption(map_caption(panels, elsewhere))


def ask(card) -> None:
    """The question and its answer widgets."""
    key = f"study_{card.id}_{card.misses + card.streak}"  # fresh widgets each time a card comes back
    if card.kind == "name_the_muscle":
        pick = st.radio("Muscle", card.options, index=None, key=key, format_func=lambda m: data.muscles[m].name,
                        label_visibility="collapsed")
        st.button("Check", type="primary", on_click=submit, args=([pick] if pick else [],), disabled=pick is None)
    elif card.kind == "which_muscles":
        for option in card.options:
            st.checkbox(data.muscles[option].name, key=f"{key}_{option}")
        st.button("Check", type="primary", on_click=check_ticks, args=(card.options, f"{key}_"))
    else:
        st.caption("The pattern is described for the patient's right side. Switch views if you need to.")
        marked = sorted({r for r, _ in ss.study_regions})
        st.markdown(f"**Marked:** {', '.join(labels[r] for r in marked)}" if marked else "Nothing marked yet.")
        cols = st.columns(2)
        cols[0].button("Check", type="primary", on_click=submit, args=(marked,), disabled=not marked)
        cols[1].button("Clear marks", disabled=not marked, on_click=clear_marks)


def explain(card, feedback) -> None:
    """Immediate feedback: verdict, score and the right patterns (also drawn on the map)."""
    result = verdict(card, feedback, words)
    (st.success if result.correct else st.error)(
        result.text, icon=":material/check_circle:" if result.correct else ":material/cancel:")
    for muscle in result.muscles:
        st.markdown(pattern_text(muscle))
    if not result.correct:
        st.caption("This card comes back in a couple of questions.")
    st.button("Next question", type="primary", on_click=next_card)
    with st.expander("Sources for these patterns"):
        sources_list(data, [s for m in result.muscles for tp in data.points_of(m) for s in tp.sources])


def review(session: Session) -> None:
    """Every mistake of this deck with the right answer."""
    if session.mistakes:
        with st.expander(f"Review your mistakes ({len(session.mistakes)})", expanded=session.done):
            st.markdown("\n".join(f"- {line}" for line in review_lines(session, ranker.pattern, words)))


def tally(session: Session) -> None:
    """Score line for the deck: one line (two on a phone), so the question stays on the first screen."""
    st.markdown(score_line(session))


st.title("Study")
st.caption("Practise the referral patterns. A missed card comes back until you get it right twice. "
           "Share the address to give someone the same deck.")
groups = sorted(set(bank.groups.values()), key=group_label)
area = "all body areas" if state.group == "all" else group_label(state.group).lower()
# folded, so that on a phone the question is on the first screen; the label says what the deck is. The key keeps
# it the same expander when the label changes: without it each setting changed folded the panel, and a second tap
# made during that rerun landed on whatever moved up under the finger (the question's answers)
deck_name = Deck.label_for(state.deck).lower()
with st.expander(f"Deck: {QuizKind.label_for(state.kind)} · {area} · {deck_name} · {state.difficulty}",
                 icon=":material/tune:", key="study_settings"):
    st.radio("Question type", QuizKind.values(), format_func=QuizKind.label_for, horizontal=True,
             **bind("study_kind", state, "kind"))
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):  # wraps on narrow screens
        st.selectbox("Body area", ["all", *groups], **bind("study_group", state, "group"), width=240,
                     format_func=lambda g: "All body areas" if g == "all" else group_label(g))
        st.radio("Muscles", Deck.values(), format_func=Deck.label_for, horizontal=True, width="content",
                 help="Common: the muscles named most often for the conditions in this app. All: every muscle.",
                 **bind("study_deck", state, "deck"))
        st.radio("Difficulty", DIFFICULTIES, format_func=str.capitalize, horizontal=True, width="content",
                 **bind("study_difficulty", state, "difficulty"))
        st.button("New deck", on_click=new_deck, args=(state,), icon=":material/shuffle:")

session = deck(bank, state)
feedback = ss.get("study_feedback")
tally(session)
if session.done and feedback is None:
    st.success(f"Deck finished: {session.right} of {session.answered} answers right. "
               "Pick new filters or start a new deck.")
else:
    card = session.cards[feedback["card"]] if feedback else session.current
    assert card is not None  # a deck that is not done has a current card
    st.markdown(question(card, words))  # above the map, so a phone shows it on the first screen
    two_maps = feedback is not None and card.kind != "name_the_muscle"  # the answer beside the question
    left, right = st.columns([3, 2] if two_maps else [5, 4], gap="large")
    with left:
        draw_map(card, feedback)
    with right:
        if feedback:
            explain(card, feedback)
        else:
            ask(card)
review(session)
