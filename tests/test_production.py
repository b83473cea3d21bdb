"""Production settings: redacted errors with an id in the server log, no outbound lookups, compressed websocket."""

import logging
import re
import subprocess
import sys
import tomllib

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from app.errors import LOG
from tests.helpers import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("section,key,expected", [
    ("client", "showErrorDetails", "none"), ("browser", "serverAddress", "localhost"),
    ("server", "enableWebsocketCompression", True), ("browser", "gatherUsageStats", False),
    ("server", "enableXsrfProtection", True), ("server", "headless", True),
    ("server", "fileWatcherType", "none"),  # watching cost each new session a walk over every loaded module
])
def test_config_value(section, key, expected):
    assert CONFIG[section][key] == expected


def test_show_error_details_is_a_value_streamlit_knows():
    assert CONFIG["client"]["showErrorDetails"] in {o.value for o in st_config.ShowErrorDetailsConfigOptions}


START = """
import streamlit.net_util as net
from streamlit import config
from streamlit.web import bootstrap
calls = []
net.get_external_ip = lambda: calls.append("external") or None
config.get_config_options(force_reparse=True)
config.set_option("server.headless", True)
bootstrap._print_url(False)
print("LOOKUPS", calls)
"""


@pytest.mark.parametrize("cwd,lookups", [(ROOT, "[]"), (ROOT / "tests", "['external']")])
def test_start_makes_no_outbound_ip_lookup(cwd, lookups):
    """Streamlit reads .streamlit/config.toml from the working directory; without it, it looks the IP up."""
    out = subprocess.run([sys.executable, "-c", START], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert f"LOOKUPS {lookups}" in out.stdout, out.stdout + out.stderr


FAILING_APP = """
import streamlit as st
from app.errors import run_page

def boom():
    st.write("before the failure")
    raise RuntimeError("secret detail /srv/triggermap/data/muscles.csv")

run_page(st.navigation([st.Page(boom, title="Boom", default=True)]))
"""


class Records(logging.Handler):
    """Keep the log records of one logger (Streamlit's loggers do not propagate to pytest's caplog)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_page_error_is_logged_with_an_id_and_shown_plainly():
    handler = Records()
    LOG.addHandler(handler)
    try:
        at = AppTest.from_string(FAILING_APP, default_timeout=30).run()
    finally:
        LOG.removeHandler(handler)
    assert not at.exception, "no traceback element reaches the visitor"
    shown = " ".join(e.value for e in at.error)
    error_id = re.search(r"error id ([0-9a-f]{8})", shown)
    assert error_id and "secret" not in shown and "/srv" not in shown and "RuntimeError" not in shown
    [record] = handler.records
    assert error_id.group(1) in record.getMessage() and record.levelno == logging.ERROR
    assert record.exc_info and "secret detail" in str(record.exc_info[1])
