"""Study: quiz yourself on referral patterns; missed cards come back sooner."""

import streamlit as st

from app.callbacks.study_map import on_study_tap, on_study_text, study_state
from app.cards import sources_list
from app.components.body_map import body_map
from app.setup import page_setup
from triggermap.quiz import DIFFICULTIES, KINDS, PASS, Bank, Session, build_session

KIND_NAMES = {"name_the_muscle": "Name the muscle", "click_the_zone": "Click the zone",
              "which_muscles": "Which muscles?", "mixed": "Mixed"}
GROUP_NAMES = {"head_jaw": "Head & jaw", "neck": "Neck", "shoulder": "Shoulder", "arm": "Upper arm",
               "forearm_hand": "Forearm & hand", "chest_abdomen": "Chest & belly", "spine": "Back & spine",
               "pelvis_hip": "Pelvis & hip", "thigh": "Thigh", "leg": "Lower leg", "foot": "Foot"}
VIEW_NAMES = {"anterior": "Front", "posterior": "Back", "head_neck": "Head & neck", "foot": "Soles"}
PATTERN_KEY = "Dark orange: main (essential) pain zone. Light orange, dotted: spillover zone."

ctx = page_setup()
data, ranker, labels = ctx.data, ctx.ranker, ctx.labels
ss = st.session_state
ss.setdefault("study_seed", 0)
ss.setdefault("study_round", 0)
ss.setdefault("study_regions", [])


@st.cache_resource
def question_bank(_data, _ranker) -> Bank:
    """Patterns, groups and view regions, built once per process."""
    return Bank.from_data(_data, _ranker)


bank = question_bank(data, ranker)


def names(ids) -> str:
    """Muscle names, comma separated."""
    return ", ".join(data.muscles[m].name for m in ids) or "nothing"


def places(ids) -> str:
    """Region labels in lower case, comma separated."""
    return ", ".join(labels[r].lower() for r in ids) or "nothing"


def pattern_text(muscle) -> str:
    """One line: a muscle's main and spillover zones."""
    ess, spill = ranker.pattern(muscle)
    return f"**{data.muscles[muscle].name}** — main zone: {places(ess)}" + (
        f"; spillover: {places(spill)}" if spill else "")


def save(session: Session) -> None:
    """Keep the deck as plain dicts in session state."""
    ss.study_session = session.to_dict()


def deck() -> Session:
    """The deck in play; a new one whenever a filter or the seed changes."""
    key = [ss.study_kind, None if ss.study_group == "all" else ss.study_group, ss.study_difficulty, ss.study_seed]
    if ss.get("study_deck_key") != key:
        save(build_session(bank, *key))
        ss.study_deck_key, ss.study_feedback, ss.study_regions = key, None, []
    return Session.from_dict(ss.study_session)


def submit(response) -> None:
    """Score the current card and keep the feedback for the next run."""
    session = Session.from_dict(ss.study_session)
    ss.study_feedback = session.answer(response)
    save(session)


def check_ticks(options, prefix) -> None:
    """Submit the ticked options."""
    submit([o for o in options if ss.get(f"{prefix}{o}")])


def next_card() -> None:
    """Leave the feedback and start the next card with an empty map."""
    ss.study_feedback, ss.study_regions = None, []
    ss.study_round += 1


def on_list() -> None:
    """Marks from the list replace this view's marks; marks made on other views stay."""
    shown = set(ss.study_list_options)
    ss.study_regions = [k for k in ss.study_regions if k not in shown] + list(ss.study_list)
    ss.study_round += 1  # fresh chart key, as after a click


def area_list(table) -> None:
    """The same areas as the map, as a list: the route for keyboard and screen-reader users."""
    ss.study_list_options = table
    ss.study_list = [k for k in ss.study_regions if k in set(table)]  # in step with clicks on the map
    st.multiselect("…or choose the areas from a list", table, key="study_list", on_change=on_list,
                   format_func=lambda k: labels[k[0]] if k[1] == "midline" else f"{labels[k[0]]} ({k[1]})")
    st.text_input("…or type the area in your own words", key="study_text", max_chars=200, on_change=on_study_text,
                  args=(table,), placeholder="e.g. outer elbow, both heels")
    if ss.pop("study_text_missed", False):
        st.caption("No area on this view matches what you typed; try another view or other words.")


def draw_map(card, feedback) -> None:
    """The body view with the card's pattern, area or the student's marks."""
    views = list(data.atlas.views)
    view_id = st.selectbox("View", views, index=views.index(card.view), key=f"study_view_{card.id}",
                           format_func=VIEW_NAMES.get)
    state = study_state(card, feedback, view_id, ss.study_regions)
    clickable = card.kind == "click_the_zone" and feedback is None
    if clickable:
        body_map("study_map", view_id, False, state, on_study_tap)
        st.caption("Tap or click an area to mark it, again to unmark (or Tab to it and press Enter). "
                   "R and L are the patient's sides.")
        area_list(sorted({(sh.id, sh.side) for sh in data.atlas.views[view_id].regions}))
    else:
        body_map("study_picture", view_id, False, state)
        shown = card.area if card.kind == "which_muscles" else ranker.pattern(card.muscle)[0]
        elsewhere = [VIEW_NAMES[v] for v, regions in bank.views.items() if v != view_id and set(shown) & regions]
        st.caption(("Blue: the pain area. " if card.kind == "which_muscles" else PATTERN_KEY + " ")
                   + (f"Also drawn on: {', '.join(elsewhere)}." if elsewhere else ""))


