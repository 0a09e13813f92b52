"""The view as a value and its URL form: parse, validate, notice, round trip."""

from __future__ import annotations

import itertools

import pytest

from adoption import vocab
from adoption.metrics import REGISTRY, factors
from adoption.metrics.filters import (
    DEFAULT_MATT,
    KEYS,
    MAX_NOTICES,
    NOTICE_VALUE_MAX,
    Filter,
    Known,
    Notice,
    ViewState,
    clean_value,
    from_query,
    requested_version,
    to_query,
)

# 2023 is missing on purpose: a year without data.
KNOWN = Known(
    years=(2022, 2024, 2025),
    lan=("01", "03", "25"),
    kommun={"0180": "01", "0114": "01", "0380": "03", "2580": "25"},
    versions=(1, 2, 3),
    # constructed for the test: groups of four municipalities, not SKR's classification
    grupper={"0180": "A1", "0114": "A2", "0380": "B3", "2580": "B3"},
)


def parse(params):
    return from_query(params, known=KNOWN)


def keys_of(notices: list[Notice]) -> list[tuple[str, str]]:
    return [(n.code, n.key) for n in notices]


# -- the Filter is unchanged ---------------------------------------------------

def test_filter_keeps_its_behaviour():
    flt = Filter(ar=2024, lan=("03", "01", "01"), kommun="0180", sektor=("miljo", "kultur_fritid"), typ="kommun")
    assert flt.lan == ("01", "03") and flt.sektor == ("kultur_fritid", "miljo")
    assert flt.with_(ar=2025).ar == 2025 and flt.ar == 2024
    assert Filter() == Filter(ar=None, lan=(), kommun=None, sektor=(), typ=None)


# -- valid queries --------------------------------------------------------------

def test_empty_query_gives_defaults_and_no_notice():
    state, notices = parse({})
    assert state == ViewState()
    assert state.matt == DEFAULT_MATT == "mognadsindex"
    assert (state.niva, state.lang, state.v, state.filter) == ("kommun", "sv", None, Filter())
    assert notices == []


def test_valid_query_becomes_a_state():
    state, notices = parse({
        "ar": ["2024"], "lan": ["03", "01"], "kommun": ["0180"], "sektor": ["utbildning", "miljo"],
        "typ": ["civilsamhalle"], "matt": ["mognadsindex"], "niva": ["lan"], "lang": ["en"], "v": ["2"],
    })
    assert notices == []
    assert state == ViewState(
        Filter(ar=2024, lan=("01", "03"), kommun="0180", sektor=("miljo", "utbildning"), typ="civilsamhalle"),
        matt="mognadsindex", niva="lan", lang="en", v=2,
    )


def test_plain_string_values_are_accepted_like_st_query_params_to_dict():
    state, notices = parse({"ar": "2024", "lang": "en", "lan": "01"})
    assert notices == []
    assert (state.filter.ar, state.lang, state.filter.lan) == (2024, "en", ("01",))


def test_unknown_keys_are_ignored_silently():
    state, notices = parse({"utm_source": ["x"], "embed": ["true"], "ar": ["2024"]})
    assert notices == [] and state.filter.ar == 2024


def test_surrounding_whitespace_is_tolerated():
    state, notices = parse({"kommun": [" 0180 "], "lang": ["en\n"]})
    assert notices == [] and state.filter.kommun == "0180" and state.lang == "en"


# -- invalid values: dropped with a notice, never an exception ----------------------

