"""UI benchmark: start the app, click through the body map in headless Chromium, print one JSON line.

click_to_render_ms: from the mouse click until the clicked region is drawn selected in the page.
server_rerun_ms: the server's own time to run the app script for a click (explorer.py reports it on
stderr when TRIGGERMAP_TIMING is set; the first, cold run is left out).
server_roundtrip_ms: from the browser's rerun request leaving on the websocket to the server's
script_finished message arriving (adds Streamlit's message handling and sending the figure).
figure_payload_kib: the largest websocket frame the server sent during the clicks, and the
JSON size of each view's figure.
Usage: python -m benchmarks.ui [--json] [--clicks 12]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.server import app_server

ROOT = Path(__file__).resolve().parents[1]

REGIONS = ["lateral_elbow", "sternum", "anterior_knee", "temple", "lateral_neck", "shin", "umbilical", "palm",
           "anterior_thigh", "upper_chest", "dorsal_foot", "forehead"]


def targets() -> list[tuple[float, float]]:
    """A point well inside each benchmark region on the front view (patient's right)."""
    from shapely.geometry import Polygon

    from triggermap.atlas import load_atlas

    view = load_atlas().views["anterior"]
    out = []
    for rid in REGIONS:
        shape = next(s for s in view.regions if s.id == rid and s.side in ("right", "midline"))
        p = max((Polygon(r) for r in shape.rings), key=lambda g: g.area).representative_point()
        out.append((round(p.x, 2), round(p.y, 2)))
    return out


SELECTED_FILLS = """() => [...document.querySelectorAll('.js-plotly-plot path.js-fill')]
    .filter(p => (p.style.fill || '').includes('0, 114, 178')).map(p => p.getAttribute('d')).join('|')"""


def browser_clicks(url: str, clicks: int) -> tuple[list[float], list[float], int]:
    """Click regions on the front view; return click→render and server times (ms), largest frame (bytes)."""
    from playwright.sync_api import sync_playwright
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    frames, sent, finished = [], [], []

    def on_received(payload):
        frames.append(len(payload))
        if isinstance(payload, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            if msg.WhichOneof("type") == "script_finished":
                finished.append(time.perf_counter())

    def on_socket(ws):
        ws.on("framereceived", on_received)
        ws.on("framesent", lambda _: sent.append(time.perf_counter()))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("websocket", on_socket)
        page.goto(url)
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        page.wait_for_function("document.querySelector('.js-plotly-plot')._fullLayout !== undefined")
        time.sleep(1.0)
        times, server = [], []
        for x, y in (targets() * 3)[:clicks]:
            px, py = page.evaluate("""([x, y]) => { const gd = document.querySelector('.js-plotly-plot');
                const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, r = gd.getBoundingClientRect();
                return [r.left + xa._offset + xa.l2p(x), r.top + ya._offset + ya.l2p(y)]; }""", [x, y])
            before = page.evaluate(SELECTED_FILLS)
            time.sleep(0.3)
            sent.clear(), finished.clear()
            t0 = time.perf_counter()
            page.mouse.click(px, py)
            page.wait_for_function(f"() => ({SELECTED_FILLS})() !== {json.dumps(before)}", polling="raf",
                                   timeout=20_000)
            times.append(1000 * (time.perf_counter() - t0))
            page.wait_for_timeout(300)
            if sent and finished:
                server.append(1000 * (finished[-1] - sent[0]))
        browser.close()
    return times, server, max(frames, default=0)


def payload_kib() -> dict[str, float]:
    """JSON size of each view's figure as the page sends it."""
    import plotly.io as pio

    from triggermap.atlas import load_atlas
    from triggermap.figures import body_figure

    atlas = load_atlas()
    labels = {r: x.label for r, x in atlas.regions.items()}
    return {v: round(len(pio.to_json(body_figure(view, labels)[0])) / 1024, 1) for v, view in atlas.views.items()}


def main():
    """Run the benchmark and print one JSON line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--clicks", type=int, default=12)
    args = parser.parse_args()
    log = Path(tempfile.mkdtemp()) / "server.log"
    with app_server(stderr_path=log) as url:
        clicks, roundtrips, frame = browser_clicks(url, args.clicks)
    reruns = [float(v) for v in re.findall(r"rerun_ms=([\d.]+)", log.read_text(errors="replace"))][1:]
    sizes = payload_kib()
    result = {"click_to_render_ms_p50": round(statistics.median(clicks), 1),
              "click_to_render_ms_max": round(max(clicks), 1), "clicks": len(clicks),
              "server_rerun_ms_p50": round(statistics.median(reruns), 1) if reruns else None,
              "server_roundtrip_ms_p50": round(statistics.median(roundtrips), 1) if roundtrips else None,
              "figure_payload_kib": max(sizes.values()), "figure_payload_kib_by_view": sizes,
              "largest_ws_frame_kib": round(frame / 1024, 1)}
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
