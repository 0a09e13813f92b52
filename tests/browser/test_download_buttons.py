"""Download buttons in a real browser: their words are never cut ("L…"), however narrow the place."""

from __future__ import annotations

import pytest

from tests.browser.conftest import real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

# Every visible download button whose label (or a part of it) is wider than the room it has.
_CUT = """() => Array.from(document.querySelectorAll('[data-testid=stDownloadButton] button'))
  .filter(b => b.offsetParent !== null && b.innerText.trim())  // not in a closed expander
  .map(b => [b.innerText.replace(/^download\\s*/, ''),
             Array.from(b.querySelectorAll('*')).some(e => e.scrollWidth > e.clientWidth + 1)])"""


@pytest.mark.parametrize("width", [1400, 1024])
@pytest.mark.parametrize("path", ["/karta", "/civilsamhalle"])
def test_download_buttons_show_their_whole_label(server, page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + path)
    wait_for_app(page)
    page.get_by_role("button", name="Ladda ned CSV").first.wait_for()
    wait_for_app(page)
    buttons = page.evaluate(_CUT)
    assert len(buttons) >= 2
    assert [label for label, cut in buttons if cut] == []
    # Every download button of the page: the tables' CSV and Excel, and on Karta the PDF report
    # (its icon's ligature name comes first in the text).
    tables = {"Ladda ned CSV", "Ladda ned Excel"}
    report = {"picture_as_pdf\n\nLadda ned rapport (PDF)"} if path == "/karta" else set()
    assert {label for label, _ in buttons} == tables | report
    assert real_console_errors(page) == []