@pytest.mark.parametrize(
    "key, value, code",
    [
        ("ar", "2023", "no_data"),  # a year without data
        ("ar", "1999", "no_data"),
        ("ar", "tjugo", "format"),
        ("ar", "2024.0", "format"),
        ("ar", "٢٠٢٤", "format"),  # Arabic-Indic digits: int() would accept them
        ("ar", "2_024", "format"),
        ("ar", "-2024", "format"),
        ("lan", "99", "unknown"),
        ("lan", "1", "format"),
        ("lan", "Stockholm", "format"),
        ("kommun", "9999", "unknown"),
        ("kommun", "180", "format"),  # leading zero lost
        ("kommun", "01800", "format"),
        ("kommun", "Stockholm", "format"),
        ("kommun", "0180'; DROP TABLE x;--", "format"),
        ("sektor", "okand", "unknown"),
        ("sektor", "Utbildning", "format"),
        ("sektor", "Skola och förskola", "format"),  # a label, not a code
        ("typ", "foretag", "unknown"),
        ("typ", "Kommun", "format"),
        ("matt", "okant_matt", "unknown"),
        ("matt", "Andel med AI-aktivitet", "format"),
        ("niva", "region", "unknown"),
        ("grupp", "a1", "format"),
        ("grupp", "D1", "format"),
        ("grupp", "A10", "format"),
        ("grupp", "C9", "unknown"),  # a real code, but no municipality of this version is in it
        ("grupp", "C", "unknown"),
        ("vikter", "befolkning:9", "format"),
        ("vikter", "befolkning", "format"),
        ("vikter", "invanare:2", "unknown"),
        ("lang", "de", "unknown"),
        ("lang", "SV", "format"),
        ("v", "99", "unknown"),
        ("v", "0", "unknown"),
        ("v", "senaste", "format"),
        ("v", "1e3", "format"),
        ("v", "9" * 400, "format"),  # would be a huge int
    ],
)
def test_invalid_value_is_dropped_with_a_notice(key, value, code):
    state, notices = parse({key: [value]})
    assert state == ViewState()  # nothing of it survives; defaults stand
    assert keys_of(notices) == [(code, key)]
    notice = notices[0]
    assert notice.value == clean_value(value)
    for message in (notice.sv, notice.en):
        assert key in message and notice.value in message
    assert notice.message("en") == notice.en and notice.message("sv") == notice.sv


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize(
    "value",
    [
        "0180'; DROP TABLE x;--",
        "1 OR 1=1",
        "$ar",
        "{key}{value}{0}",  # str.format fields in the value must not be expanded
        "x" * 100_000,
        "\u202e\u200b\x00\x1b[31mröd\ud800",  # bidi override, zero width, NUL, escape, lone surrogate
        "😀🇸🇪",
        "<script>alert(1)</script>",
        "%00%27",
        " ",
    ],
)
def test_junk_never_raises_and_never_survives(key, value):
    state, notices = parse({key: [value]})
    assert state == ViewState()
    assert len(notices) == 1 and notices[0].key == key
    shown = notices[0].value
    assert len(shown) <= NOTICE_VALUE_MAX
    assert not any(ch in shown for ch in "\u202e\u200b\x00\x1b\ud800\n")
    assert "{" not in notices[0].sv.replace(shown, "") and "{" not in notices[0].en.replace(shown, "")


@pytest.mark.parametrize("key", KEYS)
def test_empty_string_is_dropped_with_a_notice(key):
    state, notices = parse({key: [""]})
    assert state == ViewState()
    assert keys_of(notices) == [("empty", key)]


@pytest.mark.parametrize("params", [{"ar": []}, {"lan": []}, {"kommun": None}])
def test_key_without_values_is_as_if_absent(params):
    assert parse(params) == (ViewState(), [])


@pytest.mark.parametrize("raw", [123, 2024, None, b"2024", ["2024", None], ("2024",), {"2024": 1}])
def test_non_string_values_do_not_raise(raw):
    state, notices = parse({"ar": raw, "kommun": raw, "lan": raw})
    assert isinstance(state, ViewState) and isinstance(notices, list)


def test_repeated_single_valued_key_takes_the_last_value():
    state, notices = parse({"ar": ["2022", "2024"], "lang": ["en", "sv"]})
    assert state.filter.ar == 2024 and state.lang == "sv"
    assert keys_of(notices) == [("repeated", "ar"), ("repeated", "lang")]
    assert notices[0].value == "2022"


def test_repeated_key_with_an_invalid_last_value_does_not_fall_back():
    state, notices = parse({"kommun": ["0180", "junk"]})
    assert state.filter.kommun is None
    assert keys_of(notices) == [("repeated", "kommun"), ("format", "kommun")]


def test_identical_repeats_give_no_notice():
    state, notices = parse({"lang": ["en", "en"]})
    assert state.lang == "en" and notices == []


def test_repeatable_keys_keep_the_valid_values_and_drop_the_rest():
    state, notices = parse({"lan": ["01", "99", "x", "03", "01"], "sektor": ["miljo", "", "nope"]})
    assert state.filter.lan == ("01", "03") and state.filter.sektor == ("miljo",)
    assert keys_of(notices) == [("unknown", "lan"), ("format", "lan"), ("empty", "sektor"), ("unknown", "sektor")]


def test_kommun_outside_the_chosen_lan_is_dropped():
    state, notices = parse({"lan": ["03"], "kommun": ["0180"]})
    assert state.filter == Filter(lan=("03",))
    assert keys_of(notices) == [("kommun_not_in_lan", "kommun")]
    assert "0180" in notices[0].sv and "0180" in notices[0].en


def test_kommun_inside_one_of_the_chosen_lan_is_kept():
    state, notices = parse({"lan": ["03", "01"], "kommun": ["0114"]})
    assert notices == [] and state.filter.kommun == "0114"


