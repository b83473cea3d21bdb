"""The body map (Streamlit components v2, no iframe): an SVG drawn by triggermap.drawing.

Two mounts per map: the geometry (the same message on every rerun of a view, so Streamlit's message
cache sends it once and then only a reference) and a small state message (element ids per class).
Taps, clicks, pen and keyboard come back as one trigger value, {"k": "r"|"t"|"m", "id", "side", ...}.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app.setup import resources
from triggermap.drawing import draw_view
from triggermap.picture import marks_of

_HERE = Path(__file__).resolve().parent
_MAP = st.components.v2.component("triggermap.body_map", js=(_HERE / "body_map.js").read_text(encoding="utf-8"),
                                  css=(_HERE / "body_map.css").read_text(encoding="utf-8"))


def _compact(js: str) -> str:
    """Script without comment lines and indentation: the state mount sends its script with every tap."""
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


_STATE = st.components.v2.component("triggermap.body_map_state",
                                    js=_compact((_HERE / "body_map_state.js").read_text(encoding="utf-8")))


def _gid(svg: str) -> str:
    """Short fingerprint of a drawing: the browser rebuilds only when it changes."""
    return hashlib.blake2b(svg.encode(), digest_size=6).hexdigest()


@st.cache_resource(max_entries=16, show_spinner=False)
def geometry(view_id: str, flip: bool, interactive: bool = True) -> dict:
    """The drawing of one view, with every element the state can switch on (built once per process)."""
    data = resources()[0]
    labels = {r: reg.label for r, reg in data.atlas.regions.items()}
    names = {m: row.name for m, row in data.muscles.items()}
    title = data.atlas.views[view_id].title + (", mirrored: left side" if flip else "")
    svg = draw_view(data.atlas.views[view_id], labels, marks_of(data, view_id), names, flip=flip, title=title,
                    interactive=interactive)
    return {"gid": _gid(svg), "svg": svg, "static": not interactive}


def _dispatch(key: str, handler: Callable[[dict], None]) -> None:
    """Hand the tap that triggered this rerun to the page's handler."""
    event = st.session_state.get(key, {}).get("tap")
    if isinstance(event, dict):
        handler(event)
        if isinstance(event.get("n"), int):  # told back to the browser: the taps this state includes
            st.session_state[f"{key}_ack"] = event["n"]


def body_map(key: str, view_id: str, flip: bool, state: dict, on_tap: Callable[[dict], None] | None = None,
             block: DeltaGenerator | None = None) -> None:
    """A map: geometry sent once per view, state on every run; with on_tap it takes taps, else only shows.
    block: a container without gaps that holds only this map (else one is made: the state mount is invisible)."""
    geo = geometry(view_id, flip, on_tap is not None)
    with block or st.container(gap=None):
        if on_tap is None:
            _MAP(key=key, data={**geo, "key": key})
        else:
            _MAP(key=key, data={**geo, "key": key}, on_tap_change=partial(_dispatch, key, on_tap))
        ack = st.session_state.get(f"{key}_ack", 0)
        _STATE(key=f"{key}_state", data={"key": key, "gid": geo["gid"], "state": {**state, "ack": ack}})


def picture(key: str, svg: str) -> None:
    """A finished drawing that only shows (small multiples): sent whole, state baked in."""
    _MAP(key=key, data={"gid": _gid(svg), "svg": svg, "key": key, "static": True, "baked": True})
