"""Hostile input to the domain package, the CLI and the data loaders: no crash, no leak, clear errors."""

import json
import re
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, edit_cell, run_cli
from triggermap.atlas import AtlasError, load_atlas
from triggermap.data import DataError, load_dataset
from triggermap.lookup import ROOT_ORDER, normalise_root
from triggermap.schema import FILES
from triggermap.selection import MAX_REGIONS, apply_tap
from triggermap.textmatch import MAX_QUERY, Matcher, core, normalise
from triggermap.urlstate import Allowed, BodyMapState, Shared, parse, to_params
from triggermap.vocab import Audience, Mode, Side, ViewId

VIEWS, MODES, AUDIENCES = ViewId.values(), Mode.values(), Audience.values()

# database=None: no .hypothesis/ folder left in the repo; deadline=None: the first call builds caches.
# max_examples comes from the profile conftest.py loads: 200 at a desk, fewer in CI (CI=true).
PROPERTY = settings(deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

NASTY = ["", " ", "\x00", "\x00elbow\x00", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
         "'; DROP TABLE regions; --", '" OR 1=1 --', "\u202eworbla retuo", "مرفق خارجي", "שלום כתף",
         "💥🦵🏽\u200d♀️", "e\u0301\u0301\u0301lbow", "\ufdfa" * 300, "\ufeff\u200b\u200f", "\r\n\t\x0b\x0c",
         "outer elbow," * 400, "a" * 100_000, "%00%3Cscript%3E", "[x](javascript:alert(1))", "\ud800lone"]
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=400)  # includes surrogates and NUL
SHORT = [s for s in NASTY if 0 < len(s) <= 40] + ["knee, "]
HOSTILE = st.one_of(ANY_TEXT, st.sampled_from(NASTY),  # repeats stay under ~120 kB so a run stays fast
                    st.builds(lambda s, n: s * n, st.sampled_from(SHORT), st.integers(1, 3000)))
PUNCT = "[]()<>`*!\\|#~"  # markdown/HTML-active characters a notice must never echo outside its one code span


def active_markup(notice: str) -> set[str]:
    """Markup characters of a notice outside its inline-code value (which markdown shows literally)."""
    outside = re.sub(r"`[^`\n]*`", "", notice, count=1)
    return set(outside) & set(PUNCT)


@PROPERTY
@given(text=HOSTILE, limit=st.integers(1, 50))
def test_search_never_raises_and_is_well_formed(atlas, text, limit):
    hits = atlas.search(text, limit=limit)
    ids = [r for r, _ in hits]
    assert len(hits) <= limit and len(set(ids)) == len(ids)
    assert set(ids) <= set(atlas.regions)
    assert all(0 < s <= 100 for _, s in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


@PROPERTY
@given(text=HOSTILE)
def test_resolve_never_raises_and_is_well_formed(atlas, text):
    hits = atlas.resolve(text)
    ids = [r for r, _ in hits]
    assert len(set(ids)) == len(ids) <= min(len(atlas.regions), MAX_QUERY)
    assert set(ids) <= set(atlas.regions)
    assert all(0 < s <= 100 for _, s in hits)


@PROPERTY
@given(names=st.dictionaries(ANY_TEXT, st.lists(HOSTILE, max_size=4), max_size=8), text=HOSTILE,
       limit=st.integers(1, 20), cutoff=st.sampled_from([40.0, 60.0, 70.0]))
def test_matcher_rank_on_arbitrary_names_and_text(names, text, limit, cutoff):
    ranked = Matcher(names).rank(text, limit=limit, cutoff=cutoff)
    assert len(ranked) <= limit and len({k for k, _ in ranked}) == len(ranked)
    assert all(k in names and cutoff <= s <= 100 for k, s in ranked)


@PROPERTY
@given(text=HOSTILE)
def test_normalised_query_is_bounded(text):
    # Bounded work per keystroke: NFKD may expand a character up to 18-fold, the cap holds after it.
    assert len(normalise(text)) <= MAX_QUERY and len(core(text)) <= MAX_QUERY


@PROPERTY
@given(text=HOSTILE)
def test_normalise_root_is_none_or_a_real_root(text):
    root = normalise_root(text)
    assert root is None or root in ROOT_ORDER


@pytest.mark.parametrize("text,root", [("c6", "C6"), (" C 6 ", "C6"), ("s1", "S1"), ("C9", None), ("C06", "C6"),
                                       ("T13", None), ("C\x006", None), ("<C6>", None)])
def test_normalise_root_examples(text, root):
    assert normalise_root(text) == root


def _params(data):
    """Query-parameter dicts mixing real keys, real ids, region lists and junk."""
    keys = st.one_of(st.sampled_from(["view", "mode", "audience", "side", "muscle", "print", "redflags", "regions"]),
                     ANY_TEXT)
    region = st.builds(lambda r, s: f"{r}:{s}", st.sampled_from(sorted(data.atlas.regions)),
                       st.sampled_from(["right", "left", "midline", "up", ""]))
    values = st.one_of(HOSTILE, st.sampled_from([*VIEWS, *MODES, *AUDIENCES, *sorted(data.muscles)[:30],
                                                 *sorted(data.conditions)[:10]]),
                       st.lists(st.one_of(region, HOSTILE), max_size=60).map(",".join))
    return st.dictionaries(keys, values, max_size=10)


def _allowed(data) -> Allowed:
    return Allowed(regions=frozenset(data.atlas.regions), muscles=frozenset(data.muscles),
                   conditions=frozenset(data.conditions), flags=frozenset(data.red_flags))


@PROPERTY
@given(hypo=st.data())
def test_parse_params_only_yields_known_ids(data, hypo):
    params = hypo.draw(_params(data))
    state, notices = parse(BodyMapState, params, _allowed(data))
    shared, more = parse(Shared, params, _allowed(data))
    assert state.view in VIEWS and state.mode in MODES and shared.audience in AUDIENCES
    assert shared.side in ("right", "left")
    assert state.muscle is None or state.muscle in data.muscles
    assert len(state.regions) <= MAX_REGIONS and len(set(state.regions)) == len(state.regions)
    assert all(r in data.atlas.regions and s in Side.values() for r, s in state.regions)
    assert all(isinstance(n, str) and len(n) <= 80 and not active_markup(n) for n in notices + more)
    assert parse(BodyMapState, to_params(state), _allowed(data)) == (state, [])
    assert parse(Shared, to_params(shared), _allowed(data)) == (shared, [])


def test_parse_params_does_not_echo_markup():
    params = {"regions": "![](https://e.vil/p.png),[help](https://e.vil)", "muscle": "<script>x</script>"}
    state, notices = parse(BodyMapState, params, Allowed(regions=frozenset({"sternum"}),
                                                         muscles=frozenset({"supinator"})))
    assert state == BodyMapState() and len(notices) == 3
    assert all(not active_markup(n) for n in notices), notices


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner,
                                                                                max_size=5),
                    max_leaves=30)
