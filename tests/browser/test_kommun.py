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


def test_browser_print_of_a_profile_fits_two_pages_without_controls(fresh_server, page):
    import io
    import re

    from pypdf import PdfReader

    page.goto(fresh_server + "/kommun?kommun=1480&ar=2024")
    wait_for_app(page)
    page.get_by_role("heading", name="Göteborg").first.wait_for()
    expect(page.get_by_role("button", name="Ladda ned rapport (PDF)")).to_be_visible()
    # A settled page, as a person prints it: the run finished and no element of an earlier run is still
    # drawn beside the new ones (a rerun's stale elements made a third page now and then).
    wait_for_app(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(reader.pages) <= 2
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    for control in ("Ladda ned", "Dela", "CSV", "Excel", "Öppna i initiativkatalogen", "Svenska English"):
        assert control not in text, control
    # the printed page says what it shows: its filters and data version
    assert "Urval: År: 2024" in text and "Kommun: Göteborg (1480)" in text
    assert "Dataversion 1, inläst" in text and "v=1" in text
    assert "Göteborg" in text and "Mognad per verksamhetsområde och år" in text
