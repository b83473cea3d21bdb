"""The no-skip rule of CI: a skip fails when CI=true and stays a skip otherwise."""

import pytest

SKIPPING = """
import pytest

def test_needs_a_tool():
    pytest.skip("tool missing")

@pytest.mark.skipif(True, reason="never here")
def test_marked():
    pass
"""


@pytest.mark.parametrize("ci,outcome", [
    ("true", {"failed": 1, "errors": 1}),  # a skipif mark skips in setup, so it fails as a setup error
    ("", {"skipped": 2}),
])
def test_skips_fail_only_under_ci(pytester, monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    pytester.makepyfile(SKIPPING)
    result = pytester.runpytest_inprocess("-p", "tests.no_skip_in_ci", "-p", "no:cacheprovider")
    result.assert_outcomes(**outcome)
    if ci == "true":
        result.stdout.fnmatch_lines(["*skipped under CI=true*tool missing*"])
