"""Deployment files: the rendered nginx config (headers, CSP, gzip, blocked endpoints) and the Dockerfile."""

import base64
import hashlib
import re
import shutil
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


NESTED = re.search(r'location ~ "(\S+)" \{\s*return 302 /not-found;\s*\}', NGINX)


@pytest.mark.parametrize(("path", "redirected"), [
    ("/a/b", True), ("/muscles/extra", True), ("/study/x/y", True), ("/wp-admin/setup.php", True),
    ("/muscles", False), ("/muscles/", False), ("/admin", False), ("/", False), ("/static/js/main.js", False),
    ("/_stcore/stream", False), ("/_stcore/bidi-components/x/y.js", False), ("/component/c/index.html", False),
    ("/media/abc.png", False), ("/app/static/logo.png", False), ("/muscles/_stcore/stream", False),
    ("/not-found/_stcore/host-config", False), ("/study/static/js/main.js", False),
])
def test_nested_unknown_paths_go_to_the_not_found_page(path, redirected):
    # nginx matches the regex (PCRE) against the path; Python's re reads this one the same way
    assert NESTED, "no redirect for nested paths"
    assert bool(re.search(NESTED.group(1), path)) is redirected


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


def dockerfile() -> list[list[tuple[str, str]]]:
    """The Dockerfile's stages, each a list of (INSTRUCTION, arguments), continuation lines joined, comments dropped;
    the first list holds what comes before the first FROM."""
    text = re.sub(r"(?m)^\s*#.*\n", "", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    lines = re.sub(r"\\\n\s*", " ", text).splitlines()
    stages: list[list[tuple[str, str]]] = [[]]
    for line in filter(str.strip, lines):
        kind, args = line.split(None, 1)
        if kind.upper() == "FROM":
            stages.append([])
        stages[-1].append((kind.upper(), args))
    return stages


STAGES = dockerfile()
DOCKER = STAGES[-1]  # the image itself; earlier stages only build what it copies
BUILD = [step for stage in STAGES[1:-1] for step in stage]


def test_every_base_image_is_pinned_by_digest():
    args = dict(a.split("=", 1) for kind, a in STAGES[0] if kind == "ARG" and "=" in a)
    bases = [a.split()[0] for stage in STAGES for kind, a in stage if kind == "FROM"]
    assert len(bases) == 2
    for base in bases:
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
    steps = " ".join(a for stage in STAGES for kind, a in stage if kind in ("RUN", "ARG", "ENV")).lower()
    assert "chromium" not in steps and "browser_path" not in steps
    assert not [a for kind, a in DOCKER if kind == "RUN" and "apt-get" in a], "the image itself installs nothing"


def test_image_gets_only_the_slimmed_packages():
    [install] = [a for kind, a in BUILD if kind == "RUN" and "pip install" in a]
    assert "--require-hashes -r /tmp/requirements.lock" in install and "--no-compile" in install
    assert install.index("pip install") < install.index("slim_packages.sh /install")
    copied = [a for kind, a in DOCKER if kind == "COPY" and a.startswith("--from")]
    assert copied == ["--from=packages /install /usr/local"]
    assert not [a for kind, a in DOCKER if kind == "RUN" and "pip install" in a]


def test_bytecode_is_written_for_the_app_and_the_modules_it_imports_only():
    [build] = [a for kind, a in DOCKER if kind == "RUN" and "compileall" in a]
    assert "compileall -q /app" in build and "compileall -q /usr" not in build
    assert "PYTHONDONTWRITEBYTECODE= PYTHONPATH=/app python deploy/warm_bytecode.py" in build
    assert ("ENV", "PYTHONDONTWRITEBYTECODE=1") in [(k, a.split()[0]) for k, a in DOCKER if k == "ENV"]


@pytest.mark.parametrize("needed", ["!deploy/slim_packages.sh", "!deploy/warm_bytecode.py", "!benchmarks/__init__.py",
                                    "!benchmarks/server.py"])
def test_build_context_keeps_the_build_steps(needed):
    ignore = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    folder = needed[1:].split("/")[0]
    assert needed in ignore and ignore.index(folder) < ignore.index(needed)  # later lines win


@pytest.mark.parametrize("excluded", [".git", ".venv", "node_modules", "tests", "benchmarks"])
def test_build_context_leaves_out(excluded):
    assert excluded in (ROOT / ".dockerignore").read_text(encoding="utf-8").split()


SLIM = ROOT / "deploy" / "slim_packages.sh"


def fake_site(tmp_path: Path) -> Path:
    """An install prefix with one file of each kind slim_packages.sh keeps or removes; returns its site-packages."""
    import pyarrow

    site = tmp_path / "lib" / "python3.11" / "site-packages"
    elf = Path(pyarrow.__file__).parent / "libarrow_acero.so.2600"  # a real, unstripped shared library
    files = {"streamlit/__init__.py": "", "pandas/__init__.py": "", "pandas/_testing/__init__.py": "",
             "pandas/tests/test_x.py": "", "numpy/_core/tests/test_y.py": "", "pydeck/__init__.py": "",
             "pydeck/nbextension/static/index.js": "x", "pyarrow/__init__.py": "", "pyarrow/include/arrow/api.h": "",
             "pyarrow/lib.pxd": "", "pyarrow/_flight.cpython-311-x86_64-linux-gnu.so": "", "pyarrow/flight.py": "",
             "pyarrow/libarrow_flight.so.2600": "", "pyarrow/libarrow_s3.so.2600": "",
             "pyarrow/libarrow_python.so": "", "pyarrow/libarrow_python.so.2600.1.0": "",
             "pyarrow/__pycache__/x.cpython-311.pyc": "", "../../../share/jupyter/nbextensions/pydeck/index.js": "x",
             "../../../etc/jupyter/nbconfig/notebook.d/pydeck.json": "{}", "../../../bin/streamlit": ""}
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    for name in ("pyarrow/libarrow_python.so.2600", "numpy.libs/libvendored.so"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(elf, site / name)
    return site


def test_slim_packages_removes_only_what_the_app_never_loads(tmp_path):
    site = fake_site(tmp_path)
    vendored = (site / "numpy.libs/libvendored.so").read_bytes()
    done = subprocess.run(["sh", str(SLIM), str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert re.search(r"slim_packages: \d+ MiB -> \d+ MiB", done.stdout)
    assert {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()} - {
        str(p.relative_to(tmp_path)) for p in site.rglob("*") if p.is_file()} == {"bin/streamlit"}
    left = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    assert left == {"streamlit/__init__.py", "pandas/__init__.py", "pandas/_testing/__init__.py",
                    "pydeck/__init__.py", "pyarrow/__init__.py", "pyarrow/libarrow_python.so.2600",
                    "numpy.libs/libvendored.so"}
    # auditwheel's vendored libraries break when stripped (numpy: "ELF load command ... not page-aligned")
    assert (site / "numpy.libs/libvendored.so").read_bytes() == vendored
    if shutil.which("strip"):
        assert (site / "pyarrow/libarrow_python.so.2600").stat().st_size < len(vendored)


@pytest.mark.parametrize("args", [[], ["/nonexistent"], ["."]])
def test_slim_packages_refuses_a_folder_that_is_not_site_packages(args, tmp_path):
    done = subprocess.run(["sh", str(SLIM), *args], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2 and "slim_packages" in done.stderr and "Traceback" not in done.stderr
