"""Municipality groups in a real browser (issue 11): Karta by group, and Kommun in its group with weights.

The server's database is the demo data with groups imported by the real command line
(``python -m adoption import-kommungrupper``) from a file built in the test; the groups are
constructed for the tests (Stockholm, Göteborg and Malmö in A1), not SKR's classification.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from adoption import metrics
from adoption.metrics import factors
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import present
from tests import builders
from tests.browser.conftest import REPO, real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser

TABLE = "[data-testid='stDataFrame'] table"
GROUP_TABLE = "[data-testid='stTable'] table"  # the group level's few rows: an HTML table


@pytest.fixture(scope="module")
def grouped(tmp_path_factory, demo_db_template):
    """(server URL, a copy of the server's database for expected values)."""
    folder = tmp_path_factory.mktemp("grupper-server")
    db = folder / "adoption.duckdb"
    shutil.copy(demo_db_template, db)
    groups_file = folder / "Kommungruppsindelning_2023.xlsx"
    groups_file.write_bytes(builders.group_xlsx(builders.constructed_groups()))
    done = subprocess.run([sys.executable, "-m", "adoption", "import-kommungrupper", str(groups_file), "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = folder / "expected.duckdb"
    shutil.copy(db, expected)
    with start_server(folder) as url:
        yield url, Store(expected)


def _no_errors(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_karta_by_group_draws_ordered_bars_and_a_table(grouped, page):
    url, store = grouped
    page.goto(url + "/karta?niva=grupp&matt=mognadsindex")
    wait_for_app(page)
    page.get_by_role("heading", name=re.compile(r"^Mognadsindex per kommungrupp \d{4}")).wait_for()
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    expect(chart).to_be_visible()
    expect(chart.locator("canvas, svg").first).to_be_visible()
    assert page.locator("[data-testid='stDeckGlJsonChart']").count() == 0  # no map at this level

    year = max(store.survey_years(store.current_version()))
    results = metrics.compute(store, "mognadsindex", Filter(ar=year), by="grupp")
    ranked = sorted((r for r in results if r.value is not None), key=lambda r: -r.value)
    table = page.locator(GROUP_TABLE).first
    expect(table).to_contain_text(f"{ranked[0].area} ")  # the highest group is in the table
    for r in results:
        expect(table).to_contain_text(present.value(r))
    assert parse_qs(urlsplit(page.url).query) == {"niva": ["grupp"]}  # mognadsindex is the default metric
    _no_errors(page)


def test_kommun_in_its_group_with_weights_kept_in_the_link(grouped, page, browser):
    url, store = grouped
    page.goto(url + "/kommun?kommun=0180&grupp=A1")
    wait_for_app(page)
    page.get_by_role("heading", name="Stockholm").first.wait_for()
    expect(page.get_by_text("kommungrupp A1 Storstäder")).to_be_visible()
    year = max(store.survey_years(store.current_version()))
    group = metrics.compute(store, "mognadsindex", Filter(ar=year, grupp="A1"))
    comparison = page.locator(TABLE).nth(1)
    expect(comparison).to_contain_text("KommungruppenA1 Storstäder")
    expect(comparison).to_contain_text("De 5 mest liknande kommunerna")
    expect(comparison).to_contain_text(present.value(group))
    assert parse_qs(urlsplit(page.url).query) == {"kommun": ["0180"], "grupp": ["A1"]}

    # weights: open the panel, raise "Län" by one with the keyboard; the link keeps it
    page.get_by_text("Vikter: vad ska likheten bygga på?").click()
    county = page.locator("[data-testid='stSlider']").filter(has_text="Län").get_by_role("slider")
    county.focus()
    county.press("ArrowRight")
    expected = factors.to_text(factors.normalise({"lan": 1}))
    page.wait_for_url(re.compile(r"vikter="))
    wait_for_app(page)
    assert parse_qs(urlsplit(page.url).query)["vikter"] == [expected]
    _no_errors(page)

    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    try:
        other = context.new_page()
        other.goto(page.url)
        wait_for_app(other)
        other.get_by_text("Vikter: vad ska likheten bygga på?").click()
        slider = other.locator("[data-testid='stSlider']").filter(has_text="Län").get_by_role("slider")
        expect(slider).to_have_value("1")
        assert other.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
