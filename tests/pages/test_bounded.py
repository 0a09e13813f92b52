"""Pages stay bounded on large data: at most a fixed number of rows drawn, with "visar N av M",
and download files made only when a button is clicked (never on a page run)."""

from __future__ import annotations

from adoption.store import Store
from adoption.text import formatting
from adoption.ui import map_widget
from adoption.views import catalogue, sectors
from adoption.views.catalogue import Query

from . import conftest
from .conftest import no_exceptions

INITIATIV = "pages/initiativ.py"


def _texts(elements) -> str:
    return " ".join(e.value for e in elements)


def test_initiatives_beyond_the_limit_are_counted_not_drawn(demo_db_template, monkeypatch):
    monkeypatch.setattr(catalogue, "TABLE_LIMIT", 5)
    at = conftest.open_page(demo_db_template, monkeypatch, INITIATIV, ar="2024")
    no_exceptions(at)
    frame = catalogue.catalogue(Store(demo_db_template))
    expected = catalogue.search(frame, Query(ar=2024))
    n = formatting.number(len(expected))
    assert len(at.dataframe[0].value) == 5
    assert list(at.dataframe[0].value.index) == list(expected["id"][:5])
    assert f"Visar {n} av {n} initiativ i urvalet (2024)." in _texts(at.markdown)
    assert f"Tabellen visar de första 5 av {n} träffarna" in _texts(at.caption)
    assert len(at.selectbox(key="initiativ_valt").options) == 5


def test_initiatives_within_the_limit_have_no_limit_notice(demo_db_template, monkeypatch):
    at = conftest.open_page(demo_db_template, monkeypatch, INITIATIV, ar="2024")
    no_exceptions(at)
    assert "Tabellen visar de första" not in _texts(at.caption)


def test_same_kind_beyond_the_limit_is_counted(demo_db_template, monkeypatch):
    monkeypatch.setattr(catalogue, "SAME_KIND_LIMIT", 1)
    at = conftest.open_page(demo_db_template, monkeypatch, INITIATIV, ar="2024")
    no_exceptions(at)
    frame = catalogue.catalogue(Store(demo_db_template))
    chosen = at.selectbox(key="initiativ_valt").value
    others = catalogue.same_kind(frame, chosen)
    assert len(others) > 1, "the demo's first initiative should have several of its kind"
    assert len(at.dataframe[2].value) == 1
    assert f": {formatting.number(len(others))}." in _texts(at.markdown)
    assert f"Visar de första 1 av {formatting.number(len(others))} kommunerna." in _texts(at.caption)


def test_map_table_beyond_the_limit_is_counted_not_drawn(demo_db_template, monkeypatch):
    monkeypatch.setattr(map_widget, "TABLE_LIMIT", 10)
    at = conftest.open_page(demo_db_template, monkeypatch, "pages/karta.py")
    no_exceptions(at)
    assert len(at.dataframe[0].value) == 10
    assert "Tabellen visar de första 10 av 290 områdena" in _texts(at.caption)
    assert len(at.get("deck_gl_json_chart")) == 1


def test_download_tables_are_made_on_click_only(demo_db_template, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a download table was made during a page run")

    monkeypatch.setattr(sectors, "stage_download", refuse)
    monkeypatch.setattr(sectors, "barrier_download", refuse)
    at = conftest.open_page(demo_db_template, monkeypatch, "pages/sektorer.py")
    no_exceptions(at)
    keys = {b.key for b in at.get("download_button")}
    assert {"download_csv_sektorer_mognad", "download_xlsx_sektorer_hinder"} <= keys
