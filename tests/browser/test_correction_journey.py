"""The correction journey in a real browser (issue 17): upload a survey file, send a correction that
holds 3 of the 9 stage columns, read the field-by-field preview and its warning, save, then restore
the version before the correction. No answer becomes empty that the administrator did not empty.

The server runs on 127.0.0.1 without admin configuration, so the local request may administer.
"""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import expect

from adoption.formats import stage_columns
from adoption.store import Store
from tests import builders
from tests.browser.conftest import real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser

STAGES = stage_columns()
FULL = builders.full_answers_2026(hinder=False).encode("utf-8")
MALMO_BEFORE = builders.MALMO_STAGES_2026
# Vård och omsorg Pilot -> I drift; Socialtjänst stays; Skola och förskola emptied on purpose.
CORRECTION = builders.CORRECTION_2026.encode("cp1252")


@pytest.fixture(scope="module")
def journey_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("correction-server")
    with start_server(folder, demo=False) as url:
        yield url, folder / "adoption.duckdb"


def _clean(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def _malmo(db) -> tuple[dict, pd.Series]:
    store = Store(db)
    row = store.responses(store.current_version(), typ="kommun").set_index("kommunkod").loc["1280"]
    return {c: None if pd.isna(row[c]) else int(row[c]) for c in STAGES}, row


def _upload(page, name: str, data: bytes) -> None:
    uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    expect(uploader).to_have_count(1)  # after a commit the page draws a fresh, empty uploader
    uploader.set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    wait_for_app(page)


def test_upload_partial_correction_preview_commit_restore(journey_server, page):
    url, db = journey_server
    page.goto(url + "/")  # see test_upload_flow: not the upload page as the very first request
    wait_for_app(page)
    page.goto(url + "/ladda-upp")
    wait_for_app(page)
    page.get_by_role("heading", name="Ladda upp").first.wait_for()
    commit = page.get_by_role("button", name="Spara som ny dataversion")

    # 1. the whole file
    _upload(page, "enkat.csv", FULL)
    expect(page.get_by_text("Inga problem hittades")).to_be_visible()
    expect(commit).to_be_enabled()
    commit.click()
    wait_for_app(page)
    expect(page.get_by_text("Sparat som dataversion 1")).to_be_visible()
    assert _malmo(db)[0] == MALMO_BEFORE

    # 2. the correction: three stage columns for Malmö, in the Windows encoding Excel writes
    _upload(page, "rattelse.csv", CORRECTION)
    expect(page.get_by_text("Ändringar fält för fält (före → efter):")).to_be_visible()
    expect(page.get_by_text("Kolumner som inte finns i filen ändras inte", exact=False)).to_be_visible()
    warning = page.get_by_text("1 sparat svar blir tomt (inget svar)", exact=False)
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Mognad: Skola och förskola (Planerad / utforskar → inget svar)")
    expect(page.get_by_text("Mognad: Vård och omsorg").first).to_be_attached()  # a grid cell of the changes
    expect(commit).to_be_enabled()
    commit.click()
    wait_for_app(page)
    expect(page.get_by_text("Sparat som dataversion 2: 0 nya, 1 ändrade", exact=False)).to_be_visible()
    _clean(page)
    stages, malmo = _malmo(db)
    # only the answer the administrator emptied is empty; the six columns not in the file are as they were
    assert stages == dict(MALMO_BEFORE, mognad_vard_omsorg=3, mognad_utbildning=None)
    assert malmo["ai_strategi"] == 2 and malmo["antal_initiativ"] == 12

    # 3. restore the version before the correction, after reading what it changes
    page.get_by_role("tab", name="Historik och återställning").click()
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Version att återställa")
    box.locator("input").click()
    option = page.get_by_role("option").filter(has_text="version 1 · ")
    expect(option).to_contain_text("enkätsvar 2026 · enkat.csv")
    option.click()
    wait_for_app(page)
    expect(page.get_by_text("Återställningen lägger till 0 rader, ändrar 1 och tar bort 0.", exact=False)
           ).to_be_visible()
    page.get_by_text("Ja, återställ den valda versionen").click()
    wait_for_app(page)
    page.get_by_role("button", name="Återställ", exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name="Historik och återställning").click()
    expect(page.get_by_text("Version 1 återställdes som ny dataversion 3")).to_be_visible()
    _clean(page)
    assert _malmo(db)[0] == MALMO_BEFORE