PAIR = st.one_of(JSON, st.lists(st.sampled_from(["lateral_elbow", "sternum", "right", "midline", "left", ""]),
                                max_size=3))
EVENT = st.one_of(JSON, st.fixed_dictionaries(
    {"k": st.one_of(st.sampled_from(["r", "t", "m", "c"]), JSON), "id": st.one_of(st.text(max_size=30), JSON),
     "side": st.one_of(st.sampled_from(["right", "left", "midline"]), JSON)},
    optional={"sel": st.one_of(JSON, st.lists(PAIR, max_size=30))}))


@PROPERTY
@given(event=EVENT, before=st.integers(0, 3))
def test_apply_tap_never_raises(event, before):
    table = [("lateral_elbow", "right"), ("lateral_elbow", "left"), ("sternum", "midline")]
    out = apply_tap(table[:before], event, set(table), {"supinator_tp1": "supinator"}, {"deltoid"})
    assert set(out.regions) <= set(table) and len(set(out.regions)) == len(out.regions)
    assert out.muscle in (None, "supinator", "deltoid") and out.side in (None, "right", "left")


# --- CLI ------------------------------------------------------------------------------------------------

CLI_TEXT = {"huge": "elbow " * 17_000, "unicode": "\u202eمرفق خارجي 💥🦵🏽 e\u0301\u0301", "empty": "",
            "html": "<script>alert(1)</script>"}
CLI_CASES = {f"{cmd}-{kind}": (cmd, text, "--json") for cmd in ("regions", "pain", "condition", "segment")
             for kind, text in CLI_TEXT.items()}
CLI_CASES |= {"sql": ("pain", "'; DROP TABLE x; --"), "combining": ("regions", "e\u0301" * 5000),
              "dash": ("condition", "--<b>x</b>")}
CLI_CASES |= {"negative-top": ("pain", "knee", "--top", "-3"), "huge-top": ("regions", "knee", "--top", "9" * 20),
              "bad-side": ("pain", "knee", "--side", "<up>"), "huge-root": ("segment", "C6" * 50_000),
              "no-command": ("nonsense",)}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_hostile_input_exits_cleanly(case):
    done = run_cli(*CLI_CASES[case])
    code, stdout, stderr = done.returncode, done.stdout, done.stderr
    assert code in (0, 2), stderr[-500:]
    assert "Traceback" not in stderr and len(stderr) <= 500, stderr[-500:]
    if code == 2:
        assert stderr.strip(), "an exit 2 says why"
    elif "--json" in CLI_CASES[case]:
        json.loads(stdout)  # a success is well-formed JSON


# --- broken data files -----------------------------------------------------------------------------------

def _header_only(p):
    p.write_text(p.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


def _cut_mid_row(p):
    """Cut the file right after the first cell of its third data row."""
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(lines[:3]) + lines[3].split(",")[0] + ",", encoding="utf-8")


