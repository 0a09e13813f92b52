"""Every file a page offers is fit for a memo (issue 16, item 8), read as the download button would send it;
and the Swedish interface shows numbers in Swedish (the Karta table's "100.0" beside "100,0 %")."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import openpyxl
import pandas as pd
import pytest
import streamlit as st
from streamlit import dataframe_util

from adoption.metrics import factors
from adoption.views import downloads
from adoption.views.likeness import factor_name

from .conftest import no_exceptions, open_page

DISTANCE_PARTS = {factor_name(code, "sv") for code in factors.FACTOR_CODES}

PAGES = {
    "pages/oversikt.py": {"ar": "2024", "lan": "14"},
    "pages/karta.py": {"ar": "2024", "matt": "andel_ai_i_drift", "niva": "lan"},
    "pages/sektorer.py": {"ar": "2024"},
    "pages/mal.py": {},
    "pages/kommun.py": {"kommun": "1480", "ar": "2024"},
    "pages/civilsamhalle.py": {"ar": "2024"},
    "pages/initiativ.py": {"ar": "2024"},
    "pages/om.py": {},
}


@pytest.fixture
def offered(monkeypatch):
    """Every st.download_button a page draws: key -> (file name, the callable that makes the file)."""
    files: dict[str, tuple[str, object]] = {}
    original = st.download_button

    def capture(label, data=None, file_name=None, *args, **kwargs):
        files[kwargs.get("key")] = (file_name, data)
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", capture)
    return files


def _made(data) -> bytes:
    return data() if callable(data) else data


@pytest.mark.parametrize("page", list(PAGES))
def test_every_file_says_what_it_is_and_writes_numbers_for_a_memo(page, demo_db_template, monkeypatch, offered):
    at = open_page(demo_db_template, monkeypatch, page, **PAGES[page])
    no_exceptions(at)
    offered_now = {key: value for key, value in offered.items() if key and key.startswith("download_")}
    csv_files = {k: v for k, v in offered_now.items() if k.startswith("download_csv_")}
    assert csv_files, page
    year = PAGES[page].get("ar")
    for key, (name, data) in csv_files.items():
        info, table = downloads.read_csv(_made(data))
        assert info["Källa"].startswith("AI i kommuner och civilsamhälle"), key
        assert info["Dataversion"] == "1" and info["Hämtad"] == date.today().isoformat(), key
        assert info["Demodata"].startswith("ja"), key  # the demo database
        assert info["Fil"] == name.removesuffix(".csv"), key
        assert "v=1" in info["Länk"], key
        if year and f"_{year}_" in name:  # a table of the year shown names it
            assert f"År: {year}" in info["Urval"], key
        if page == "pages/oversikt.py":
            assert "Västra Götalands län" in info["Urval"], key
        _numbers_for_a_memo(key, table)
    for key, (name, data) in offered_now.items():
        if not key.startswith("download_xlsx_"):
            continue
        book = openpyxl.load_workbook(io.BytesIO(_made(data)))
        assert book.sheetnames[1:] == ["Om filen"], key
        about = dict(book["Om filen"].iter_rows(values_only=True))
        assert about["Dataversion"] == "1" and about["Demodata"].startswith("ja"), key


def _numbers_for_a_memo(key: str, table: pd.DataFrame) -> None:
    raw = {c for c in table.columns if c.endswith(" (4 decimaler)")}
    for column in table.columns:
        values = table[column].dropna()
        if column in raw or not pd.api.types.is_float_dtype(values.dtype):
            continue
        # a float column is a rounded figure: one decimal as shown (two for a distance and a factor's part of
        # it on Kommun), its values beside it
        places = 2 if column.startswith("Avstånd") or column in DISTANCE_PARTS else 1
        assert (values.round(places) == values).all(), (key, column)
        assert f"{column} (4 decimaler)" in raw, (key, column)
    for column in ("Täljare", "Bas (nämnare)", "Antal svarande", "År"):
        if column in table.columns:
            assert pd.api.types.is_integer_dtype(table[column].dtype) or table[column].isna().all(), (key, column)


def test_karta_table_shows_numbers_in_swedish(demo_db_template, monkeypatch):
    """The Karta table showed "100.0" beside "100,0 %": one value column, in the language's format."""
    at = open_page(demo_db_template, monkeypatch, "pages/karta.py", ar="2024", matt="andel_ai_i_drift", niva="lan")
    no_exceptions(at)
    element = at.dataframe[0]
    shown = dataframe_util.convert_arrow_bytes_to_pandas_df(element.proto.arrow_data.styler.display_values)
    cells = [str(c) for c in shown.to_numpy().ravel() if c is not None]
    assert any(re.fullmatch(r"\d+,\d %", c) for c in cells)
    assert not [c for c in cells if re.fullmatch(r"\d+\.\d+", c)], "a number with a decimal point"
    assert "Visas som" not in element.value.columns  # one value column, not a number and its text
    at = open_page(demo_db_template, monkeypatch, "pages/karta.py", ar="2024", niva="lan", lang="en")
    shown = dataframe_util.convert_arrow_bytes_to_pandas_df(at.dataframe[0].proto.arrow_data.styler.display_values)
    assert any(re.fullmatch(r"\d+\.\d", str(c)) for c in shown.to_numpy().ravel())  # 45.5 in English


def test_charts_write_numbers_in_the_interface_language(demo_db_template, monkeypatch):
    """Chart axes and tooltips wrote "50%" and "45.5" in the Swedish interface."""
    for lang, decimal, percent in (("sv", ",", " %"), ("en", ".", "%")):
        at = open_page(demo_db_template, monkeypatch, "pages/sektorer.py", ar="2024", lang=lang)
        no_exceptions(at)
        charts = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
        assert charts
        for spec in charts:
            number = spec["config"]["locale"]["number"]
            assert (number["decimal"], number["percent"]) == (decimal, percent)
