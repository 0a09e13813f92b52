"""Shared links in a real browser: filters in the URL, restore, language, bad values, pinned versions, Dela.

Runs on Översikt and Om data (other pages are still being rebuilt).
"""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from adoption.views import overview
from tests.browser.conftest import REPO, real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser

SIDEBAR = "[data-testid='stSidebar']"
METRIC = "[data-testid='stMetric']"
METRIC_VALUE = "[data-testid='stMetricValue']"
EXCEPTION = "[data-testid='stException']"
ACTIVITY = "Andel med AI-aktivitet (planerad eller mer)"  # the card's Swedish label
POPULATION_FILE = REPO / "tests" / "fixtures" / "population" / "scb_be0101n1.csv"


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    # The script state can read "notRunning" before the first run has started:
    # wait for the page's own content as well.
    page.locator("h1").first.wait_for()


def _year_box(page):
    """The year selectbox's input; its value is the option shown."""
    return page.locator(SIDEBAR).get_by_role("combobox", name=re.compile(r"^(År|Year)$"))


def _choose_year(page, year: int) -> None:
    _year_box(page).click()
    page.get_by_role("option", name=str(year), exact=True).click()


def _metrics(page) -> dict[str, str]:
    """Metric card label -> the value text shown."""
    cards = page.locator(METRIC)
    expect(cards.first).to_be_visible()
    # A rerun replaces the cards one by one: read them once all six are there.
    expect(cards).to_have_count(len(overview.HEADLINE_METRICS))
    out = {}
    for i in range(cards.count()):
        card = cards.nth(i)
        label = card.locator("[data-testid='stMetricLabel']").inner_text().strip()
        out[label] = card.locator(METRIC_VALUE).inner_text().strip()
    return out


def _expected_cards(db: str, year: int, lang: str = "sv", version: int | None = None) -> dict[str, str]:
    from adoption import metrics
    from adoption.metrics.filters import Filter
    from adoption.store import Store
    from adoption.text import present
    from adoption.views import overview

    store = Store(db)
    return {
        metrics.get(m).label(lang): present.value(
            metrics.compute(store, m, Filter(ar=year), version=version), lang)
        for m in overview.HEADLINE_METRICS
    }


def _clean(page) -> None:
    assert page.locator(EXCEPTION).count() == 0
    assert real_console_errors(page) == []


def test_filter_change_goes_into_the_url_and_the_url_restores_it(server, page, browser, demo_db_template):
    # (a) changing the year updates the URL
    _open(page, server + "/")
    _choose_year(page, 2023)
    page.wait_for_url(re.compile(r"[?&]ar=2023(&|$)"))
    wait_for_app(page)
    expect(_year_box(page)).to_have_value("2023")
    expected = _expected_cards(demo_db_template, 2023)
    expect(page.locator(METRIC).filter(has_text="Andel med AI-aktivitet").locator(METRIC_VALUE)).to_have_text(
        expected[ACTIVITY])
    shown = _metrics(page)
    assert shown == expected
    link = page.url
    _clean(page)

    # (b) the same URL in a fresh browser context: same widget value, same figures
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    try:
        other = context.new_page()
        _open(other, link)
        expect(_year_box(other)).to_have_value("2023")
        expect(other.locator(METRIC).filter(has_text="Andel med AI-aktivitet").locator(METRIC_VALUE)).to_have_text(
            expected[ACTIVITY])
        assert _metrics(other) == shown
        assert _query(other)["ar"] == ["2023"]
        assert other.locator(EXCEPTION).count() == 0
    finally:
        context.close()


def test_language_switch_keeps_the_filters(server, page, demo_db_template):
    # (c) labels and number format change; lang=en joins the other parameters in the URL
    _open(page, server + "/?ar=2023&lan=12")
    sv = _expected_cards(demo_db_template, 2023)  # for the whole country: used below only for the format
    page.locator(SIDEBAR).get_by_text("English", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]lang=en(&|$)"))
    wait_for_app(page)
    page.get_by_role("heading", name="AI in municipalities and civil society").wait_for()
    expect(_year_box(page)).to_have_value("2023")
    expect(page.locator(SIDEBAR).locator("label", has_text=re.compile(r"^County$"))).to_be_visible()
    query = _query(page)
    assert query["lang"] == ["en"] and query["ar"] == ["2023"] and query["lan"] == ["12"]

    from adoption import metrics
    from adoption.metrics.filters import Filter
    from adoption.store import Store
    from adoption.text import formatting

    result = metrics.compute(Store(demo_db_template), "andel_ai_aktivitet", Filter(ar=2023, lan=("12",)))
    card = page.locator(METRIC).filter(has_text="Share with any AI activity").locator(METRIC_VALUE)
    expect(card).to_have_text(formatting.percent(result.value, "en"))
    assert "." in formatting.percent(result.value, "en") and "," in formatting.percent(result.value, "sv")
    assert ACTIVITY in sv  # the Swedish label is gone from the page
    expect(page.locator(METRIC).filter(has_text="Andel med AI-aktivitet")).to_have_count(0)
    _clean(page)


