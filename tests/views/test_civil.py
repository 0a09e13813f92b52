"""Civilsamhälle domain: registry figures for civil society by county and by category, suppression."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption import metrics, vocab
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.views import civil


@pytest.fixture(scope="module")
def store(demo_db_template) -> Store:
    return Store(demo_db_template)


def test_civil_filter_is_civil_society_without_municipality_or_sector():
    flt = civil.civil_filter(Filter(ar=2024, lan=("01",), kommun="0180", sektor=("miljo",), typ="kommun"))
    assert flt == Filter(ar=2024, lan=("01",), typ="civilsamhalle")


def test_summary_is_the_registry(store):
    flt = Filter(ar=2024, lan=("12",))
    summary = civil.summary(store, flt)
    assert summary.drift == metrics.compute(store, "civil_ai_i_drift", flt.with_(typ="civilsamhalle"))
    assert summary.aktivitet == metrics.compute(store, "andel_ai_aktivitet", flt.with_(typ="civilsamhalle"))
    assert summary.aktivitet.typ == "civilsamhalle"
    assert present.count(summary.drift) == formatting.number(summary.drift.numerator)
    assert present.caption(summary.drift, "en", with_interval=True).startswith(
        f"{formatting.number(summary.drift.numerator, 'en')} of {formatting.number(summary.drift.denominator, 'en')}"
        " organisations; 95% CI")


def test_county_rows_are_the_registry_by_county(store):
    flt = Filter(ar=2024)
    rows = civil.county_rows(store, flt).set_index("lan")
    assert len(rows) == len(store.counties())
    for result in metrics.compute(store, "civil_ai_i_drift", flt.with_(typ="civilsamhalle"), by="lan"):
        row = rows.loc[result.area]
        if result.value is None:
            assert pd.isna(row["civil_ai_i_drift_value"])
        else:
            assert row["civil_ai_i_drift_value"] == result.value
        assert row["civil_ai_i_drift_status"] == result.status


def test_suppressed_county_shows_no_number(store):
    rows = civil.county_rows(store, Filter(ar=2022, lan=("09",)))
    assert rows.iloc[0]["andel_ai_aktivitet_status"] == "too_few"
    assert rows.iloc[0]["n"] is None
    table = civil.county_table(rows, "sv")
    line = table.iloc[0]
    assert line["Län"] == "Gotlands län"
    assert line["Organisationer som besvarat mognad"] == "för få svar"
    assert line["Med AI i drift"] == "för få svar" and line["Med AI-aktivitet (planerad eller mer)"] == "för få svar"
    assert not any(ch.isdigit() for ch in "".join(line.iloc[1:]))


def test_suppressed_summary(store):
    summary = civil.summary(store, Filter(ar=2022, lan=("09",)))
    assert summary.drift.suppressed
    assert present.value(summary.drift) == "för få svar"
    assert present.count(summary.drift, "en") == "too few answers"
    assert present.caption(summary.drift) == i18n.t("status.too_few")


def test_barriers_are_civil_society(store):
    rows = civil.barrier_rows(store, Filter(ar=2024, sektor=("miljo",)))
    result = metrics.compute(store, "hinder_topp", Filter(ar=2024, typ="civilsamhalle"))
    now = rows[rows["ar"] == 2024].set_index("hinder")
    for b in result.breakdown:
        assert now.loc[b["hinder"], "numerator"] == b["numerator"]


def test_empty_database(tmp_path):
    from adoption import bootstrap

    db = Store(tmp_path / "empty.duckdb")
    bootstrap.initialise(db, with_demo=False)
    rows = civil.category_rows(db, Filter())
    assert set(rows["civil_svarsfrekvens_status"]) == {"no_data"} and rows["kategori"].tolist()[0] == "idrott"
    assert set(civil.category_table(rows, "sv")["Svarsfrekvens"]) == {"inga data"}
    assert civil.summary(db, Filter()).drift.status == "no_data"


def test_county_download_is_the_registry_in_numbers(store):
    flt = Filter(ar=2024)
    frame = civil.county_download(civil.county_rows(store, flt)).set_index("Kod")
    assert len(frame) == len(store.counties())
    share = "Med AI i drift Andel (%)"
    for result in metrics.compute(store, "civil_ai_i_drift", flt.with_(typ="civilsamhalle"), by="lan"):
        row = frame.loc[result.area]
        if result.status == "ok":
            assert row[share] == pytest.approx(result.value * 100, abs=1e-4)
            assert row["Med AI i drift: Täljare"] == result.numerator
            assert row["Med AI i drift: Bas (nämnare)"] == result.denominator
            assert row["Med AI i drift: 95 % KI, övre"] == pytest.approx(result.ci_high * 100, abs=1e-4)
        else:
            assert pd.isna(row[share]) and pd.isna(row["Med AI i drift: Täljare"])
    assert str(frame["Organisationer som besvarat mognad"].dtype) == "Int64"


def test_county_download_hides_too_few(store):
    frame = civil.county_download(civil.county_rows(store, Filter(ar=2022, lan=("09",))))
    line = frame.iloc[0]
    assert line["Med AI i drift: Status"] == "för få svar"
    assert pd.isna(line["Organisationer som besvarat mognad"]) and pd.isna(line["Med AI i drift Andel (%)"])


# -- by category: the registry's "kategori" dimension ----------------------------------


def test_category_rows_are_the_registry_by_category(store):
    flt = Filter(ar=2024)
    rows = civil.category_rows(store, flt)
    assert rows["kategori"].tolist() == list(vocab.codes("org_kategori"))  # every demo organisation has one
    for metric_id in civil.CATEGORY_METRICS:
        results = metrics.compute(store, metric_id, flt.with_(typ="civilsamhalle"), by="kategori")
        by_code = {r.area: r for r in results}
        for row in rows.to_dict("records"):
            result = by_code[row["kategori"]]
            assert (row[f"{metric_id}_value"], row[f"{metric_id}_numerator"], row[f"{metric_id}_denominator"],
                    row[f"{metric_id}_ci_low"], row[f"{metric_id}_status"]) == (
                result.value, result.numerator, result.denominator, result.ci_low, result.status)
    # The responding organisations per category are the year's response rows of that category.
    responses = store.responses(store.current_version(), 2024)
    expected = responses[responses["typ"] == "civilsamhalle"]["org_kategori"].value_counts()
    assert {r["kategori"]: r["n"] for r in rows.to_dict("records")} == {k: int(v) for k, v in expected.items()}


def test_category_table_words_share_base_interval_and_response_rate(store):
    rows = civil.category_rows(store, Filter(ar=2024))
    table = civil.category_table(rows, "sv").set_index("Kategori")
    idrott = rows.set_index("kategori").loc["idrott"]
    drift = metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024), by="kategori")[0]
    assert drift.area == "idrott"
    line = table.loc["Idrott"]
    assert line["Svarande organisationer"] == formatting.number(idrott["n"])
    assert line["Med AI i drift"] == present.value(drift)
    assert line["Med AI i drift – Bas (n av N)"] == present.base(drift)
    assert line["Med AI i drift – 95 % konfidensintervall"] == present.interval(drift)
    rate = metrics.compute(store, "civil_svarsfrekvens", Filter(ar=2024), by="kategori")[0]
    assert line["Svarsfrekvens"] == present.value(rate)
    assert line["Svarsfrekvens – Bas (n av N)"] == (
        f"{formatting.number(rate.numerator)} av {formatting.number(rate.denominator)} kända organisationer svarade")
    assert "Med AI-aktivitet (planerad eller mer)" in table.columns
    english = civil.category_table(rows, "en")
    assert english["Category"].iloc[0] == i18n.label("org_kategori", "idrott", "en") == "Sports"
    assert "Response rate" in english.columns and "With AI in production – 95% confidence interval" in english.columns


def test_category_download_is_the_registry_in_numbers(store):
    rows = civil.category_rows(store, Filter(ar=2024))
    frame = civil.category_download(rows, "en").set_index("Code")
    drift = {r.area: r for r in metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024), by="kategori")}
    assert str(frame["Responding organisations"].dtype) == "Int64"
    for code, row in frame.iterrows():
        result = drift[code]
        assert row["With AI in production Share (%)"] == pytest.approx(result.value * 100, abs=1e-3)
        assert row["With AI in production: Numerator"] == result.numerator
        assert row["With AI in production: Status"] == "ok"
    rate = {r.area: r for r in metrics.compute(store, "civil_svarsfrekvens", Filter(ar=2024), by="kategori")}
    assert (frame["Response rate: Base (denominator)"] == [rate[c].denominator for c in frame.index]).all()
    assert (frame["Responding organisations"] == [rate[c].numerator for c in frame.index]).all()


def test_categories_use_the_registrys_suppression(tmp_path):
    """A category of 1 or 2 organisations hides its count and every figure on it, by the registry's rule;
    a category none of whose known organisations answered shows 0 % (it identifies nobody)."""
    from ..builders import add_survey, reference_store, response

    db = reference_store(tmp_path / "categories.duckdb")
    places = {"kultur": ("0180", 3), "social": ("1280", 2), "idrott": ("2584", 1)}  # one county each: 01, 12, 25
    rows, number = [], 0
    for category, (kommun, count) in places.items():
        for _ in range(count):
            number += 1
            rows.append(response(ar=2024, typ="civilsamhalle", kommunkod=kommun, organisation=f"Förening {number}",
                                 organisationsnummer=f"802000-{number:04d}", org_kategori=category, vard_omsorg=3))
    # Two sports clubs answered only in 2023: known to the survey, not answering in 2024.
    rows += [response(ar=2023, typ="civilsamhalle", kommunkod="2584", organisation=f"Klubb {i}",
                      organisationsnummer=f"802001-{i:04d}", org_kategori="folkbildning", vard_omsorg=1)
             for i in range(2)]
    add_survey(db, rows)
    result = civil.category_rows(db, Filter(ar=2024)).set_index("kategori")
    assert result.loc["kultur", "n"] == 3 and result.loc["kultur", "civil_ai_i_drift_value"] == 1.0
    assert result.loc["kultur", "civil_svarsfrekvens_value"] == 1.0
    for category in ("social", "idrott"):
        line = result.loc[category]
        assert pd.isna(line["n"]) and line["civil_svarsfrekvens_status"] == "too_few"
        assert line["civil_ai_i_drift_status"] == line["andel_ai_aktivitet_status"] == "too_few"
        assert pd.isna(line["civil_ai_i_drift_value"]) and pd.isna(line["civil_svarsfrekvens_numerator"])
    assert result.loc["folkbildning", "n"] == 0
    assert result.loc["folkbildning", "civil_svarsfrekvens_value"] == 0.0  # 0 of 2 known: a figure
    assert result.loc["folkbildning", "civil_ai_i_drift_status"] == "no_answer"
    table = civil.category_table(result.reset_index(), "sv").set_index("Kategori")
    assert table.loc["Social verksamhet", "Svarande organisationer"] == "för få svar"
    assert table.loc["Social verksamhet", "Med AI i drift"] == "för få svar"
    assert table.loc["Kultur", "Svarande organisationer"] == "3"
    assert table.loc["Folkbildning", "Svarsfrekvens"] == "0,0 %"
    download = civil.category_download(result.reset_index(), "en").set_index("Code")
    assert download.loc["idrott", "With AI in production: Status"] == "too few answers"
    assert pd.isna(download.loc["idrott", "Responding organisations"])
