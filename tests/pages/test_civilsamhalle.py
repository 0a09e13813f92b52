"""Civilsamhälle in AppTest: figures equal the registry's for civil society, suppression, URL filters, languages."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n

from . import conftest
from .conftest import dropped_with_a_notice, no_exceptions, says_there_are_no_answers

PAGE = "pages/civilsamhalle.py"
CIVIL = "civilsamhalle"


def open_civil(db: str, monkeypatch, **query) -> AppTest:
    return conftest.open_page(db, monkeypatch, PAGE, **query)


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_headlines_and_counties_match_the_registry(demo_db_template, monkeypatch):
    at = open_civil(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    assert at.title[0].value == "Civilsamhälle"
    store = Store(demo_db_template)
    drift = metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024))
    aktivitet = metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024, typ=CIVIL))
    shown = _metrics(at)
    assert shown["Organisationer med AI i drift"] == formatting.number(drift.numerator)
    assert shown["Med AI i drift"] == formatting.percent(drift.value)
    assert shown["Med AI-aktivitet (planerad eller mer)"] == formatting.percent(aktivitet.value)
    captions = " ".join(c.value for c in at.caption)
    assert f"{formatting.number(drift.numerator)} av {formatting.number(drift.denominator)} organisationer" in captions
    counties = at.dataframe[0].value.set_index("Län")
    assert len(counties) == 21
    for result in metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024, typ=CIVIL), by="lan"):
        name = dict(zip(store.counties()["lan_kod"], store.counties()["name"]))[result.area]
        expected = "för få svar" if result.suppressed else formatting.percent(result.value)
        assert counties.loc[name, "Med AI i drift"] == expected
    categories = [d.value for d in at.dataframe if "Kategori" in d.value.columns][0]
    assert "Idrott" in categories["Kategori"].tolist()
    assert len(at.get("vega_lite_chart")) == 1
    assert len(at.get("deck_gl_json_chart")) == 1  # the county map of civil_ai_i_drift
    keys = {b.key for b in at.get("download_button")}
    assert {f"download_{kind}_{name}" for kind in ("csv", "xlsx") for name in (
        "civilsamhalle_lan", "civilsamhalle-karta", "civilsamhalle_kategorier", "civilsamhalle_hinder")} == keys


def test_suppressed_county_from_the_url(demo_db_template, monkeypatch):
    at = open_civil(demo_db_template, monkeypatch, ar="2022", lan="09")
    no_exceptions(at)
    assert at.sidebar.multiselect[0].value == ["09"]
    shown = _metrics(at)
    assert shown["Med AI i drift"] == "för få svar"
    assert shown["Organisationer med AI i drift"] == "för få svar"
    line = at.dataframe[0].value.iloc[0]
    assert line["Län"] == "Gotlands län" and line["Med AI i drift"] == "för få svar"
    assert not any(ch.isdigit() for ch in "".join(line.iloc[1:]))


def test_county_filter_and_english(demo_db_template, monkeypatch):
    at = open_civil(demo_db_template, monkeypatch, ar="2023", lan=["01", "12"], lang="en")
    no_exceptions(at)
    assert at.title[0].value == "Civil society"
    result = metrics.compute(Store(demo_db_template), "civil_ai_i_drift", Filter(ar=2023, lan=("01", "12")))
    assert _metrics(at)["With AI in production"] == formatting.percent(result.value, "en")
    assert sorted(at.dataframe[0].value["County"]) == ["Skåne län", "Stockholms län"]


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_civil(demo_db_template, monkeypatch, ar="20x4", lan="99")
    dropped_with_a_notice(at, "20x4", "99")


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_civil(empty_db_template, monkeypatch)
    says_there_are_no_answers(at)
    assert not at.metric and not at.dataframe


def test_english_page_gives_no_swedish_reason(demo_db_template, monkeypatch):
    # Gotland 2022 has 1 or 2 organisations: the figures are suppressed and the count card explains why.
    at = open_civil(demo_db_template, monkeypatch, ar="2022", lan="09", lang="en")
    no_exceptions(at)
    helps = [m.proto.help for m in at.metric]
    assert i18n.t("status.too_few", "en") in helps
    shown = " ".join([*helps, *(c.value for c in at.caption), *(m.value for m in at.markdown),
                      *(m.value for m in at.metric)])
    swedish = [i18n.t(f"status.{code}", "sv").format(ar=2022) for code in metrics.STATUSES]
    assert not [s for s in swedish if s in shown]
    assert "För få" not in shown and "för få svar" not in shown
