"""Downloads of page tables: file names from the view, Swedish CSV, real numbers in Excel, no formulas."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from adoption import metrics
from adoption.metrics.filters import Filter, ViewState
from adoption.store import Store
from adoption.text import present
from adoption.views import downloads, overview


def test_file_name_holds_page_metric_year_filters_and_version():
    state = ViewState(Filter(ar=2024, lan=("12", "01")))
    assert downloads.download_name("karta", state, "csv", year=2024, version=3) == \
        "karta_mognadsindex_2024_lan-01-12_v3.csv"
    assert downloads.download_name("karta", state, "xlsx", year=2024, version=3).endswith("_v3.xlsx")


def test_file_name_leaves_out_what_is_not_chosen():
    assert downloads.download_stem("oversikt", ViewState(), year=2025, version=1, metric=None) == "oversikt_2025_v1"
    assert downloads.download_stem("om_matt", ViewState(), metric=None) == "om_matt"


def test_file_name_with_every_filter_and_english():
    state = ViewState(Filter(ar=2023, kommun="0180", sektor=("vard_omsorg", "utbildning"), typ="civilsamhalle"),
                      matt="mognadsindex", niva="lan", lang="en")
    assert downloads.download_stem("sektorer", state, year=2023, version=2) == (
        "sektorer_mognadsindex_2023_kommun-0180_sektor-utbildning-vard_omsorg_typ-civilsamhalle_niva-lan_v2_en"
    )
    assert downloads.download_stem("mal", state, year=2023, version=2, metric="andel_strategi").startswith(
        "mal_andel_strategi_2023_")


def test_file_name_is_safe_whatever_the_name():
    stem = downloads.download_stem("Över sikt/../\"x\"", ViewState(), metric=None)
    assert stem == "over-sikt-x"
    assert downloads.download_stem("///", ViewState(), metric=None) == "tabell"
    with pytest.raises(ValueError):
        downloads.download_name("karta", ViewState(), "exe")


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame({
        "Kommun": ["Malmö", "=HYPERLINK(\"http://x\")", "@SUM(A1)", None],
        "Andel": [45.5, 0.25, None, 100.0],
        "Antal": pd.array([10587710, 3, None, 0], dtype="Int64"),
        "=Rubrik": ["-1", "+46", "a;b", "ok"],
    })


def test_csv_is_swedish_excel_friendly(table):
    data = downloads.table_csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Kommun;Andel;Antal;'=Rubrik"
    assert lines[1] == "Malmö;45,5;10587710;'-1"
    assert lines[2] == '"\'=HYPERLINK(""http://x"")";0,25;3;\'+46'
    assert lines[3] == "'@SUM(A1);;;\"a;b\""  # missing is an empty cell, never 0
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["Andel"].tolist()[:2] == [45.5, 0.25]
    assert back["Antal"].iloc[0] == 10587710


def test_xlsx_keeps_numbers_as_numbers_and_neutralises_text(table):
    book = openpyxl.load_workbook(io.BytesIO(downloads.table_xlsx_bytes(table, "Karta: län/kommun [x]")))
    sheet = book.active
    assert sheet.title == "Karta län kommun x"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Kommun", "Andel", "Antal", "'=Rubrik")
    assert rows[1] == ("Malmö", 45.5, 10587710, "'-1")
    assert rows[2][0].startswith("'=HYPERLINK(")
    assert rows[3][:3] == ("'@SUM(A1)", None, None)
    assert all(cell.data_type == "n" for cell in sheet[2][1:3])


def test_neutralise_frame_leaves_the_input_alone(table):
    downloads.neutralise_frame(table)
    assert table["Kommun"].iloc[1].startswith("=")


def test_headline_table_holds_the_registry_values(demo_db_template):
    store = Store(demo_db_template)
    headlines = overview.headlines(store, Filter(ar=2024), store.current_version())
    frame = downloads.headline_table(headlines, "sv")
    assert list(frame["Måttkod"]) == list(overview.HEADLINE_METRICS)
    for row, headline in zip(frame.itertuples(index=False), headlines):
        expected = metrics.compute(store, headline.metric.id, Filter(ar=2024))
        value = row[frame.columns.get_loc("Värde")]
        if expected.value is None or expected.suppressed:
            assert pd.isna(value)
        else:
            assert value == pytest.approx(expected.value * 100, abs=1e-3)
        assert row[frame.columns.get_loc("Bas (nämnare)")] == expected.denominator
        assert row[frame.columns.get_loc("År")] == 2024
        assert row[frame.columns.get_loc("Jämfört med år")] == 2023
    change = frame.loc[frame["Måttkod"] == "andel_ai_aktivitet", "Förändring"].iloc[0]
    previous = metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2023))
    current = metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024))
    assert change == pytest.approx((current.value - previous.value) * 100, abs=1e-3)
    # The Swedish CSV of it opens as numbers again.
    back = pd.read_csv(io.BytesIO(downloads.table_csv_bytes(frame)), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["Värde"].iloc[1] == pytest.approx(current.value * 100, abs=1e-3)


def test_headline_table_in_english_and_with_missing_values(tmp_db):
    from adoption import bootstrap

    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    headlines = overview.headlines(store, Filter(), None)
    frame = downloads.headline_table(headlines, "en")
    assert "Value" in frame.columns and "Status" in frame.columns
    assert frame["Value"].isna().all()
    assert set(frame["Status"]) == {"no data"}
    text = downloads.headline_text_table(headlines, "en")
    assert list(text.columns) == ["Metric", "Value", "Base", "Change"]


def test_headline_text_table_matches_the_cards(demo_db_template):
    store = Store(demo_db_template)
    headlines = overview.headlines(store, Filter(ar=2024, lan=("12",)), store.current_version())
    text = downloads.headline_text_table(headlines, "sv")
    for row, headline in zip(text.itertuples(index=False), headlines):
        assert row[1] == present.value(headline.result, "sv")
        assert row[2] == present.caption(headline.result, "sv")


def test_oversikt_shows_the_table_with_downloads(demo_db_template, monkeypatch):
    from tests.pages.conftest import no_exceptions, open_page

    at = open_page(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    shown = next(d.value for d in at.dataframe if "Förändring" in d.value.columns)
    store = Store(demo_db_template)
    expected = present.value(metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024)), "sv")
    assert expected in list(shown["Värde"])
    keys = [b.key for b in at.get("download_button")]
    assert "download_csv_oversikt" in keys and "download_xlsx_oversikt" in keys
