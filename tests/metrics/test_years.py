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
