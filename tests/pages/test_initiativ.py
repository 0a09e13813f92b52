"""Initiativ in AppTest: the catalogue, search and filters, details and the same kind of work."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, present
from adoption.views import catalogue
from adoption.views.catalogue import Query

from ..builders import add_survey, initiative
from . import conftest
from .conftest import (
    dropped_with_a_notice,
    no_exceptions,
    says_there_are_no_answers,
    with_url,
)

PAGE = "pages/initiativ.py"


def open_page(db: str, monkeypatch, page: str = PAGE, **query) -> AppTest:
    return conftest.open_page(db, monkeypatch, page, **query)


@pytest.fixture(scope="module")
def frame(demo_db_template):
    return catalogue.catalogue(Store(demo_db_template))


def _table(at):
    return at.dataframe[0].value


def _markdown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_catalogue_for_the_latest_year(demo_db_template, frame, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE)
    no_exceptions(at)
    store = Store(demo_db_template)
    year = store.survey_years(store.current_version())[-1]
    expected = catalogue.search(frame, Query(ar=year))
    assert len(_table(at)) == len(expected)
    n = formatting.number(len(expected))
    assert f"Visar {n} av {n} initiativ i urvalet ({year})." in _markdown(at)
    share = metrics.compute(store, "andel_utvarderade", Filter(ar=year))
    captions = " ".join(c.value for c in at.caption)
    assert f"Andel utvärderade initiativ för urvalet i sidofältet {year}: {present.value(share)}" in captions
    assert present.caption(share) in captions
    keys = {b.key for b in at.get("download_button")}
    assert {"download_csv_initiativ", "download_xlsx_initiativ"} <= keys


def test_sidebar_filters_from_the_url(demo_db_template, frame, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, ar="2024", lan="12", sektor="utbildning")
    no_exceptions(at)
    expected = catalogue.search(frame, Query(ar=2024, lan=("12",), sektor=("utbildning",)))
    table = _table(at)
    assert len(table) == len(expected) > 0
    assert set(table["Län"]) == {"Skåne län"} and set(table["Sektor"]) == {"Skola och förskola"}
    share = metrics.compute(Store(demo_db_template), "andel_utvarderade",
                            Filter(ar=2024, lan=("12",), sektor=("utbildning",)))
    assert present.value(share) in " ".join(c.value for c in at.caption)


def test_text_search_and_page_filters_narrow_the_table(demo_db_template, frame, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, ar="2024")
    before = len(_table(at))
    at.text_input(key="initiativ_text").input("KONTAKTCENTER").run()
    no_exceptions(at)
    expected = catalogue.search(frame, Query(ar=2024, text="kontaktcenter"))
    assert 0 < len(_table(at)) == len(expected) < before
    at.multiselect(key="initiativ_teknik").set_value(["sprak_genai"]).run()
    at.multiselect(key="initiativ_utvarderad").set_value(["nej"]).run()
    no_exceptions(at)
    expected = catalogue.search(frame, Query(ar=2024, text="kontaktcenter", teknik=("sprak_genai",),
                                             utvarderad=("nej",)))
    assert len(_table(at)) == len(expected)
    assert f"Visar {formatting.number(len(expected))} av" in _markdown(at)
    at.text_input(key="initiativ_text").input("zzz-finns-inte").run()
    no_exceptions(at)
    assert any("Inga initiativ matchar" in i.value for i in at.info)


def test_detail_and_the_same_kind_of_work(demo_db_template, frame, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, ar="2023")
    hits = catalogue.search(frame, Query(ar=2023))
    chosen = int(hits["id"].iloc[3])
    at.selectbox(key="initiativ_valt").set_value(chosen).run()
    no_exceptions(at)
    row = frame[frame["id"] == chosen].iloc[0]
    assert at.text[0].value == row["beskrivning"]
    details = dict(at.dataframe[1].value.values)
    assert details["Titel"] == row["titel"]
    others = catalogue.same_kind(frame, chosen)
    if others.empty:
        assert any("Ingen annan kommun" in c.value for c in at.caption)
    else:
        shown = at.dataframe[2].value
        assert len(shown) == len(others)
        assert "download_csv_initiativ_samma_slag" in {b.key for b in at.get("download_button")}
        assert f": {formatting.number(len(others))}." in _markdown(at)


def test_english(demo_db_template, frame, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, lang="en", ar="2024")
    no_exceptions(at)
    assert at.title[0].value == "Initiatives"
    table = _table(at)
    assert "Technique" in table.columns and "Evaluated" in table.columns
    n = formatting.number(len(catalogue.search(frame, Query(ar=2024))), "en")
    assert f"Showing {n} of {n} initiatives in the selection (2024)." in _markdown(at)


def test_civil_society_shows_organisations(demo_db_template, frame, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, typ="civilsamhalle", ar="2024")
    no_exceptions(at)
    table = _table(at)
    assert "Organisation" in table.columns
    assert len(table) == len(catalogue.search(frame, Query(ar=2024, typ="civilsamhalle")))


def test_free_text_is_shown_as_text(demo_db, monkeypatch):
    store = Store(demo_db)
    year = store.survey_years(store.current_version())[-1]
    hostile = "<img src=x onerror=alert(1)> [klick](http://example.com) **fet** :red[röd]"
    add_survey(store, [], [initiative(ar=year, kommunkod="0180", titel="Zebraprojekt", sektor="utbildning",
                                      mognad=1, teknik="ovrigt", beskrivning=hostile, kalla="[källa](javascript:x)")])
    at = open_page(demo_db, monkeypatch, PAGE)
    at.text_input(key="initiativ_text").input("zebraprojekt").run()
    no_exceptions(at)
    assert len(_table(at)) == 1
    assert at.text[0].value == hostile  # st.text: no markdown, no HTML
    assert all("example.com" not in m.value and "javascript" not in m.value for m in at.markdown)
    assert all("example.com" not in c.value for c in at.caption)


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = with_url(open_page(demo_db_template, monkeypatch, PAGE), typ="<script>", sektor="okand")
    dropped_with_a_notice(at, "typ", "okand")
    assert len(_table(at)) > 0


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_page(empty_db_template, monkeypatch, PAGE)
    says_there_are_no_answers(at)
    assert not at.dataframe