def test_invalid_deep_link_shows_a_notice(server, page):
    # (d) invalid values are dropped with a notice, never an exception
    _open(page, server + "/?ar=1999&lan=zz")
    notice = page.locator("[data-testid='stAlert']").filter(has_text="kunde inte användas")
    expect(notice).to_contain_text("1999")
    expect(notice).to_contain_text("zz")
    expect(page.locator(METRIC).first).to_be_visible()
    query = _query(page)
    assert "ar" not in query and "lan" not in query
    _clean(page)


def test_invalid_deep_link_to_the_about_page(server, page):
    _open(page, server + "/om?v=99&lang=xx")
    notice = page.locator("[data-testid='stAlert']").filter(has_text="kunde inte användas")
    expect(notice).to_contain_text("99")
    page.get_by_role("heading", name="Om data").wait_for()
    _clean(page)


def test_share_control_shows_a_pinned_link(server, page):
    # (f) "Dela" gives a link with the data version and the year
    _open(page, server + "/?lan=12")
    page.get_by_role("button", name="Dela").click()
    code = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']")
    expect(code).to_be_visible()
    link = code.inner_text().strip()
    query = parse_qs(urlsplit(link).query)
    assert query["v"] == ["1"] and query["ar"] == ["2025"] and query["lan"] == ["12"]
    assert link.startswith(server)
    _clean(page)


def test_download_file_name_and_contents(server, page):
    _open(page, server + "/?ar=2024&lan=01&lan=12")
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ned CSV").first.click()
    download = info.value
    assert download.suggested_filename == "oversikt_2024_lan-01-12_v1.csv"
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ned Excel").first.click()
    assert info.value.suggested_filename == "oversikt_2024_lan-01-12_v1.xlsx"
    _clean(page)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server whose database this module may write to."""
    tmp = tmp_path_factory.mktemp("links-server")
    with start_server(tmp) as url:
        yield url, tmp / "adoption.duckdb"


def test_pinned_link_after_a_new_data_version(own_server, page):
    # (e) a new data version from the command line while the app runs
    url, db = own_server
    _open(page, url + "/?ar=2024")
    before = _metrics(page)
    done = subprocess.run(
        [sys.executable, "-m", "adoption", "import-population", str(POPULATION_FILE), "--db", str(db)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "dataversion 2" in done.stdout

    _open(page, url + "/?v=1&ar=2024")
    pinned = page.locator("[data-testid='stAlert']").filter(has_text="dataversion 1")
    expect(pinned).to_contain_text("Senaste version är 2")
    latest_link = pinned.get_by_role("link", name="Visa senaste data")
    expect(latest_link).to_be_visible()
    href = latest_link.get_attribute("href")
    assert "v=" not in href and "ar=2024" in href
    assert _metrics(page) == _expected_cards(str(db), 2024, version=1) == before

    # The latest: no pinned notice, and "Dela" pins version 2.
    _open(page, url + "/?ar=2024")
    expect(page.locator("[data-testid='stAlert']").filter(has_text="Länken visar dataversion")).to_have_count(0)
    page.get_by_role("button", name="Dela").click()
    code = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']")
    expect(code).to_contain_text("v=2")
    _clean(page)

    # Om data lists the new version without a restart.
    _open(page, url + "/om")
    expect(page.get_by_text("Befolkning för 2023, 2024 (källa: SCB BE0101N1).")).to_be_visible()
    _open(page, url + "/om?v=1")
    expect(page.get_by_text("Ingen befolkningsdata inläst.")).to_be_visible()
    expect(page.locator("[data-testid='stAlert']").filter(has_text="dataversion 1")).to_contain_text(
        "Senaste version är 2")
    _clean(page)


NAV_LINKS = "[data-testid='stSidebarNav'] a"


def test_filters_survive_a_page_that_does_not_use_them(server, page):
    """Översikt (year, county) -> Om data (neither) -> language switch -> back to Översikt.

    Two frame bugs this found: Om data's context still held the county after
    the navigation (its download was named ``om_matt_lan-12_v1.csv``), and the
    language switch on Om data made the year and county be forgotten.
    """
    _open(page, server + "/?ar=2023&lan=12")
    page.locator(NAV_LINKS).filter(has_text="Om data").click()
    page.wait_for_url(re.compile(r"/om(\?.*)?$"))
    wait_for_app(page)
    page.get_by_role("heading", name="Om data").wait_for()
    assert _query(page) == {}
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ned CSV").first.click()
    assert info.value.suggested_filename == "om_matt_v1.csv"

    page.locator(SIDEBAR).get_by_text("English", exact=True).click()
    page.wait_for_url(re.compile(r"/om\?lang=en$"))
    wait_for_app(page)
    page.get_by_role("heading", name="About the data").wait_for()

    page.locator(NAV_LINKS).filter(has_text="Overview").click()
    page.wait_for_url(re.compile(r"/\?.*ar=2023"))
    wait_for_app(page)
    expect(_year_box(page)).to_have_value("2023")
    assert _query(page) == {"ar": ["2023"], "lan": ["12"], "lang": ["en"]}
    _clean(page)
