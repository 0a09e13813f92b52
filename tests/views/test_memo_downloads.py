"""Files for a memo (issue 16, item 8): counts whole, shares rounded as shown with their values beside them,
and the source, data version, selection, date and demo flag inside every CSV and Excel file."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from adoption import metrics
from adoption.metrics.filters import Filter, ViewState
from adoption.store import Store
from adoption.text import present
from adoption.views import downloads, mapping, overview

INFO = downloads.FileInfo(page="Karta: Andel med AI i drift", name="karta_andel_ai_i_drift_2024_lan-12_v3",
                          version=3, selection="År: 2024; Län: Skåne län", created=date(2026, 11, 29), demo=True,
                          link="http://localhost:8501/karta?ar=2024&lan=12&v=3")


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame({
        "Namn": ["Malmö", "Lund", "Ystad"],
        "Andel (%)": [45.45454545, 100.0, None],
        "Täljare": [130.0, 240.0, None],  # counts that came out of the arithmetic as floats
        "År": pd.array([2024, 2024, 2024], dtype="Int64"),
    })


def test_counts_are_whole_and_shares_rounded_as_shown_with_their_values_beside(table):
    memo = downloads.for_memo(table)
    assert list(memo.columns) == ["Namn", "Andel (%)", "Täljare", "År", "Andel (%) (4 decimaler)"]
    assert memo["Andel (%)"].tolist()[:2] == [45.5, 100.0] and pd.isna(memo["Andel (%)"].iloc[2])
    assert memo["Andel (%) (4 decimaler)"].tolist()[:2] == [45.4545, 100.0]
    assert str(memo["Täljare"].dtype) == "Int64" and memo["Täljare"].tolist()[:2] == [130, 240]
    assert pd.isna(memo["Täljare"].iloc[2])  # missing stays empty, never 0
    english = downloads.for_memo(table, "en")
    assert "Share (%) (4 decimals)" not in english.columns and "Andel (%) (4 decimals)" in english.columns
    lines = downloads.table_csv_bytes(memo).decode("utf-8-sig").split("\r\n")
    assert lines[1] == "Malmö;45,5;130;2024;45,4545"  # "130", never "130,0"


def test_a_table_says_when_a_column_is_shown_with_more_decimals():
    frame = pd.DataFrame({"Avstånd": [0.5555555, 1.25]})
    frame.attrs[downloads.DECIMALS_ATTR] = {"Avstånd": 2}
    assert downloads.for_memo(frame)["Avstånd"].tolist() == [0.56, 1.25]


def test_csv_starts_with_what_the_file_is(table):
    data = downloads.table_csv_bytes(downloads.for_memo(table), INFO)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert [line.split(";", 1)[0] for line in lines[:downloads.INFO_ROWS]] == [
        "Källa", "Sida", "Fil", "Dataversion", "Urval", "Hämtad", "Demodata", "Länk", "Tal"]
    assert lines[3] == "Dataversion;3" and lines[5] == "Hämtad;2026-11-29"
    assert lines[6] == "Demodata;ja: siffrorna är påhittade och får inte citeras"
    assert lines[downloads.INFO_ROWS] == "" and lines[downloads.INFO_ROWS + 1].startswith("Namn;Andel (%);")
    info, back = downloads.read_csv(data)
    assert info["Urval"] == "År: 2024; Län: Skåne län" and info["Länk"] == INFO.link
    assert back["Andel (%)"].tolist()[:2] == [45.5, 100.0] and back["Täljare"].tolist()[:2] == [130, 240]


def test_excel_has_a_sheet_about_the_file(table):
    data = downloads.table_xlsx_bytes(downloads.for_memo(table), "karta", INFO)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["karta", "Om filen"]
    rows = list(book["karta"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Namn", "Andel (%)", "Täljare") and rows[1][1:4] == (45.5, 130, 2024)
    about = dict(book["Om filen"].iter_rows(values_only=True))
    assert about["Dataversion"] == "3" and about["Demodata"].startswith("ja")
    assert about["Källa"].startswith("AI i kommuner och civilsamhälle")
    english = downloads.FileInfo(**{**INFO.__dict__, "lang": "en", "demo": False})
    book = openpyxl.load_workbook(io.BytesIO(downloads.table_xlsx_bytes(table, "map", english)))
    assert book.sheetnames == ["map", "About the file"]
    assert dict(book["About the file"].iter_rows(values_only=True))["Demo data"] == "no"


def test_selection_in_words():
    state = ViewState(Filter(ar=2024, lan=("12", "01"), sektor=("utbildning",), typ="civilsamhalle"), niva="lan")
    text = downloads.selection_text(state, year=2024, county_names={"01": "Stockholms län", "12": "Skåne län"})
    assert text == "År: 2024; Län: Stockholms län, Skåne län; Sektor: Skola och förskola; Typ: Civilsamhälle; Nivå: Län"
    assert downloads.selection_text(ViewState(), year=2025) == "År: 2025; Hela landet"
    assert downloads.selection_text(ViewState(lang="en"), "en") == "The whole country"


def test_an_index_has_no_numerator_in_a_file(demo_db_template):
    """"Täljare 1161,4583333333333": the sum of scores behind a maturity index counts no one."""
    store = Store(demo_db_template)
    result = metrics.compute(store, "mognadsindex", Filter(ar=2024), by="lan")[0]
    assert result.numerator is not None and not float(result.numerator).is_integer()
    assert present.cells(result).numerator is None and present.cells(result).denominator == result.denominator
    frame = mapping.download_table(mapping.build(store, "mognadsindex", Filter(ar=2024), "lan"))
    assert frame["Täljare"].isna().all() and str(frame["Bas (nämnare)"].dtype) == "Int64"


def test_headline_counts_are_written_as_integers(demo_db_template):
    """The headline file wrote "240,0" for a count of municipalities."""
    store = Store(demo_db_template)
    frame = downloads.for_memo(downloads.headline_table(overview.headlines(store, Filter(ar=2024), None)))
    lines = downloads.table_csv_bytes(frame).decode("utf-8-sig").split("\r\n")
    header = lines[0].split(";")
    drift = dict(zip(header, lines[1].split(";")))
    result = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024))
    assert drift["Täljare"] == str(int(result.numerator)) and drift["Bas (nämnare)"] == str(int(result.denominator))
    assert drift["Värde"] == present.value(result).removesuffix(" %")  # "54,2": as the card shows it
    assert drift["Värde (4 decimaler)"] == f"{result.value * 100:.4f}".rstrip("0").replace(".", ",")
