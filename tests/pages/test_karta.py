"""Karta in AppTest: the map's data equal the registry's, filters from the URL, both languages."""

from __future__ import annotations

import json

import pandas as pd
from streamlit import dataframe_util

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, present
from adoption.views import mapping

from .conftest import no_exceptions, open_page

PAGE = "pages/karta.py"


def open_karta(db: str, monkeypatch, **query):
    """Open Karta, then load it with ``query`` as its own URL (Översikt, where ``open_page``
    starts, keeps only its own filters in the URL: matt and niva would not survive the switch)."""
    at = open_page(db, monkeypatch, page=PAGE)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at


def _deck(at) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert charts, "no map on the page"
    return json.loads(charts[0].proto.json)


def _features(at) -> dict[str, dict]:
    return {f["properties"]["c"]: f["properties"] for f in _deck(at)["layers"][0]["data"]["features"]}


def _texts(elements) -> str:
    return " ".join(e.value for e in elements)


def shown_texts(element) -> pd.DataFrame:
    """A styled dataframe's cells as the reader sees them (the Styler's display values)."""
    return dataframe_util.convert_arrow_bytes_to_pandas_df(element.proto.arrow_data.styler.display_values)


def test_map_and_table_equal_the_registry(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, ar="2024", matt="andel_ai_i_drift")
    no_exceptions(at)
    results = metrics.compute(Store(demo_db_template), "andel_ai_i_drift", Filter(ar=2024), by="kommun")
    shown = _features(at)
    assert len(shown) == 290
    table = at.dataframe[0].value
    texts = shown_texts(at.dataframe[0])["Andel"].tolist()
    assert len(table) == 290
    for result, text in zip(results, texts):
        feature = shown[result.area]
        row = table[table["Kod"] == result.area].iloc[0]
        if result.value is None:
            assert feature["v"] == "inget svar" == text and pd.isna(row["Andel"])
        else:
            assert feature["v"] == formatting.percent(result.value) == text
            assert feature["b"] == (f"{formatting.number(result.numerator)} av "
                                    f"{formatting.number(result.denominator)} svarande")
            assert row["Andel"] == result.value  # a number, so that the column sorts as one
    assert "Andel med AI i drift per kommun 2024" in _texts(at.subheader)
    legend = _texts(at.markdown)
    # A municipality's own yes or no: the legend names the two values, not five classes of shares.
    assert "nej (0 %)" in legend and "ja (100 %)" in legend and "inget svar" in legend and "0–20 %" not in legend
    assert any("Demodata" in w.value for w in at.warning)
    assert at.selectbox(key="karta-profil").value is not None  # the keyboard route to a profile
    keys = {b.key for b in at.get("download_button")}
    assert keys == {"download_csv_karta", "download_xlsx_karta", "report_pdf_riket"}


def test_filters_from_the_url(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, ar="2023", lan="12", matt="andel_strategi")
    no_exceptions(at)
    store = Store(demo_db_template)
    results = metrics.compute(store, "andel_strategi", Filter(ar=2023, lan=("12",)), by="kommun")
    shown = _features(at)
    assert set(shown) == {r.area for r in results} and len(shown) == 33
    for result in results:
        assert shown[result.area]["v"] == present.value(result)
    assert at.sidebar.multiselect(key="w_lan").value == ["12"]
    assert at.sidebar.selectbox(key="w_ar").value == 2023


def test_counties(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, ar="2024", niva="lan", matt="mognadsindex")
    no_exceptions(at)
    results = metrics.compute(Store(demo_db_template), "mognadsindex", Filter(ar=2024), by="lan")
    shown = _features(at)
    assert len(shown) == 21
    for result in results:
        assert shown[result.area]["v"] == formatting.number(result.value, decimals=1)
    assert "Mognadsindex per län 2024" in _texts(at.subheader)
    assert not [s for s in at.selectbox if s.key == "karta-profil"]  # no profiles for counties


def test_civil_society_names_too_few(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, ar="2024", matt="civil_ai_i_drift")
    no_exceptions(at)
    shown = _features(at)
    results = metrics.compute(Store(demo_db_template), "civil_ai_i_drift", Filter(ar=2024), by="kommun")
    too_few = [r.area for r in results if r.status == "too_few"]
    assert too_few and all(shown[code]["v"] == "för få svar" for code in too_few)
    assert "för få svar" in _texts(at.markdown)


def test_distribution_metric_says_it_cannot_be_mapped(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, matt="hinder_topp")
    no_exceptions(at)
    assert not at.get("deck_gl_json_chart")
    text = _texts(at.info)
    assert "kan därför inte visas på kartan" in text and "Vanligaste hindren" in text
    offered = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert offered["Andel med AI i drift"] == "matt=andel_ai_i_drift"  # the metrics it offers
    assert "Vanligaste hindren" not in offered and len(offered) == len(mapping.mappable_metrics())


def test_metric_without_population_says_what_is_missing(demo_db_template, monkeypatch):
    store = Store(demo_db_template)
    if store.population_years(None):  # the demo may one day ship population data
        return
    at = open_karta(demo_db_template, monkeypatch, matt="initiativ_per_10k")
    no_exceptions(at)
    assert not at.get("deck_gl_json_chart")
    assert "befolkningsdata" in _texts(at.info)


def test_english(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, ar="2024", lang="en", niva="lan", matt="andel_ai_aktivitet")
    no_exceptions(at)
    results = metrics.compute(Store(demo_db_template), "andel_ai_aktivitet", Filter(ar=2024), by="lan")
    shown = _features(at)
    for result in results:
        assert shown[result.area]["v"] == formatting.percent(result.value, "en")
        base = shown[result.area]["b"].split(" · ")[0]  # a small base adds a note after the base
        assert base.endswith("respondent" if result.denominator == 1 else "respondents")
    assert at.title[0].value == "Map"
    assert "Share with any AI activity (planned or more) by county 2024" in _texts(at.subheader)
    assert "Legend" in _texts(at.markdown)
    assert "Share" in at.dataframe[0].value.columns


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_karta(demo_db_template, monkeypatch, matt="no_such_metric", niva="<script>",
                   ar="1999")
    no_exceptions(at)
    notice = _texts(at.warning)
    assert "no_such_metric" in notice and "1999" in notice
    assert len(_features(at)) == 290  # defaults: municipalities, maturity index


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_karta(empty_db_template, monkeypatch)
    no_exceptions(at)
    assert any("inga enkätsvar" in i.value for i in at.info)
    assert not at.get("deck_gl_json_chart")


def test_overview_has_a_small_county_map(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    shown = _features(at)
    results = metrics.compute(Store(demo_db_template), "andel_ai_i_drift", Filter(ar=2024), by="lan")
    assert len(shown) == 21
    for result in results:
        assert shown[result.area]["v"] == formatting.percent(result.value)
    assert "Andel med AI i drift per län 2024" in _texts(at.subheader)
