"""Smoke test of the load benchmark: 2 protocol-level sessions click the real app for ~5 s."""

import json
import os
import subprocess
import sys

import pytest

from benchmarks.load import cpu_s, loopback_only, region_codes
from tests.helpers import ROOT
from triggermap.drawing import draw_view

KEYS = {"click_ms_p50", "click_ms_p95", "errors", "sessions", "clicks", "rss_mib_per_session", "rss_start_mib",
        "rss_end_mib", "cpu_ms_per_click", "server_cpu_s"}


def test_tapped_regions_are_the_drawn_regions(data):
    """The simulated taps pick regions the page can take, read from the drawing as the server sends it."""
    labels = {r: reg.label for r, reg in data.atlas.regions.items()}
    view = data.atlas.views["posterior"]
    drawn = region_codes(draw_view(view, labels))
    assert sorted(drawn) == sorted({(s.id, s.side) for s in view.regions})


@pytest.mark.parametrize("url", ["http://10.0.0.5:8501", "http://192.168.1.2", "http://example.com"])
def test_refuses_non_loopback_targets(url):
    with pytest.raises(SystemExit):
        loopback_only(url)


def test_two_sessions_click_without_errors():
    proc = subprocess.run([sys.executable, "-m", "benchmarks.load", "--json", "--sessions", "2", "--seconds", "3",
                           "--think", "0.3"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result.keys() >= KEYS
    assert result["errors"] == 0, result
    assert result["sessions"] == 2 and result["clicks"] >= 4
    assert 0 < result["click_ms_p50"] <= result["click_ms_p95"]
    assert result["rss_end_mib"] > 0
    per_click = 1000 * result["server_cpu_s"] / result["clicks"]  # server_cpu_s is rounded to 10 ms
    assert result["server_cpu_s"] > 0 and result["cpu_ms_per_click"] == pytest.approx(
        per_click, abs=10 / result["clicks"] + 0.1)


def test_cpu_time_is_read_from_proc():
    """The reading grows with work done, and a process that is gone gives no number."""
    before = cpu_s([os.getpid()])
    sum(i * i for i in range(3_000_000))
    assert cpu_s([os.getpid()]) > before > 0
    assert cpu_s([2**22 + 7]) is None and cpu_s([]) is None