def ask(card) -> None:
    """The question and its answer widgets."""
    key = f"study_{card.id}_{card.misses + card.streak}"  # fresh widgets each time a card comes back
    if card.kind == "name_the_muscle":
        st.markdown("**Whose trigger points refer pain in this pattern?**")
        pick = st.radio("Muscle", card.options, index=None, key=key, format_func=lambda m: data.muscles[m].name,
                        label_visibility="collapsed")
        st.button("Check", type="primary", on_click=submit, args=([pick] if pick else [],), disabled=pick is None)
    elif card.kind == "which_muscles":
        st.markdown(f"**Which of these muscles have a main pain zone that covers the {places(card.area)}?** "
                    "Tick all that apply.")
        for option in card.options:
            st.checkbox(data.muscles[option].name, key=f"{key}_{option}")
        st.button("Check", type="primary", on_click=check_ticks, args=(card.options, f"{key}_"))
    else:
        st.markdown(f"**Mark the main pain zone of {data.muscles[card.muscle].name}** on the map.")
        st.caption("The pattern is described for the patient's right side. Switch views if you need to.")
        marked = sorted({r for r, _ in ss.study_regions})
        st.markdown(f"**Marked:** {', '.join(labels[r] for r in marked)}" if marked else "Nothing marked yet.")
        cols = st.columns(2)
        cols[0].button("Check", type="primary", on_click=submit, args=(marked,), disabled=not marked)
        cols[1].button("Clear marks", disabled=not marked, on_click=lambda: ss.update(study_regions=[]))


def explain(card, feedback) -> None:
    """Immediate feedback: verdict, score and the right pattern."""
    value = feedback["score"]
    verdict = "Right!" if feedback["correct"] else "Not quite."
    if card.kind == "name_the_muscle":
        detail = f"It is **{names(card.answer)}**." + ("" if feedback["correct"] else
                                                        f" You picked {names(feedback['response'])}.")
    elif card.kind == "click_the_zone":
        got, want = set(feedback["response"]), set(card.answer)
        detail = (f"Overlap with the main zone: {value:.0%} (pass: {PASS[card.kind]:.0%}). "
                  f"Hit: {places(sorted(got & want))}. Missed: {places(sorted(want - got))}."
                  + (f" Outside the main zone (blue): {places(sorted(got - want))}." if got - want else ""))
    else:
        detail = (f"Score {value:.0%} (pass: {PASS[card.kind]:.0%}). Right answers: **{names(card.answer)}**. "
                  f"You ticked: {names(feedback['response'])}.")
    if feedback["correct"]:
        st.success(f"{verdict} {detail}", icon=":material/check_circle:")
    else:
        st.error(f"{verdict} {detail}", icon=":material/cancel:")
    for muscle in card.answer if card.kind == "which_muscles" else [card.muscle]:
        st.markdown(pattern_text(muscle))
    if not feedback["correct"]:
        st.caption("This card comes back in a couple of questions.")
    st.button("Next question", type="primary", on_click=next_card)
    with st.expander("Sources for these patterns"):
        muscles = card.answer if card.kind == "which_muscles" else [card.muscle]
        sources_list(data, [s for m in muscles for tp in data.points_of(m) for s in tp.sources])


def answer_text(card, ids) -> str:
    """A response or answer in words."""
    return places(ids) if card.kind == "click_the_zone" else names(ids)


def review(session: Session) -> None:
    """Every mistake of this deck with the right answer."""
    if not session.mistakes:
        return
    with st.expander(f"Review your mistakes ({len(session.mistakes)})", expanded=session.done):
        for m in session.mistakes:
            card = session.cards[m["card"]]
            if card.kind == "name_the_muscle":
                asked = f"Pattern with main zone {places(ranker.pattern(card.muscle)[0])}"
            elif card.kind == "click_the_zone":
                asked = f"Main zone of {data.muscles[card.muscle].name}"
            else:
                asked = f"Muscles with a main zone on the {places(card.area)}"
            st.markdown(f"- {asked}: you answered {answer_text(card, m['response'])}; "
                        f"right: **{answer_text(card, card.answer)}**")


def tally(session: Session) -> None:
    """Score line for the deck."""
    cols = st.columns(4)
    cols[0].metric("Answered", session.answered)
    cols[1].metric("Right", session.right)
    cols[2].metric("Average score", f"{session.points / session.answered:.0%}" if session.answered else "–")
    cols[3].metric("Cards left", len(session.queue))


st.title("Study")
st.caption("Practise the referral patterns. Missed cards come back a couple of questions later; "
           "a card you missed has to be right twice before it leaves the deck.")
top = st.columns([4, 2, 2, 1], vertical_alignment="bottom")
top[0].radio("Question type", [*KINDS, "mixed"], key="study_kind", format_func=KIND_NAMES.get, horizontal=True)
groups = [g for g in GROUP_NAMES if g in set(bank.groups.values())]
top[1].selectbox("Body area", ["all", *groups], key="study_group",
                 format_func=lambda g: GROUP_NAMES.get(g, "All body areas"))
top[2].radio("Difficulty", DIFFICULTIES, key="study_difficulty", format_func=str.capitalize, horizontal=True)
top[3].button("New deck", on_click=lambda: ss.update(study_seed=ss.study_seed + 1))

session = deck()
feedback = ss.get("study_feedback")
tally(session)
if session.done and feedback is None:
    st.success(f"Deck finished: {session.right} of {session.answered} answers right. "
               "Pick new filters or start a new deck.")
else:
    card = session.cards[feedback["card"]] if feedback else session.current
    left, right = st.columns([5, 4], gap="large")
    with left:
        draw_map(card, feedback)
    with right:
        if feedback:
            explain(card, feedback)
        else:
            ask(card)
review(session)
