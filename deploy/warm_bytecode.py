"""Build step: run every page once so Python writes bytecode for just the modules the app imports.

The image's app user cannot write to the installed packages, so bytecode missing at build time would be compiled
again in memory at every start; compiling every installed module instead (compileall) adds 66 MiB to the image,
of which the app imports 27. Run from the checkout with bytecode writing on and the checkout importable, as
`streamlit run` makes it:
    PYTHONDONTWRITEBYTECODE= PYTHONPATH=. python deploy/warm_bytecode.py
Exits non-zero if a page fails, so a broken image fails its build.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def serve_once() -> None:
    """Start the real server, fetch its page and health check, stop it: the web server's own modules."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "explorer.py", "--server.port", str(port),
                               "--server.address", "127.0.0.1", "--server.headless", "true",
                               "--server.fileWatcherType", "none"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
                return
            except OSError:
                time.sleep(0.5)
        raise SystemExit("warm_bytecode: the server did not answer within 2 minutes")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    """Serve once, then run each page script in AppTest; return the number of failed pages."""
    from streamlit.testing.v1 import AppTest

    serve_once()
    subprocess.run([sys.executable, "-m", "triggermap", "info", "--json"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)  # the health check's own imports
    failed = 0
    at = AppTest.from_file(str(ROOT / "explorer.py"), default_timeout=300)  # through st.navigation, as served
    for page in sorted((ROOT / "app" / "pages").glob("*.py")):
        at.switch_page(str(page.relative_to(ROOT))).run()
        if at.exception:
            failed += 1
            sys.stderr.write(f"warm_bytecode: {page.relative_to(ROOT)} failed: {at.exception[0].message}\n")
    return failed


if __name__ == "__main__":
    sys.exit(main())
