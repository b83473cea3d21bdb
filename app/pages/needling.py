"""Dry needling & IMS: side-by-side comparison, safety, aftercare and a practical guide for Canada."""

import pandas as pd
import streamlit as st

from app.setup import page_setup

TAB_ORDER = {  # patients need the practical guide and safety first; clinicians the comparison
    "patient": ("guide", "safety", "compare"),
    "student": ("compare", "safety", "guide"),
    "clinician": ("compare", "safety", "guide"),
}
TAB_TITLES = {"compare": "Comparison", "safety": "Safety", "guide": "Practical guide for Canada"}

ctx = page_setup()
data, audience = ctx.data, ctx.audience
refs: dict[str, int] = {}  # source id -> number in the list at the bottom, in order of first citation


def cite(ids) -> str:
    """Number the sources (first citation first) and return 'Sources: [1], [4]'."""
    for sid in ids:
        refs.setdefault(sid, len(refs) + 1)
    return "Sources: " + ", ".join(f"[{n}]" for n in sorted({refs[s] for s in ids}))


def rows(section: str) -> list:
    """Guide rows of one section, in file order."""
    return [r for r in data.guide if r.section == section]


def section(title: str, name: str, box=None, numbered: bool = False) -> None:
    """A guide section: rows as a list, professional detail folded away for patients, then its sources."""
    items = rows(name)
    shown = [r for r in items if audience != "patient" or r.audience != "clinician"]
    extra = [r for r in items if r not in shown]
    st.markdown(f"#### {title}")
    if numbered:  # first_session topics already carry their step number, so no bullets
        body = "\n\n".join(f"**{r.topic}** — {r.text}" for r in shown)
    else:
        body = "\n".join(f"- **{r.topic}:** {r.text}" for r in shown)
    (box or st.markdown)(body)
    if extra:
        with st.expander("More detail for health professionals"):
            st.markdown("\n".join(f"- **{r.topic}:** {r.text}" for r in extra))
    st.caption(cite([s for r in items for s in r.sources]))


def faq() -> None:
    """Questions patients ask, one expander each."""
    st.markdown("#### Questions people ask")
    items = rows("faq")
    for r in items:
        with st.expander(r.topic, expanded=audience == "patient"):
            st.markdown(r.text)
    st.caption(cite([s for r in items for s in r.sources]))


def comparison() -> None:
    """DN vs IMS vs acupuncture table, then DN against other treatments."""
    st.markdown("#### Dry needling, IMS and acupuncture side by side")
    table = pd.DataFrame([{"Topic": c.topic, "Dry needling": c.dn, "IMS (Gunn)": c.ims,
                           "Acupuncture": c.acupuncture, "Sources": cite(c.sources).removeprefix("Sources: ")}
                          for c in data.comparison]).set_index("Topic")
    st.table(table)
    st.caption(cite([s for c in data.comparison for s in c.sources]))
    section("Dry needling compared with other treatments", "comparison_other")


def safety() -> None:
    """Contraindications and precautions first, then side effects and serious risks."""
    section("When needling is not done", "contraindication")
    section("When extra care is needed", "precaution")
    section("Side effects: how common, how long", "side_effect")
    section("Rare but serious risks", "serious_risk", box=st.warning)


def guide() -> None:
    """Who may needle in Canada, how to check, insurance, the first visit, sessions, aftercare, FAQ."""
    st.info("This guide explains what to expect; it is not advice about your own treatment. Rules change, "
            "so check with the provincial college.")
    if audience == "patient":
        section("Your first session, step by step", "first_session", numbered=True)
        section("How many sessions", "sessions")
        section("Aftercare", "aftercare")
        faq()
    section("Who may needle in Canada", "canada_who")
    section("Checking registration and training", "canada_check")
    section("Insurance", "canada_insurance")
    if audience != "patient":
        section("A first session, step by step", "first_session", numbered=True)
        section("How many sessions", "sessions")
        section("Aftercare", "aftercare")
        faq()


def sources() -> None:
    """Every source cited on the page, numbered as cited."""
    st.subheader("Sources")
    lines = []
    for sid, n in sorted(refs.items(), key=lambda kv: kv[1]):
        src = data.sources[sid]
        lines.append(f"{n}. {src.citation}" + (f" [link]({src.url})" if src.url else ""))
    st.markdown("\n".join(lines))


st.title("Dry needling & IMS")
st.caption("What dry needling and IMS are, how they differ from acupuncture and other treatments, how safe they "
           "are, and how to find a qualified practitioner in Canada. Every section lists its sources; the "
           "numbers refer to the list at the bottom of the page.")
order = TAB_ORDER[audience]
render = {"compare": comparison, "safety": safety, "guide": guide}
for tab, key in zip(st.tabs([TAB_TITLES[k] for k in order]), order, strict=True):
    with tab:
        render[key]()
st.divider()
sources()
