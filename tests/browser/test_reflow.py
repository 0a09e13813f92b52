"""Reflow (WCAG 1.4.10): at 320 CSS px wide, the width of a 1280 px screen at 400 % zoom, every page
reads without scrolling sideways. Wide tables, charts, code and the upload page's tab row may
scroll inside their own box; no text outside them may reach past the edge.

Each page's screenshot at that width is kept in the test's temporary folder for a look by eye.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import fresh_page, wait_for_app

pytestmark = pytest.mark.browser

WIDTH = 320
PAGES = ["/", "/karta", "/sektorer", "/mal", "/kommun?kommun=0180", "/civilsamhalle", "/initiativ", "/om",
         "/tillganglighet", "/ladda-upp"]
# Boxes that may scroll on their own (their content is two-dimensional or a row of tabs).
OWN_SCROLL = ("[data-testid='stDataFrame'], [data-testid='stTable'], [data-testid='stCode'], pre, "
              "[data-testid='stVegaLiteChart'], [data-testid='stDeckGlJsonChart'], [role='tablist']")

_OVERFLOW = """(ownScroll) => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('p, h1, h2, h3, h4, li, label, a, button, summary, span, td, th')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || el.closest(ownScroll)) continue;
    if (el.closest('[data-testid=stSidebar]') && !el.closest('[data-testid=stSidebar][aria-expanded=true]')) continue;
    if (r.right > width + 1 || r.left < -1) {
      out.push(`${el.tagName} ${Math.round(r.left)}..${Math.round(r.right)}: ${(el.textContent || '').trim().slice(0, 60)}`);
    }
  }
  const main = document.querySelector('[data-testid=stMain]');
  return {width, page: document.documentElement.scrollWidth, main: main ? main.scrollWidth - main.clientWidth : 0,
          out: out.slice(0, 20)};
}"""


@pytest.fixture(scope="module")
def narrow_page(browser):
    with fresh_page(browser, WIDTH, 720) as page:
        yield page


@pytest.mark.parametrize("path", PAGES)
def test_page_reflows_at_320_css_pixels(server, narrow_page, path, tmp_path):
    page = narrow_page
    page.goto(server + path)
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    wait_for_app(page)
    page.wait_for_timeout(500)
    shot = tmp_path / f"reflow{path.replace('/', '_').replace('?', '_')}.png"
    page.screenshot(path=str(shot), full_page=True)
    result = page.evaluate(_OVERFLOW, OWN_SCROLL)
    assert result["width"] == WIDTH
    assert result["page"] <= WIDTH, f"the page scrolls sideways ({result['page']} px); see {shot}"
    assert result["main"] <= 1, f"the main column scrolls sideways; see {shot}"
    assert result["out"] == [], f"text past the edge at {WIDTH} px (see {shot}):\n" + "\n".join(result["out"])
    assert page.locator("[data-testid='stException']").count() == 0


def test_navigation_and_statement_link_fit_at_320_css_pixels(server, narrow_page):
    """The sidebar is folded away at this width; opened, it fits and links to the statement."""
    page = narrow_page
    page.goto(f"{server}/om")
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    page.locator("[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button").first.click()
    link = page.locator("[data-testid='stSidebarNav'] a", has_text="Tillgänglighet")
    link.wait_for(state="visible")
    # The sidebar slides in: wait until it has arrived.
    link.evaluate("(a) => new Promise((done) => { const check = () => a.getBoundingClientRect().left >= 0 ? "
                  "done() : requestAnimationFrame(check); check(); })")
    page.wait_for_timeout(300)
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
    result = page.evaluate(_OVERFLOW, OWN_SCROLL)
    assert result["page"] <= WIDTH and result["out"] == [], result
