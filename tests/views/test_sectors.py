"""Sektorer domain: frames laid out from the registry's sektor_fordelning and hinder_topp, tables and charts."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption import metrics, vocab
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, present
from adoption.views import sectors


@pytest.fixture(scope="module")
def store(demo_db_template) -> Store:
    return Store(demo_db_template)


def test_stage_rows_are_the_registry_breakdown_for_both_years(store):
    flt = Filter(ar=2024, lan=("12",))
    rows = sectors.stage_rows(store, flt)
    assert sorted(rows["ar"].unique()) == [2023, 2024]
    for year in (2023, 2024):
        result = metrics.compute(store, "sektor_fordelning", flt.with_(ar=year))
        part = rows[rows["ar"] == year]
        assert len(part) == len(result.breakdown) == len(vocab.sectors()) * len(vocab.stages())
        expected = {(b["sektor"], b["mognad"]): b for b in result.breakdown}
        for row in part.to_dict("records"):
            b = expected[(row["sektor"], row["mognad"])]
            for key in ("value", "numerator", "denominator", "ci_low", "ci_high", "ej_tillampligt", "inget_svar"):
                assert row[key] == b[key], key
    # stages in order within each sector and year; this year first
    first = rows[rows["sektor"] == vocab.sectors()[0].code]
    assert first["ar"].tolist()[:5] == [2024] * 5
    assert first["mognad"].tolist()[:5] == [0, 1, 2, 3, 4]


def test_sector_filter_limits_the_sectors(store):
    rows = sectors.stage_rows(store, Filter(ar=2024, sektor=("utbildning", "miljo")))
    assert set(rows["sektor"]) == {"utbildning", "miljo"}


def test_suppressed_result_has_no_numbers(store):
    # Civil society in Gotland: fewer than 3 organisations.
    rows = sectors.stage_rows(store, Filter(ar=2022, lan=("09",), typ="civilsamhalle"))
    assert set(rows["status"]) <= {"too_few", "no_answer"}
    assert rows["value"].isna().all() and rows["numerator"].isna().all()
    table = sectors.stage_table(rows, "sv")
    assert "för få svar" in table.to_string()
    assert sectors.stage_chart(rows, "sv") is None


def test_sector_status():
    ok = {"suppressed": False, "denominator": 5, "ej_tillampligt": 0, "inget_svar": 0}
    assert sectors._sector_status(ok) == "ok"
    assert sectors._sector_status({**ok, "suppressed": True}) == "too_few"
    assert sectors._sector_status({**ok, "denominator": 0, "ej_tillampligt": 4}) == "not_applicable"
    assert sectors._sector_status({**ok, "denominator": 0, "inget_svar": 2}) == "no_answer"


def test_missing_values_are_words_not_zero():
    def cell(value, status, **row):
        return sectors.part({"value": value, "status": status, "numerator": None, "denominator": None,
                             "ci_low": None, "ci_high": None, "typ": "kommun", **row})

    assert present.value(cell(None, "no_answer"), "sv") == "inget svar"
    assert present.value(cell(None, "not_applicable"), "en") == "not applicable"
    assert present.value(cell(0.0, "too_few"), "sv") == "för få svar"
    assert present.value(cell(0.0, "ok"), "sv") == formatting.percent(0.0, "sv")
    assert present.value(cell(0.455, "ok"), "sv") == formatting.percent(0.455, "sv") == "45,5 %"
    assert present.base(cell(0.3, "ok", numerator=3, denominator=10), "en") == "3 of 10 respondents"
    assert present.base(cell(None, "too_few", denominator=10), "sv") == "för få svar"
    assert sectors.count_cell(None, "too_few", "sv") == "för få svar"


def test_stage_table_shows_counts_outside_the_denominator(store):
    flt = Filter(ar=2024)
    rows = sectors.stage_rows(store, flt)
    table = sectors.stage_table(rows, "en")
    assert list(table.columns[:2]) == ["Sector", "Year"]
    assert "No answer" in table.columns and "Not applicable" in table.columns
    result = metrics.compute(store, "sektor_fordelning", flt)
    transport = [b for b in result.breakdown if b["sektor"] == "kollektivtrafik" and b["mognad"] == 0][0]
    line = table[(table["Sector"] == "Public transport and streets") & (table["Year"] == "2024")].iloc[0]
    assert line["Not applicable"] == formatting.number(transport["ej_tillampligt"], "en")
    assert line["No answer"] == formatting.number(transport["inget_svar"], "en")
    assert line["Answered (N)"] == formatting.number(transport["denominator"], "en")
    assert line["No activity"] == formatting.percent(transport["value"], "en")
    assert len(table) == 2 * len(vocab.sectors())


def test_stage_detail_has_base_and_interval(store):
    rows = sectors.stage_rows(store, Filter(ar=2024))
    detail = sectors.stage_detail_table(rows, "sv")
    first = rows.iloc[0]
    assert detail.iloc[0]["Bas (n av N)"] == f"{first['numerator']} av {first['denominator']} svarande"
    assert detail.iloc[0]["95 % konfidensintervall"] == (
        f"{formatting.number(first['ci_low'] * 100, decimals=1)}–{formatting.percent(first['ci_high'])}")


def test_stage_chart_is_ordered_and_colour_blind_safe(store):
    rows = sectors.stage_rows(store, Filter(ar=2024))
    spec = sectors.stage_chart(rows, "sv").to_dict()
    colour = spec["encoding"]["color"]
    assert colour["scale"]["range"] == list(sectors.STAGE_COLOURS)
    assert colour["scale"]["domain"] == [s.name_sv for s in vocab.stages()]
    assert spec["encoding"]["order"]["field"] == "stage_order"
    assert spec["encoding"]["x"]["stack"] == "zero"
    bars = spec["encoding"]["y"]["sort"]
    assert bars[0] == "Vård och omsorg · 2024" and bars[1] == "Vård och omsorg · 2023"


def test_barrier_rows_are_the_registry_breakdown(store):
    flt = Filter(ar=2024, typ="civilsamhalle")
    rows = sectors.barrier_rows(store, flt)
    for year in (2023, 2024):
        result = metrics.compute(store, "hinder_topp", flt.with_(ar=year))
        part = rows[rows["ar"] == year].set_index("hinder")
        for b in result.breakdown:
            assert part.loc[b["hinder"], "value"] == b["value"]
            assert part.loc[b["hinder"], "numerator"] == b["numerator"]


def test_barrier_table_most_named_first_and_missing_barriers_are_dashes(store):
    rows = sectors.barrier_rows(store, Filter(ar=2024))
    table = sectors.barrier_table(rows, 2024, 2023, "sv")
    result = metrics.compute(store, "hinder_topp", Filter(ar=2024))
    top = max(result.breakdown, key=lambda b: b["value"])
    assert table.iloc[0]["Hinder"] == vocab.terms("hinder")[[t.code for t in vocab.terms("hinder")].index(
        top["hinder"])].label_sv
    assert table.iloc[0]["Andel 2024"] == formatting.percent(top["value"])
    # a barrier missing from one year's result
    shortened = rows[~((rows["ar"] == 2023) & (rows["hinder"] == "etik"))]
    table = sectors.barrier_table(shortened, 2024, 2023, "sv")
    assert table.set_index("Hinder").loc["Etik", "Andel 2023"] == "–"


def test_barrier_chart(store):
    rows = sectors.barrier_rows(store, Filter(ar=2024))
    spec = sectors.barrier_chart(rows, 2024, 2023, "en").to_dict()
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == list(sectors.YEAR_COLOURS)
    assert sectors.barrier_chart(rows.assign(status="no_answer", value=None), 2024, 2023, "en") is None


def test_no_previous_year(store):
    rows = sectors.stage_rows(store, Filter(ar=2022))
    assert set(rows["ar"]) == {2022}
    barriers = sectors.barrier_rows(store, Filter(ar=2022))
    table = sectors.barrier_table(barriers, 2022, None, "sv")
    assert list(table.columns) == ["Hinder", "Andel 2022", "Bas (n av N)", "95 % konfidensintervall"]
    assert sectors.barrier_chart(barriers, 2022, None, "sv") is not None


def test_empty_database(tmp_path):
    from adoption import bootstrap

    db = Store(tmp_path / "empty.duckdb")
    bootstrap.initialise(db, with_demo=False)
    assert sectors.stage_rows(db, Filter()).empty
    assert isinstance(sectors.barrier_rows(db, Filter()), pd.DataFrame)


def test_stage_download_is_the_registry_in_numbers(store):
    flt = Filter(ar=2024, lan=("12",))
    frame = sectors.stage_download(sectors.stage_rows(store, flt))
    assert str(frame["År"].dtype) == "Int64" and str(frame["Täljare"].dtype) == "Int64"
    result = metrics.compute(store, "sektor_fordelning", flt)
    for b in result.breakdown:
        row = frame[(frame["Kod"] == b["sektor"]) & (frame["År"] == 2024)
                    & (frame["Mognad (0–4)"] == b["mognad"])].iloc[0]
        if b["denominator"]:
            assert row["Andel (%)"] == pytest.approx(b["value"] * 100, abs=1e-4)
            assert (row["Täljare"], row["Bas (nämnare)"]) == (b["numerator"], b["denominator"])
            assert row["95 % KI, nedre"] == pytest.approx(b["ci_low"] * 100, abs=1e-4)
            assert row["Status"] == "ok"
        else:
            assert pd.isna(row["Andel (%)"]) and row["Status"] in ("inget svar", "ej tillämplig")
        assert row["Inget svar"] == b["inget_svar"] and row["Ej tillämplig"] == b["ej_tillampligt"]


def test_barrier_download_is_the_registry_in_numbers(store):
    flt = Filter(ar=2024)
    frame = sectors.barrier_download(sectors.barrier_rows(store, flt), "en")
    result = metrics.compute(store, "hinder_topp", flt)
    top = max(result.breakdown, key=lambda b: b["value"])
    first = frame.iloc[0]
    assert (first["Code"], first["Year"]) == (top["hinder"], 2024)
    assert first["Share (%)"] == pytest.approx(top["value"] * 100, abs=1e-4)
    assert (first["Numerator"], first["Base (denominator)"]) == (top["numerator"], top["denominator"])
    assert set(frame["Year"]) == {2024, 2023}


def test_downloads_leave_too_few_empty(store):
    flt = Filter(ar=2022, lan=("09",), typ="civilsamhalle")
    frame = sectors.stage_download(sectors.stage_rows(store, flt))
    hidden = frame[frame["Status"] == "för få svar"]
    assert len(hidden) and hidden["Andel (%)"].isna().all() and hidden["Täljare"].isna().all()
