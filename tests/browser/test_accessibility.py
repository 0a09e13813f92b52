"""WCAG 2.1 AA in a real browser: axe-core on every page, in Swedish and English, with demo data,
with an empty database and with every kind of chart drawn; the page's language; the exceptions.

A violation fails the test unless it is in ``adoption.views.accessibility.EXCEPTIONS`` (rules
broken inside Streamlit's own frontend, each with a reason); every exception is checked to
still fail where it says, so it is removed when Streamlit fixes it. The same list is the
statement's list of known gaps (``/tillganglighet``).

axe-core comes bundled in ``axe-playwright-python`` (no network). One page is reused for
every state of a server, and each state waits for what it must show before axe runs.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from adoption.views import accessibility
from adoption.views.accessibility import AXE_TAGS, EXCEPTIONS, AxeException
from tests.browser.conftest import (
    fresh_page,
    start_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser

AXE = Axe()
OPTIONS = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}

MAP = "[data-testid='stDeckGlJsonChart'] canvas"
CHART = "[data-testid='stVegaLiteChart'] svg .role-axis"
TABLE = "[data-testid='stDataFrame']"
HEADING = "h1"

# (id, path, what must be drawn before axe runs): every page, and a state for each kind of chart.
DEMO_STATES = [
    ("oversikt-county-map", "/", MAP),
    ("karta-municipality-map", "/karta", MAP),
    ("karta-county-map", "/karta?niva=lan&matt=mognadsindex", MAP),
    ("karta-not-mappable", "/karta?matt=sektor_fordelning", "[data-testid='stPageLink']"),
    ("sektorer-bars", "/sektorer", CHART),
    ("mal-goal-charts", "/mal", CHART),
    ("effekt-event-study-and-funnel", "/effekt", CHART),
    ("kommun-profile-chart", "/kommun?kommun=0180", CHART),
    ("kommun-none-chosen", "/kommun", HEADING),
    ("civilsamhalle-map-and-bars", "/civilsamhalle", CHART),
    ("initiativ", "/initiativ", TABLE),
    ("om", "/om", TABLE),
    ("tillganglighet", "/tillganglighet", HEADING),
    ("ladda-upp", "/ladda-upp", "[data-testid='stFileUploader']"),
]
EMPTY_PAGES = ["/", "/karta", "/sektorer", "/mal", "/effekt", "/kommun", "/civilsamhalle", "/initiativ", "/om",
               "/tillganglighet", "/ladda-upp"]
LANGS = ("sv", "en")
# The most the language may lag behind the first heading: measured 80-900 ms on a busy 2-core
# machine (the most on Karta, whose map code loads at the same time).
LANG_DELAY_MS = 3000


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("a11y-empty"), demo=False) as url:
        yield url


@pytest.fixture(scope="module")
def a11y_page(browser):
    """One page for every state of this module (a fresh context per state costs a second each)."""
    with fresh_page(browser) as page:
        yield page


def with_lang(path: str, lang: str) -> str:
    if lang == "sv":
        return path
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


def settle(page, ready: str = HEADING) -> None:
    """Wait until the page has run and drawn ``ready``, with no run pending and nothing stale."""
    wait_for_app(page)
    page.locator(HEADING).first.wait_for()
    page.locator(ready).first.wait_for(state="attached")
    wait_for_app(page)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]')"
        " && !document.querySelector('[data-stale=true]')"
    )
    page.wait_for_timeout(300)  # deck.gl and Vega finish drawing after their element mounts
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0


def _node_text(violation: dict, node: dict) -> str:
    checks = node.get("any") or node.get("all") or node.get("none") or [{}]
    return (f"{violation['id']} ({violation['impact']}) at {node['target']}: {node['html'][:200]}"
            f" -- {checks[0].get('message', '')}")


def _matches(page, target, selector: str) -> bool:
    if not isinstance(target, str):  # a node inside a shadow root or frame: no exception reaches it
        return False
    return page.evaluate(
        "([target, selector]) => { const el = document.querySelector(target); return !!(el && el.closest(selector)); }",
        [target, selector],
    )


def violations(page, exceptions: tuple[AxeException, ...] = EXCEPTIONS, options: dict = OPTIONS) -> list[str]:
    """axe-core's violations on the page now, less the nodes an exception covers."""
    found = AXE.run(page, options=options).response["violations"]
    out = []
    for violation in found:
        for node in violation["nodes"]:
            target = node["target"][0] if len(node["target"]) == 1 else node["target"]
            if any(e.rule == violation["id"] and _matches(page, target, e.selector) for e in exceptions):
                continue
            out.append(_node_text(violation, node))
    return out


def check_page(page, url: str, ready: str, lang: str) -> None:
    page.goto(url)
    settle(page, ready)
    assert page.evaluate("document.documentElement.lang") == lang
    # Every page links to the accessibility statement (the navigation in the sidebar).
    assert page.locator("[data-testid='stSidebarNav'] a[href$='/tillganglighet']").count() == 1
    found = violations(page)
    assert found == [], "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path, ready", [(p, r) for _, p, r in DEMO_STATES], ids=[i for i, _, _ in DEMO_STATES])
def test_no_violations_on_demo_data(server, a11y_page, path, ready, lang):
    check_page(a11y_page, server + with_lang(path, lang), ready, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EMPTY_PAGES)
