"""The programme-effect estimate: recovers a planted effect, finds none where there is none, and says when
there is too little data. Simulated panels in code, the real estimator (pyfixest), real stores."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from adoption import bootstrap
from adoption.errors import AdoptionError
from adoption.metrics import did, effect
from adoption.metrics.filters import Filter
from adoption.store import Store
from tests import builders

ROOT = Path(__file__).resolve().parents[2]
SEEDS = tuple(range(10))


def simulate(seed: int, *, per_year: float, units: int = 300, years=(2021, 2022, 2023, 2024, 2025),
             cohorts=(2023, 2024, 2025), share: float = 0.3, missing: float = 0.1) -> tuple[pd.DataFrame, float]:
    """A panel with unit and year effects, staggered entry and ``per_year`` more per year from the year after entry.

    Participants are chosen by their level (selection, as in the programme), so
    a naive comparison is biased while parallel trends hold. Some unit-years
    are unanswered. Returns the frame (unit, ar, lan_kod, y, entry, treat) and
    the true average effect over the participant years from entry on.
    """
    rng = np.random.default_rng(seed)
    level = rng.normal(40, 12, units)
    chosen = rng.random(units) < share * 2 * (level > np.median(level))
    entry = np.where(chosen, rng.choice(cohorts, units), 0)
    rows = []
    trend = {y: 4.0 * i + rng.normal(0, 1) for i, y in enumerate(years)}
    for u in range(units):
        for y in years:
            if rng.random() < missing:
                continue
            since = y - entry[u] if entry[u] else -1
            boost = per_year * max(since, 0)
            rows.append((f"{u:04d}", y, f"{u % 7:02d}", level[u] + trend[y] + boost + rng.normal(0, 4),
                         entry[u], bool(entry[u] and y >= entry[u]), boost))
    frame = pd.DataFrame(rows, columns=["unit", "ar", "lan_kod", "y", "entry", "treat", "boost"])
    truth = frame.loc[frame["treat"], "boost"].mean()
    return frame.drop(columns="boost"), float(truth)


def _estimate(frame: pd.DataFrame) -> effect.EffectResult:
    return effect.estimate_frame(frame, dict.fromkeys(effect.EXCLUSIONS, 0))


# ------------------------------------------------------------------ recovery over seeds


def test_planted_effect_is_recovered_within_its_interval_over_seeds():
    covered = 0
    for seed in SEEDS:
        frame, truth = simulate(seed, per_year=3.0)
        result = _estimate(frame)
        assert result.att is not None
        covered += result.att.ci_low <= truth <= result.att.ci_high
    assert covered >= 9, covered


def test_without_an_effect_the_interval_covers_zero():
    covered = 0
    for seed in SEEDS:
        frame, truth = simulate(seed, per_year=0.0)
        assert truth == 0.0
        result = _estimate(frame)
        covered += result.att.ci_low <= 0.0 <= result.att.ci_high
    assert covered >= 9, covered


def test_placebo_is_near_zero():
    estimates, covered = [], 0
    for seed in SEEDS:
        frame, _ = simulate(seed, per_year=3.0)
        placebo = _estimate(frame).placebo
        assert placebo is not None
        estimates.append(placebo.estimate)
        covered += placebo.ci_low <= 0.0 <= placebo.ci_high
    assert covered >= 9, covered
    assert abs(np.mean(estimates)) < 0.5


def test_naive_comparison_overstates_what_the_estimate_finds():
    frame, truth = simulate(3, per_year=3.0)
    last = frame[frame["ar"] == frame["ar"].max()]
    naive = last.loc[last["entry"] > 0, "y"].mean() - last.loc[last["entry"] == 0, "y"].mean()
    assert naive > 3 * truth
    assert abs(_estimate(frame).att.estimate - truth) < naive - truth


# ------------------------------------------------------------------ a 2x2 worked by hand


def test_two_by_two_difference_in_differences_by_hand_equals_the_library():
    frame = pd.DataFrame(
        [  # unit, year, y, entry
            ("a", 2023, 10.0, 2024), ("a", 2024, 18.0, 2024),
            ("b", 2023, 14.0, 2024), ("b", 2024, 25.0, 2024),
            ("c", 2023, 20.0, 2024), ("c", 2024, 26.0, 2024),
            ("d", 2023, 30.0, 0), ("d", 2024, 33.0, 0),
            ("e", 2023, 12.0, 0), ("e", 2024, 16.0, 0),
            ("f", 2023, 22.0, 0), ("f", 2024, 24.0, 0),
        ],
        columns=["unit", "ar", "y", "entry"],
    ).assign(lan_kod="01")
    frame["treat"] = (frame["entry"] > 0) & (frame["ar"] >= frame["entry"])
    # Treated: (18 + 25 + 26) / 3 - (10 + 14 + 20) / 3 = 23 - 14.666... = 8.333...
    # Controls: (33 + 16 + 24) / 3 - (30 + 12 + 22) / 3 = 24.333... - 21.333... = 3
    by_hand = ((18 + 25 + 26) / 3 - (10 + 14 + 20) / 3) - ((33 + 16 + 24) / 3 - (30 + 12 + 22) / 3)
    model = did.fit(frame)
    result = did.average_effect(model)
    assert result.estimate == pytest.approx(by_hand, abs=1e-9)
    assert result.estimate == pytest.approx(16 / 3, abs=1e-9)
    assert result.ci_low < result.estimate < result.ci_high
    events = did.event_study(model)
    assert [(e.relative_year, e.estimate) for e in events][0] == (-1, None)
    assert events[1].estimate == pytest.approx(by_hand, abs=1e-9)


# ------------------------------------------------------------------ the verdict and its rule


def _coefficient(low: float, high: float) -> did.Coefficient:
    return did.Coefficient((low + high) / 2, (high - low) / 4, low, high, 0.01, 10)


def test_verdict_follows_its_rule():
    assert effect.verdict(_coefficient(1.0, 3.0), 0.5, ()) == effect.VERDICT_EFFECT
    assert effect.verdict(_coefficient(-3.0, -1.0), 0.10, ()) == effect.VERDICT_EFFECT
    assert effect.verdict(_coefficient(1.0, 3.0), 0.099, ()) == effect.VERDICT_NONE  # pre-trends differ
    assert effect.verdict(_coefficient(-1.0, 3.0), 0.9, ()) == effect.VERDICT_NONE  # interval holds 0
    assert effect.verdict(_coefficient(1.0, 3.0), 0.9, ("few_participants",)) == effect.VERDICT_TOO_LITTLE
    assert effect.verdict(None, None, ()) == effect.VERDICT_TOO_LITTLE


def test_too_few_participants_with_a_year_before_entry():
    frame, _ = simulate(1, per_year=3.0, share=0.02)
    result = _estimate(frame)
    assert result.summary.participants_with_pre < effect.MIN_PARTICIPANTS_WITH_PRE
    assert result.verdict == effect.VERDICT_TOO_LITTLE
    assert "few_participants" in result.reasons
    assert result.att is None


def test_too_few_survey_years_before_the_first_entry():
    frame, _ = simulate(2, per_year=3.0, years=(2022, 2023, 2024, 2025), cohorts=(2023, 2024))
    result = _estimate(frame)
    assert result.summary.years_before_first_entry == 1
    assert result.reasons == ("few_years_before",)
    assert result.verdict == effect.VERDICT_TOO_LITTLE


def test_prepare_leaves_units_out_and_says_why():
    rows = pd.DataFrame(
        [
            ("a", 2022, "01", 10.0, False), ("a", 2023, "01", 20.0, True),  # enters 2023
            ("b", 2022, "01", 10.0, None), ("b", 2023, "01", 12.0, None),  # never answered the question
            ("c", 2023, "01", 30.0, False),  # one answered year
            ("d", 2022, "01", 40.0, True), ("d", 2023, "01", 45.0, True),  # took part from its first year
            ("e", 2022, "01", 5.0, False), ("e", 2023, "01", np.nan, False),  # one year with an outcome
            ("f", 2022, "01", 8.0, False), ("f", 2024, "01", 9.0, False),
        ],
        columns=["unit", "ar", "lan_kod", "y", "deltar"],
    )
    frame, excluded = effect.prepare(rows)
    assert excluded == {"never_answered_question": 1, "too_few_years": 2, "no_year_before_entry": 1}
    assert sorted(frame["unit"].unique()) == ["a", "f"]
    assert frame.set_index("unit").loc["a", "entry"].tolist() == [2023, 2023]
    assert frame["treat"].tolist() == [False, True, False, False]


def test_unsuitable_outcome_is_refused_in_swedish():
    with pytest.raises(AdoptionError, match="kan inte användas som utfall"):
        effect.check_outcome("svarsfrekvens")
    assert effect.check_outcome("mognadsindex") == "mognadsindex"


# ------------------------------------------------------------------ pinned library


def test_the_estimator_library_is_the_pinned_version():
    pinned = re.search(r"^pyfixest==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert pinned, "pyfixest must be pinned in requirements.txt"
    assert importlib.metadata.version("pyfixest") == pinned.group(1)
    assert effect.library_version() == f"pyfixest {pinned.group(1)}"


# ------------------------------------------------------------------ real stores


def test_empty_database_gives_too_little_data(tmp_path):
    store = Store(tmp_path / "empty.duckdb")
    bootstrap.initialise(store, with_demo=False)
    result = effect.estimate(store)
    assert result.verdict == effect.VERDICT_TOO_LITTLE
    assert result.data_version is None and result.att is None


def test_outcomes_per_municipality_and_year_from_the_store(tmp_path):
    store = builders.reference_store(tmp_path / "t.duckdb")
    builders.add_survey(store, [
        builders.response(ar=2023, kommunkod="0180", utbildning=2, administration=4, miljo=-1, ai_strategi=2,
                          deltar_kraftsamling=False),
        builders.response(ar=2024, kommunkod="0180", utbildning=3, administration=4, ai_strategi=1,
                          deltar_kraftsamling=True),
        builders.response(ar=2024, kommunkod="1480", kultur_fritid=0, deltar_kraftsamling=None),
    ])
    index = effect.unit_panel(store, "mognadsindex").set_index(["unit", "ar"])
    assert index.loc[("0180", 2023), "y"] == pytest.approx((2 + 4) / 2 / 4 * 100)  # "." is not answered
    assert index.loc[("0180", 2024), "y"] == pytest.approx((3 + 4) / 2 / 4 * 100)
    assert index.loc[("1480", 2024), "y"] == 0.0
    assert index.loc[("0180", 2024), "deltar"] == True  # noqa: E712 - a numpy bool
    assert pd.isna(index.loc[("1480", 2024), "deltar"])
    production = effect.unit_panel(store, "andel_ai_i_drift").set_index(["unit", "ar"])["y"]
    assert production[("0180", 2023)] == 50.0 and production[("0180", 2024)] == 100.0
    strategy = effect.unit_panel(store, "andel_strategi").set_index(["unit", "ar"])["y"]
    assert strategy[("0180", 2023)] == 100.0 and strategy[("0180", 2024)] == 0.0
    assert pd.isna(strategy[("1480", 2024)])
    only_education = effect.unit_panel(store, "mognadsindex", Filter(sektor=("utbildning",)))
    assert only_education.set_index(["unit", "ar"]).loc[("0180", 2023), "y"] == 50.0
    assert effect.unit_panel(store, "mognadsindex", Filter(lan=("14",)))["unit"].tolist() == ["1480"]


def test_demo_estimate_covers_the_documented_effect(demo_db_template):
    from adoption import demo

    result = effect.estimate(Store(demo_db_template), "mognadsindex")
    assert result.att.ci_low <= demo.TRUE_AVERAGE_EFFECT <= result.att.ci_high
    assert result.verdict == effect.VERDICT_EFFECT
    assert result.summary.cohorts[0][0] == 2024 and result.summary.years_before_first_entry == 2
    assert result.placebo.ci_low <= 0 <= result.placebo.ci_high
    one_after = next(e for e in result.event_study if e.relative_year == 1)
    assert one_after.ci_low <= demo.TRUE_EFFECT_ONE_YEAR_AFTER <= one_after.ci_high
    within = effect.estimate(Store(demo_db_template), "mognadsindex", by_county=True)
    assert within.by_county and within.att is not None


def test_civil_society_runs_the_same_analysis(demo_db_template):
    result = effect.estimate(Store(demo_db_template), "mognadsindex", Filter(typ="civilsamhalle"))
    assert result.typ == "civilsamhalle"
    assert result.summary.participants >= effect.MIN_PARTICIPANTS_WITH_PRE
    assert result.verdict in (effect.VERDICT_EFFECT, effect.VERDICT_NONE)


def test_a_large_panel_is_sampled_and_says_so():
    frame, _ = simulate(4, per_year=3.0, units=effect.MAX_UNITS + 500, missing=0.0)
    result = _estimate(frame)
    assert result.summary.sampled_from == effect.MAX_UNITS + 500
    assert result.summary.units <= effect.MAX_UNITS
    assert result.att is not None


def test_a_preliminary_round_is_left_out_of_the_panel(demo_db):
    from adoption.store import Store
    from adoption.vocab import ROUND_PRELIMINARY

    store = Store(demo_db)
    before = effect.unit_panel(store, "mognadsindex")
    assert 2025 in set(before["ar"])
    store.set_round_status(2025, ROUND_PRELIMINARY, created_by="test")
    after = effect.unit_panel(store, "mognadsindex")
    assert 2025 not in set(after["ar"]) and set(after["ar"]) == set(before["ar"]) - {2025}


def test_the_store_reads_a_fixed_sample_when_there_are_many_units(demo_db_template, monkeypatch):
    from adoption.metrics import funnel

    store = Store(demo_db_template)
    rows = store.effect_panel(version=store.current_version(), typ="kommun", kind="index", max_units=100)
    assert rows["unit"].nunique() <= 100 and effect.sampled_from(rows) == 290
    everyone = store.effect_panel(version=store.current_version(), typ="kommun", kind="index", max_units=3000)
    assert effect.sampled_from(everyone) is None
    # every k-th municipality in code order (k = 3 for 290 of at most 100)
    assert sorted(rows["unit"].unique()) == sorted(everyone["unit"].unique())[::3]
    monkeypatch.setattr(funnel, "MAX_UNITS", 50)
    data = funnel.compute(store, Filter())
    assert data.sampled_from == 290 and data.units <= 50
    assert set(data.stalled["kommunkod"]) <= set(sorted(store.municipalities()["kommunkod"])[::6])
