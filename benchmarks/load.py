"""Load test: N protocol-level Streamlit sessions clicking the body map; prints one JSON line.

Each session speaks the browser's websocket protocol (/_stcore/stream, BackMsg/ForwardMsg protobufs
from the installed streamlit): it connects, asks for the first run, then repeatedly "clicks" the map
the way the frontend does, by sending a rerun whose widget states carry the body-map component's tap
(a JSON trigger value [{"event": "tap", "value": {"k": "r", "id": region, "side": side}}] for the
component id read from the last run's delta; the regions come from the drawing the map received).
A click counts as an error unless the run finishes cleanly, shows no exception and the map's state
message comes back with the tapped region toggled (benchmarks/protocol.py).
Click latency is send -> script_finished. Server memory comes from /proc/PID/status (VmRSS), server CPU
from /proc/PID/stat (user + system time of every thread); cpu_ms_per_click is the servers' CPU time over
the run divided by the clicks (it also carries each session's first page run and the websocket work).

    python -m benchmarks.load [--json] [--sessions 20] [--seconds 30] [--think 1.0] [--soak SECONDS]
                              [--url http://127.0.0.1:PORT [--pid PID ...] [--aux-pid PID ...]] [--warm-only]

--json is accepted for symmetry with the other benchmarks: the output is always the one JSON line.

Without --url it starts `streamlit run explorer.py` on a free loopback port and stops it at the end.
Only loopback targets are accepted.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import json
import os
import random
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import numpy as np
import websocket

from benchmarks.protocol import Session, region_codes

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["Session", "loopback_only", "main", "region_codes"]


def loopback_only(url: str) -> str:
    """The URL without a trailing slash; refuse any host outside the loopback range."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        if host == "localhost" or ipaddress.ip_address(host).is_loopback:
            return url.rstrip("/")
    except ValueError:
        pass
    raise SystemExit(f"refusing non-loopback target {host!r}")


def start_server() -> tuple[subprocess.Popen, str]:
    """`streamlit run explorer.py` on a free loopback port (the Popen pid is the server itself), and its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "streamlit", "run", "explorer.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           # No module reloads when files change under a running benchmark.
           "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def wait_healthy(url: str, timeout: float = 90.0) -> None:
    """Block until /_stcore/health answers, or fail."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not become healthy in {timeout:.0f} s")


def cpu_s(pids: list[int]) -> float | None:
    """User + system CPU time the server processes have used so far, s."""
    total = 0
    for pid in pids:
        try:  # fields after the ")" closing the command name start at field 3; utime and stime are 14 and 15
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK") if pids else None


