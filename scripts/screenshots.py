"""Screenshot the running app in headless Chromium into docs/screens/: every page on a desktop and on a
touch tablet, every page full length on a phone (390 px, `*_phone.png`), and the muscle charts of the
textbook-picture set at 1400×1000 and 1024×768."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.server import app_server
from tests.helpers import ROOT, wait_for_app

PAGES = {
    "body_map_pain": "/?regions=lateral_elbow:right,dorsal_wrist:right&audience=student",
    "body_map_muscle": "/?mode=muscle&muscle=upper_trapezius&view=posterior&audience=clinician",
    "body_map_pick": "/?mode=muscle&view=posterior&audience=student",
    "muscles": "/muscles?muscle=supinator&audience=student",
    "conditions": "/conditions?condition=tennis_elbow&audience=patient",
    "needling": "/needling?audience=patient",
    "segments": "/segments?audience=clinician",
    "study": "/study?audience=student&seed=1",
    "red_flags": "/?regions=low_back:right",
    "red_flag_ticked": "/?regions=low_back:right&redflags=cd_rf_saddle_numbness",
    "large_print": "/?regions=lateral_elbow:right&redflags=none&print=large",
    "not_found": "/admin",
}
PHONE = (390, 844)
MAX_HEIGHT = 9000  # px; Streamlit scrolls inside its main block, so a full-length shot needs a tall viewport
CHARTS = {  # muscle id, side
    "infraspinatus": ("infraspinatus", "right"), "scalenes": ("anterior_scalene", "right"),
    "gluteus_minimus": ("gluteus_minimus", "right"), "soleus_left": ("soleus", "left"),
    "scm": ("sternocleidomastoid", "right"), "upper_trapezius": ("upper_trapezius", "right"),
    "ql": ("quadratus_lumborum", "right"), "piriformis": ("piriformis", "right"),
    "supinator": ("supinator", "right"), "masseter": ("masseter", "right"),
}
SIZES = {"desktop": (1400, 1000), "tablet": (1024, 768)}


def shoot(page, url: str, path: Path, full: bool = False) -> None:
    """Open a URL, wait for the run and the map, save a screenshot."""
    page.goto(url)
    page.wait_for_selector("[data-testid=stMain]", timeout=60_000)
    wait_for_app(page)
    if page.locator(".tmap svg").count():
        page.locator(".tmap svg").first.wait_for(timeout=30_000)
    page.keyboard.press("Escape")  # closes Streamlit's own page-not-found dialog on the not-found shot
    size = page.viewport_size
    if full:
        tall = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]), MAX_HEIGHT)})
        wait_for_app(page)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    sys.stdout.write(f"{path.relative_to(ROOT)}\n")


def main() -> None:
    """Start the app and take the screenshots."""
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    with app_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for size, (w, h) in SIZES.items():
            ctx = browser.new_context(viewport={"width": w, "height": h}, has_touch=size == "tablet")
            page = ctx.new_page()
            page.goto(url)
            page.wait_for_selector(".tmap svg", timeout=60_000)
            suffix = "" if size == "desktop" else "_tablet"
            for name, path in PAGES.items():
                shoot(page, url + path, out / f"{name}{suffix}.png")
            for name, (muscle, side) in CHARTS.items():
                shoot(page, f"{url}/?mode=muscle&muscle={muscle}&side={side}&audience=student",
                      out / f"chart_{name}_{w}.png")
            shoot(page, f"{url}/conditions?condition=plantar_heel_pain&audience=student", out / f"conditions_{w}.png")
            page.get_by_text("Patterns side by side").click()  # the condition's small multiples
            wait_for_app(page)
            page.locator(".tmap svg").nth(1).wait_for(timeout=30_000)
            page.locator(".tmap svg").nth(1).scroll_into_view_if_needed()
            page.screenshot(path=str(out / f"multiples_{w}.png"))
            sys.stdout.write(f"docs/screens/multiples_{w}.png\n")
            ctx.close()
        ctx = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, has_touch=True, is_mobile=True)
        page = ctx.new_page()
        for name, path in PAGES.items():
            shoot(page, url + path, out / f"{name}_phone.png", full=True)
        ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
