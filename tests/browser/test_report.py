"""The report buttons in a real browser: a valid PDF, the same file as the command for the same view."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from tests.browser.conftest import REPO, real_console_errors, start_server, wait_for_app

pytestmark = pytest.mark.browser

BUTTON = "Ladda ned rapport (PDF)"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A server of its own, and the database it reads (for the command line to read the same)."""
    folder = tmp_path_factory.mktemp("report-server")
    with start_server(folder) as url:
        yield url, folder / "adoption.duckdb"


def _download(page, tmp_path) -> tuple[str, bytes]:
    button = page.get_by_role("button", name=BUTTON)
    button.wait_for()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return download.suggested_filename, target.read_bytes()


def _command(db, url, tmp_path, *args) -> bytes:
    out = tmp_path / "kommandot.pdf"
    done = subprocess.run([sys.executable, "-m", "adoption", "rapport", *args, "--url", url, "--db", str(db),
                           "-o", str(out)], cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_kommun_button_gives_the_commands_pdf(app, page, tmp_path):
    url, db = app
    page.goto(url + "/kommun?kommun=1480&ar=2024")
    wait_for_app(page)
    page.get_by_role("heading", name="Göteborg").first.wait_for()
    name, data = _download(page, tmp_path)
    assert name == "rapport_2024_kommun-1480_v1.pdf"
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 2 and reader.metadata.title == "AI i Göteborg 2024"
    assert data == _command(db, url, tmp_path, "--kommun", "1480", "--ar", "2024")
    assert real_console_errors(page) == []


def test_overview_button_for_the_chosen_county_in_english(app, page, tmp_path):
    url, db = app
    page.goto(url + "/?lan=14&lang=en")
    wait_for_app(page)
    page.get_by_role("heading", name="AI in municipalities and civil society").wait_for()
    button = page.get_by_role("button", name="Download report (PDF)")
    button.wait_for()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert info.value.suggested_filename == "rapport_2025_lan-14_v1_en.pdf"  # the latest survey year
    data = target.read_bytes()
    assert PdfReader(io.BytesIO(data)).metadata.title == "AI in Västra Götalands län 2025"
    assert data == _command(db, url, tmp_path, "--lan", "14", "--lang", "en")
