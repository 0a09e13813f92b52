"""Programmets effekt in a real browser: the verdict, its rule, the charts and the funnel, in both languages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_effect_page_renders_the_estimate_and_the_funnel(server, page, demo_db_template, lang):
    from adoption.metrics import effect
    from adoption.store import Store
    from adoption.views import effect as effect_view

    # The server's database was made by the same seeded init: the same estimate.
    result = effect.estimate(Store(demo_db_template), "mognadsindex")
    page.goto(server + f"/effekt?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name="Programmets effekt" if lang == "sv" else "Programme effect",
                     exact=True).wait_for()
    # The first estimate in a fresh server also imports the estimator library (seconds on a busy machine).
    expect(page.get_by_text(effect_view.verdict_text(result, lang), exact=True)).to_be_visible(timeout=60_000)
    headline = effect_view.headline(result, lang).replace("**", "")
    expect(page.locator("[data-testid='stMarkdownContainer']").filter(has_text=headline).first).to_be_visible()
    expect(page.get_by_text(effect_view.rule_text(lang)[:60], exact=False).first).to_be_visible()
    # trajectories, event-time means, event study and the transition heatmap
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(4, timeout=30_000)
    heading = "Från pilot till drift" if lang == "sv" else "From pilot to production"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()
    # every chart's and table's CSV and Excel buttons; the funnel's are drawn after the estimate
    expect(page.locator("[data-testid='stDownloadButton']").nth(7)).to_be_attached(timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []


def test_effect_page_is_in_the_navigation_after_goals(server, page):
    page.goto(server + "/mal")
    wait_for_app(page)
    links = page.locator("[data-testid='stSidebarNav'] a")
    labels = [t.strip() for t in links.all_inner_texts()]
    assert labels.index("Programmets effekt") == labels.index("Mål") + 1
    links.filter(has_text="Programmets effekt").click()
    page.wait_for_url(re.compile(r"/effekt(\?.*)?$"))
    wait_for_app(page)
    page.get_by_role("heading", name="Programmets effekt", exact=True).wait_for()
    assert real_console_errors(page) == []
