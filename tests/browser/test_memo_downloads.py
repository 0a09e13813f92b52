"""Downloads for a memo in a real browser (issue 16, item 8): the files a user gets from Karta and
Civilsamhälle say what they are, and write counts and shares as a memo quotes them."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from playwright.sync_api import expect

from adoption.views import downloads
from tests.browser.conftest import download, real_console_errors, wait_for_app

pytestmark = pytest.mark.browser


def _download(page, name: str) -> tuple[str, bytes]:
    return download(page, page.get_by_role("button", name=name).first)


def test_county_map_files_say_what_they_are(server, page):
    page.goto(f"{server}/karta?ar=2024&niva=lan&matt=andel_ai_i_drift&lan=14&lan=12")
    wait_for_app(page)
    page.get_by_role("heading", name="Andel med AI i drift per län 2024").wait_for()

    name, data = _download(page, "Ladda ned CSV")
    assert name == "karta_andel_ai_i_drift_2024_lan-12-14_niva-lan_v1.csv"
    info, table = downloads.read_csv(data)
    assert info["Sida"] == "Karta: Andel med AI i drift"
    assert info["Dataversion"] == "1" and info["Hämtad"] == date.today().isoformat()
    assert info["Urval"] == "År: 2024; Län: Skåne län, Västra Götalands län; Nivå: Län"
    assert info["Demodata"] == "ja: siffrorna är påhittade och får inte citeras"
    assert info["Länk"].startswith(server + "/karta?") and "v=1" in info["Länk"] and "ar=2024" in info["Länk"]
    assert [str(code).zfill(2) for code in table["Kod"]] == ["12", "14"]  # (a spreadsheet reads "12" as 12)
    assert str(table["Täljare"].dtype) == "Int64" and str(table["Bas (nämnare)"].dtype) == "Int64"
    assert (table["Andel (%)"].round(1) == table["Andel (%)"]).all()
    assert (table["Andel (%) (4 decimaler)"] - table["Andel (%)"]).abs().max() <= 0.05

    name, data = _download(page, "Ladda ned Excel")
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["karta", "Om filen"]
    about = dict(book["Om filen"].iter_rows(values_only=True))
    assert about["Dataversion"] == "1" and about["Demodata"].startswith("ja")
    assert real_console_errors(page) == []


def test_civil_society_category_file(server, page):
    page.goto(f"{server}/civilsamhalle?ar=2024")
    wait_for_app(page)
    page.get_by_role("heading", name="AI per organisationskategori 2024").wait_for()
    buttons = page.get_by_role("button", name="Ladda ned CSV")
    expect(buttons).to_have_count(3)  # drawn after the heading: counties, categories, barriers (the map's is folded)
    files = {}
    for index in range(buttons.count()):
        with page.expect_download() as info:
            buttons.nth(index).click()
        files[info.value.suggested_filename] = open(info.value.path(), "rb").read()
    assert "civilsamhalle_kategorier_2024_v1.csv" in files, sorted(files)
    meta, table = downloads.read_csv(files["civilsamhalle_kategorier_2024_v1.csv"])
    assert meta["Sida"] == "Civilsamhälle" and meta["Urval"] == "År: 2024; Hela landet"
    assert table["Kod"].tolist()[0] == "idrott"
    assert str(table["Svarande organisationer"].dtype) == "Int64"
    assert "Med AI i drift Andel (%) (4 decimaler)" in table.columns
    assert all(downloads.read_csv(data)[0]["Demodata"].startswith("ja") for data in files.values())
    assert real_console_errors(page) == []
