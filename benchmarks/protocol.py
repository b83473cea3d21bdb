"""The browser's Streamlit protocol, spoken by one simulated tab (websocket, BackMsg/ForwardMsg protobufs)."""

from __future__ import annotations

import base64
import contextlib
import json
import random
import urllib.request

import numpy as np
import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from triggermap.vocab import Click

GOOD_FINISH = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


def region_codes(spec_json: str) -> list[int]:
    """Distinct clickable region codes in the chart spec (the hit grid's customdata)."""
    codes: set[int] = set()
    for trace in json.loads(spec_json).get("data", []):
        custom = trace.get("customdata")
        if isinstance(custom, dict) and "bdata" in custom:  # plotly's typed-array encoding
            custom = np.frombuffer(base64.b64decode(custom["bdata"]), dtype=np.dtype(custom["dtype"])).tolist()
        codes.update(int(c) for c in custom or [] if isinstance(c, (int, float)) and c < Click.POINT)
    return sorted(codes)


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
        self.query, self.page_hash, self.chart, self.codes = "", "", None, []

    def rerun(self, widgets: tuple = ()) -> str | None:
        """Send a rerun with the tab's query string and page, wait for script_finished; the fault, if any."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = self.page_hash
        for wid, value in widgets:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id, state.json_value = wid, value
        self.ws.send_binary(msg.SerializeToString())
        return self._read_run()

    def _read_run(self) -> str | None:
        """Consume ForwardMsgs up to script_finished, tracking what the frontend would track."""
        fault = None
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(self.ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                fault = self._element(fwd.delta.new_element) or fault
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "navigation":
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "script_finished":
                return fault or (None if fwd.script_finished in GOOD_FINISH else "unfinished")

    def _element(self, element) -> str | None:
        """Note the chart id (and its clickable codes, once); a fault for an exception element."""
        kind = element.WhichOneof("type")
        if kind == "plotly_chart":
            self.chart = element.plotly_chart.id
            if not self.codes:
                self.codes = region_codes(element.plotly_chart.spec)
        if kind == "exception":  # keyed by its text, so the JSON line says what broke
            return f"exception {element.exception.type}: {element.exception.message[:100]}"
        return None

    def click(self, rng: random.Random) -> str | None:
        """Select one random region on the map, as a click does; the fault, if the app did not take it."""
        before = self.chart
        if before is None or not self.codes:
            return "no_chart"
        code = rng.choice(self.codes)
        state = {"selection": {"points": [{"customdata": code, "point_index": code}], "point_indices": [code],
                               "box": [], "lasso": []}}
        # The widget value is JSON text of the serialised selection, itself JSON (as the server writes it).
        fault = self.rerun(((before, json.dumps(json.dumps(state))),))
        return fault or (None if self.chart != before else "unregistered")

    def close(self) -> None:
        """Close the websocket quietly."""
        with contextlib.suppress(OSError):
            self.ws.close()
