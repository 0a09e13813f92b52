"""Initiativ in a real browser: the catalogue renders and a text search narrows it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

COUNT = re.compile(r"Visar ([\d\s\u00a0\u202f]+) av ([\d\s\u00a0\u202f]+) initiativ")


def _count(page) -> tuple[int, int]:
    text = page.get_by_text(COUNT).first.inner_text()
    shown, total = COUNT.search(text).groups()
    return int(re.sub(r"\D", "", shown)), int(re.sub(r"\D", "", total))


def test_catalogue_and_text_search(server, page, demo_db_template):
    from adoption.store import Store
    from adoption.views import catalogue
    from adoption.views.catalogue import Query

    page.goto(server + "/initiativ?ar=2024")
    wait_for_app(page)
    page.get_by_role("heading", name="Initiativ").first.wait_for()
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()
    shown, total = _count(page)
    assert shown == total > 0

    box = page.get_by_role("textbox", name="Sök i titel och beskrivning")
    box.fill("kontaktcenter")
    box.press("Enter")
    expect(page.get_by_text(COUNT).first).not_to_have_text(re.compile(rf"Visar {shown}\D"))
    wait_for_app(page)
    narrowed, same_total = _count(page)
    # The server's database was made by the same seeded init: same catalogue.
    frame = catalogue.catalogue(Store(demo_db_template))
    assert narrowed == len(catalogue.search(frame, Query(ar=2024, text="kontaktcenter")))
    assert 0 < narrowed < shown and same_total == total
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []
