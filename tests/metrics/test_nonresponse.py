"""Bounds for every municipality (or inhabitant) beside a share of respondents, and goals stating what they count."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption import bootstrap, metrics
from adoption.metrics import goals, nonresponse
from adoption.metrics.filters import Filter
from adoption.store import Store

from ..builders import add_survey, population, reference_store, response

# Four of the 290 municipalities answer in 2024: 0114 and 0115 with AI in production (stage >= 3), 0180 and
# 1280 without; 0114 and 0180 answered the strategy question (0114 yes, code 2).
RESPONSES = [
    response(ar=2024, kommunkod="0114", vard_omsorg=4, ai_strategi=2),
    response(ar=2024, kommunkod="0115", utbildning=3),
    response(ar=2024, kommunkod="0180", vard_omsorg=1, ai_strategi=0),
    response(ar=2024, kommunkod="1280", vard_omsorg=0),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = reference_store(tmp_path_factory.mktemp("bounds") / "bounds.duckdb")
    add_survey(store, RESPONSES)
    return store


def test_a_share_of_municipalities_lies_between_none_and_all_of_the_silent(store):
    result = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024))
    assert (result.numerator, result.denominator) == (2, 4)
    b = nonresponse.bounds(store, result)
    # at least 2 of 290 (none of the 286 silent has it), at most 288 of 290 (all of them have it)
    assert (b.low, b.high, b.universe, b.missing, b.kind) == pytest.approx((2 / 290, 288 / 290, 290, 286, "municipalities"))
    # the question on a strategy: 1 yes of 2 answers
    strategy = nonresponse.bounds(store, metrics.compute(store, "andel_strategi", Filter(ar=2024)))
    assert (strategy.low, strategy.high) == pytest.approx((1 / 290, 289 / 290))
    # a county's municipalities are its universe: Stockholms län has 26
    county = nonresponse.bounds(store, metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, lan=("01",))),
                                lan=("01",))
    assert (county.low, county.high, county.universe) == pytest.approx((2 / 26, (2 + 26 - 3) / 26, 26))


def test_a_share_of_the_population_is_bounded_by_the_whole_population(store, tmp_path):
    with_population = reference_store(tmp_path / "population.duckdb")
    add_survey(with_population, RESPONSES)
    with_population.replace_population(population({"0114": 1_000, "0115": 3_000, "0180": 6_000}, 2024,
                                                  default=100), description="test", created_by="test")
    result = metrics.compute(with_population, "befolkning_i_drift", Filter(ar=2024))
    # responding: 0114 1 000 + 0115 3 000 (in production) + 0180 6 000 + 1280 100 = 10 100
    assert (result.numerator, result.denominator) == (4_000, 10_100)
    b = nonresponse.bounds(with_population, result)
    whole = 10_000 + 100 * 287
    assert (b.low, b.high, b.universe) == pytest.approx((4_000 / whole, (4_000 + whole - 10_100) / whole, whole))


def test_population_of_a_year_is_the_latest_up_to_it():
    frame = pd.DataFrame({"kommunkod": ["a", "a", "b"], "ar": [2020, 2023, 2025], "population": [10, 20, 7]})
    assert nonresponse.population_total(frame, 2024, ["a", "b"]) == 27  # a: 2023's; b: its earliest
    assert nonresponse.population_total(frame, 2024, ["a", "c"]) is None  # c has no figure


def test_no_bounds_where_the_universe_is_unknown(store):
    assert nonresponse.universe_kind("andel_utvarderade") is None  # initiatives: how many exist is unknown
    assert nonresponse.universe_kind("civil_ai_i_drift") is None  # organisations: the same
    assert nonresponse.universe_kind("mognadsindex") is None  # not a share
    assert nonresponse.bounds(store, metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024))) is None


def test_goals_carry_the_bounds_and_the_rule_reads_the_interval(store):
    store.save_goal(goal_id="M1", metric="andel_ai_i_drift", measure="value", target=0.75, target_year=2026,
                    label_sv="m", label_en="m", changed_by="anna")
    store.save_goal(goal_id="M4", metric="civil_ai_i_drift", measure="numerator", target=300, target_year=2026,
                    label_sv="c", label_en="c", changed_by="anna")
    m1, m4 = goals.goal_progress(store)
    assert m1.latest_bounds == nonresponse.bounds(store, m1.latest) and m1.bounds_for(2024) is m1.latest_bounds
    assert m4.is_count and m4.bounds == ()


def test_default_goals_state_their_denominator_and_old_wording_is_refreshed(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    labels = dict(zip(store.goals()["goal_id"], store.goals()["label_sv"]))
    assert "av de svarande kommunerna" in labels["M1"] and "av de svarande kommunerna" in labels["M2"]
    assert "i de svarande kommunerna" in labels["M3"] and "(antal)" in labels["M4"]
    # a database made with the earlier wording: an untouched default takes the new one, an edited goal stays
    store.save_goal(goal_id="M1", metric="andel_ai_i_drift", measure="value", target=0.75, target_year=2026,
                    label_sv="75 % av kommunerna har AI i drift", label_en="75 % of municipalities",
                    changed_by=goals.DEFAULT_AUTHOR)
    store.save_goal(goal_id="M2", metric="andel_strategi", measure="value", target=0.8, target_year=2026,
                    label_sv="80 % har en strategi", label_en="80 %", changed_by="anna")
    bootstrap.initialise(store, with_demo=False)
    now = store.goals().set_index("goal_id")
    assert now.loc["M1", "label_sv"] == labels["M1"] and now.loc["M1", "changed_by"] == goals.DEFAULT_AUTHOR
    assert now.loc["M2", "label_sv"] == "80 % har en strategi"
    revisions = len(store.goal_history())
    bootstrap.initialise(store, with_demo=False)
    assert len(store.goal_history()) == revisions  # nothing to refresh: nothing written
