"""Likeness between municipalities: the survey measure by hand, the store-backed ranking on survey answers
alone (weights: svar only), and the weighted factors on a constructed reference set and on the real one."""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from adoption import bootstrap
from adoption.ingest import pipeline
from adoption.metrics import factors, similarity
from adoption.store import Store
from adoption.vocab import sector_codes

from ..builders import add_survey, load_groups, reference_store, response

SECTORS = sector_codes()
SURVEY_ONLY = {"befolkning": 0, "tathet": 0, "yta": 0, "grupp": 0, "fa": 0, "lan": 0, "svar": 1}


def _all(stage: int, **overrides) -> dict:
    values = {code: stage for code in SECTORS}
    values.update(overrides)
    return values


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = reference_store(tmp_path_factory.mktemp("similarity") / "sim.duckdb")
    rows = [
        # Stockholm, the municipality compared: 1 everywhere in 2023, 2 in 2024.
        response(ar=2023, kommunkod="0180", **_all(1)),
        response(ar=2024, kommunkod="0180", **_all(2)),
        # Upplands Väsby: identical answers in both years (18 in common).
        response(ar=2023, kommunkod="0114", **_all(1)),
        response(ar=2024, kommunkod="0114", **_all(2)),
        # Vallentuna and Österåker: identical, 2024 only (9 in common); Österåker's area is closer.
        response(ar=2024, kommunkod="0115", **_all(2)),
        response(ar=2024, kommunkod="0117", **_all(2)),
        # Uppsala: identical in 2024 but one sector "." (8 in common).
        response(ar=2024, kommunkod="0380", **_all(2, utbildning=-1)),
        # Malmö: one stage higher everywhere (distance 1).
        response(ar=2023, kommunkod="1280", **_all(2)),
        response(ar=2024, kommunkod="1280", **_all(3)),
        # Göteborg: only three answers in common: not compared.
        response(ar=2024, kommunkod="1480", vard_omsorg=2, utbildning=2, miljo=2),
        # A civil-society organisation with the same answers: not a municipality.
        response(ar=2024, typ="civilsamhalle", kommunkod="0120", organisation="Föreningen", **_all(2)),
        # Järfälla answered only in 2022, outside the two-year window.
        response(ar=2022, kommunkod="0123", **_all(1)),
        # Ekerö: identical, but answered 2023 only: not a candidate for 2024 (no figures that year).
        response(ar=2023, kommunkod="0125", **_all(1)),
        # Solna answered nothing in its response row.
        response(ar=2024, kommunkod="0184"),
    ]
    add_survey(db, rows)
    return db


def test_distances_by_hand():
    matrix = pd.DataFrame(
        {("a", 2024): [1.0, 1.0, 3.0, None], ("b", 2024): [2.0, 4.0, 2.0, 2.0]},
        index=["x", "y", "z", "w"],
    )
    found = similarity.distances(matrix, "x", min_shared=1)
    assert found.loc["y", "distance"] == 1.0 and found.loc["y", "shared"] == 2  # (0 + 2) / 2
    assert found.loc["z", "distance"] == 1.0  # (2 + 0) / 2
    assert found.loc["w", "distance"] == 0.0 and found.loc["w", "shared"] == 1
    assert "x" not in found.index
    assert list(similarity.distances(matrix, "x", min_shared=2).index) == ["y", "z"]
    assert similarity.distances(matrix, "nobody").empty


def test_stage_matrix_leaves_out_not_applicable_blanks_civil_society_and_other_years(store):
    matrix = similarity.stage_matrix(store.responses(store.current_version()), (2023, 2024))
    assert "0120" not in matrix.index and "0123" not in matrix.index and "0184" not in matrix.index
    assert matrix.loc["0380"].notna().sum() == 8
    assert matrix.loc["0180", ("utbildning", 2023)] == 1.0


def test_window():
    assert similarity.window([2022, 2023, 2024, 2025], 2024) == (2023, 2024)
    assert similarity.window([2022, 2023, 2024, 2025], None) == (2024, 2025)
    assert similarity.window([2022], 2024) == (2022,)
    assert similarity.window([2023, 2024], 2022) == ()


