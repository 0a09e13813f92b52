"""The interface language in a real browser: the navigation keeps it, and Swedish shows no Streamlit English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from adoption.text import i18n
from adoption.ui.navigation import PAGES
from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

SIDEBAR = "[data-testid='stSidebar']"
NAV_LINKS = "[data-testid='stSidebarNav'] a"


def _titles(lang: str) -> list[str]:
    # The upload page is listed for a local request (the test server runs on this machine).
    return [i18n.t(p.title_key, lang) for p in PAGES]


def _settled(page) -> None:
    wait_for_app(page)
    page.wait_for_timeout(300)  # a rerun the first run asked for (the URL written back) starts after it
    wait_for_app(page)


def test_navigation_stays_in_the_chosen_language_over_page_changes(server, page):
    page.goto(server + "/")
    _settled(page)
    expect(page.locator(NAV_LINKS)).to_have_text(_titles("sv"))
    page.locator(SIDEBAR).get_by_text("English", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]lang=en(&|$)"))
    _settled(page)
    expect(page.locator(NAV_LINKS)).to_have_text(_titles("en"))

    # Two page changes through the navigation: the first used to turn the navigation Swedish.
    for target in ("karta", "sektorer", "om"):
        title = i18n.t(f"page.{'om_data' if target == 'om' else target}", "en")
        page.locator(NAV_LINKS).filter(has_text=re.compile(f"^{re.escape(title)}$")).click()
        page.wait_for_url(re.compile(f"/{target}"))
        _settled(page)
        expect(page.locator(NAV_LINKS)).to_have_text(_titles("en"))
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        assert "lang=en" in page.url
    assert real_console_errors(page) == []
