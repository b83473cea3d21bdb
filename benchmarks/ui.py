"""UI benchmark: start the app, tap and click the body map in headless Chromium, print one JSON line.

Measured on a desktop context (1400×1000, mouse) and a touch context (1024×768, has_touch, taps):
tap_to_highlight_ms_p50: from the browser receiving the pointer (pointerdown's timestamp) to the
  tapped region drawn selected (the map highlights it before the server answers);
tap_to_results_ms_p50: from the same moment to the results list naming the tapped region;
click_payload_kib: websocket bytes both ways per tap (Chrome DevTools Protocol frames, as the page sees
  them: before permessage-deflate), click_payload_sent_kib the part the browser sends;
click_wire_kib: the same taps' bytes on the wire, websocket permessage-deflate on as production runs it (the
  app's .streamlit/config.toml), counted by a TCP proxy between Chromium and the server (benchmarks/wire.py:
  frame headers included, TCP/IP headers not) in a third, desktop pass, so that the proxy's forwarding
  delays none of the timings above; click_wire_sent_kib the browser's part, ws_extensions what the server
  agreed to (Streamlit's uvicorn: permessage-deflate with 12-bit windows, a 4 KiB history);
first_visit_kib / first_visit_to_map_ms: bytes a first visit moves (HTTP and websocket) and the
  time until the map is drawn with its state.
Kept from the plotly benchmark: click_to_render_ms (desktop click → region drawn selected),
server_rerun_ms (explorer.py's own time per run, TRIGGERMAP_TIMING), server_roundtrip_ms (rerun
request sent → script_finished received), figure_payload_kib (the map's geometry message per view)
and largest_ws_frame_kib.
Usage: python -m benchmarks.ui [--json] [--clicks 12]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.server import app_server
from benchmarks.wire import CountingProxy, counting_proxy

ROOT = Path(__file__).resolve().parents[1]

REGIONS = ["lateral_elbow-right", "sternum-midline", "anterior_knee-right", "temple-right", "lateral_neck-left",
           "shin-right", "umbilical-midline", "palm-left", "anterior_thigh-right", "upper_chest-left",
           "dorsal_foot-right", "forehead-right"]
ARM = """([id, label]) => { const host = [...document.querySelectorAll('*')].map(e => e.shadowRoot)
    .filter(Boolean).find(r => r.getElementById(id)); const el = host.getElementById(id);
    const t = window.__bench = {};
    document.addEventListener('pointerdown', e => { t.down = t.down || e.timeStamp; }, {capture: true, once: true});
    new MutationObserver((_, mo) => { if (el.classList.contains('sel') !== t.was) { t.hl = performance.now();
        mo.disconnect(); } }).observe(el, {attributes: true});
    t.was = el.classList.contains('sel');
    const main = document.querySelector('[data-testid=stMain]');
    const named = () => [...main.querySelectorAll('p')].some(p => p.innerText.startsWith('Your areas:')
        && p.innerText.includes(label)) !== t.named;
    t.named = [...main.querySelectorAll('p')].some(p => p.innerText.startsWith('Your areas:')
        && p.innerText.includes(label));
    new MutationObserver((_, mo) => { if (named()) { t.res = performance.now(); mo.disconnect(); } })
        .observe(main, {subtree: true, childList: true, characterData: true}); }"""


class Wire:
    """Websocket frames and HTTP bytes seen through the DevTools protocol."""

    def __init__(self, context, page):
        self.frames: list[tuple[str, int, float, bytes]] = []
        self.http = 0
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", lambda e: self._frame("in", e["response"]))
        cdp.on("Network.webSocketFrameSent", lambda e: self._frame("out", e["response"]))
        cdp.on("Network.loadingFinished", lambda e: setattr(self, "http", self.http + e["encodedDataLength"]))

    def _frame(self, way: str, response: dict) -> None:
        raw = response["payloadData"]
        data = base64.b64decode(raw) if response.get("opcode") == 2 else raw.encode()
        self.frames.append((way, len(data), time.perf_counter(), data))

    def bytes(self, ways: tuple[str, ...] = ("in", "out")) -> int:
        """Websocket payload bytes so far (both ways, or those given)."""
        return sum(n for way, n, _, _ in self.frames if way in ways)

    def finished_after(self, start: float) -> float | None:
        """Milliseconds from the first frame sent after start to the next script_finished received."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        sent = next((t for way, _, t, _ in self.frames if way == "out" and t >= start), None)
        for way, _, t, data in self.frames:
            if way == "in" and sent is not None and t >= sent:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                if msg.WhichOneof("type") == "script_finished":
                    return 1000 * (t - sent)
        return None


def run_context(browser, url: str, touch: bool, clicks: int, labels: dict[str, str],
                meter: CountingProxy | None = None) -> dict:
    """First visit, then taps (touch) or clicks (mouse) on regions of the front view (meter: the wire too)."""
    size = (1024, 768) if touch else (1400, 1000)
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch)
    page = context.new_page()
    wire = Wire(context, page)
    start = time.perf_counter()
    page.goto(url)
    page.locator(".tmap svg.mode-pain").first.wait_for(timeout=60_000)
    first_ms = 1000 * (time.perf_counter() - start)
    first_kib = (wire.http + wire.bytes()) / 1024
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
    highlight, results, payload, upload, roundtrip, missed = [], [], [], [], [], []
    on_wire, wire_up = [], []
    for rid in (REGIONS * 3)[:clicks]:
        el = f"#r-{rid}"
        # centred: at the top, Streamlit's fixed header would take a tap meant for the head
        page.locator(el).evaluate("e => e.scrollIntoView({block: 'center'})")
        box = page.locator(el).bounding_box()
        region, side = rid.rsplit("-", 1)
        page.evaluate(ARM, [f"r-{rid}", labels[region]])
        before, sent, t0 = wire.bytes(), wire.bytes(("out",)), time.perf_counter()
        metered = (meter.bytes(), meter.bytes(("out",))) if meter else (0, 0)
        point = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.touchscreen.tap(*point) if touch else page.mouse.click(*point)
        try:
            page.wait_for_function("() => window.__bench.res && window.__bench.hl", timeout=30_000)
        except PlaywrightTimeout:  # named in the result instead of ending the run
            missed.append(rid)
            continue
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
        page.wait_for_timeout(150)  # the run's last frames
        t = page.evaluate("window.__bench")
        highlight.append(t["hl"] - t["down"])
        results.append(t["res"] - t["down"])
        payload.append((wire.bytes() - before) / 1024)
        upload.append((wire.bytes(("out",)) - sent) / 1024)
        if meter:
            on_wire.append((meter.bytes() - metered[0]) / 1024)
            wire_up.append((meter.bytes(("out",)) - metered[1]) / 1024)
        rt = wire.finished_after(t0)
        if rt is not None:
            roundtrip.append(rt)
    largest = max((n for way, n, _, _ in wire.frames if way == "in"), default=0)
    context.close()
    if meter:
        return {"click_wire_kib": round(statistics.median(on_wire), 2),
                "click_wire_sent_kib": round(statistics.median(wire_up), 2),
                "ws_extensions": meter.extensions()}
    return {"tap_to_highlight_ms_p50": round(statistics.median(highlight), 1),
            "tap_to_results_ms_p50": round(statistics.median(results), 1),
            "tap_to_results_ms_max": round(max(results), 1),
            "click_payload_kib": round(statistics.median(payload), 2),
            "click_payload_sent_kib": round(statistics.median(upload), 2),
            "first_visit_kib": round(first_kib, 1), "first_visit_to_map_ms": round(first_ms, 1),
            "server_roundtrip_ms_p50": round(statistics.median(roundtrip), 1) if roundtrip else None,
            "largest_ws_frame_kib": round(largest / 1024, 1), "taps": len(results), "missed": missed}


def payload_kib() -> dict[str, float]:
    """Size of each view's geometry message (drawing, script and style), sent once per view."""
    from triggermap.atlas import load_atlas
    from triggermap.data import load_dataset
    from triggermap.drawing import draw_view
    from triggermap.picture import marks_of

    atlas = load_atlas()
    data = load_dataset(atlas=atlas)
    labels = {r: x.label for r, x in atlas.regions.items()}
    names = {m: row.name for m, row in data.muscles.items()}
    code = sum(len((ROOT / "app" / "components" / f).read_bytes()) for f in ("body_map.js", "body_map.css"))
    return {v: round((len(draw_view(view, labels, marks_of(data, v), names).encode()) + code) / 1024, 1)
            for v, view in atlas.views.items()}


def main() -> None:
    """Run the benchmark and print one JSON line."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--clicks", type=int, default=12)
    args = parser.parse_args()
    load_before = round(os.getloadavg()[0], 2)  # other work on the machine skews every latency here
    log = Path(tempfile.mkdtemp()) / "server.log"
    from triggermap.atlas import load_regions

    labels = {r: x.label for r, x in load_regions().items()}
    with app_server(stderr_path=log) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        warm = browser.new_page()
        warm.goto(url)
        warm.locator(".tmap svg").first.wait_for(timeout=90_000)
        warm.close()
        desktop = run_context(browser, url, False, args.clicks, labels)
        touch = run_context(browser, url, True, args.clicks, labels)
        with counting_proxy(url) as proxy:
            on_wire = run_context(browser, proxy.url, False, args.clicks, labels, proxy)
        browser.close()
    reruns = [float(v) for v in re.findall(r"rerun_ms=([\d.]+)", log.read_text(errors="replace"))][1:]
    sizes = payload_kib()
    result = {"click_to_render_ms_p50": desktop["tap_to_highlight_ms_p50"],
              "click_to_render_ms_max": desktop["tap_to_results_ms_max"], "clicks": desktop["taps"],
              "server_rerun_ms_p50": round(statistics.median(reruns), 1) if reruns else None,
              "server_roundtrip_ms_p50": desktop["server_roundtrip_ms_p50"],
              "figure_payload_kib": max(sizes.values()), "figure_payload_kib_by_view": sizes,
              "largest_ws_frame_kib": desktop["largest_ws_frame_kib"],
              **{k: desktop[k] for k in ("tap_to_highlight_ms_p50", "tap_to_results_ms_p50", "click_payload_kib",
                                         "click_payload_sent_kib",
                                         "first_visit_kib", "first_visit_to_map_ms")},
              **on_wire, "touch": touch, "loadavg_1m_before": load_before,
              "loadavg_1m_after": round(os.getloadavg()[0], 2)}
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
