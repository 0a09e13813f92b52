"""Sektorer in a real browser: renders cleanly; the county filter goes into the URL and the link reproduces the view."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting
from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

STAGE_TABLE = "[data-testid='stDataFrame'] table"
COUNTY = "[data-testid='stSidebar'] [data-testid='stMultiSelect']"


def _first_row(store: Store, flt: Filter) -> str:
    """The first row of the stage table as its cells' text runs together: sector, year, five shares."""
    result = metrics.compute(store, "sektor_fordelning", flt)
    shares = [b for b in result.breakdown if b["sektor"] == "vard_omsorg"]
    return f"Vård och omsorg{flt.ar}" + "".join(formatting.percent(b["value"]) for b in shares)


def test_sektorer_renders(server, page, demo_db_template):
    page.goto(server + "/sektorer?ar=2024")
    wait_for_app(page)
    page.get_by_role("heading", name="Sektorer", exact=True).wait_for()
    expected = _first_row(Store(demo_db_template), Filter(ar=2024))
    expect(page.locator(STAGE_TABLE).first).to_contain_text(expected)
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(2)
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_county_filter_updates_url_and_link_reproduces_it(server, page, browser, demo_db_template):
    store = Store(demo_db_template)
    page.goto(server + "/sektorer?ar=2024")
    wait_for_app(page)
    table = page.locator(STAGE_TABLE).first
    everyone = _first_row(store, Filter(ar=2024))
    expect(table).to_contain_text(everyone)

    county = page.locator(COUNTY).filter(has_text="Län")
    county.click()
    page.keyboard.type("Skåne")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]lan=12(&|$)"))
    wait_for_app(page)
    skane = _first_row(store, Filter(ar=2024, lan=("12",)))
    assert skane != everyone
    expect(table).to_contain_text(skane)
    assert parse_qs(urlsplit(page.url).query)["lan"] == ["12"]
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []

    # The same link in a fresh browser context: same widget value, same figures.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    try:
        other = context.new_page()
        errors: list[str] = []
        other.on("pageerror", lambda exc: errors.append(str(exc)))
        other.goto(page.url)
        wait_for_app(other)
        expect(other.locator(COUNTY).filter(has_text="Län")).to_contain_text("Skåne län")
        expect(other.locator(STAGE_TABLE).first).to_contain_text(skane)
        assert other.locator("[data-testid='stException']").count() == 0
        assert errors == []
    finally:
        context.close()