def test_no_violations_on_an_empty_database(empty_server, a11y_page, path, lang):
    check_page(a11y_page, empty_server + with_lang(path, lang), HEADING, lang)


def test_no_violations_with_popover_expander_and_tabs_open(server, a11y_page):
    """What opens on a click is checked too: "Dela", a folded table, the upload page's tabs."""
    page = a11y_page
    page.goto(f"{server}/kommun?kommun=0180")
    settle(page, CHART)
    page.get_by_role("button", name="Dela").click()
    page.locator("[data-testid='stPopoverBody']").wait_for()
    assert violations(page) == []
    page.keyboard.press("Escape")
    for summary in page.locator("[data-testid='stExpander'] summary").all():  # the weights and the folded table
        summary.click()
    page.locator("[data-testid='stExpanderDetails'] " + TABLE).first.wait_for()
    page.locator("[data-testid='stExpanderDetails'] [data-testid='stSlider']").first.wait_for()
    assert violations(page) == []

    page.goto(f"{server}/ladda-upp")
    settle(page, "[data-testid='stFileUploader']")
    for tab in page.get_by_role("tab").all()[1:]:
        tab.click()
        page.wait_for_function("(tab) => tab.getAttribute('aria-selected') === 'true'", arg=tab.element_handle())
        wait_for_app(page)
        assert violations(page) == [], tab.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_follows_the_interface_and_the_switch_marks_the_other_language(server, a11y_page, lang):
    page = a11y_page
    page.goto(server + with_lang("/om", lang))
    settle(page)
    assert page.evaluate("document.documentElement.lang") == lang
    other = "en" if lang == "sv" else "sv"
    options = page.locator("[data-testid='stSidebar'] [data-testid='stRadioOption']")
    marked = {options.nth(i).inner_text().strip(): options.nth(i).get_attribute("lang")
              for i in range(options.count())}
    assert marked[{"sv": "English", "en": "Svenska"}[lang]] == other
    assert marked[{"sv": "Svenska", "en": "English"}[lang]] is None  # the page's own language

    # Switching the language in the page changes <html lang> without a reload.
    page.locator("[data-testid='stSidebar'] [data-testid='stRadioOption']",
                 has_text={"sv": "English", "en": "Svenska"}[lang]).click()
    page.wait_for_function("(lang) => document.documentElement.lang === lang", arg=other)


def test_html_lang_is_set_right_after_the_first_text(server, browser):
    """Streamlit serves ``lang="en"``; the app's first element sets the language a moment after
    the page's first heading appears (``st.html`` is loaded on demand): that moment stays short."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script("""
        window.__firstHeading = null; window.__langSet = {};
        new MutationObserver(() => {
          if (window.__firstHeading === null && document.querySelector('h1')) window.__firstHeading = performance.now();
          const lang = document.documentElement.lang;
          if (!(lang in window.__langSet)) window.__langSet[lang] = performance.now();
        }).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['lang']});
    """)
    try:
        page = context.new_page()
        for lang, path in (("sv", "/sektorer"), ("en", "/om?lang=en"), ("sv", "/om")):
            page.goto(server + path)
            settle(page)
            heading, set_at = page.evaluate("[window.__firstHeading, window.__langSet]")
            assert lang in set_at
            assert set_at[lang] - heading < LANG_DELAY_MS, (lang, path, heading, set_at)
    finally:
        context.close()


def test_violations_outside_an_exception_are_reported(a11y_page):
    """The filter itself: a node an exception covers is left out, the same rule elsewhere is not."""
    page = a11y_page
    page.set_content("<html lang='sv'><head><title>t</title></head><body><main>"
                     "<div class='streamlit-part'><img src='data:,'></div><img id='own' src='data:,'>"
                     "</main></body></html>")
    exception = AxeException("image-alt", ".streamlit-part", "1.1.1", ("/",), "test", "test")
    found = violations(page, exceptions=(exception,))
    assert len(found) == 1 and "#own" in found[0]
    assert len(violations(page, exceptions=())) == 2


@pytest.mark.parametrize("exception", EXCEPTIONS, ids=[f"{e.rule}:{e.selector}" for e in EXCEPTIONS])
def test_every_exception_still_applies(server, a11y_page, exception):
    """An exception whose rule no longer fails where it says must be removed from the list."""
    only = {"runOnly": {"type": "rule", "values": [exception.rule]}, "resultTypes": ["violations"]}
    page = a11y_page
    seen = []
    for path in exception.pages:
        page.goto(server + path)
        settle(page)
        found = AXE.run(page, options=only).response["violations"]
        seen += [n["target"][0] for v in found for n in v["nodes"]
                 if _matches(page, n["target"][0], exception.selector)]
    assert seen, (f"{exception.rule} no longer fails on {exception.selector}: remove it from "
                  "adoption/views/accessibility.py EXCEPTIONS")


def test_every_exception_is_explained_and_listed_in_the_statement():
    for exception in EXCEPTIONS:
        assert exception.reason_sv.strip() and exception.reason_en.strip() and exception.pages
    for lang in LANGS:
        gaps = accessibility.gaps(lang)
        assert len(gaps) == len(EXCEPTIONS) + len(accessibility.KNOWN_GAPS)
