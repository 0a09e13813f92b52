"""Smoke tests in a real browser against a real `streamlit run app.py`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser

TITLE = "AI i kommuner och civilsamhälle"
NAV_LINKS = "[data-testid='stSidebarNav'] a"
# What st.navigation in app.py declares. Streamlit's legacy pages/ mode would
# show ["app", "om"] instead.
NAV_LABELS = ["Översikt", "Karta", "Sektorer", "Mål", "Programmets effekt", "Kommun", "Civilsamhälle", "Initiativ",
              "Om data", "Tillgänglighet", "Ladda upp"]  # listed because the test server's requests come from 127.0.0.1
NAV_LABELS_EN = ["Overview", "Map", "Sectors", "Goals", "Programme effect", "Municipality", "Civil society",
                 "Initiatives", "About the data", "Accessibility", "Upload"]


def expect_navigation(page, labels=NAV_LABELS) -> None:
    expect(page.locator(NAV_LINKS)).to_have_text(labels, timeout=10_000)


def test_home_renders(server, page, demo_db_template):
    from adoption import metrics
    from adoption.store import Store
    from adoption.text import formatting

    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_role("heading", name=TITLE).wait_for()
    # The server's database was made by the same seeded init: same figures.
    expected = metrics.compute(Store(demo_db_template), "andel_ai_aktivitet")
    shown = page.locator("[data-testid='stMetric']").filter(has_text="Andel med AI-aktivitet")
    expect(shown).to_contain_text(formatting.percent(expected.value).split("\xa0")[0].split(" ")[0])
    expect(page.get_by_text("Demodata", exact=False).first).to_be_visible()
    expect_navigation(page)
    assert page.title() == TITLE
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    """A server of its own, so that the test below makes its very first request."""
    with start_server(tmp_path_factory.mktemp("fresh-server")) as url:
        yield url


def test_deep_link_first_request_uses_navigation(fresh_server, page):
    """A shared deep link opened first after a restart: right page, st.navigation sidebar.

    Streamlit's legacy pages/ auto-discovery would serve pages/om.py with a
    sidebar listing "app" and "om" (see app.py).
    """
    page.goto(fresh_server + "/om?lang=en")
    wait_for_app(page)
    page.get_by_role("heading", name="About the data").wait_for()
    expect_navigation(page, NAV_LABELS_EN)
    expect(page.locator(NAV_LINKS).filter(has_text=re.compile(r"^\s*app\s*$"))).to_have_count(0)
    url = urlsplit(page.url)
    assert url.path == "/om"
    assert url.query == "lang=en"
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_sidebar_link_changes_url(server, page):
    page.goto(server + "/")
    wait_for_app(page)
    page.locator(NAV_LINKS).filter(has_text="Om data").click()
    page.wait_for_url(re.compile(r"/om(\?.*)?$"))
    wait_for_app(page)
    page.get_by_role("heading", name="Om data").wait_for()
    assert urlsplit(page.url).path == "/om"
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


@pytest.fixture(scope="module")
def fresh_server_for_upload(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("fresh-upload")) as url:
        yield url


def test_upload_deep_link_first_request(fresh_server_for_upload, page):
    """The upload page's url_path has a hyphen: its file name must match it, or
    legacy mode (which knows pages by file name) serves Översikt instead."""
    page.goto(fresh_server_for_upload + "/ladda-upp?lang=en")
    wait_for_app(page)
    page.get_by_role("heading", name="Upload", exact=True).wait_for()
    assert urlsplit(page.url).path == "/ladda-upp"
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []
