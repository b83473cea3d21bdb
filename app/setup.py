"""Page setup shared by every page: cached data, the sidebar and a typed page context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from app.components.history import page_history
from app.state import CURRENT_KEY, bind, page_state, reconnected, shared
from triggermap.atlas import AtlasError
from triggermap.data import DataError, Dataset, load_dataset
from triggermap.lookup import Ranker
from triggermap.urlstate import Shared
from triggermap.vocab import Audience

DISCLAIMER = ("**Education, not diagnosis.** This map shows where muscles *can* refer pain, as "
              "described in the trigger-point literature. It cannot tell you what is wrong. "
              "See a doctor for new, severe or unexplained pain.")
RECONNECTED = ("The connection to the app was lost and has been restored. Your settings came back from the "
               "address bar; if your last tap or entry did not take effect, please do it again.")
# Text boxes whose entry is consumed by a callback: after a reconnect they are emptied so a retry registers.
CLEARED_ON_RECONNECT = ("pain_text",)
# Our own constant CSS (never user text). Streamlit draws captions at 60% opacity, 3.9:1 contrast on white,
# below WCAG 1.4.3's 4.5:1, and its focus ring is faint; both are fixed on every page.
# Button labels and page links wrap instead of being cut to "Export J…" when a column is narrow or the print is
# large; page margins are in px (narrower on tablets and phones), so large print leaves the map its room.
BASE_CSS = """<style>
/* triggermap-base-css: browser tests wait for this marker (st.html inserts styles after the run ends) */
[data-testid="stCaptionContainer"] { opacity: 1; color: #5C5955; }
:focus-visible:not(main) { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
[data-testid^="stBaseButton"] { height: auto; max-width: 100%; }
[data-testid^="stBaseButton"] div, [data-testid^="stBaseButton"] p,
[data-testid="stPageLink"] span, [data-testid="stPageLink"] p, [data-testid="stMultiSelectTagsContainer"] span {
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: break-word; }
[data-testid="stMultiSelectTagsContainer"] {
  flex-wrap: wrap; overflow: visible; height: auto; flex: 1 1 0; min-width: 0; }
div:has(> [data-testid="stMultiSelectTagsContainer"]) { height: auto; max-height: none; }
[data-testid="stMultiSelectTagsContainer"] span { height: auto; max-width: 100%; }
[data-testid="stMainBlockContainer"] { padding-left: 80px; padding-right: 80px; }
@media (max-width: 1100px) { [data-testid="stMainBlockContainer"] { padding-left: 24px; padding-right: 24px; } }
@media (max-width: 640px) { [data-testid="stMainBlockContainer"] { padding-left: 16px; padding-right: 16px; } }
</style>"""
# Chairside mode: read at arm's length on a shared screen, possibly by someone with low vision. Text grows
# (rem); page margins (BASE_CSS, in px) and column gaps do not, so the body map never shrinks.
LARGE_PRINT_CSS = """<style>
html { font-size: 22px; }
[data-testid="stMain"], [data-testid="stSidebar"] { color: #000000; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { line-height: 1.6; }
[data-testid="stCaptionContainer"] { color: #222222; font-size: 1rem; }
[data-testid="stMain"] a { text-decoration: underline; text-decoration-thickness: 2px; }
[data-testid="stHorizontalBlock"] { gap: 16px; }
:focus-visible:not(main) { outline-width: 4px !important; }
/* On a tablet the larger text narrows the columns and the map shrank: the body map takes the full width
   and the results follow below it. */
@media (max-width: 1280px) {
  [data-testid="stHorizontalBlock"]:has(.st-key-body_map) { flex-wrap: wrap; }
  [data-testid="stHorizontalBlock"]:has(.st-key-body_map) > [data-testid="stColumn"] {
    flex: 1 1 100% !important; min-width: 100% !important; }
}
</style>"""


@st.cache_resource(show_spinner="Loading the body atlas and data…")
def resources() -> tuple[Dataset, Ranker, dict[str, str]]:
    """Dataset, ranker and region labels, loaded once per process."""
    data = load_dataset()
    labels = {r: reg.label for r, reg in data.atlas.regions.items()}
    return data, Ranker(data), labels


def load_or_stop() -> tuple[Dataset, Ranker, dict[str, str]]:
    """Resources, or a readable error page when a data file is broken."""
    try:
        return resources()
    except (AtlasError, DataError) as exc:
        st.error(f"The app's data could not be loaded: {exc}")
        st.stop()


def sidebar(state: Shared) -> None:
    """Audience switch, large-print switch and the disclaimer, bound to the shared state."""
    with st.sidebar:
        st.radio("I am a…", Audience.values(), format_func=Audience.labels().get,
                 **bind("sb_audience", state, "audience"),
                 help="Changes how much detail is shown and what comes first.")
        st.toggle("Large print", **bind("sb_large_print", state, "large_print"),
                  help="Bigger, darker text and bigger body maps, for reading together at arm's length.")
        st.info(DISCLAIMER)
        page_history()
    st.html(BASE_CSS + (LARGE_PRINT_CSS if state.large_print else ""))
    notices = st.session_state.pop("notices", [])
    for notice in notices[:3]:
        st.toast(notice)
    if len(notices) > 3:
        st.toast(f"…and {len(notices) - 3} more parts of the link were ignored.")


@dataclass(frozen=True)
class PageContext:
    """What every page starts from: data, ranker, region labels, the shared state and the page's own state."""

    data: Dataset
    ranker: Ranker
    labels: dict[str, str]
    shared: Shared
    state: Any

    @property
    def audience(self) -> str:
        """Who is reading: patient, student or clinician."""
        return self.shared.audience

    @property
    def large_print(self) -> bool:
        """Whether large print is on."""
        return self.shared.large_print


def page_setup(state_cls: type | None = None) -> PageContext:
    """Load the data (or stop with a readable error), draw the sidebar and return the page context with the
    page's own state (an instance of state_cls, kept for the session and carried by the URL)."""
    data, ranker, labels = load_or_stop()
    common = shared(data)
    if reconnected():
        for key in CLEARED_ON_RECONNECT:
            st.session_state[key] = ""
        st.warning(RECONNECTED, icon=":material/sync_problem:")
    state = page_state(state_cls, data) if state_cls else None
    if state is None:
        st.session_state.pop(CURRENT_KEY, None)
    sidebar(common)
    return PageContext(data, ranker, labels, common, state)