def test_most_similar_ranks_by_distance_then_answers_in_common_then_area(store):
    likeness = similarity.most_similar(store, "0180", 2024, SURVEY_ONLY)
    assert likeness.years == (2023, 2024)
    assert likeness.answers == 18
    assert [(s.kommunkod, s.distance, s.shared) for s in likeness.similar] == [
        ("0114", 0.0, 18),
        ("0117", 0.0, 9),  # Österåker 258 km² is closer to Stockholm's 176 km² than Vallentuna's 360 km²
        ("0115", 0.0, 9),
        ("0380", 0.0, 8),
        ("1280", 0.25, 18),  # one stage apart everywhere: 1 of 4 stages
    ]
    assert likeness.used == ("svar",) and likeness.missing == ()
    assert likeness.similar[0].name == "Upplands Väsby" and likeness.similar[0].lan_kod == "01"
    assert abs(math.log(258.49 / 176.18)) < abs(math.log(359.55 / 176.18))


def test_only_municipalities_that_answered_in_the_chosen_year(store):
    codes = [s.kommunkod for s in similarity.most_similar(store, "0180", 2024, SURVEY_ONLY, k=10).similar]
    assert "0125" not in codes
    assert "0125" in [s.kommunkod for s in similarity.most_similar(store, "0180", 2023, SURVEY_ONLY, k=10).similar]


def test_k_limits_the_list(store):
    assert [s.kommunkod for s in similarity.most_similar(store, "0180", 2024, SURVEY_ONLY, k=2).similar] == [
        "0114", "0117"]


def test_no_answers_no_similar(store):
    for code in ("0184", "2584"):  # blank row; no response at all
        likeness = similarity.most_similar(store, code, 2024, SURVEY_ONLY)
        assert likeness.similar == () and likeness.answers == 0
        assert likeness.used == () and likeness.missing == (("svar", "answers"),)


def test_empty_database(tmp_path):
    db = reference_store(tmp_path / "empty.duckdb")
    assert similarity.most_similar(db, "0180").similar == ()


# -- the weighted factors on a constructed reference set -------------------------------------
#
# Six made-up municipalities k1..k6 and the one compared, t. Each factor alone orders them
# differently; the values are chosen so that no two distances tie unless a test says so.

CONSTRUCTED = pd.DataFrame(
    {
        "population": [100_000, 90_000, 50_000, 10_000, 300_000, 1_000, 120_000],
        "area_km2": [100.0, 500.0, 110.0, 100.0, 50.0, 1000.0, 25.0],
        "grupp": ["A1", "A1", "A2", "B3", "A2", "C8", "A1"],
        "fa_kod": ["23", "23", "01", "23", "23", "01", "15"],
        "lan_kod": ["01", "01", "01", "12", "14", "01", "01"],
    },
    index=pd.Index(["t", "k1", "k2", "k3", "k4", "k5", "k6"], name="kommunkod"),
)
# Survey answers (six sectors of one year): t answers 2 everywhere. k2 the same, k3 one sector 4, k1
# one stage up, k4 and k6 two stages off (a tie broken by the closer area), k5 too few answers.
ANSWERS = pd.DataFrame.from_dict(
    {"t": [2] * 6, "k1": [3] * 6, "k2": [2] * 6, "k3": [2, 2, 2, 2, 2, 4], "k4": [0] * 6,
     "k5": [3, 3, 3, None, None, None], "k6": [4] * 6},
    orient="index", dtype=float,
).set_axis(pd.MultiIndex.from_tuples([(code, 2024) for code in SECTORS[:6]]), axis=1)


def _order(weights) -> list[str]:
    per_factor = similarity.factor_distances(CONSTRUCTED, "t", ANSWERS)
    return [code for code, *_ in similarity.rank(per_factor, weights, k=10)]


def _only(code: str, weight: int = 1) -> dict[str, int]:
    return {f: (weight if f == code else 0) for f in factors.FACTOR_CODES}


