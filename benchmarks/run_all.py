"""Run every benchmark script (lookup, language, ui, load: those present), each printing JSON; write results.json.

    python -m benchmarks.run_all [--load-args "--sessions 20 --seconds 30"]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCRIPTS = ("lookup", "language", "ui", "load")
TIMEOUT_S = 900  # each script bounds its own run; this only catches a hang


def run_one(name: str, extra: list[str]) -> dict:
    """Run `python -m benchmarks.<name>` and parse the last JSON line it printed."""
    start, load = time.monotonic(), os.getloadavg()[0]
    try:
        proc = subprocess.run([sys.executable, "-m", f"benchmarks.{name}", *extra], cwd=ROOT, capture_output=True,
                              text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {TIMEOUT_S} s"}
    lines = [line for line in proc.stdout.splitlines() if line.strip().startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": f"exit {proc.returncode}", "stderr_tail": proc.stderr[-2000:]}
    try:
        result = json.loads(lines[-1])
    except json.JSONDecodeError as exc:
        return {"error": f"bad JSON line: {exc}"}
    result["wall_s"] = round(time.monotonic() - start, 1)
    # the machine's 1-minute load average around the script: latencies mean little without it
    result["run_all_loadavg_1m"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the scripts found, write results.json, return non-zero if any failed."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--load-args", default="", help="extra arguments for load.py")
    p.add_argument("--out", default=str(HERE / "results.json"))
    args = p.parse_args(argv)
    results = {}
    for name in SCRIPTS:
        if (HERE / f"{name}.py").exists():
            extra = {"load": shlex.split(args.load_args), "language": ["--json"]}.get(name, [])
            results[name] = run_one(name, extra)
            sys.stdout.write(json.dumps({name: results[name]}) + "\n")
    report = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
              "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "results": results}
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
