"""Streamlit renderers for muscle, condition and result cards (text only, no HTML)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from app.downloads import download_button
from app.setup import resources
from triggermap.answers import merge_phrases, pattern_from
from triggermap.data import Dataset
from triggermap.handout import condition_handout, condition_png, muscle_handout, muscle_png
from triggermap.labels import NOT_ROUTINE, places
from triggermap.lookup import Ranker
from triggermap.named import SPECIALIST
from triggermap.schema import ConditionRow, RedFlagRow
from triggermap.vocab import Audience

RISK_BADGE = {"low": ":green[**low**]", "moderate": ":orange[**moderate**]", "high": ":red[**HIGH**]"}
APPLIES = {"indicated": ":green[**often used**]", "adjunct": ":blue[**sometimes, alongside other care**]",
           "not_indicated": ":red[**not appropriate**]"}


def sources_list(data: Dataset, ids: Iterable[str]) -> None:
    """Numbered source citations with links."""
    for sid in dict.fromkeys(ids):
        src = data.sources.get(sid)
        if src:
            st.markdown(f"- {src.citation}" + (f" [link]({src.url})" if src.url else ""))


def muscle_card(data: Dataset, ranker: Ranker, labels: dict[str, str], muscle_id: str, audience: str) -> None:
    """Everything the app knows about one muscle."""
    m = data.muscles[muscle_id]
    points = data.points_of(muscle_id)
    essential, spillover = ranker.pattern(muscle_id)
    st.subheader(m.name)
    if m.synonyms:
        st.caption("Also called: " + ", ".join(m.synonyms))
    routine = f"**{NOT_ROUTINE}** " if SPECIALIST in m.caution_tags else ""
    caution = lambda: st.warning(f"**Needling caution** ({RISK_BADGE[m.needling_risk]} risk): {routine}"  # noqa: E731
                                 f"{m.needling_caution}")
    if audience == Audience.CLINICIAN:
        caution()
    st.markdown(f"**What it does:** {m.action}")
    st.markdown("**Pain pattern:** main zone — " + places([labels[r] for r in essential])
                + (("; spillover — " + places([labels[r] for r in spillover])) if spillover else ""))
    st.markdown("**Where its trigger points are:**")
    for tp in points:
        note = pattern_from(tp.basis)
        st.markdown(f"- *{tp.label}* — {tp.symptoms}" + (f" *({note})*" if note else ""))
    st.markdown("**What loads it:** " + merge_phrases(tp.aggravating for tp in points))
    conditions = data.conditions_of(muscle_id)
    if conditions:
        st.markdown("**Part of:** " + ", ".join(c.name for c in conditions))
        st.markdown("**Dry needling:** " + by_applicability(conditions, "dn") + "  \n"
                    "**IMS** (nerve-root pain): " + by_applicability(conditions, "ims"))
    if audience != Audience.CLINICIAN:
        caution()
    roots = f" · **Roots:** {', '.join(m.roots)}" if audience != Audience.PATIENT else ""  # codes: professionals
    st.markdown(f"**Nerve:** {m.nerve}{roots}")
    if m.roots_note and audience != Audience.PATIENT:
        st.caption(f"Root levels: {m.roots_note}")
    if m.evidence_note:
        st.caption(f"Evidence: {m.evidence_note}")
    with st.expander("Sources"):
        sources_list(data, [*m.sources, *[s for tp in points for s in tp.sources]])
    handout_button("muscle", muscle_id, audience)
    needling_link()


def condition_card(data: Dataset, condition_id: str, audience: str) -> None:
    """Summary, needling applicability, red flags and evidence for a condition."""
    c = data.conditions[condition_id]
    st.subheader(c.name)
    if c.synonyms:
        st.caption("Also called: " + ", ".join(c.synonyms))
    flags = [data.red_flags[f] for f in c.red_flags]
    if audience == Audience.PATIENT and flags:
        red_flag_box(flags)
    st.markdown(c.summary)
    st.markdown(f"**Dry needling:** {APPLIES[c.dn]} — {c.dn_reason}")
    roots = f" (roots {', '.join(c.ims_roots)})" if c.ims_roots and audience != "patient" else ""
    st.markdown(f"**IMS:** {APPLIES[c.ims]}{roots} — {c.ims_reason}")
    if c.muscles:
        st.markdown("**Muscles often involved:** " + ", ".join(data.muscles[m].name for m in c.muscles))
    if audience != Audience.PATIENT and flags:
        red_flag_box(flags)
    st.caption(c.evidence_note)  # the note starts with "Evidence:" and its kind (data/README.md)
    with st.expander("Sources"):
        sources_list(data, c.sources)
    handout_button("condition", condition_id, audience)
    needling_link()


def by_applicability(conditions: Sequence[ConditionRow], field: str) -> str:
    """'often used for A, B; not appropriate for C': each verdict names the conditions it applies to."""
    order = ("indicated", "adjunct", "not_indicated")
    groups = {v: [c.name for c in conditions if getattr(c, field) == v] for v in order}
    return "; ".join(f"{APPLIES[v]} for {', '.join(names)}" for v, names in groups.items() if names)


def red_flag_box(flags: Sequence[RedFlagRow]) -> None:
    """Warning signs that need a doctor rather than needles."""
    st.error("**See a doctor first if you have any of these:**\n"
             + "\n".join(f"- {f.text} — *{f.action}*" for f in flags))


@st.cache_data(show_spinner="Drawing the handout…", max_entries=64)
def handout_pdf(kind: str, item_id: str, audience: str, day: date) -> bytes:
    """One-page PDF for a muscle or condition (cached: the picture takes seconds to render)."""
    data, ranker, _ = resources()
    if kind == "muscle":
        return muscle_handout(data, ranker, item_id, audience, muscle_png(data, ranker, item_id), day)
    return condition_handout(data, ranker, item_id, audience, condition_png(data, ranker, item_id), day)


def handout_button(kind: str, item_id: str, audience: str) -> None:
    """Prepare the printable handout on request, then offer it for download."""
    key = f"handout_{kind}_{item_id}_{audience}"
    if not st.session_state.get(key):
        st.button("Prepare a printable handout (PDF)", icon=":material/print:", key=f"prep_{key}",
                  on_click=lambda: st.session_state.update({key: True}))
        return
    pdf = handout_pdf(kind, item_id, audience, date.today())
    download_button("Download the handout (PDF)", pdf, f"{item_id}_handout.pdf", "application/pdf", key=f"dl_{key}")


def needling_link() -> None:
    """Point to the practical guide: what a session is like, safety, finding a practitioner."""
    label = "Dry needling & IMS: what to expect, safety, finding a practitioner in Canada"
    try:
        st.page_link("app/pages/needling.py", icon=":material/menu_book:", label=label)
    except StreamlitPageNotFoundError:  # a page run on its own (tests) has no navigation to link into
        st.markdown(f"[{label}](needling)")
