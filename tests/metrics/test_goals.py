"""Programme goals: shipped defaults and kept revisions."""

from __future__ import annotations

from adoption import bootstrap, metrics
from adoption.metrics import goals
from adoption.store import Store
from adoption.text import formatting
from adoption.views import goals as goal_views


def test_defaults_match_the_spec(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    current = store.goals().set_index("goal_id")
    assert list(current.index) == ["M1", "M2", "M3", "M4", "M5"]
    assert current.loc["M1", "metric"] == "andel_ai_i_drift" and current.loc["M1", "target"] == 0.75
    assert current.loc["M4", "measure"] == "numerator" and current.loc["M4", "target"] == 300
    assert set(current["target_year"]) == {2026}
    assert set(current["metric"]) <= set(metrics.REGISTRY)
    assert set(current["changed_by"]) == {goals.DEFAULT_AUTHOR}


def test_a_change_is_a_new_revision_and_history_is_kept(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    revision = store.save_goal(goal_id="M1", metric="andel_ai_i_drift", measure="value", target=0.8,
                               target_year=2027, label_sv="80 %", label_en="80 %", changed_by="anna")
    assert revision == 2
    current = store.goals().set_index("goal_id")
    assert current.loc["M1", "target"] == 0.8 and current.loc["M1", "changed_by"] == "anna"
    history = store.goal_history()
    assert list(history[history["goal_id"] == "M1"]["target"]) == [0.75, 0.8]


# -- progress towards the goals ---------------------------------------------------
#
# A tiny hand-made data set, survey years 2022-2024, four municipalities
# (0114, 0115, 0180, 1280) and civil-society organisations:
#
#   andel_ai_i_drift (any sector at stage >= 3):
#       2022: 0114 at 3, the others at 1           -> 1 of 4 = 0.25
#       2023: 0114 at 3, others 0, 2, 1            -> 1 of 4 = 0.25
#       2024: 0114 at 4, 0115 at 3, others 1, 0    -> 2 of 4 = 0.50
#     OLS over x = year: mean year 2023, mean value 1/3, slope
#     (-1 * 0.25 + 0 + 1 * 0.5) / 2 = 0.125 per year;
#     projection 2026 = 1/3 + 3 * 0.125 = 0.708333...
#     Required path to T in 2026 from 0.25 in 2022: 0.25 + (T - 0.25) * (year - 2022) / 4.
#     The latest value, 2 of 4, has the 95 % Wilson interval 0.150-0.850: four answers say little.
#       T = 0.70: projection >= target, but path 2024 = 0.475 > 0.150  -> at risk (not on track)
#       T = 0.75: projection 0.7083 >= 0.9 * 0.75 = 0.675              -> at risk
#       T = 0.90: projection < 0.81, latest 0.5 < path 2024 = 0.575,
#                 but the interval reaches the path (0.850)            -> at risk (not off track), gap 0.40
#   civil_ai_i_drift, numerator (organisations at stage >= 3):
#       2022: Alfa 3, Beta 1, Gamma 0 -> 1;  2023: Alfa 3, Beta 3, Gamma 0 -> 2;
#       2024: Alfa 3, Beta 3, Gamma 4, Delta 1 -> 3 (of 4)
#     slope 1, projection 2026 = 5, path 2024 = 3 = latest (a count has no interval): target 5 -> on track, gap 2.
#   andel_strategi: nobody answered the question -> cannot be computed (no answer).
#   befolkning_i_drift: no population loaded -> cannot be computed (needs population).

import pytest  # noqa: E402

from adoption.metrics.filters import Filter  # noqa: E402

from ..builders import add_survey, reference_store, response  # noqa: E402

C = "civilsamhalle"
ORGS = {"Alfa": ("0180", "802000-0001"), "Beta": ("1280", "802000-0002"), "Gamma": ("1280", None),
        "Delta": ("0114", None)}


def _civil(ar, name, **stages):
    kommunkod, orgnr = ORGS[name]
    return response(ar=ar, typ=C, kommunkod=kommunkod, organisation=name, organisationsnummer=orgnr, **stages)


YEARS = (2022, 2023, 2024)
# Per municipality its answer in each of YEARS: (sector, stage).
STAGES = {
    "0114": (("vard_omsorg", 3), ("vard_omsorg", 3), ("vard_omsorg", 4)),
    "0115": (("vard_omsorg", 1), ("utbildning", 0), ("utbildning", 3)),
    "0180": (("vard_omsorg", 1), ("vard_omsorg", 2), ("vard_omsorg", 1)),
    "1280": (("vard_omsorg", 1), ("vard_omsorg", 1), ("vard_omsorg", 0)),
}

RESPONSES = [
    *(response(ar=ar, kommunkod=code, **dict([stages[i]])) for i, ar in enumerate(YEARS) for code, stages in STAGES.items()),
    _civil(2022, "Alfa", vard_omsorg=3), _civil(2022, "Beta", vard_omsorg=1), _civil(2022, "Gamma", vard_omsorg=0),
    _civil(2023, "Alfa", vard_omsorg=3), _civil(2023, "Beta", vard_omsorg=3), _civil(2023, "Gamma", vard_omsorg=0),
    _civil(2024, "Alfa", vard_omsorg=3), _civil(2024, "Beta", vard_omsorg=3), _civil(2024, "Gamma", vard_omsorg=4),
    _civil(2024, "Delta", vard_omsorg=1),
]

GOALS = [
    # goal_id, metric, measure, target, target_year
    ("A", "andel_ai_i_drift", "value", 0.70, 2026),
    ("B", "andel_ai_i_drift", "value", 0.75, 2026),
    ("C", "andel_ai_i_drift", "value", 0.90, 2026),
    ("K", "civil_ai_i_drift", "numerator", 5, 2026),
    ("P", "befolkning_i_drift", "value", 0.90, 2026),
    ("S", "andel_strategi", "value", 0.90, 2026),
]


@pytest.fixture(scope="module")
def progress(tmp_path_factory) -> dict[str, goals.GoalProgress]:
    store = reference_store(tmp_path_factory.mktemp("goals") / "goals.duckdb")
    add_survey(store, RESPONSES)
    for goal_id, metric, measure, target, year in GOALS:
        store.save_goal(goal_id=goal_id, metric=metric, measure=measure, target=target, target_year=year,
                        label_sv=f"mål {goal_id}", label_en=f"goal {goal_id}", changed_by="anna")
    return {p.goal_id: p for p in goals.goal_progress(store)}


def test_observed_series_and_projection_by_hand(progress):
    a = progress["A"]
    assert a.observed == ((2022, 0.25), (2023, 0.25), (2024, 0.5))
    assert a.assessment.slope == pytest.approx(0.125)
    assert a.projected == pytest.approx(1 / 3 + 3 * 0.125)
    assert a.projection(2024) == pytest.approx(1 / 3 + 0.125)
    assert a.years() == [2022, 2023, 2024, 2025, 2026]
    assert a.label("en") == "goal A" and not a.illustrative


def test_statuses_follow_the_rule(progress):
    # the point estimates alone would say on track (A) and off track (C); the interval says neither is sure
    assert progress["A"].status == goals.AT_RISK and progress["A"].projected >= 0.70
    assert progress["B"].status == goals.AT_RISK
    c = progress["C"]
    assert c.status == goals.AT_RISK
    assert (c.latest.ci_low, c.latest.ci_high) == pytest.approx((0.150, 0.850), abs=1e-3)
    assert c.required(2024) == pytest.approx(0.575)
    assert c.required(2026) == pytest.approx(0.90)
    assert c.gap == pytest.approx(0.40)
    assert goal_views.gap_text(c, "sv") == "40,0" and goal_views.gap_label(c, "en").endswith("(percentage points)")
    assert c.status_text("sv") == "I riskzonen" and c.status_text("en") == "At risk"


def test_latest_base_comes_from_the_registry(progress, tmp_path_factory):
    latest = progress["C"].latest
    assert (latest.ar, latest.numerator, latest.denominator) == (2024, 2, 4)


def test_count_goal_uses_the_numerator(progress):
    k = progress["K"]
    assert k.unit == "count"
    assert k.observed == ((2022, 1.0), (2023, 2.0), (2024, 3.0))
    assert k.projected == pytest.approx(5.0)
    assert k.status == goals.ON_TRACK
    assert goal_views.gap_text(k) == "2"
    assert (k.latest.numerator, k.latest.denominator) == (3, 4)


def test_without_population_the_goal_cannot_be_computed(progress):
    p = progress["P"]
    assert p.status == goals.UNKNOWN and p.observed == () and p.latest is None and p.gap is None
    assert p.assessment.reason == "needs_population"
    assert "befolkningsdata" in p.reason_text("sv") and "population data" in p.reason_text("en")
    assert "import-population" not in p.reason_text("sv")  # a command is for administrators only
    assert goal_views.chart_frame(p).empty


def test_no_answers_is_not_zero(progress):
    s = progress["S"]
    assert s.status == goals.UNKNOWN and s.observed == ()
    assert s.assessment.reason == "no_answer"
    assert set(goal_views.series_table(s)["Observerat"].head(3)) == {"inget svar"}


def test_series_table_and_chart_frame(progress):
    table = goal_views.series_table(progress["C"], "sv")
    assert list(table["År"]) == ["2022", "2023", "2024", "2025", "2026"]
    assert list(table["Observerat"]) == ["25,0 %", "25,0 %", "50,0 %", "", ""]
    assert list(table["Krävd bana"]) == ["25,0 %", formatting.percent(0.4125), "57,5 %", formatting.percent(0.7375), "90,0 %"]
    assert table["Bas"].iloc[2] == "2 av 4 svarande"  # one wording of a base everywhere
    frame = goal_views.chart_frame(progress["C"], "en")
    assert set(frame["serie"]) == set(goals.SERIES)
    observed = frame[frame["serie"] == "observed"]
    assert list(observed["varde"]) == [25.0, 25.0, 50.0]  # shares in percent
    assert frame[(frame["serie"] == "required") & (frame["ar"] == 2026)]["varde"].item() == pytest.approx(90.0)


@pytest.mark.parametrize("points, target, expected", [
    # latest value on the required path, projection well short -> at risk
    ([(2022, 0.5), (2023, 0.0), (2024, 0.0), (2025, 0.75)], 0.8, goals.AT_RISK),
    # projection clamped to 100 % and reaching the target -> on track
    ([(2022, 0.5), (2023, 0.9)], 1.0, goals.ON_TRACK),
    # one year: no projection, no status
    ([(2024, 0.3)], 0.9, goals.UNKNOWN),
    # falling -> off track
    ([(2022, 0.5), (2023, 0.4)], 0.9, goals.OFF_TRACK),
])
def test_rule_branches(points, target, expected):
    """Without an interval (a count) the rule reads the value itself."""
    assessment = goals.assess(points, target, 2026)
    assert assessment.status == expected
    if len(points) == 4:
        assert assessment.projected == pytest.approx(0.5)
        assert assessment.required_latest == pytest.approx(0.725)
    if target == 1.0:
        assert assessment.projected == 1.0
    if expected == goals.UNKNOWN:
        assert assessment.reason == "too_few_years" and assessment.projected is None


@pytest.mark.parametrize("points, target, interval, expected", [
    # projection reaches the target, the interval's low end is on the path -> on track
    ([(2022, 0.5), (2023, 0.9)], 1.0, (0.85, 0.95), goals.ON_TRACK),
    # ... but the low end under the path (0.625 in 2023): not sure -> at risk
    ([(2022, 0.5), (2023, 0.9)], 1.0, (0.6, 0.98), goals.AT_RISK),
    # projection short and the whole interval under the path (0.6 in 2023) -> off track
    ([(2022, 0.5), (2023, 0.4)], 0.9, (0.30, 0.55), goals.OFF_TRACK),
    # ... but the interval reaches the path: not sure -> at risk
    ([(2022, 0.5), (2023, 0.4)], 0.9, (0.30, 0.65), goals.AT_RISK),
])
def test_rule_takes_the_interval_into_account(points, target, interval, expected):
    assert goals.assess(points, target, 2026, interval=interval).status == expected


def test_rule_is_written_in_both_languages():
    assert "90 %" in goals.rule_text("sv", 2026) and "2026" in goals.rule_text("sv", 2026)
    assert "90%" in goals.rule_text("en", 2026) and "On track" in goals.rule_text("en", 2026)
    assert "95 %-konfidensintervallet" in goals.rule_text("sv", 2026)
    assert "95% confidence interval" in goals.rule_text("en", 2026)


def test_demo_data_statuses_are_what_the_rule_says(demo_db_template):
    store = Store(demo_db_template)
    result = {p.goal_id: p for p in goals.goal_progress(store)}
    assert list(result) == ["M1", "M2", "M3", "M4", "M5"]
    assert result["M3"].status == goals.UNKNOWN and result["M3"].assessment.reason == "needs_population"
    for goal_id in ("M1", "M2", "M4", "M5"):
        p = result[goal_id]
        assert p.illustrative
        measure = "numerator" if p.measure == "numerator" else "value"
        expected = [(y, getattr(metrics.compute(store, p.metric, Filter(ar=y)), measure))
                    for y in store.survey_years(store.current_version())]
        assert list(p.observed) == expected
        # the rule, recomputed independently
        slope, intercept = goals.linear_trend(expected)
        projected = goals.clamp(intercept + slope * p.target_year, p.unit)
        path = goals.required_value(expected[0], p.target, p.target_year, expected[-1][0])
        latest = metrics.compute(store, p.metric, Filter(ar=expected[-1][0]))
        low, high = ((latest.ci_low, latest.ci_high) if measure == "value" and latest.ci_low is not None
                     else (expected[-1][1], expected[-1][1]))
        if projected >= p.target and low >= path:
            status = goals.ON_TRACK
        elif projected < goals.AT_RISK_SHARE * p.target and high < path:
            status = goals.OFF_TRACK
        else:
            status = goals.AT_RISK
        assert p.status == status
        assert p.gap == pytest.approx(p.target - expected[-1][1])


def test_target_text(progress):
    assert goal_views.target_text(progress["A"]) == "70 %" and goal_views.target_text(progress["A"], "en") == "70%"
    assert goal_views.target_text(progress["K"]) == "5"
    assert goal_views.status_line(progress["P"]).endswith("Kan inte beräknas")
    assert goal_views.status_line(progress["C"]).endswith("(50,0 % år 2024; mål 90 % till 2026)")


def test_series_download_is_the_registry_in_numbers(progress):
    c = progress["C"]
    frame = goal_views.series_download(c, "sv")
    assert list(frame["År"]) == [2022, 2023, 2024, 2025, 2026] and str(frame["År"].dtype) == "Int64"
    by_year = {r.ar: r for r in c.results}
    for year in (2022, 2023, 2024):
        row, result = frame[frame["År"] == year].iloc[0], by_year[year]
        assert row["Observerat"] == pytest.approx(result.value * 100, abs=1e-4)
        assert (row["Täljare"], row["Bas (nämnare)"]) == (result.numerator, result.denominator)
        assert row["95 % KI, nedre"] == pytest.approx(result.ci_low * 100, abs=1e-4)
        assert row["Status"] == "ok"
    assert frame["Observerat"].iloc[3:].isna().all()  # no survey yet: empty, not 0
    assert frame["Krävd bana"].iloc[-1] == pytest.approx(90.0, abs=1e-4) and frame["Mål"].iloc[-1] == pytest.approx(90.0, abs=1e-4)
    assert frame["Prognos (linjär trend)"].iloc[2] == pytest.approx(c.projection(2024) * 100, abs=1e-4)


def test_series_download_of_a_count_and_of_no_answers(progress):
    k = goal_views.series_download(progress["K"], "en")
    assert list(k["Observed"].head(3)) == [1.0, 2.0, 3.0]  # a count, not a percent
    assert k["95 % CI, lower"].isna().all() and k["Unit"].iloc[0] == "count"
    s = goal_views.series_download(progress["S"], "sv")
    assert s["Observerat"].isna().all() and list(s["Status"].head(3)) == ["inget svar"] * 3


def test_goal_wording_is_shown_as_written_not_as_markdown(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store)
    store.save_goal(goal_id="M1", metric="andel_ai_i_drift", measure="value", target=0.75, target_year=2026,
                    label_sv="[klicka](http://example.com) **75 %**", label_en="x", changed_by="test")
    line = goal_views.status_line(goals.goal_progress(store)[0], "sv")
    assert r"\[klicka\]\(http://example.com\) \*\*75 %\*\*" in line


# -- editing a goal ---------------------------------------------------------------


def _goals_store(tmp_db) -> Store:
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    return store


def _edit(store, goal_id="M1", **changes):
    current = store.goals().set_index("goal_id").loc[goal_id]
    unit = goals.target_unit(current["metric"], current["measure"])
    values = {"target": goals.form_target(current["target"], unit), "target_year": int(current["target_year"]),
              "label_sv": current["label_sv"], "label_en": current["label_en"], "changed_by": "anna"}
    return goals.edit_goal(store, goal_id, **{**values, **changes})


def test_edit_takes_a_share_in_percent_and_saves_a_revision(tmp_db):
    store = _goals_store(tmp_db)
    outcome = _edit(store, target=80.0, label_sv="  80 % i drift  ")
    assert (outcome.status, outcome.revision, outcome.saved) == (goals.SAVED, 2, True)
    assert outcome.message("sv") == "Målet M1 sparades (revision 2)."
    m1 = store.goals().set_index("goal_id").loc["M1"]
    assert m1["target"] == pytest.approx(0.8) and m1["label_sv"] == "80 % i drift" and m1["changed_by"] == "anna"
    # a count goal's target is taken as it is
    assert _edit(store, "M4", target=320.0).saved
    assert store.goals().set_index("goal_id").loc["M4", "target"] == 320


def test_an_edit_that_changes_nothing_saves_nothing(tmp_db):
    """75 % read back from the form as 75.0 and divided by 100 is 0.75 within float noise."""
    store = _goals_store(tmp_db)
    outcome = _edit(store, label_en=store.goals().set_index("goal_id").loc["M1", "label_en"] + " ")
    assert outcome.status == goals.UNCHANGED and outcome.revision is None
    assert outcome.message("en") == "Nothing changed."
    assert len(store.goal_history()) == 5


@pytest.mark.parametrize("changes, problem, words", [
    ({"label_sv": "   "}, "label_missing", "får inte vara tom"),
    ({"label_en": "x" * 201}, "label_too_long", "högst 200 tecken"),
    ({"target": 100.5}, "target_range", "högst 100"),
    ({"target": -1.0}, "target_range", "minst 0"),
    ({"target": float("nan")}, "target_range", "minst 0"),
    ({"target_year": 2019}, "year_range", "mellan 2020 och 2100"),
])
def test_an_invalid_edit_says_why_and_saves_nothing(tmp_db, changes, problem, words):
    store = _goals_store(tmp_db)
    outcome = _edit(store, **changes)
    assert (outcome.status, outcome.problem, outcome.saved) == (goals.INVALID, problem, False)
    assert words in outcome.message("sv") and outcome.message("en") != outcome.message("sv")
    assert len(store.goal_history()) == 5


def test_an_unknown_goal_is_named(tmp_db):
    store = _goals_store(tmp_db)
    outcome = goals.edit_goal(store, "M9", target=1.0, target_year=2026, label_sv="a", label_en="b",
                              changed_by="anna")
    assert outcome.problem == "unknown_goal" and outcome.message("sv") == "Målet M9 finns inte."


def test_target_units_for_the_form():
    assert goals.target_unit("andel_ai_i_drift", "value") == "share"
    assert goals.target_unit("andel_ai_i_drift", "numerator") == "count"
    assert goals.target_unit("borttaget_matt", "value") == "count"
    assert goals.form_target(0.755, "share") == pytest.approx(75.5) and goals.stored_target(75.5, "share") == 0.755
    assert goals.form_target(300, "count") == 300.0 and goals.form_target_max("count") is None
    assert goals.form_target_max("index") == 100.0
