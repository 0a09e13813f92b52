"""The two journeys of issue 16, in a real browser on the demo data, checked for a misleading number.

1. A programme officer prepares a steering-group status for Västra Götaland: the Översikt cards with
   their change, the national goals, the key figures' file and the county's PDF report.
2. A digitalisation lead compares Göteborg with Västra Götaland and the country on Kommun, and shares
   the view: the shared link opens the same figures, and the comparison file says what it is.

Expected figures come from the registry and the presenter on the same seeded demo database the
server was started with (``demo_db_template`` is made by the same ``init``).
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import present
from adoption.views import downloads, overview
from tests.browser.conftest import (
    download,
    fresh_page,
    real_console_errors,
    wait_for_app,
)

pytestmark = pytest.mark.browser

METRIC = "[data-testid='stMetric']"


def _csv_button(page, table: str):
    """The CSV button of one table (its widget key names the table)."""
    return page.locator(f".st-key-download_csv_{table}").get_by_role("button", name="Ladda ned CSV").first


def _card(page, label: str):
    return page.locator(METRIC).filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text=re.compile(f"^{re.escape(label)}$")))


def test_a_steering_group_status_for_a_county(server, page, demo_db_template):
    store = Store(demo_db_template)
    headlines = overview.headlines(store, Filter(lan=("14",)), None)
    year = headlines[0].result.ar
    page.goto(f"{server}/?lan=14")
    wait_for_app(page)
    page.get_by_role("heading", name=f"Nyckeltal {year}").wait_for()
    expect(page.locator(METRIC)).to_have_count(len(headlines))

    for headline in headlines:
        card = _card(page, headline.metric.label("sv"))
        expect(card.locator("[data-testid='stMetricValue']")).to_have_text(present.value(headline.result, "sv"))
        delta = overview.card_delta(headline, "sv")
        expect(card.locator("[data-testid='stMetricDelta']")).to_contain_text(delta.text)
        # The arrow follows the signed change, and an uncertain change has none (the "↑ −4,1" of finding 1).
        icons = card.locator("[data-testid='stMetricDelta'] svg, [data-testid='stMetricDelta'] [data-testid*='Icon']")
        if delta.arrow == "off":
            expect(icons).to_have_count(0)
        change = headline.change
        if change.shown and change.value < 0:
            assert delta.arrow in ("down", "off") and "−" in (present.change_detail(change, "sv") or delta.text)

    # The goals are national and say so, for the year shown, counted among the respondents.
    page.get_by_role("heading", name=f"Programmål för hela riket, läget {year}").wait_for()
    expect(page.get_by_text("av de svarande kommunerna", exact=False).first).to_be_visible()

    # The key figures' file: what it is, which selection, demo flag, counts as whole numbers.
    name, data = download(page, _csv_button(page, "oversikt"))
    info, table = downloads.read_csv(data)
    assert name.startswith(f"oversikt_{year}_lan-14") and info["Dataversion"] == "1"
    assert "Västra Götalands län" in info["Urval"] and info["Demodata"].startswith("ja")
    assert all(str(table[c].dtype) == "Int64" for c in ("Täljare", "Bas (nämnare)") if c in table.columns)
    by_id = table.set_index("Måttkod")
    for headline in headlines:
        result = headline.result
        if result.unit == "share" and result.value is not None:
            assert by_id.loc[result.metric, "Värde"] == pytest.approx(round(result.value * 100, 1))

    # The county's report for the board.
    _, pdf = download(page, page.locator(".st-key-report_pdf_lan").get_by_role("button").first)
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 4 and "Västra Götalands län" in reader.pages[0].extract_text()
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def _comparison(page) -> tuple[str, dict[str, str], "object"]:
    page.get_by_role("heading", name=re.compile(r"^Jämförelse \d{4}$")).wait_for()
    name, data = download(page, _csv_button(page, "kommun_jamforelse"))
    info, table = downloads.read_csv(data)
    return name, info, table


def test_compare_a_municipality_with_its_county_and_the_country_and_share_it(server, browser, page,
                                                                          demo_db_template):
    store = Store(demo_db_template)
    page.goto(f"{server}/kommun?kommun=1480")
    wait_for_app(page)
    page.get_by_role("heading", name="Göteborg", exact=True).wait_for()
    name, info, table = _comparison(page)
    year = int(table["År"].iloc[0])
    assert name.startswith(f"kommun_jamforelse_{year}") and info["Demodata"].startswith("ja")

    # Each figure beside its area, as the registry gives it: Göteborg, its county, the country.
    for metric_id in ("mognadsindex", "andel_ai_i_drift"):
        rows = table[table["Måttkod"] == metric_id].set_index("Område")
        for area, flt in (("Göteborg", Filter(ar=year, kommun="1480")),
                          ("Västra Götalands län", Filter(ar=year, lan=("14",))),
                          ("Hela riket", Filter(ar=year))):
            result = metrics.compute(store, metric_id, flt)
            scale = 100 if result.unit == "share" else 1
            assert rows.loc[area, "Värde"] == pytest.approx(round(result.value * scale, 1)), (metric_id, area)
            assert rows.loc[area, "Bas (nämnare)"] == result.denominator or result.unit != "share"

    # "Dela" pins the year and the data version; the link opens the same comparison elsewhere.
    page.get_by_role("button", name="Dela").click()
    link = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']").inner_text().strip()
    assert "kommun=1480" in link and f"ar={year}" in link and "v=1" in link
    with fresh_page(browser) as other:
        other.goto(link if link.startswith("http") else f"{server}{link}")
        wait_for_app(other)
        other.get_by_role("heading", name="Göteborg", exact=True).wait_for()
        _, shared_info, shared = _comparison(other)
    assert shared.equals(table)
    assert shared_info["Dataversion"] == info["Dataversion"] and shared_info["Urval"] == info["Urval"]
    assert real_console_errors(page) == []
