"""Shared fixtures: the real atlas, dataset and ranker, loaded once."""

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import settings

from benchmarks.server import app_server
from tests.helpers import ROOT, edit_cell, open_context, open_page  # noqa: F401  (ROOT, edit_cell: re-exported)
from triggermap import ASSETS_DIR, DATA_DIR
from triggermap.atlas import load_atlas
from triggermap.data import load_dataset
from triggermap.lookup import Ranker

pytest_plugins = ["tests.no_skip_in_ci", "pytester"]
# Property tests: 200 examples each at a desk; CI, on a shared two-core machine, tries 100 new ones on every run.
settings.register_profile("dev", max_examples=200)
settings.register_profile("ci", max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
# Chromium's headless shell (Debian: chromium-headless-shell) draws the same pages with about 30% less CPU than the
# full browser run headless (test_layout: 88 against 125 CPU-s); the full browser is the fallback.
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium"
DESKTOP = {"width": 1400, "height": 1000}


@pytest.fixture(scope="session")
def atlas():
    """The atlas as shipped."""
    return load_atlas()


@pytest.fixture(scope="session")
def data(atlas):
    """The dataset as shipped."""
    return load_dataset(atlas=atlas)


@pytest.fixture(scope="session")
def ranker(data):
    """Ranker over the shipped data."""
    return Ranker(data)


@pytest.fixture()
def data_copy(tmp_path):
    """A writable copy of data/ for breaking files."""
    dst = tmp_path / "data"
    shutil.copytree(DATA_DIR, dst)
    return dst


@pytest.fixture()
def views_copy(tmp_path):
    """A writable copy of assets/views/ for breaking geometry."""
    dst = tmp_path / "views"
    shutil.copytree(ASSETS_DIR / "views", dst)
    return dst



SHARED_SERVER = "TRIGGERMAP_TEST_APP_URL"  # set by the xdist controller for its workers


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist, the controller starts one app server for all workers before they start (each tab is its
    own Streamlit session, so they need no server of their own; one start and one cold first run instead of three)."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput") \
            and os.path.exists(CHROMIUM) and SHARED_SERVER not in os.environ:
        stack = contextlib.ExitStack()
        os.environ[SHARED_SERVER] = stack.enter_context(app_server())
        config.add_cleanup(stack.close)
        config.add_cleanup(lambda: os.environ.pop(SHARED_SERVER, None))


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """One app server for the whole test session (the browser fixture visits it once): the controller's under
    pytest-xdist, else one of this process's own."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (REQUIRE_BROWSER=1) but neither chromium-headless-shell nor chromium "
                        "is installed")
        pytest.skip("Chromium not installed")
    if os.environ.get(SHARED_SERVER):
        yield os.environ[SHARED_SERVER]
        return
    with app_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser(app_url: str) -> Iterator[Any]:
    """One headless Chromium for the whole test session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # --process-per-site: a context's tabs share one renderer, kept alive by open_context's idle tab.
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                               "--disable-background-networking",
                                                               "--process-per-site"])
        warm = b.new_page()  # a fresh server's first deep link would skip st.navigation: visit the root first
        open_page(warm, app_url, timeout=90_000)
        warm.close()
        yield b
        b.close()


@pytest.fixture(scope="session")
def contexts(browser: Any, app_url: str) -> Iterator[Callable[..., Any]]:
    """One browser context per screen (size, touch) for the whole session, so the app's scripts load from a warm
    cache; each test still gets its own tab, and so its own Streamlit session."""
    made: dict[tuple[int, int, bool], Any] = {}

    def context(width: int, height: int, touch: bool) -> Any:
        if (width, height, touch) not in made:
            made[width, height, touch] = open_context(browser, app_url, viewport={"width": width, "height": height},
                                                      has_touch=touch, is_mobile=touch and width < 600)
        return made[width, height, touch]

    yield context
    for ctx in made.values():
        ctx.close()


@pytest.fixture()
def new_page(contexts: Callable[..., Any]) -> Iterator[Callable[..., Any]]:
    """Open tabs (each its own Streamlit session) of the given screen: new_page(width, height, touch=False)."""
    pages: list[Any] = []

    def make(width: int = DESKTOP["width"], height: int = DESKTOP["height"], touch: bool = False) -> Any:
        pages.append(contexts(width, height, touch).new_page())
        return pages[-1]

    yield make
    for pg in pages:
        pg.context.clear_cookies()
        pg.close()


@pytest.fixture()
def page(new_page: Callable[..., Any]) -> Any:
    """A desktop tab (1400 x 1000) with its own Streamlit session."""
    return new_page()
