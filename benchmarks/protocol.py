"""The browser's Streamlit protocol, spoken by one simulated tab (websocket, BackMsg/ForwardMsg protobufs)."""

from __future__ import annotations

import contextlib
import json
import random
import re
import urllib.request

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from triggermap.selection import MAX_REGIONS

GOOD_FINISH = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
MAP, MAP_STATE = "triggermap.body_map", "triggermap.body_map_state"
TRIGGER_PREFIX = "$$STREAMLIT_INTERNAL_KEY"  # trigger widgets: f"{prefix}_{component id}__events" (streamlit)


def region_codes(svg: str) -> list[tuple[str, str]]:
    """The tappable (region, side) pairs of a map drawing, in drawing order."""
    return [(r, side) for r, side in re.findall(r'id="r-(\w+?)-(right|left|midline)" data-k="r"', svg)]


class Session:
    """One browser tab, at protocol level."""

    def __init__(self, url: str, timeout: float):
        # Load the page first, as a browser does: behind deploy/scale_out.sh its cookie picks the process.
        with urllib.request.urlopen(f"{url}/", timeout=timeout) as resp:
            cookies = [c.split(";", 1)[0] for c in resp.headers.get_all("Set-Cookie") or []]
            resp.read()
        ws_url = "ws" + url[len("http"):] + "/_stcore/stream"
        self.ws = websocket.create_connection(ws_url, subprotocols=["streamlit"], timeout=timeout,
                                              cookie="; ".join(cookies) or None)
        self.query, self.page_hash, self.chart, self.codes, self.selected = "", "", None, [], None
        self.fragment = ""  # the fragment holding the map: a tap reruns only that fragment, as in a browser
        self.cached: set[str] = set()  # hashes of big messages kept, as the browser's message cache does

    def rerun(self, widgets: tuple = (), fragment: str = "") -> str | None:
        """Send a rerun with the tab's query string and page, wait for script_finished; the fault, if any."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = self.page_hash
        msg.rerun_script.fragment_id = fragment
        msg.rerun_script.cached_message_hashes.extend(sorted(self.cached))
        for wid, value in widgets:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id, state.json_trigger_value = wid, value
        self.ws.send_binary(msg.SerializeToString())
        return self._read_run()

    def _read_run(self) -> str | None:
        """Consume ForwardMsgs up to script_finished, tracking what the frontend would track."""
        fault = None
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(self.ws.recv())
            kind = fwd.WhichOneof("type")
            if fwd.metadata.cacheable:
                self.cached.add(fwd.hash)
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                fault = self._element(fwd.delta.new_element) or fault
                if fwd.delta.new_element.WhichOneof("type") == "bidi_component" and \
                        fwd.delta.new_element.bidi_component.component_name == MAP:
                    self.fragment = fwd.delta.fragment_id
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "navigation":
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "script_finished" and fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                # a run that stops early for a rerun (a fragment that reruns the page) is followed by that rerun
                return fault or (None if fwd.script_finished in GOOD_FINISH else "unfinished")

    def _element(self, element) -> str | None:
        """Note the map's id, regions (once) and selection; a fault for an exception element."""
        kind = element.WhichOneof("type")
        if kind == "bidi_component" and element.bidi_component.component_name == MAP:
            self.chart = element.bidi_component.id
            if not self.codes and element.bidi_component.json:
                self.codes = region_codes(json.loads(element.bidi_component.json).get("svg", ""))
        if kind == "bidi_component" and element.bidi_component.component_name == MAP_STATE:
            state = json.loads(element.bidi_component.json or "{}").get("state", {})
            self.selected = sorted(state.get("cls", {}).get("sel", []))
        if kind == "exception":  # keyed by its text, so the JSON line says what broke
            return f"exception {element.exception.type}: {element.exception.message[:100]}"
        return None

    def click(self, rng: random.Random) -> str | None:
        """Tap one random region on the map, as the component does; the fault, if the app did not take it."""
        if self.chart is None or not self.codes:
            return "no_chart"
        region, side = rng.choice(self.codes)
        if len(self.selected or ()) >= MAX_REGIONS and f"r-{region}-{side}" not in self.selected:
            # at the cap a new area is refused (rightly): a person would take one off first
            region, side = rng.choice(self.selected)[2:].rsplit("-", 1)
        before = self.selected
        event = [{"event": "tap", "value": {"k": "r", "id": region, "side": side, "n": rng.random()}}]
        fault = self.rerun(((f"{TRIGGER_PREFIX}_{self.chart}__events", json.dumps(event)),), self.fragment)
        return fault or (None if self.selected != before else "unregistered")

    def close(self) -> None:
        """Close the websocket quietly."""
        with contextlib.suppress(OSError):
            self.ws.close()
