"""Deployment files: the rendered nginx config (headers, CSP, gzip, blocked endpoints) and the Dockerfile."""

import base64
import hashlib
import re
import subprocess
from pathlib import Path

import pytest
import streamlit

from tests.helpers import ROOT

BACKENDS = ["127.0.0.1:8601", "127.0.0.1:8602"]


def render() -> str:
    """The config exactly as scale_out.sh writes it."""
    out = subprocess.run([str(ROOT / "deploy" / "render_nginx.sh"), "/tmp/tpx-run", "127.0.0.1:8600", *BACKENDS],
                         capture_output=True, text=True, check=True, timeout=30)
    # Comments out (whole lines, or after a directive), so a directive cannot pass by being mentioned in one.
    return re.sub(r"(?m)(^|[;{}])[ \t]*#.*$", r"\1", out.stdout)


NGINX = render()


def block(text: str, head: str) -> str:
    """The body of the first `head { ... }` block (braces balanced)."""
    start = text.index(head + " {") + len(head) + 2
    depth, i = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return text[start:i - 1]


def headers(location: str) -> dict[str, str]:
    """add_header name -> value of one location; each must be sent on error responses too (`always`)."""
    found = {}
    for name, value in re.findall(r"add_header\s+(\S+)\s+(\"[^\"]*\"|\S+)\s+always;", block(NGINX, location)):
        found[name] = value.strip('"')
    return found


def csp() -> dict[str, list[str]]:
    """Content-Security-Policy directives -> sources."""
    policy = headers("location /")["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def test_template_is_fully_rendered():
    assert "__" not in NGINX
    assert re.findall(r"server (\S+);", block(NGINX, "upstream streamlit")) == BACKENDS


@pytest.mark.parametrize("name,value", [
    ("X-Frame-Options", "SAMEORIGIN"), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
])
def test_security_header(name, value):
    assert headers("location /")[name] == value


@pytest.mark.parametrize("directive,sources", [
    ("default-src", {"'self'"}), ("frame-ancestors", {"'self'"}), ("object-src", {"'none'"}),
    ("base-uri", {"'self'"}), ("form-action", {"'self'"}), ("connect-src", {"'self'", "ws:", "wss:"}),
    ("style-src", {"'self'", "'unsafe-inline'"}),  # emotion and st.html inject <style>
    ("script-src", {"'self'", "blob:", "'wasm-unsafe-eval'"}),  # components v2 JS; protobuf's WebAssembly
    ("img-src", {"'self'", "data:", "blob:"}), ("font-src", {"'self'", "data:"}),
])
def test_csp_directive(directive, sources):
    assert sources <= set(csp()[directive])


def test_csp_allows_no_script_eval_and_no_other_host():
    sources = {s for values in csp().values() for s in values}
    assert "'unsafe-eval'" not in sources and "*" not in sources and "'unsafe-inline'" not in csp()["script-src"]
    assert not [s for s in sources if "." in s and not s.startswith("'sha256-")], "no outside host is trusted"


def test_csp_hashes_every_inline_script_of_the_installed_streamlit():
    """Streamlit's index.html runs inline scripts; a Streamlit upgrade that changes them fails here."""
    html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    assert inline, "the check would pass vacuously"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp()["script-src"]


@pytest.mark.parametrize("directive", ["server_tokens off;", "gzip on;", "gzip_vary on;", "gzip_proxied any;"])
def test_http_directive(directive):
    assert directive in block(NGINX, "http")


@pytest.mark.parametrize("mime", ["text/css", "text/javascript", "application/javascript", "application/json",
                                  "image/svg+xml", "text/plain"])
def test_gzip_covers(mime):
    types = re.search(r"gzip_types([^;]*);", NGINX).group(1).split()
    assert mime in types


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/agent/mcp", "/_stcore/agent/openapi.json",
                                  "/_stcore/script-health-check"])
def test_streamlit_internals_are_not_public(path):
    blocked = re.search(r"location ~ \^(\S+) \{\s*return 404;\s*\}", NGINX)
    assert blocked and re.match(blocked.group(1), path)


@pytest.mark.parametrize("path", ["/_stcore/health", "/_stcore/stream", "/_stcore/host-config", "/static/js/x.js"])
def test_what_the_app_needs_stays_reachable(path):
    blocked = re.search(r"location ~ \^(\S+) \{\s*return 404;\s*\}", NGINX).group(1)
    assert not re.match(blocked, path)


def test_websocket_refuses_foreign_origins():
    stream = block(NGINX, "location /_stcore/stream")
    assert re.search(r"if \(\$foreign_origin\) \{\s*return 403;\s*\}", stream)
    rules = block(NGINX, 'map "$http_origin#$http_host" $foreign_origin')
    patterns = [p.strip('"~') for p in re.findall(r'("[^"]+")\s+0;', rules)]
    allowed = lambda origin, host: any(re.search(p, f"{origin}#{host}") for p in patterns)  # noqa: E731
    assert allowed("", "app.example:8600") and allowed("https://app.example:8600", "app.example:8600")
    assert not allowed("https://evil.example", "app.example:8600")
    assert not allowed("https://app.example.evil.example", "app.example")


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    text = re.sub(r"(?m)^\s*#.*\n", "", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    lines = re.sub(r"\\\n\s*", " ", text).splitlines()
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines if line.strip()]


DOCKER = dockerfile()


def test_base_image_is_pinned_by_digest():
    args = dict(a.split("=", 1) for kind, a in DOCKER if kind == "ARG" and "=" in a)
    [base] = [a for kind, a in DOCKER if kind == "FROM"]
    image = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], base)
    assert re.fullmatch(r"python:3\.11[\w.-]*-slim[\w.-]*@sha256:[0-9a-f]{64}", image), image


def test_code_and_data_are_root_owned_and_read_only_to_the_app():
    kinds = [kind for kind, _ in DOCKER]
    user_at = kinds.index("USER")
    assert [a for kind, a in DOCKER if kind == "USER"] == ["app"]
    assert max(i for i, k in enumerate(kinds) if k in ("COPY", "ADD", "RUN")) < user_at, "nothing runs as root after"
    assert not [a for kind, a in DOCKER if kind in ("COPY", "ADD") and "--chown" in a]
    assert not [a for kind, a in DOCKER if kind == "RUN" and re.search(r"\bchown\b|\bchmod\b[^&]*\+w|777", a)]
    assert any(kind == "RUN" and "chmod -R go-w /app" in a for kind, a in DOCKER)


def test_healthcheck_loads_the_data_and_asks_the_server():
    [check] = [a for kind, a in DOCKER if kind == "HEALTHCHECK"]
    assert "python -m triggermap info" in check and "/_stcore/health" in check
    assert check.index("triggermap info") < check.index("&&") < check.index("/_stcore/health")


def test_default_image_has_no_browser():
    steps = " ".join(a for kind, a in DOCKER if kind in ("RUN", "ARG", "ENV")).lower()
    assert "chromium" not in steps and "apt-get install" not in steps and "browser_path" not in steps


@pytest.mark.parametrize("excluded", [".git", ".venv", "node_modules", "tests", "benchmarks"])
def test_build_context_leaves_out(excluded):
    assert excluded in (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