def test_kommun_is_checked_against_the_valid_lan_only():
    # The county 99 is dropped; the municipality is then checked against no county filter.
    state, notices = parse({"lan": ["99"], "kommun": ["0180"]})
    assert state.filter == Filter(kommun="0180")
    assert keys_of(notices) == [("unknown", "lan")]


def test_notices_are_capped():
    state, notices = parse({"lan": [f"x{i}" for i in range(5000)], "sektor": ["bad"] * 50})
    assert state == ViewState()
    assert len(notices) == MAX_NOTICES
    assert notices[-1].code == "more" and notices[-1].value == str(5050 - MAX_NOTICES + 1)


def test_clean_value_truncates_and_strips_controls():
    assert clean_value("a\x00b\u202ec\td") == "abc d"
    long = clean_value("å" * 500)
    assert len(long) == NOTICE_VALUE_MAX and long.endswith("…")
    assert clean_value("0180") == "0180"


def test_requested_version():
    assert requested_version({"v": ["2"]}) == 2
    assert requested_version({"v": ["1", "3"]}) == 3
    assert requested_version({"v": "x"}) is None
    assert requested_version({}) is None


# -- to_query and the round trip ------------------------------------------------------

def test_to_query_leaves_defaults_out():
    assert to_query(ViewState()) == {}
    assert to_query(ViewState(lang="en")) == {"lang": ["en"]}


def test_to_query_uses_codes_lists_and_a_stable_order():
    state = ViewState(
        Filter(ar=2024, lan=("03", "01"), kommun="0180", sektor=("utbildning", "miljo"), typ="kommun"),
        matt="andel_strategi", niva="lan", lang="en", v=2,
    )
    state = state.with_(grupp="A", vikter=(("befolkning", 1), ("svar", 0)))
    query = to_query(state)
    assert list(query) == list(KEYS)
    assert query == {
        "ar": ["2024"], "lan": ["01", "03"], "kommun": ["0180"], "grupp": ["A"], "sektor": ["miljo", "utbildning"],
        "typ": ["kommun"], "matt": ["andel_strategi"], "niva": ["lan"],
        "vikter": ["befolkning:1,tathet:2,yta:1,grupp:2,fa:1,lan:0,svar:0"], "lang": ["en"], "v": ["2"],
    }
    assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in query.values())


def test_links_are_the_same_in_both_languages():
    state = ViewState(Filter(ar=2024, sektor=("miljo",)), matt="andel_strategi")
    sv, en = to_query(state), to_query(state.with_(lang="en"))
    assert {k: v for k, v in en.items() if k != "lang"} == sv


def test_view_state_with_changes_filter_and_view_fields():
    state = ViewState().with_(ar=2024, lang="en", lan=("03",))
    assert state == ViewState(Filter(ar=2024, lan=("03",)), lang="en")


def _grid():
    years = (None, 2022, 2025)
    lans_and_kommuner = [((), None), ((), "2580"), (("01",), None), (("01",), "0114"), (("01", "03"), "0380"),
                         (("01", "03", "25"), "0180")]
    sektorer = ((), ("miljo",), ("administration", "vard_omsorg", "utbildning"), vocab.sector_codes())
    typer = (None, "kommun", "civilsamhalle")
    matt = (DEFAULT_MATT, "civil_ai_i_drift", "svarsfrekvens")
    groups = {None: None, "0180": "A", "0114": "A2", "0380": "B", "2580": "B3"}
    weights = (factors.DEFAULT_WEIGHTS, factors.normalise({"befolkning": 0, "svar": 5}))
    for ar, (lan, kommun), sektor, typ, m, niva, lang, v in itertools.product(
        years, lans_and_kommuner, sektorer, typer, matt, ("kommun", "lan", "grupp"), ("sv", "en"), (None, 1, 3)
    ):
        grupp = groups[kommun] if niva != "lan" else None
        vikter = weights[(v or 0) % 2]
        yield ViewState(Filter(ar=ar, lan=lan, kommun=kommun, sektor=sektor, typ=typ, grupp=grupp), m, niva, lang, v,
                        vikter)


def test_round_trip_over_a_grid_of_valid_states():
    count = 0
    for state in _grid():
        query = to_query(state)
        back, notices = from_query(query, known=KNOWN)
        assert notices == [], (state, notices)
        assert back == state, (state, query, back)
        assert to_query(back) == query
        count += 1
    assert count == 3 * 6 * 4 * 3 * 3 * 3 * 2 * 3


