"""Likeness between municipalities: the measure by hand, and the store-backed ranking."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from adoption.metrics import similarity
from adoption.vocab import sector_codes

from ..builders import add_survey, reference_store, response

SECTORS = sector_codes()


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
    likeness = similarity.most_similar(store, "0180", 2024)
    assert likeness.years == (2023, 2024)
    assert likeness.answers == 18
    assert [(s.kommunkod, s.distance, s.shared) for s in likeness.similar] == [
        ("0114", 0.0, 18),
        ("0117", 0.0, 9),  # Österåker 258 km² is closer to Stockholm's 176 km² than Vallentuna's 360 km²
        ("0115", 0.0, 9),
        ("0380", 0.0, 8),
        ("1280", 1.0, 18),
    ]
    assert likeness.similar[0].name == "Upplands Väsby" and likeness.similar[0].lan_kod == "01"
    assert abs(math.log(258.49 / 176.18)) < abs(math.log(359.55 / 176.18))


def test_only_municipalities_that_answered_in_the_chosen_year(store):
    codes = [s.kommunkod for s in similarity.most_similar(store, "0180", 2024, k=10).similar]
    assert "0125" not in codes
    assert "0125" in [s.kommunkod for s in similarity.most_similar(store, "0180", 2023, k=10).similar]


def test_k_limits_the_list(store):
    assert [s.kommunkod for s in similarity.most_similar(store, "0180", 2024, k=2).similar] == ["0114", "0117"]


def test_no_answers_no_similar(store):
    for code in ("0184", "2584"):  # blank row; no response at all
        likeness = similarity.most_similar(store, code, 2024)
        assert likeness.similar == () and likeness.answers == 0


def test_empty_database(tmp_path):
    db = reference_store(tmp_path / "empty.duckdb")
    assert similarity.most_similar(db, "0180").similar == ()
