"""Build step: run every page once so Python writes bytecode for just the modules the app imports.

The image's app user cannot write to the installed packages, so bytecode missing at build time would be compiled
again in memory at every start; compiling every installed module instead (compileall) adds 66 MiB to the image,
of which the app imports 27. Run from the checkout with bytecode writing on and the checkout importable, as
`streamlit run` makes it:
    PYTHONDONTWRITEBYTECODE= PYTHONPATH=. python deploy/warm_bytecode.py
Exits non-zero if a page fails, so a broken image fails its build.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

from benchmarks.server import app_server

ROOT = Path(__file__).resolve().parents[1]


def serve_once() -> None:
    """Start the real server, fetch its page, stop it: the web server's own modules."""
    with app_server() as url:  # waits for the health check
        urllib.request.urlopen(f"{url}/", timeout=60)


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
