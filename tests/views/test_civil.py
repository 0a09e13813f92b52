"""Civilsamhälle domain: registry figures for civil society by county, counts by category, suppression."""

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


def test_category_counts_count_response_rows(store):
    responses = store.responses(store.current_version(), 2024)
    civil_rows = responses[responses["typ"] == "civilsamhalle"]
    counts = civil.category_counts(store, Filter(ar=2024))
    assert counts["kategori"].tolist()[: len(vocab.codes("org_kategori"))] == list(vocab.codes("org_kategori"))
    expected = civil_rows["org_kategori"].value_counts()
    for row in counts.itertuples(index=False):
        if row.kategori is not None and not row.suppressed:
            assert row.antal == expected.get(row.kategori, 0)
    assert counts["antal"].sum() <= len(civil_rows)


def test_category_counts_in_a_county_suppress_one_or_two(store):
    counts = civil.category_counts(store, Filter(ar=2024, lan=("25",)))
    municipalities = store.municipalities()
    in_county = set(municipalities[municipalities["lan_kod"] == "25"]["kommunkod"])
    responses = store.responses(store.current_version(), 2024)
    rows = responses[(responses["typ"] == "civilsamhalle") & responses["kommunkod"].isin(in_county)]
    expected = rows["org_kategori"].value_counts()
    for row in counts.itertuples(index=False):
        n = int(expected.get(row.kategori, 0))
        assert row.suppressed == (0 < n < 3)
        assert pd.isna(row.antal) if row.suppressed else row.antal == n
    table = civil.category_table(counts, "en")
    hidden = counts["suppressed"].tolist()
    assert [v == "too few answers" for v in table["Number of organisations"]] == hidden


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
    counts = civil.category_counts(db, Filter())
    assert (counts["antal"] == 0).all()
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


def test_category_download_counts(store):
    counts = civil.category_counts(store, Filter(ar=2024))
    frame = civil.category_download(counts, "en")
    assert list(frame.columns) == ["Category", "Code", "Number of organisations", "Status"]
    for row, count in zip(frame.itertuples(index=False), counts.itertuples(index=False)):
        if count.suppressed:
            assert pd.isna(row[2]) and row[3] == "too few answers"
        else:
            assert row[2] == count.antal and row[3] == "ok"


def test_category_counts_use_the_registrys_suppression(tmp_path):
    """A category of 1 or 2 organisations is hidden exactly when the registry hides a figure built on as many:
    the same rule (metrics.count_status) and the same status, "too_few"."""
    from ..builders import add_survey, reference_store, response

    db = reference_store(tmp_path / "categories.duckdb")
    places = {"kultur": ("0180", 3), "social": ("1280", 2), "idrott": ("2584", 1)}  # one county each: 01, 12, 25
    rows, number = [], 0
    for category, (kommun, count) in places.items():
        for _ in range(count):
            number += 1
            rows.append(response(ar=2024, typ="civilsamhalle", kommunkod=kommun, organisation=f"Förening {number}",
                                 organisationsnummer=f"802000-{number:04d}", org_kategori=category, vard_omsorg=3))
    add_survey(db, rows)
    counts = civil.category_counts(db, Filter(ar=2024)).set_index("kategori")
    for category, lan in (("kultur", "01"), ("social", "12"), ("idrott", "25")):
        figure = metrics.compute(db, "civil_ai_i_drift", Filter(ar=2024, lan=(lan,)))
        assert counts.loc[category, "status"] == figure.status == metrics.count_status("civilsamhalle",
                                                                                          places[category][1])
    assert counts.loc["kultur", "antal"] == 3 and counts.loc["kultur", "status"] == "ok"
    assert counts.loc["social", "status"] == counts.loc["idrott", "status"] == "too_few"
    assert counts.loc[["social", "idrott"], "suppressed"].all() and counts.loc[["social", "idrott"], "antal"].isna().all()
    assert counts.loc["folkbildning", "antal"] == 0 and counts.loc["folkbildning", "status"] == "ok"  # none: shown
    table = civil.category_table(counts.reset_index(), "sv").set_index("Kategori")
    assert table.loc["Social verksamhet", "Antal organisationer"] == "för få svar"
    assert table.loc["Kultur", "Antal organisationer"] == "3"
    download = civil.category_download(counts.reset_index(), "en").set_index("Code")
    assert download.loc["idrott", "Status"] == "too few answers" and pd.isna(download.loc["idrott", "Number of organisations"])