@pytest.mark.parametrize("factor, expected", [
    # |log population ratio|: 90k, 120k, 50k, 300k, 10k, 1k
    ("befolkning", ["k1", "k6", "k2", "k4", "k3", "k5"]),
    # |log density ratio| to t's 1 000/km²: 454.5, 4 800, 180, 6 000, 100, 1
    ("tathet", ["k2", "k6", "k1", "k4", "k3", "k5"]),
    # |log area ratio| to t's 100 km²: 100, 110, 50, 25, 500, 1 000
    ("yta", ["k3", "k2", "k4", "k6", "k1", "k5"]),
    # same group (k1, k6) 0, same main group (k2, k4) ½, else 1; ties go to the closer area
    ("grupp", ["k6", "k1", "k2", "k4", "k3", "k5"]),
    # the same FA region (k1, k3, k4) first, by area; then the others by area
    ("fa", ["k3", "k4", "k1", "k2", "k6", "k5"]),
    # the same county (k1, k2, k5, k6) first, by area; then k3, k4
    ("lan", ["k2", "k6", "k1", "k5", "k3", "k4"]),
    # mean stage difference / 4: 0, 1/12, ¼, ½ (k4 and k6, equal answers in common, k4's area closer);
    # k5 shares only three answers and is not compared
    ("svar", ["k2", "k3", "k1", "k4", "k6"]),
])
def test_each_factor_alone_gives_its_own_exact_order(factor, expected):
    assert _order(_only(factor)) == expected
    assert _order(_only(factor, factors.MAX_WEIGHT)) == expected  # one factor: its weight does not matter


def _by_hand(weights: dict[str, int]) -> dict[str, float]:
    """The weighted distance written out with math.log, for the log factors and the same-or-not ones."""
    logs = {
        "befolkning": {c: math.log(p) for c, p in CONSTRUCTED["population"].items()},
        "tathet": {c: math.log(p / a) for c, p, a in zip(CONSTRUCTED.index, CONSTRUCTED["population"],
                                                          CONSTRUCTED["area_km2"])},
        "yta": {c: math.log(a) for c, a in CONSTRUCTED["area_km2"].items()},
    }
    total = sum(weights.values())
    out = {}
    for code in CONSTRUCTED.index.drop("t"):
        parts = 0.0
        for factor, values in logs.items():
            spread = max(values.values()) - min(values.values())
            parts += weights.get(factor, 0) * abs(values[code] - values["t"]) / spread
        parts += weights.get("lan", 0) * float(CONSTRUCTED.at[code, "lan_kod"] != "01")
        out[code] = parts / total
    return out


@pytest.mark.parametrize("weights, expected", [
    ({"befolkning": 1, "yta": 1}, ["k2", "k4", "k3", "k6", "k1", "k5"]),
    ({"befolkning": 2, "yta": 1}, ["k2", "k6", "k1", "k4", "k3", "k5"]),
    ({"befolkning": 1, "yta": 1, "lan": 1}, ["k2", "k6", "k1", "k4", "k3", "k5"]),
    ({"tathet": 1, "lan": 5}, ["k2", "k6", "k1", "k5", "k4", "k3"]),  # k4 6 000/km², k3 100/km²: k4 nearer
])
def test_mixed_weights_give_the_weighted_mean_of_the_scaled_factors(weights, expected):
    full = {f: weights.get(f, 0) for f in factors.FACTOR_CODES}
    per_factor = similarity.factor_distances(CONSTRUCTED, "t", ANSWERS)
    ranked = similarity.rank(per_factor, full, k=10)
    assert [code for code, *_ in ranked] == expected
    hand = _by_hand(weights)
    for code, distance, _, parts in ranked:
        assert distance == pytest.approx(hand[code])
        assert sum(p for _, p in parts if p is not None) == pytest.approx(distance)  # the split adds up
        assert {f for f, p in parts if p is None} == {f for f in factors.FACTOR_CODES if not full[f]}


def test_the_group_factor_counts_the_main_group_half():
    per_factor = similarity.factor_distances(CONSTRUCTED, "t", ANSWERS)
    assert per_factor["grupp"].to_dict() == {"k1": 0.0, "k2": 0.5, "k3": 1.0, "k4": 0.5, "k5": 1.0, "k6": 0.0}


def test_a_candidate_without_data_for_a_used_factor_is_left_out_and_no_weight_ranks_nothing():
    features = CONSTRUCTED.copy()
    features.loc["k1", "population"] = None
    per_factor = similarity.factor_distances(features, "t", ANSWERS)
    assert "k1" not in [c for c, *_ in similarity.rank(per_factor, _only("befolkning"), k=10)]
    assert "k1" in [c for c, *_ in similarity.rank(per_factor, _only("yta"), k=10)]
    assert similarity.rank(per_factor, {f: 0 for f in factors.FACTOR_CODES}) == []


# -- the real reference set: which factors count, and Stockholm's neighbours ----------------------

