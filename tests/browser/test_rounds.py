"""Issue 12's scenario in a real browser: the first 36 answers of 2026 loaded with the command line
leave the default view on 2025; ``ar=2026`` shows the preliminary banner (and downloads say ``_prel``);
after ``publicera-ar 2026`` the default switches. The cards draw arrows only for certain changes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests import builders
from tests.browser.conftest import REPO, real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def rounds_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rounds-server")
    with start_server(folder) as url:
        yield url, folder / "adoption.duckdb", folder


def _cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "adoption", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _card(page, label: str):
    return page.locator("[data-testid='stMetric']").filter(has_text=label)


def _clean(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_a_new_round_is_preliminary_until_published(rounds_server, page):
    url, db, folder = rounds_server
    page.goto(url + "/")
    wait_for_app(page)
    page.get_by_role("heading", name="Nyckeltal 2025").wait_for()
    # A certain rise has its arrow; an uncertain change has none and says so.
    expect(_card(page, "Andel med AI i drift").locator("[data-testid='stMetricDelta'] svg")).to_have_count(1)
    uncertain = _card(page, "Svarsfrekvens")
    expect(uncertain).to_contain_text("ingen säker förändring sedan 2024")
    expect(uncertain.locator("[data-testid='stMetricDelta'] svg")).to_have_count(0)
    before = _card(page, "Svarsfrekvens").inner_text()

    path = builders.first_answers(db, folder / "svar_2026_forsta.csv")
    assert "Enkätår 2026 är nytt och preliminärt" in _cli("ingest", str(path), "--db", str(db))

    page.reload()
    wait_for_app(page)
    page.get_by_role("heading", name="Nyckeltal 2025").wait_for()
    assert _card(page, "Svarsfrekvens").inner_text() == before
    expect(page.get_by_text("Preliminära siffror")).to_have_count(0)

    page.goto(url + "/?ar=2026")
    wait_for_app(page)
    page.get_by_role("heading", name="Nyckeltal 2026").wait_for()
    expect(page.get_by_text("Preliminära siffror: 36 av 290 kommuner har svarat hittills").first).to_be_visible()
    expect(_card(page, "Svarsfrekvens")).to_contain_text("ingen jämförelse med 2025")
    page.screenshot(path=str(folder / "preliminary.png"))
    expect(page.get_by_text("Preliminära siffror: 36 av 290 kommuner har svarat hittills", exact=True)).to_be_visible()
    with page.expect_download() as info:
        page.locator("[data-testid='stDownloadButton']").filter(has_text="CSV").first.click()
    assert "_2026_prel_" in info.value.suggested_filename
    _clean(page)

    page.goto(url + "/?ar=2026&lang=en")
    wait_for_app(page)
    expect(page.get_by_text("Preliminary figures: 36 of 290 municipalities have answered so far").first).to_be_visible()

    assert "Publicerade enkätår 2026" in _cli("publicera-ar", "2026", "--db", str(db))
    page.goto(url + "/")
    wait_for_app(page)
    page.get_by_role("heading", name="Nyckeltal 2026").wait_for()
    expect(page.get_by_text("Preliminära siffror")).to_have_count(0)
    _clean(page)
