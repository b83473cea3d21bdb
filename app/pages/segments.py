"""IMS segments: a spinal root's dermatome, the muscles it supplies and the paraspinal level to treat."""

import streamlit as st

from app.cards import sources_list
from app.components.body_map import body_map
from app.setup import page_setup
from app.state import bind
from triggermap.labels import in_sentence
from triggermap.lookup import ROOT_ORDER, segment
from triggermap.mapstate import map_state, muscle_elements, selection_classes
from triggermap.named import DERMATOME_SOURCE, IMS_SOURCES
from triggermap.urlstate import SegmentsState
from triggermap.vocab import Side, ViewId

ROOTS = ROOT_ORDER[:ROOT_ORDER.index("S2") + 1]  # C1–S2: the roots with dermatome rows
MODES = {"root": "A spinal root", "condition": "A nerve-root condition"}

ctx = page_setup(SegmentsState)
data, ranker, labels, audience, state = ctx.data, ctx.ranker, ctx.labels, ctx.audience, ctx.state


def pick_root() -> str:
    """Root chosen directly, or from the roots of a condition IMS is used for."""
    st.radio("Start from", list(MODES), format_func=MODES.get, horizontal=True, **bind("seg_mode", state, "mode"))
    if state.mode == "root":
        if state.root not in ROOTS:
            state.root = "C6"
        st.selectbox("Spinal root", ROOTS, **bind("seg_root", state, "root"))
        return state.root
    radicular = sorted((c for c in data.conditions.values() if c.ims == "indicated"), key=lambda c: c.name)
    if state.condition not in {c.id for c in radicular}:
        state.condition = radicular[0].id
    st.selectbox("Condition", [c.id for c in radicular], format_func=lambda i: data.conditions[i].name,
                 **bind("seg_condition", state, "condition"))
    cond = data.conditions[state.condition]
    roots = [r for r in cond.ims_roots if r in ROOTS] or ROOTS
    if state.root not in roots:  # a root left over from another condition is never kept
        state.root = roots[0]
    st.markdown(f"**{cond.name}** — roots treated segmentally with IMS: **{', '.join(cond.ims_roots)}**. "
                f"{cond.ims_reason}")
    st.selectbox("Root to show", roots, **bind(f"seg_root_{cond.id}", state, "root"))
    return state.root


def dermatome_views(root: str, seg: dict) -> None:
    """Front and back views with the dermatome shaded and the root's muscles outlined."""
    skin = selection_classes((r, Side.MIDLINE if data.atlas.regions[r].midline else Side.RIGHT)
                             for r in seg["dermatome"])
    cols = st.columns(2)
    for col, (view_id, name) in zip(cols, ((ViewId.ANTERIOR, "front"), (ViewId.POSTERIOR, "back")), strict=True):
        muscles = muscle_elements(data.atlas.views[view_id], seg["muscles"] + seg["paraspinal"], None)
        with col:
            st.markdown(f"**{root}: {name}**")
            body_map(f"seg_map_{view_id}", view_id, False,
                     map_state("static", {"sel": skin, "hl": muscles}, large=ctx.large_print))
    drawn = set(data.atlas.views["anterior"].region_ids()) | set(data.atlas.views["posterior"].region_ids())
    hidden = [in_sentence(labels[r]) for r in seg["dermatome"] if r not in drawn]
    st.caption("Blue: the skin area of this root (dermatome) on the right side, after the evidence-based map of "
               "Lee, McPhee & Stringer (2008); published maps disagree, especially in the limbs. Green "
               "outlines: muscles this root supplies (dashed: deep muscles)."
               + (f" Also part of it, not visible here: {', '.join(hidden)}." if hidden else ""))


def muscle_lists(root: str, seg: dict) -> None:
    """The myotome's muscles, the paraspinal level, and one muscle's roots on request."""
    tests = {k.muscle_id: k.test for k in data.key_roots.get(root, ())}
    rest = [data.muscles[m].name for m in seg["contributing"]]
    st.markdown(f"#### Muscles supplied by {root}")
    if seg["key"]:  # key muscles first, as the root tables test them; the rest folded
        st.markdown("**Key muscles** (tested for this root in standard root tables):\n"
                    + "\n".join(f"- {data.muscles[m].name} — {tests[m]}" for m in seg["key"]))
    if rest:
        with st.expander(f"Other muscles with a share of {root} ({len(rest)}), most specific first",
                         expanded=not seg["key"]):
            st.markdown("\n".join(f"- {n}" for n in rest))
    if not seg["muscles"]:
        st.markdown("_No muscle in this app lists this root._")
    for m in seg["paraspinal"]:
        st.markdown(f"**Paraspinal level:** {data.muscles[m].name}, beside the spine at the {root} level. In IMS "
                    "the short muscles next to the spine at the irritated root's level are needled along with "
                    "the shortened muscles in the limb or trunk.")
    st.caption("Roots as listed in the sources for each muscle, key muscles first where the sources name "
               "them; the IMS approach after Gunn.")
    options = [*seg["muscles"], *seg["paraspinal"]]
    if state.lookup not in options:  # a muscle of another root (or from a link) is never kept
        state.lookup = None
    st.selectbox("Look up a muscle's roots", options, **bind("seg_lookup", state, "lookup"),
                 placeholder="Pick a muscle…", format_func=lambda m: data.muscles[m].name)
    if state.lookup:
        m = data.muscles[state.lookup]
        st.markdown(f"**{m.name}** — roots: **{', '.join(m.roots)}** · nerve: {m.nerve}")
        st.caption(f"Where references disagree: {m.roots_note}" if m.roots_note
                   else "Our sources agree on these roots.")


st.title("IMS segments")
st.caption("Gunn's intramuscular stimulation (IMS) treats pain thought to come from an irritated spinal nerve root. "
           "It looks for changes in the skin and muscles that root supplies and needles both the shortened "
           "muscles and the muscles beside the spine at that level. Education, not diagnosis: numbness, weakness "
           "or a root problem need a proper examination.")
root = pick_root()
seg = segment(ranker, root)
left, right = st.columns([3, 2], gap="large")
with left:
    dermatome_views(root, seg)
    st.markdown(f"**Where maps disagree ({root}):** {seg['note']}")
with right:
    muscle_lists(root, seg)
derm = data.dermatomes.get(root)
with st.expander("Sources"):
    ids = [*IMS_SOURCES, *(derm.sources if derm else (DERMATOME_SOURCE,)),
           *(s for k in data.key_roots.get(root, ()) for s in k.sources)]
    sources_list(data, [*ids, *(s for m in seg["muscles"] + seg["paraspinal"] for s in data.muscles[m].sources)])
