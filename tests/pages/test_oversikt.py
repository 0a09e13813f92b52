"""Översikt in AppTest: figures equal the registry's, filters from the URL, both languages."""

from __future__ import annotations

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, present
from adoption.views import overview

from .conftest import (
    dropped_with_a_notice,
    no_exceptions,
    open_page,
    says_there_are_no_answers,
)


def _metric_values(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_headlines_match_the_registry(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    store = Store(demo_db_template)
    shown = _metric_values(at)
    for metric_id in overview.HEADLINE_METRICS:
        result = metrics.compute(store, metric_id, Filter(ar=2024))
        assert shown[metrics.get(metric_id).label_sv] == present.value(result, "sv")
    expected = metrics.compute(store, "svarsfrekvens", Filter(ar=2024))
    captions = " ".join(c.value for c in at.caption)
    assert f"{formatting.number(expected.numerator)} av 290 kommuner svarade" in captions
    assert any("Demodata" in w.value for w in at.warning)
    keys = {b.key for b in at.get("download_button")}
    assert {"download_csv_oversikt", "download_csv_oversikt-karta", "download_xlsx_oversikt-karta"} <= keys


def test_county_filter_from_the_url(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, ar="2023", lan="12")
    no_exceptions(at)
    result = metrics.compute(Store(demo_db_template), "andel_ai_aktivitet", Filter(ar=2023, lan=("12",)))
    assert _metric_values(at)["Andel med AI-aktivitet (planerad eller mer)"] == formatting.percent(result.value)
    assert at.sidebar.multiselect[0].value == ["12"]


def test_english(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, lang="en", ar="2024")
    no_exceptions(at)
    result = metrics.compute(Store(demo_db_template), "andel_ai_aktivitet", Filter(ar=2024))
    assert _metric_values(at)["Share with any AI activity (planned or more)"] == formatting.percent(result.value, "en")
    assert at.title[0].value == "AI in municipalities and civil society"


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, ar="1999", lan="0180'; DROP TABLE x;--")
    dropped_with_a_notice(at, "1999", "lan")


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_page(empty_db_template, monkeypatch)
    says_there_are_no_answers(at)
    assert not at.metric
