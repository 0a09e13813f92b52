"""The shown survey year and the survey before it (adoption.metrics.years)."""

from __future__ import annotations

import pytest

from adoption import bootstrap
from adoption.metrics.years import chosen_year, latest_and_previous, previous_year
from adoption.store import Store


def test_chosen_year_is_the_filter_else_the_latest():
    assert chosen_year((2022, 2024, 2023), None) == 2024
    assert chosen_year((2022, 2024), 2022) == 2022
    assert chosen_year((), None) is None


def test_previous_survey_is_not_simply_the_year_before():
    """Surveys need not be yearly: 2021 comes before 2024 when 2022 and 2023 had none."""
    assert previous_year((2019, 2021, 2024), 2024) == 2021
    assert previous_year((2021, 2024), 2021) is None
    assert previous_year((2021, 2024), None) is None


@pytest.fixture(scope="module")
def store(demo_db_template) -> Store:
    return Store(demo_db_template)


def test_latest_and_previous_in_the_store(store):
    version = store.current_version()
    years = store.survey_years(version)
    assert latest_and_previous(store, years[1], version=version) == (years[1], years[0])
    assert latest_and_previous(store, years[0], version=version) == (years[0], None)
    assert latest_and_previous(store, None, version=version) == (years[-1], years[-2])
    assert latest_and_previous(store) == (years[-1], years[-2])


def test_empty_database(tmp_path):
    db = Store(tmp_path / "empty.duckdb")
    bootstrap.initialise(db, with_demo=False)
    assert latest_and_previous(db, None, version=db.current_version()) == (None, None)


# -- rounds: a preliminary year is shown only when chosen ------------------------------------

ROUNDS = {2023: "publicerad", 2024: "publicerad", 2025: "publicerad", 2026: "preliminar"}


def test_the_default_year_is_the_latest_published():
    from adoption.metrics.years import (
        default_year,
        is_preliminary,
        preliminary,
        published,
    )

    assert chosen_year(ROUNDS, None) == default_year(ROUNDS) == 2025
    assert chosen_year(ROUNDS, 2026) == 2026  # chosen explicitly
    assert published(ROUNDS) == (2023, 2024, 2025) and preliminary(ROUNDS) == (2026,)
    assert is_preliminary(ROUNDS, 2026) and not is_preliminary(ROUNDS, 2025) and not is_preliminary(ROUNDS, None)


def test_the_previous_survey_is_a_published_one():
    # 2026 is compared with 2025; a preliminary year between two published ones is skipped.
    assert previous_year(ROUNDS, 2026) == 2025
    assert previous_year({2023: "publicerad", 2024: "preliminar", 2025: "publicerad"}, 2025) == 2023


def test_with_no_published_year_the_latest_is_the_default():
    assert chosen_year({2026: "preliminar"}, None) == 2026
    assert previous_year({2026: "preliminar"}, 2026) is None


def test_latest_and_previous_follow_publishing(demo_db, tmp_path):
    from adoption.metrics.years import published_years
    from tests import builders

    store = Store(demo_db)
    rows = builders.responses([builders.response(ar=2026, kommunkod="0180", utbildning=3)])
    store.add_survey(rows, None, action="upload", description="d", created_by="t", round_status="preliminar")
    assert latest_and_previous(store) == (2025, 2024)
    assert latest_and_previous(store, 2026) == (2026, 2025)
    assert published_years(store) == (2022, 2023, 2024, 2025)
    store.set_round_status(2026, "publicerad", created_by="t")
    assert latest_and_previous(store) == (2026, 2025)
    assert published_years(store)[-1] == 2026
