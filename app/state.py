"""Session-wide state: one Shared object and one state object per page, each read from the URL once per
session and written back to the address bar once per run (by explorer.py after the page has run).

Widgets never own these values. Streamlit drops a widget's state when a page without it runs, so every
widget bound with `bind()` is re-seeded from the state object before it is drawn and writes back on change.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import streamlit as st

from triggermap.data import Dataset
from triggermap.lookup import ROOT_ORDER
from triggermap.urlstate import Allowed, BodyMapState, Shared, parse, to_params

T = TypeVar("T")
SHARED_KEY = "state_shared"
CURRENT_KEY = "state_current_page"  # session key of the state object of the page that ran last
_SLUG = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what st.Page accepts as a url_path, and no odd characters


def allowed_ids(data: Dataset) -> Allowed:
    """The ids a link may name, from the dataset."""
    return Allowed(regions=frozenset(data.atlas.regions), muscles=frozenset(data.muscles),
                   conditions=frozenset(data.conditions), flags=frozenset(data.red_flags),
                   roots=frozenset(ROOT_ORDER), groups=frozenset({"all", *(m.group for m in data.muscles.values())}))


def _notice(notices: list[str]) -> None:
    """Queue notices about ignored link parts; the sidebar shows them as toasts."""
    st.session_state.setdefault("notices", []).extend(notices)


def shared(data: Dataset) -> Shared:
    """The state every page shares, parsed from the URL on the session's first run."""
    if SHARED_KEY not in st.session_state:
        state, notices = parse(Shared, dict(st.query_params), allowed_ids(data))
        st.session_state[SHARED_KEY] = state
        _notice(notices)
    return st.session_state[SHARED_KEY]


def page_state(cls: type[T], data: Dataset, current: bool = True) -> T:
    """A page's own state, parsed from the URL on the page's first run in this session; current=True marks it
    as the state of the page now running, the one `sync_url` writes."""
    key = f"state_{cls.__name__}"
    if key not in st.session_state:
        state, notices = parse(cls, dict(st.query_params), allowed_ids(data))
        if isinstance(state, BodyMapState) and state.muscle and "view" not in st.query_params:
            state.view = _pattern_view(data, state.muscle)  # a shared muscle opens where its pattern shows
        st.session_state[key] = state
        _notice(notices)
    if current:
        st.session_state[CURRENT_KEY] = key
    return st.session_state[key]


def stored(cls: type[T]) -> T:
    """A page's state object inside a callback (the page has created it before any of its widgets)."""
    return st.session_state[f"state_{cls.__name__}"]


def stored_shared() -> Shared:
    """The shared state inside a callback."""
    return st.session_state[SHARED_KEY]


def _pattern_view(data: Dataset, muscle: str) -> str:
    """The view that shows most of a muscle's pattern."""
    from app.setup import resources
    from triggermap.picture import pattern_view

    return pattern_view(data, resources()[1], [muscle])


def sync_url() -> None:
    """Write the shared and current page state to the address bar (and nothing else: junk is dropped)."""
    ss = st.session_state
    if SHARED_KEY not in ss:  # the page stopped before its setup (a data error): leave the URL alone
        return
    key = ss.get(CURRENT_KEY)  # none on pages without state of their own (Dry needling & IMS, not found)
    page = ss.get(key) if key else None
    params = {**to_params(ss[SHARED_KEY]), **(to_params(page) if page is not None else {})}
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)


def _write_back(key: str, obj: Any, attr: str) -> None:
    """Copy a bound widget's new value into its state field."""
    setattr(obj, attr, st.session_state[key])


def bind(key: str, obj: Any, attr: str) -> dict[str, Any]:
    """Widget arguments that keep a widget in step with `obj.attr` across pages and reruns."""
    st.session_state[key] = getattr(obj, attr)
    return {"key": key, "on_change": _write_back, "args": (key, obj, attr)}


def large_print() -> bool:
    """Whether the large-print, high-contrast chairside mode is on (pages enlarge figures and lines)."""
    state = st.session_state.get(SHARED_KEY)
    return bool(state and state.large_print)


def reconnected() -> bool:
    """True on the first run of a session that arrives with widget values: a tab reconnecting to a restarted
    server. Its action ran no callback (the new session knows no widgets yet), so the user must repeat it."""
    ss = st.session_state
    if "session_started" in ss:
        return False
    ss.session_started = True
    try:  # Streamlit has no public "reconnected" flag; the run's incoming widget values are internal
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        return bool(ctx and ctx.session_state._state._new_widget_state.states)
    except (AttributeError, ImportError):
        return False


def requested_path(url: str | None, base_path: str = "") -> str:
    """The page path the browser asked for in st.context.url, without the server's base path and slashes."""
    if not url:
        return ""
    path = url.split("://", 1)[-1].partition("/")[2].split("?")[0].split("#")[0].strip("/")
    base = base_path.strip("/")
    return path.removeprefix(base).strip("/") if base and (path == base or path.startswith(base + "/")) else path


def unknown_path(url: str | None, page_path: str, base_path: str = "") -> bool:
    """Whether st.context.url asks for a page other than the one Streamlit resolved (for an unknown path it
    silently runs the default page, whose url path is empty)."""
    return bool(url) and requested_path(url, base_path) not in ("", page_path.strip("/"))


def stray_path(url: str | None, known: set[str], base_path: str = "") -> str | None:
    """An unknown one-level path the not-found page can be registered under, so that Streamlit finds a page
    there and opens no "page not found" modal of its own; None for known, empty or unusual paths."""
    wanted = requested_path(url, base_path)
    return wanted if wanted and wanted not in known and _SLUG.fullmatch(wanted) else None
