"""One complete task by keyboard alone (Tab, Enter, Space, arrows), with a visible focus at every stop:
choose a year and a county on Karta, open a municipality's profile, download its table.

The map itself is a drawn image; the keyboard route to a profile is the "Kommunprofil för" choice
and the link under it, beside the map's table (adoption/ui/map_widget.py).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from adoption.store import Store
from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

# Streamlit's rerun after a choice sometimes moves focus back to the document's start; the next stop is
# then reached by going round the page once (about 100 stops on Karta with its metric links), as a
# keyboard user would.
MAX_TABS = 200

# The focused element's accessible name, as far as this task needs it.
_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const label = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || '';
  return {tag: e.tagName, role: e.getAttribute('role') || '', name: (label || e.textContent || '').trim()};
}"""

# A focus indicator on the element or a close ancestor: an outline of 2 px or more, or a ring (box-shadow).
_FOCUS_VISIBLE = """() => {
  let e = document.activeElement;
  for (let depth = 0; e && depth < 4; depth++, e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return true;
    if (s.boxShadow && s.boxShadow !== 'none') return true;
  }
  return false;
}"""


def tab_to(page, wanted, what: str, *, backwards: bool = False) -> dict:
    """Press Tab until the focused element satisfies ``wanted``; its focus must be visible."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(_FOCUSED)
        if focused and wanted(focused):
            # Streamlit may redraw the element (and our style block) just after the key press;
            # the ring has to appear, so wait for it briefly rather than sample one frame.
            try:
                page.wait_for_function(_FOCUS_VISIBLE, timeout=3000)
            except PlaywrightTimeout:
                raise AssertionError(f"no visible focus on {what}: {focused}") from None
            return focused
    raise AssertionError(f"{what} not reached with {MAX_TABS} presses of Tab")


_HIGHLIGHTED = """() => {
  const id = document.activeElement && document.activeElement.getAttribute('aria-activedescendant');
  const option = id && document.getElementById(id);
  return option ? option.textContent.trim() : null;
}"""


def choose_option(page, option: str) -> None:
    """In a focused selectbox or multiselect: the arrow keys down to ``option``, then Enter."""
    page.keyboard.press("ArrowDown")
    page.locator("[role='listbox']").first.wait_for()
    for _ in range(80):
        if page.evaluate(_HIGHLIGHTED) == option:
            page.keyboard.press("Enter")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {option!r} not reached with the arrow keys")


def test_choose_county_and_year_open_a_profile_and_download_its_table(server, page, demo_db_template):
    store = Store(demo_db_template)
    county_code, county = next(store.counties()[["lan_kod", "name"]].itertuples(index=False, name=None))
    in_county = store.municipalities()
    in_county = in_county[in_county["lan_kod"] == county_code].sort_values("name")
    code, name = in_county[["kommunkod", "name"]].iloc[1]  # not the preselected first one

    page.goto(f"{server}/karta")
    wait_for_app(page)
    page.locator("[data-testid='stDeckGlJsonChart']").first.wait_for()
    wait_for_app(page)

    tab_to(page, lambda f: f["role"] == "combobox" and f["name"] == "År", "the year")
    choose_option(page, "2024")
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('ar=2024')")

    tab_to(page, lambda f: f["role"] == "combobox" and f["name"] == "Län", "the county")
    choose_option(page, county)
    page.keyboard.press("Escape")
    wait_for_app(page)
    page.wait_for_function(f"() => location.search.includes('lan={county_code}')")

    tab_to(page, lambda f: f["role"] == "combobox" and f["name"] == "Kommunprofil för", "the profile choice")
    choose_option(page, f"{name} ({code})")
    wait_for_app(page)
    tab_to(page, lambda f: f["tag"] == "A" and f["name"].endswith(f"Öppna kommunprofil: {name}"), "the profile link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kommun\?"))
    wait_for_app(page)
    page.get_by_role("heading", name=name, exact=True).wait_for()
    wait_for_app(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query["kommun"] == [code] and query["ar"] == ["2024"] and query["lan"] == [county_code]

    # The profile's first table (its stages by sector and year), downloaded as CSV with Space.
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["name"].endswith("Ladda ned CSV"), "the download")
    with page.expect_download() as download:
        page.keyboard.press("Space")
    file = download.value
    assert file.suggested_filename.startswith("kommun_mognad") and file.suggested_filename.endswith(".csv")
    text = open(file.path(), encoding="utf-8-sig").read()
    assert text.count("\n") > 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_language_switch_and_share_by_keyboard(server, page):
    """The language switch answers to the arrow keys, and "Dela" opens with Enter and closes with Escape."""
    page.goto(f"{server}/sektorer")
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    wait_for_app(page)
    tab_to(page, lambda f: f["tag"] == "INPUT" and f["name"] == "Svenska", "the language switch")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    wait_for_app(page)
    page.get_by_role("heading", name="Sectors", exact=True).wait_for()
    assert "lang=en" in page.url

    tab_to(page, lambda f: f["tag"] == "BUTTON" and "Share" in f["name"], "the share button")
    page.keyboard.press("Enter")
    link = page.locator("[data-testid='stPopoverBody'] code")
    link.wait_for()
    assert "/sektorer?" in link.inner_text() and "lang=en" in link.inner_text()
    page.keyboard.press("Escape")
    link.wait_for(state="hidden")
    assert page.locator("[data-testid='stException']").count() == 0
