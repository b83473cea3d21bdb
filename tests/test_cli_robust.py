"""The CLI at its edges: argument limits, control characters (in this process), closed pipes, odd terminals,
broken data (in a real process each)."""

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_cli
from triggermap import DATA_DIR
from triggermap.cli import MAX_TOP


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI as a user would; bytes out, so the test decodes with the terminal's encoding."""
    return subprocess.run([sys.executable, "-m", "triggermap", *args], capture_output=True, cwd=ROOT,
                          timeout=120, env={**os.environ, **(env or {})})


def hidden(text: str) -> set[str]:
    """Control and format characters a terminal would act on (newlines aside)."""
    return {c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")}


@pytest.mark.parametrize("top", ["0", "-1", str(MAX_TOP + 1), "9" * 20, "x", "1.5", ""])
def test_top_out_of_range_is_refused(top):
    out = run_cli("pain", "outer elbow", "--top", top)
    err = out.stderr
    assert out.returncode == 2 and "Traceback" not in err
    assert f"argument --top: must be a whole number from 1 to {MAX_TOP}" in err


@pytest.mark.parametrize("top", [1, 3, MAX_TOP])
def test_top_in_range_limits_the_answer(top):
    out = run_cli("pain", "outer elbow", "--top", str(top), "--json")
    assert out.returncode == 0, out.stderr
    assert 1 <= len(json.loads(out.stdout)["muscles"]) <= top


@pytest.mark.parametrize("args", [
    ("pain", "\x1b[2J\x1b]0;owned\x07zzqqxx"), ("regions", "\u202eqqzzxx\u200b"), ("condition", "\x9b31mqqzzxx"),
    ("segment", "\x1b[31mC99"), ("pain", "knee", "--side", "\x1b[31mleft"), ("pain", "knee", "--top", "\x1b[2J"),
])
def test_errors_echo_no_control_characters(args):
    out = run_cli(*args)
    err = out.stderr
    assert out.returncode == 2 and err.strip() and "Traceback" not in err
    assert not hidden(err), sorted(hidden(err))


def test_json_query_echo_has_no_control_characters():
    out = run_cli("pain", "outer\x1b[31m elbow\u202e", "--json")
    assert out.returncode == 0, out.stderr
    query = json.loads(out.stdout)["query"]
    assert not hidden(query) and query.startswith("outer")


@pytest.mark.parametrize("command", ["pain", "regions"])
@pytest.mark.parametrize("text", ["qqqzzzxx", "zzzz xxxx", "12345", "!!!", "\x1b[0m", "hello world"])
def test_nonsense_recognises_no_body_part(command, text):
    out = run_cli(command, text)
    err = out.stderr
    assert out.returncode == 2 and err.startswith("error: no body part found") and not hidden(err)
    assert out.stdout == ""


@pytest.mark.parametrize("args", [("info",), ("info", "--json"), ("pain", "outer elbow"), ("regions", "knee")])
def test_closed_pipe_exits_quietly(args):
    """`… | head -0`: the reader is gone before the CLI writes."""
    proc = subprocess.Popen([sys.executable, "-m", "triggermap", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 1
    assert err == "", err


TERMINALS = {"ascii": {"PYTHONIOENCODING": "ascii"}, "latin-1": {"PYTHONIOENCODING": "latin-1"},
             "cp437": {"PYTHONIOENCODING": "cp437"}, "ascii-strict": {"PYTHONIOENCODING": "ascii:strict"},
             "C-locale": {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""}}
ODD_TEXT = [("regions", "épaule 💥"), ("pain", "outer elbow ☃", "--json"), ("condition", "tennis elbow"),
            ("pain", "knee—💥", "--side", "left")]


# One interpreter per terminal runs every odd text through the CLI's main, as `python -m triggermap` does: the
# terminal's encoding is fixed when Python starts, so a process per text would test nothing more.
ONE_TERMINAL = """
import sys
from triggermap.cli import main
for args in ARGS:
    code = main(list(args))
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
        stream.buffer.write(b"\\0%d\\0" % code)
        stream.buffer.flush()
"""


@pytest.mark.parametrize("terminal", sorted(TERMINALS))
def test_any_terminal_encoding_exits_cleanly(terminal):
    proc = subprocess.run([sys.executable, "-c", ONE_TERMINAL.replace("ARGS", repr(ODD_TEXT))], capture_output=True,
                          cwd=ROOT, timeout=120, env={**os.environ, **TERMINALS[terminal]})
    assert proc.returncode == 0, proc.stderr[-2000:]
    encoding = TERMINALS[terminal].get("PYTHONIOENCODING", "").split(":")[0] or "utf-8"
    outs, errs = proc.stdout.split(b"\0")[:-1], proc.stderr.split(b"\0")[:-1]
    assert len(outs) == len(errs) == 2 * len(ODD_TEXT), (outs, errs)  # each run: its text, then its exit code
    for args, out, err, code in zip(ODD_TEXT, outs[::2], errs[::2], errs[1::2], strict=True):
        text = err.decode(encoding)
        assert int(code) in (0, 2) and "Traceback" not in text, (args, text)
        if int(code) == 0 and "--json" in args:
            json.loads(out.decode(encoding))  # still valid JSON: \\u escapes where the terminal lacks a character


def _folder_instead(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("name", ["muscles.csv", "regions.csv", "sources.csv"])
@pytest.mark.parametrize("how,message", [("missing", "file not found"), ("folder", "is a folder, not a file")])
def test_broken_data_folder_exits_1_with_a_relative_path(tmp_path, name, how, message):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("parts"))
    {"missing": Path.unlink, "folder": _folder_instead}[how](data / name)
    out = run("info", env={"TRIGGERMAP_DATA_DIR": str(data)})
    err = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in err, err
    assert err.startswith("error: the data could not be loaded:") and f"data/{name}: {message}" in err
    assert str(tmp_path) not in err, "no absolute server path in the message"
