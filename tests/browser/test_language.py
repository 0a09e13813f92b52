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


# Streamlit's own texts, in English whatever the interface language.
STREAMLIT_ENGLISH = ("Choose an option", "Choose options", "Select all", "Press Enter", "per file", "Upload")


def _english_seen(page) -> list[str]:
    """Streamlit English a reader sees: visible text, placeholders and open drop-down lists."""
    text = page.locator("[data-testid='stApp']").inner_text()
    placeholders = " ".join(page.evaluate(
        "() => Array.from(document.querySelectorAll('[placeholder]')).map(e => e.getAttribute('placeholder'))"))
    return [phrase for phrase in STREAMLIT_ENGLISH if phrase in text or phrase in placeholders]


def test_swedish_interface_shows_no_streamlit_english(server, page):
    page.goto(server + "/initiativ")
    _settled(page)
    assert _english_seen(page) == []
    # an open multiselect offers no "Select all"
    page.get_by_role("combobox", name=re.compile("Teknik")).click()
    expect(page.get_by_role("option").first).to_be_visible()
    assert _english_seen(page) == []
    page.keyboard.press("Escape")
    # typing in the search field shows no "Press Enter to apply"; Enter still searches
    box = page.get_by_role("textbox", name="Sök i titel och beskrivning")
    box.fill("kontaktcenter")
    page.wait_for_timeout(300)
    assert _english_seen(page) == []
    box.press("Enter")
    _settled(page)

    # the upload page (a local request may administer): file uploader and a form's text field
    page.goto(server + "/ladda-upp")
    _settled(page)
    expect(page.locator("[data-testid='stFileUploaderDropzone'] button")).to_be_visible()
    button_text = page.locator("[data-testid='stFileUploaderDropzone'] button > div > span").evaluate(
        "e => getComputedStyle(e, '::after').content")
    assert button_text == '"Välj fil"'
    assert _english_seen(page) == []
    page.get_by_role("tab", name=i18n.t("ladda_upp.tab.goals")).click()
    field = page.get_by_role("textbox", name=i18n.t("ladda_upp.goal_label_sv")).first
    field.fill(field.input_value() + " ")
    page.wait_for_timeout(300)
    assert _english_seen(page) == []  # no "Press Enter to submit form"
    assert real_console_errors(page) == []