BREAKERS = {
    "empty": (lambda p: p.write_bytes(b""), r"{name}: missing column"),
    "utf16": (lambda p: p.write_text(p.read_text(encoding="utf-8"), encoding="utf-16"), r"{name}: not valid UTF-8"),
    "nul_header": (lambda p: p.write_bytes(b"\x00" + p.read_bytes()), r"{name}: missing column"),
    "truncated": (_cut_mid_row, r"{name} row \d+, column '\w+'"),
}


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("how", sorted(BREAKERS))
def test_broken_csv_names_file_and_row(data_copy, atlas, name, how):
    breaker, message = BREAKERS[how]
    breaker(data_copy / name)
    with pytest.raises(DataError, match=message.format(name=re.escape(name))):
        load_dataset(data_copy, atlas=atlas)


@pytest.mark.parametrize("name", sorted(FILES))
def test_header_only_csv_is_refused(data_copy, atlas, name):
    _header_only(data_copy / name)
    with pytest.raises(DataError, match=r"\w+\.csv"):
        load_dataset(data_copy, atlas=atlas)


@pytest.mark.parametrize("name,column", [("muscles.csv", "action"), ("conditions.csv", "summary")])
def test_nul_byte_inside_a_cell_is_refused(data_copy, atlas, name, column):
    edit_cell(data_copy / name, 0, column, "walks\x00 upstairs")
    with pytest.raises(DataError, match=rf"{re.escape(name)} row 2, column '{column}'"):
        load_dataset(data_copy, atlas=atlas)


@pytest.mark.parametrize("name,row,column,value,message", [
    ("conditions.csv", 1, "muscles", "supinator;heart", r"conditions\.csv row 3, column 'muscles': unknown muscle"),
    ("trigger_points.csv", 4, "spillover", "moon", r"trigger_points\.csv row 6, column 'spillover': unknown region"),
    ("needling_guide.csv", 0, "sources", "nobody1999", r"needling_guide\.csv row 2, column 'sources': unknown source"),
    ("red_flags.csv", 0, "sources", "<script>", r"red_flags\.csv row 2, column 'sources': unknown source"),
    ("trigger_points.csv", 0, "y", "nan", r"trigger_points\.csv row 2"),
    ("trigger_points.csv", 0, "x", "1e309", r"trigger_points\.csv row 2"),
])
def test_inconsistent_reference_names_file_row_column(data_copy, atlas, name, row, column, value, message):
    edit_cell(data_copy / name, row, column, value)
    with pytest.raises(DataError, match=message):
        load_dataset(data_copy, atlas=atlas)


@pytest.mark.parametrize("how,message", [
    ("empty", r"regions\.csv"), ("header", r"regions\.csv"),
    ("utf16", r"regions\.csv"),
])
def test_broken_regions_csv(data_copy, how, message):
    path = data_copy / "regions.csv"
    {"empty": lambda: path.write_bytes(b""), "header": lambda: _header_only(path),
     "utf16": lambda: path.write_text(path.read_text(encoding="utf-8"), encoding="utf-16")}[how]()
    with pytest.raises(AtlasError, match=message):
        load_atlas(regions_csv=path)


def _rewrite(views_copy, change):
    path = views_copy / "foot.json"
    path.write_bytes(change(path.read_bytes()))


def _json_edit(**fields):
    return lambda raw: json.dumps({**json.loads(raw), **fields}).encode()


VIEW_OK = {"empty": lambda b: b"", "utf16": lambda b: b.decode().encode("utf-16"),
           "nul": lambda b: b[:40] + b"\0" + b[40:],
           "truncated": lambda b: b[: len(b) // 2], "bom": lambda b: b"\xef\xbb\xbf" + b, "array": lambda b: b"[]",
           "null_frame": _json_edit(frame=None)}
VIEW_BAD = {"text_frame": _json_edit(frame={"x": "ab", "y": [0, 1]}), "region_is_text": _json_edit(regions=["x"]),
            "text_coordinates": _json_edit(silhouette=[[["a", "b"], [1, 2], [3, 4]]]),
            "muscle_without_id": _json_edit(muscles=[{}]), "label_not_a_pair": _json_edit(labels={"a": 5}),
            "nan_coordinate": _json_edit(silhouette=[[[float("nan"), 1], [1, 2], [3, 4]]])}


@pytest.mark.parametrize("how", sorted(VIEW_OK) + sorted(VIEW_BAD))
def test_broken_view_file_names_the_file(views_copy, how):
    _rewrite(views_copy, {**VIEW_OK, **VIEW_BAD}[how])
    with pytest.raises(AtlasError, match=r"foot\.json"):
        load_atlas(views_dir=views_copy)


# --- deployment config ----------------------------------------------------------------------------------

def test_streamlit_config_is_private_and_xsrf_protected():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"].get("enableCORS", True) is True  # CORS off would weaken the XSRF check
