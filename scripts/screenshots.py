"""Screenshot every page of the running app in headless Chromium into docs/screens/ (for the README)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.server import app_server

ROOT = Path(__file__).resolve().parents[1]

SHOTS = {
    "body_map_pain": "/?regions=lateral_elbow:right,dorsal_wrist:right&audience=student",
    "body_map_muscle": "/?mode=muscle&muscle=upper_trapezius&view=posterior&audience=clinician",
    "muscles": "/muscles?muscle=supinator&audience=student",
    "conditions": "/conditions?condition=tennis_elbow&audience=patient",
    "needling": "/needling?audience=patient",
    "segments": "/segments?audience=clinician",
    "study": "/study?audience=student",
}


def main():
    """Start the app and take one full-page screenshot per entry of SHOTS."""
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    with app_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for name, path in SHOTS.items():
            page.goto(url + path)
            page.wait_for_selector("[data-testid=stMain]", timeout=60_000)
            time.sleep(5)
            page.screenshot(path=str(out / f"{name}.png"))
            sys.stdout.write(f"docs/screens/{name}.png\n")
        browser.close()


if __name__ == "__main__":
    main()