def test_round_trip_for_every_metric():
    for metric_id in REGISTRY:
        state = ViewState(matt=metric_id)
        assert from_query(to_query(state), known=KNOWN) == (state, [])


# -- Known --------------------------------------------------------------------

def test_known_defaults_to_the_vocabularies_and_the_registry():
    known = Known()
    assert known.sektor == vocab.sector_codes() and known.matt == tuple(REGISTRY)
    assert KNOWN.lan_of["0114"] == "01"
    assert hash(KNOWN) == hash(Known(years=(2025, 2022, 2024), lan=("25", "03", "01"),
                                     kommun=list(dict(KNOWN.kommun).items()), versions=(3, 2, 1),
                                     grupper=dict(KNOWN.grupper)))


def test_an_empty_known_accepts_nothing_but_never_raises():
    state, notices = from_query({"ar": ["2024"], "kommun": ["0180"], "v": ["1"]}, known=Known())
    assert state == ViewState()
    assert keys_of(notices) == [("no_data", "ar"), ("unknown", "kommun"), ("unknown", "v")]


def test_known_from_store_with_demo_data(tmp_path):
    from adoption import bootstrap
    from adoption.store import Store

    store = Store(tmp_path / "x.duckdb")
    bootstrap.initialise(store)
    known = Known.from_store(store, None)
    version = store.current_version()
    assert known.versions == (version,)
    assert known.years and list(known.years) == store.survey_years(version)
    assert len(known.lan) == 21 and len(known.kommun) == 290
    assert known.lan_of["0180"] == "01" and known.lan_of["1280"] == "12"
    assert Known.from_store(store, 999) == known  # an unknown version: current years, reported by from_query

    year = known.years[-1]
    state, notices = from_query({"ar": [str(year)], "lan": ["12"], "kommun": ["1280"], "v": [str(version)]},
                                known=known)
    assert notices == [] and state.filter == Filter(ar=year, lan=("12",), kommun="1280") and state.v == version
    _, notices = from_query({"v": ["999"], "ar": [str(known.years[0] - 1)]}, known=known)
    assert keys_of(notices) == [("no_data", "ar"), ("unknown", "v")]


# -- municipality groups, pooled municipalities and weights (issue 11) -----------------------

def test_grupp_is_a_group_or_a_main_group_of_the_version():
    assert KNOWN.grupp_codes == ("A", "B", "A1", "A2", "B3")
    assert parse({"grupp": ["A"]}) == (ViewState(Filter(grupp="A")), [])
    assert parse({"grupp": ["B3"], "niva": ["grupp"]}) == (ViewState(Filter(grupp="B3"), niva="grupp"), [])


def test_kommun_outside_the_chosen_grupp_is_dropped():
    state, notices = parse({"grupp": ["B"], "kommun": ["0180"]})
    assert state.filter == Filter(grupp="B")
    assert keys_of(notices) == [("kommun_not_in_grupp", "kommun")]
    assert parse({"grupp": ["A"], "kommun": ["0114"]})[0].filter == Filter(grupp="A", kommun="0114")


def test_without_groups_grupp_and_its_level_are_refused_and_said_why():
    known = Known(kommun={"0180": "01"})
    state, notices = from_query({"grupp": ["A1"], "niva": ["grupp"], "kommun": ["0180"]}, known=known)
    assert state == ViewState(Filter(kommun="0180"))
    assert keys_of(notices) == [("no_groups", "grupp"), ("no_groups", "niva")]
    assert "kommungrupper" in notices[0].sv and "municipality groups" in notices[0].en


def test_weights_in_the_link():
    state, notices = parse({"vikter": ["svar:0, yta:5,okand:1,befolkning:7"]})
    assert dict(state.vikter) == {**dict(factors.DEFAULT_WEIGHTS), "svar": 0, "yta": 5}
    assert keys_of(notices) == [("unknown", "vikter"), ("format", "vikter")]
    assert to_query(ViewState(vikter=factors.DEFAULT_WEIGHTS)) == {}
    assert parse({"vikter": ["befolkning:3"]}) == (ViewState(), [])  # the defaults, written out


def test_a_filter_pools_several_municipalities_as_one_value():
    pooled = Filter(kommun=["1480", "0180", "1480"])
    assert pooled.kommun == ("0180", "1480") and pooled.kommuner == ("0180", "1480") and pooled.pooled
    assert Filter(kommun=("0180",)) == Filter(kommun="0180") and not Filter(kommun="0180").pooled
    assert Filter(kommun=()) == Filter() and Filter().kommuner == ()
    assert hash(pooled) == hash(Filter(kommun=("1480", "0180")))
    assert to_query(ViewState(pooled))["kommun"] == ["0180", "1480"]