def rss_mib(pids: list[int]) -> float | None:
    """Summed resident memory of the server processes, MiB."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return None
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return round(total / 1024, 1) if pids else None


class Stats:
    """Thread-safe tallies shared by the session threads."""

    def __init__(self, sessions: int):
        self.lock = threading.Lock()
        self.click_ms: list[float] = []
        self.first_ms: list[float] = []
        self.errors: Counter[str] = Counter()
        self.done = threading.Barrier(sessions + 1)  # sessions stop clicking, then memory is read
        self.release = threading.Event()  # ...and only then do they close their sockets

    def add(self, bucket: list[float], start: float, fault: str | None) -> None:
        """Record one timed run; a faulty run is also an error."""
        with self.lock:
            bucket.append((time.perf_counter() - start) * 1000)
            if fault:
                self.errors[fault] += 1

    def error(self, exc: Exception) -> None:
        """Count a failure with no timing (connection refused, timeout, closed socket)."""
        with self.lock:
            self.errors[type(exc).__name__] += 1


def user(url: str, idx: int, args: argparse.Namespace, stats: Stats, stop_at: float) -> None:
    """One simulated person: open the map, then click with a think time until the time is up."""
    rng = random.Random(idx)
    session = None
    try:
        time.sleep(rng.uniform(0, min(args.think, 2.0)))  # people arrive spread out, not in one tick
        session = Session(url, args.timeout)
        start = time.perf_counter()
        stats.add(stats.first_ms, start, session.rerun())
        while (pause := rng.uniform(0.5, 1.5) * args.think) < stop_at - time.monotonic():
            time.sleep(pause)
            start = time.perf_counter()
            stats.add(stats.click_ms, start, session.click(rng))
    except (OSError, websocket.WebSocketException) as exc:
        stats.error(exc)
    finally:
        with contextlib.suppress(threading.BrokenBarrierError):
            stats.done.wait(timeout=args.timeout + 5)
        stats.release.wait(timeout=args.timeout)
        if session:
            session.close()


def pct(values: list[float], q: float) -> float | None:
    """Percentile rounded to 0.1 ms, None when empty."""
    return round(float(np.percentile(values, q)), 1) if values else None


def drive(url: str, pids: list[int], args: argparse.Namespace) -> dict:
    """Run the sessions against a live server and summarise."""
    duration = args.soak or args.seconds
    stats, samples = Stats(args.sessions), []
    rss_start, cpu_start, aux_start = rss_mib(pids), cpu_s(pids), cpu_s(args.aux_pid)
    begin = time.monotonic()
    stop_at = begin + duration
    threads = [threading.Thread(target=user, args=(url, i, args, stats, stop_at), daemon=True)
               for i in range(args.sessions)]
    for t in threads:
        t.start()
    while time.monotonic() < stop_at:
        time.sleep(min(2.0, max(0.0, stop_at - time.monotonic())))
        samples.append((time.monotonic() - begin, rss_mib(pids)))
    with contextlib.suppress(threading.BrokenBarrierError):  # a hung session only delays the reading
        stats.done.wait(timeout=args.timeout + 5)
    rss_end, cpu_end, aux_end = rss_mib(pids), cpu_s(pids), cpu_s(args.aux_pid)
    stats.release.set()
    for t in threads:
        t.join(timeout=10)
    out = summary(args, stats, duration, rss_start, rss_end, samples, len(pids))
    if cpu_start is not None and cpu_end is not None:
        out["server_cpu_s"] = round(cpu_end - cpu_start, 2)
        out["cpu_ms_per_click"] = round(1000 * (cpu_end - cpu_start) / out["clicks"], 1) if out["clicks"] else None
    if aux_start is not None and aux_end is not None:  # nginx: the rest of what shares the cores, measured
        out["aux_cpu_s"] = round(aux_end - aux_start, 2)
    return out


def summary(args, stats: Stats, duration: float, rss_start, rss_end, samples, processes: int) -> dict:
    """The JSON result line."""
    out = {"sessions": args.sessions, "seconds": duration, "think_s": args.think, "processes": processes,
           "clicks": len(stats.click_ms), "clicks_per_s": round(len(stats.click_ms) / duration, 2),
           "errors": sum(stats.errors.values()), "error_kinds": dict(stats.errors),
           "click_ms_p50": pct(stats.click_ms, 50), "click_ms_p95": pct(stats.click_ms, 95),
           "click_ms_max": pct(stats.click_ms, 100), "first_run_ms_p95": pct(stats.first_ms, 95),
           "rss_start_mib": rss_start, "rss_end_mib": rss_end, "rss_mib_per_session": None,
           # The load generator shares the machine's cores with the server: say how much it took.
           "client_cpu_s": round(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), 1),
           "loadavg_1m_before": args.loadavg}
    if rss_start is not None and rss_end is not None:
        out["rss_mib_per_session"] = round((rss_end - rss_start) / args.sessions, 2)
    if args.soak:
        # Growth is taken from the first sample after the ramp-up (10 % of the run), so that
        # per-session memory is not mistaken for a leak.
        loaded = next((rss for t, rss in samples if t >= 0.1 * duration and rss is not None), None)
        out["rss_loaded_mib"] = loaded
        out["soak_growth_pct"] = round((rss_end - loaded) / loaded * 100, 2) if loaded and rss_end else None
    return out


def warm_up(url: str, timeout: float) -> None:
    """One session that loads the cached data and compiles the page before memory is measured."""
    session = Session(url, timeout)
    try:
        session.rerun()
        session.click(random.Random(0))
    finally:
        session.close()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--json", action="store_true", help="print the JSON line (the only output format)")
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--seconds", type=float, default=30.0, help="length of the run")
    p.add_argument("--think", type=float, default=1.0, help="mean pause between a person's clicks, s")
    p.add_argument("--url", help="existing server (loopback only); default: start one")
    p.add_argument("--pid", type=int, action="append", default=[], help="server process(es) to read memory of")
    p.add_argument("--aux-pid", type=int, action="append", default=[],
                   help="other processes on the same cores (nginx) whose CPU time to report as aux_cpu_s")
    p.add_argument("--soak", type=float, default=0.0, help="run this many seconds and report memory growth %%")
    p.add_argument("--timeout", type=float, default=60.0, help="per-run timeout, s")
    p.add_argument("--warm-only", action="store_true", help="only load the app once in one session (deploy use)")
    args = p.parse_args(argv)
    args.loadavg = round(os.getloadavg()[0], 2)  # other work on the machine skews latencies
    if args.sessions < 1 or not 0 < (args.soak or args.seconds) <= 4 * 3600:
        p.error("need --sessions >= 1 and a run of at most 4 hours")
    return args


def main(argv: list[str] | None = None) -> dict:
    """Run the load test and print its JSON line."""
    args = parse_args(argv)
    server = None
    if args.url:
        url, pids = loopback_only(args.url), args.pid
    else:
        server, url = start_server()
        pids = [server.pid]
    try:
        wait_healthy(url)
        warm_up(url, args.timeout)
        result = {"warmed": url} if args.warm_only else drive(url, pids, args)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
    sys.stdout.write(json.dumps(result) + "\n")
    return result


if __name__ == "__main__":
    main()
