"""Start `streamlit run explorer.py` on a free loopback port for benchmarks."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """An unused TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(port: int | None = None, stderr_path: Path | None = None):
    """Run the app until the block ends; yield its URL (stderr_path: keep the server's stderr, with timings)."""
    port = port or free_port()
    env = {**os.environ, "TRIGGERMAP_TIMING": "1"} if stderr_path else None
    err = open(stderr_path, "w") if stderr_path else subprocess.DEVNULL  # noqa: SIM115
    # TRIGGERMAP_SERVER_PYTHON: serve with another interpreter, e.g. a venv slimmed as the image is (deploy/README.md)
    python = os.environ.get("TRIGGERMAP_SERVER_PYTHON") or sys.executable
    proc = subprocess.Popen([python, "-m", "streamlit", "run", "explorer.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=err, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if stderr_path:
            err.close()
