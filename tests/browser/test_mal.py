"""Mål in a real browser: all five goals, no exception, no console errors, the domain's status."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser


def _status(progress, lang: str) -> str:
    from adoption.metrics import goals

    return f"Status: {goals.STATUS_ICONS[progress.status]} {progress.status_text(lang)}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_goals_render_with_the_computed_status(server, page, demo_db_template, lang):
    from adoption.metrics import goals
    from adoption.store import Store

    # The server's database was made by the same seeded init: same figures.
    progress = goals.goal_progress(Store(demo_db_template))
    page.goto(server + f"/mal?lang={lang}")
    wait_for_app(page)
    page.get_by_role("heading", name="Mål" if lang == "sv" else "Goals", exact=True).wait_for()
    for p in progress:
        expect(page.get_by_role("heading", name=f"{p.goal_id} · {p.label(lang)}")).to_be_visible()
    m1 = page.locator("[data-testid='stVerticalLayoutBlock'], [data-testid='stVerticalBlock']").filter(
        has=page.get_by_role("heading", name=f"M1 · {progress[0].label(lang)}")).last
    expect(m1).to_contain_text(_status(progress[0], lang))
    expect(m1).to_contain_text(progress[0].rule(lang))
    statuses = page.locator("[data-testid='stMarkdownContainer'] strong").filter(has_text="Status:")
    expect(statuses).to_have_text([_status(p, lang) for p in progress])
    # four charts (M3 has no population in the demo data) and a table beside each
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(4)
    expect(page.locator("[data-testid='stDataFrame']")).to_have_count(4)
    expect(page.get_by_text("import-population", exact=False).first).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []
