"""The report button on Översikt and Karta: which report the view asks for."""

from __future__ import annotations

from tests.pages.conftest import no_exceptions, open_page


def _report_keys(at) -> set[str]:
    return {b.key for b in at.get("download_button") if b.key.startswith("report_pdf_")}


def test_overview_offers_the_county_report_for_one_county(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, ar="2024", lan="14")
    no_exceptions(at)
    assert _report_keys(at) == {"report_pdf_lan"}


def test_overview_offers_the_country_report_without_a_county(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    assert _report_keys(at) == {"report_pdf_riket"}


def test_map_with_two_counties_asks_for_one(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, "pages/karta.py", ar="2024", lan=["12", "14"])
    no_exceptions(at)
    assert _report_keys(at) == set()
    assert any("Välj ett enda län" in c.value for c in at.caption)


def test_no_button_without_data(empty_db_template, monkeypatch):
    at = open_page(empty_db_template, monkeypatch)
    no_exceptions(at)
    assert _report_keys(at) == set()