# Population fixture for the Stockholm test, built from the repo's SCB test file
# (tests/fixtures/population/scb_be0101n1.csv, made-up numbers): the municipalities below get
# made-up round numbers of about their real size, so that "large" means something. None of
# these is an official figure.
LARGE = {"1480": 605_000, "1280": 362_000, "0380": 245_000, "0580": 166_000, "1880": 158_000, "1980": 158_000,
         "1283": 151_000, "0581": 145_000, "0680": 144_000, "2480": 132_000, "1281": 128_000, "1490": 114_000,
         "0126": 115_000, "0182": 109_000, "0484": 107_000, "2180": 103_000, "1380": 104_000, "0181": 101_000,
         "2281": 99_000, "0780": 96_000, "1780": 95_000, "0127": 95_000, "0136": 91_000, "1290": 86_000,
         "1384": 85_000, "0184": 85_000, "0123": 84_000, "2580": 80_000}
SCB_FIXTURE = Path(__file__).parents[1] / "fixtures" / "population" / "scb_be0101n1.csv"


def population_file() -> bytes:
    """The SCB fixture with the LARGE municipalities' values replaced, as SCB's CSV (ISO-8859-1, CRLF)."""
    lines = []
    for line in SCB_FIXTURE.read_bytes().decode("cp1252").splitlines():
        match = re.fullmatch(r'"(\d{4}) ([^"]*)",(\d+),(\d+)', line)
        if match and match.group(1) in LARGE:
            value = LARGE[match.group(1)]
            line = f'"{match.group(1)} {match.group(2)}",{value},{value}'
        lines.append(line)
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    """The real 290 municipalities with their FA regions; every municipality answers 2 in every sector in
    2023 and 2024 (so the survey factor is the same for all and the structural factors decide)."""
    db = reference_store(tmp_path_factory.mktemp("country") / "country.duckdb")
    bootstrap.load_regions(db)
    codes = db.municipalities()["kommunkod"]
    add_survey(db, [response(ar=year, kommunkod=code, **_all(2)) for year in (2023, 2024) for code in codes])
    return db


def test_without_population_or_groups_the_likeness_says_which_factors_are_missing(country):
    likeness = similarity.most_similar(country, "0180", 2024)
    assert likeness.used == ("yta", "fa", "svar")
    assert likeness.missing == (("befolkning", "population"), ("tathet", "population"), ("grupp", "groups"))
    assert len(likeness.similar) == 5


def test_stockholms_neighbours_with_imported_population_are_large_urban_municipalities(country, tmp_path):
    db = Store(tmp_path / "stockholm.duckdb")
    shutil.copy(country.path, db.path)
    prepared = pipeline.prepare(population_file(), "BE0101N1.csv", "befolkning", db, headline=False)
    assert prepared.ok
    pipeline.commit(prepared, db, uploaded_by="test")

    likeness = similarity.most_similar(db, "0180", 2024)
    assert likeness.used == ("befolkning", "tathet", "yta", "fa", "svar")
    codes = [s.kommunkod for s in likeness.similar]
    assert set(codes) <= set(LARGE), codes  # Huddinge, Nacka, Göteborg, Solna, Malmö with these numbers
    assert {"1480", "1280"} <= set(codes)
    by_code = {s.kommunkod: dict(s.parts) for s in likeness.similar}
    assert by_code["1480"]["fa"] > 0 and by_code["1480"]["befolkning"] == min(p["befolkning"] for p in by_code.values())
    # the breakdown says why: every neighbour is closer to Stockholm in population and in density than
    # the typical municipality of the fixture (~30 000 inhabitants), and Göteborg and Malmö, outside
    # Stockholm's FA region, make up for it by being the closest in size
    everyone = similarity.most_similar(db, "0180", 2024, k=290).similar

    def median(factor: str) -> float:
        return sorted(dict(s.parts)[factor] for s in everyone)[len(everyone) // 2]

    for s in likeness.similar:
        parts = dict(s.parts)
        assert parts["befolkning"] < median("befolkning") and parts["tathet"] < median("tathet"), (s.name, parts)
        assert sum(p for p in parts.values() if p is not None) == pytest.approx(s.distance)

    # with (constructed) groups, the two municipalities of Stockholm's group come first
    load_groups(db)
    grouped = similarity.most_similar(db, "0180", 2024)
    assert [s.kommunkod for s in grouped.similar[:2]] == ["1480", "1280"]
    assert all(dict(s.parts)["grupp"] == 0.0 for s in grouped.similar[:2])
    assert grouped.missing == ()
