"""Static checks on the page layout (fast, no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_starts_with_legacy_pages_guard(page: Path) -> None:
    """Every pages/*.py must leave Streamlit's legacy pages/ mode first.

    Without it, the first request after a server start to a deep link to this
    page is served by Streamlit's auto-discovered pages (see app.py).
    """
    text = page.read_text(encoding="utf-8")
    guard = text.find("PagesManager.uses_pages_directory = False")
    assert guard != -1, f"{page.name} lacks the legacy pages/ guard from pages/om.py"
