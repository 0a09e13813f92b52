"""Every page in a real browser, on demo data and on an empty database:
its heading, no exception on screen, no error in the console."""

from __future__ import annotations

import pytest

from tests.browser.conftest import real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser

# (path, Swedish heading shown on demo data)
PAGES = [
    ("/", "AI i kommuner och civilsamhälle"),
    ("/karta", None),
    ("/sektorer", "Sektorer"),
    ("/mal", "Mål"),
    ("/effekt", "Programmets effekt"),
    ("/kommun?kommun=0180", None),
    ("/civilsamhalle", "Civilsamhälle"),
    ("/initiativ", "Initiativ"),
    ("/om", "Om data"),
    ("/ladda-upp", "Ladda upp"),
]


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("empty-server"), demo=False) as url:
        yield url


def _open(page, url: str, heading: str | None) -> None:
    page.goto(url)
    wait_for_app(page)
    if heading:
        page.get_by_role("heading", name=heading, exact=True).first.wait_for()
    else:
        page.locator("h1").first.wait_for()
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


@pytest.mark.parametrize("path, heading", PAGES, ids=[p for p, _ in PAGES])
def test_page_on_demo_data(server, page, path, heading):
    _open(page, server + path, heading)


@pytest.mark.parametrize("path, heading", PAGES, ids=[p for p, _ in PAGES])
def test_page_on_an_empty_database(empty_server, page, path, heading):
    _open(page, empty_server + path, heading)
    if path not in ("/om", "/ladda-upp"):
        # Every data page says what is missing and how to load data.
        page.get_by_text("inga enkätsvar", exact=False).first.wait_for()
