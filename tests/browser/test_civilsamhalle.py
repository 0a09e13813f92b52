"""Civilsamhälle in a real browser: renders with its figures, the county map and no errors."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting
from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

# "Med AI i drift" but not "Organisationer med AI i drift" (has_text ignores case)
SHARE_IN_PRODUCTION = re.compile(r"^\s*Med AI i drift")


def test_civilsamhalle_renders(server, page, demo_db_template):
    page.goto(server + "/civilsamhalle?ar=2024")
    wait_for_app(page)
    page.get_by_role("heading", name="Civilsamhälle", exact=True).wait_for()
    drift = metrics.compute(Store(demo_db_template), "civil_ai_i_drift", Filter(ar=2024))
    shown = page.locator("[data-testid='stMetric']").filter(has_text="Organisationer med AI i drift")
    expect(shown).to_contain_text(formatting.number(drift.numerator))
    expect(page.locator("[data-testid='stMetric']").filter(has_text=SHARE_IN_PRODUCTION)).to_contain_text(
        formatting.percent(drift.value))
    expect(page.get_by_text("Gotlands län").first).to_be_attached()
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(1)
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_suppressed_county(server, page):
    page.goto(server + "/civilsamhalle?ar=2022&lan=09")
    wait_for_app(page)
    expect(page.locator("[data-testid='stMetric']").filter(has_text=SHARE_IN_PRODUCTION)).to_contain_text(
        "för få svar")
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []
