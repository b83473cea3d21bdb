"""Hostile links and typed text in the app pages: no exception, promised notices, no raw HTML, nothing on disk."""

import os
import time
import uuid
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT
from triggermap.selection import MAX_REGIONS

BODY, MUSCLES = "app/pages/body_map.py", "app/pages/muscles.py"
SCRIPT = "<script>alert(1)</script>"
URL_KEYS = {"view", "mode", "regions", "muscle", "audience", "side", "print", "redflags"}
HOSTILE_TYPED = [SCRIPT, "<img src=x onerror=alert(1)>", "\x00\x00", "\u202eمرفق خارجي", "💥" * 50, "e\u0301" * 90,
                 "[x](javascript:alert(1))", "'; DROP TABLE muscles; --", "z" * 10_000]


def boot(page, params=None):
    """Run a page through explorer.py's navigation, which writes the address bar after the page."""
    at = AppTest.from_file(str(ROOT / "explorer.py"), default_timeout=60)
    at.switch_page(page)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def walk(node):
    """Every block and element of a rendered page, main area and sidebar."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def html_leaks(at, needles) -> list[str]:
    """Elements that render any needle as raw HTML (markdown with unsafe_allow_html, st.html, iframes)."""
    leaks = []
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "DESCRIPTOR"):
            continue
        as_html = proto.DESCRIPTOR.name in ("Html", "IFrame") or (
            "allow_html" in proto.DESCRIPTOR.fields_by_name and proto.allow_html)
        if as_html and any(n in str(proto) for n in needles):
            leaks.append(f"{proto.DESCRIPTOR.name}: {str(proto)[:120]}")
    return leaks


def shown_text(at) -> str:
    """Text of every markdown-like element and toast (what the page says, not what the inputs hold)."""
    parts = []
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name in ("Markdown", "Heading", "Alert", "Toast", "Text"):
            parts.append(proto.body)
    return "\n".join(parts)


def test_html_leak_check_can_fail():
    at = AppTest.from_string("import streamlit as st\n"
                             "st.markdown('<script>alert(1)</script>', unsafe_allow_html=True)\n"
                             "st.html('<b>x</b><script>alert(1)</script>')").run()
    assert len(html_leaks(at, ["<script>alert(1)"])) == 2


def assert_clean_url(at):
    """The page rewrote the address bar to known keys and id-like values only."""
    params = dict(at.query_params)
    assert set(params) <= URL_KEYS, params
    assert not any(set(str(v)) & set("<>[]()'\"\x00") or len(str(v)) > 800 for v in params.values()), params


@pytest.mark.parametrize("params,notices", [
    ({"zzz_unknown": "x" * 10_000, "view": SCRIPT, "regions": ",".join([f"{SCRIPT}:left"] * 1000)},
     ["Ignored unknown view", "Ignored unknown region"]),
    ({"regions": ",".join(["lateral_elbow:right", "heel:left", "sternum:midline"] * 334)}, []),
    ({"view": ["foot", SCRIPT], "regions": ["sternum:midline", "[help](https://e.vil)"]}, ["Ignored unknown"]),
    ({"mode": "muscle", "muscle": SCRIPT * 400, "side": "\u202eleft", "audience": "x" * 10_000},
     ["Ignored unknown muscle", "Ignored unknown side", "Ignored unknown audience"]),
])
def test_body_map_hostile_links(params, notices):
    at = boot(BODY, params)
    assert not at.exception, at.exception
    toasts = [t.value for t in at.toast]
    assert all(any(n in t for t in toasts) for n in notices), toasts
    assert len(toasts) <= MAX_REGIONS + len(URL_KEYS)
    assert not any(set(t) & set("<>[]()") for t in toasts), "a notice echoes markup from the link"
    assert not html_leaks(at, ["<script", "<img", "e.vil"])
    assert_clean_url(at)


def test_body_map_caps_a_thousand_valid_regions():
    at = boot(BODY, {"regions": ",".join(["lateral_elbow:right", "heel:left", "sternum:midline"] * 334),
                     "redflags": "none"})
    areas = next(m.value for m in at.markdown if m.value.startswith("**Your areas:**"))
    assert areas.count(",") + 1 <= MAX_REGIONS and "Outer elbow (right)" in areas
    assert any("Muscles whose trigger points" in m.value for m in at.markdown)


def test_muscles_page_hostile_link():
    at = boot(MUSCLES, {"muscle": SCRIPT, "foo": "y" * 10_000, "regions": ["a", "b"] * 10, "view": "'; --",
                        "audience": "<b>"})
    assert not at.exception, at.exception
    toasts = " ".join(t.value for t in at.toast)
    # the Muscles page reads its own keys and the shared ones; the body map's keys are dropped without a word
    assert "Ignored unknown muscle" in toasts and "Ignored unknown audience" in toasts
    assert "view" not in toasts and "region" not in toasts
    assert not html_leaks(at, ["<script"])
    assert_clean_url(at)


@pytest.fixture(scope="module")
def body_map():
    return boot(BODY, {"audience": "student"})


@pytest.mark.parametrize("typed", HOSTILE_TYPED)
def test_body_map_hostile_typed_place(body_map, typed):
    at = body_map
    at.text_input(key="pain_text").input("").run()  # an earlier case's unmatched text may still be in the box
    at.text_input(key="pain_text").input(typed).run()
    assert not at.exception, at.exception
    kept = at.text_input(key="pain_text").value  # the person's own box, inert: kept only to be corrected
    assert kept == "" or any("No body part matched" in w.value for w in at.warning), "matched text is cleared"
    assert not html_leaks(at, ["<script", "<img", "javascript:"])
    assert typed not in shown_text(at), "typed text is echoed back"
    if not any(m.value.startswith("**Your areas:**") for m in at.markdown):
        assert any("type a place" in i.value for i in at.info), "the page promises a hint when nothing is selected"


@pytest.fixture(scope="module")
def muscles_page():
    return boot(MUSCLES)


@pytest.mark.parametrize("typed", [*HOSTILE_TYPED, "zzqqxxjjvv"])
def test_muscles_search_hostile_text(muscles_page, typed):
    at = muscles_page
    at.text_input[0].input(typed).run()
    assert not at.exception, at.exception
    assert not html_leaks(at, ["<script", "<img", "javascript:"])
    assert typed not in shown_text(at), "typed text is echoed back"
    if typed == "zzqqxxjjvv":
        assert any("No muscle matches" in i.value for i in at.info), "the page promises a notice on no match"
    at.text_input[0].input("").run()


# --- nothing typed is written to disk --------------------------------------------------------------------

SKIP_DIRS = {".venv", ".git", "node_modules", "__pycache__", ".ruff_cache"}
MAX_BYTES, MAX_FILES = 2_000_000, 20_000


def files_with(marker: bytes, roots, since: float) -> set[Path]:
    """Files under roots, modified since a time, that contain the marker (bounded: size, count)."""
    found, seen = set(), 0
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            for name in names:
                path = Path(folder, name)
                try:
                    st = path.lstat()
                    if not path.is_file() or path.is_symlink() or st.st_mtime < since or st.st_size > MAX_BYTES:
                        continue
                    seen += 1
                    if seen > MAX_FILES:
                        return found
                    if marker in path.read_bytes():
                        found.add(path)
                except OSError:
                    continue
    return found


def test_typed_text_is_never_written_to_disk(tmp_path):
    since = time.time() - 1
    marker = f"hostile-marker-{uuid.uuid4().hex}"
    canary = tmp_path / "canary.txt"
    canary.write_text(marker)  # proves the scan would see a leak
    at = boot(BODY, {"muscle": marker, "regions": f"{marker}:left"})
    at.text_input(key="pain_text").input(f"outer elbow {marker}").run()
    at.text_input(key="pain_text").input(marker).run()
    muscles = boot(MUSCLES, {"condition": marker})
    muscles.text_input[0].input(marker).run()
    assert not at.exception and not muscles.exception
    roots = [ROOT, Path("/tmp"), Path.home() / ".streamlit", Path.home() / ".cache" / "streamlit"]
    assert files_with(marker.encode(), [r for r in roots if r.exists()], since) == {canary}
