"""Kommun in a real browser: a shared profile link opened as the very first request."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    """A server of its own, so that the profile link is its first request."""
    with start_server(tmp_path_factory.mktemp("kommun-server")) as url:
        yield url


def test_profile_link_as_first_request(fresh_server, page):
    page.goto(fresh_server + "/kommun?kommun=0180")
    wait_for_app(page)
    page.get_by_role("heading", name="Stockholm").first.wait_for()
    expect(page.get_by_text("Kommunkod 0180 · Stockholms län")).to_be_visible()
    expect(page.get_by_role("heading", name="Mognad per verksamhetsområde och år")).to_be_visible()
    expect(page.get_by_text("genomsnittliga skillnaden i mognadsnivå", exact=False)).to_be_visible()
    url = urlsplit(page.url)
    assert url.path == "/kommun"
    assert parse_qs(url.query)["kommun"] == ["0180"]
    assert page.locator("[data-testid='stException']").count() == 0
    assert real_console_errors(page) == []

    # Printing hides the sidebar and the toolbar; the profile stays.
    page.emulate_media(media="print")
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    expect(page.locator("[data-testid='stToolbar']").first).to_be_hidden()
    expect(page.locator("[data-testid='stHeader']").first).to_be_hidden()
    expect(page.get_by_role("heading", name="Stockholm").first).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator("[data-testid='stSidebar']")).to_be_visible()
