"""Browser print: the page without its controls, headed by its filters and data version.

Every page gets this from :func:`adoption.ui.view.setup`. On screen the header
is hidden; in print the sidebar, the header bar, and every control (downloads,
pickers, buttons, links to other pages, "Dela") are hidden, and the page is
set on A4 in a narrower, smaller layout so that a municipality's profile fits
on two pages.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from adoption.views import about

from . import cache
from .context import store as current_store

MARK = "adoption-print-only"
# A container keyed with this prefix (``st.container(key=SCREEN_ONLY + "name")``) is left out of print:
# a chart whose table beside it carries the same figures.
SCREEN_ONLY = "screen_only_"

# By Streamlit test id (checked against streamlit 1.67): the frame around the page, and the controls
# in it (their element containers go too, so that no empty gap is left).
FRAME = ("stSidebar", "stSidebarCollapsedControl", "stHeader", "stToolbar", "stDecoration", "stStatusWidget",
         "stElementToolbar")
CONTROLS = (
    "stPopover", "stExpander", "stDownloadButton", "stButton", "stPageLink", "stSelectbox", "stMultiSelect",
    "stRadio", "stTextInput", "stCheckbox", "stToggle", "stFileUploader", "stNumberInput", "stSlider",
    "stDateInput", "stForm", "stChatInput",
)

# In print: no controls (nor the rows of columns that hold only download buttons), a chart's table
# beside it left out (the chart and the page's other tables carry the figures), and the page scaled
# so that a municipality's profile fits on two A4 pages. Canvas tables (st.dataframe) keep the width
# they had on screen: the zoom keeps them inside the page.
_FRAME = ", ".join(f'[data-testid="{tid}"]' for tid in FRAME)
_CONTROLS = ", ".join(f'[data-testid="{tid}"]' for tid in CONTROLS)
_CONTENT = ", ".join(f'[data-testid="{tid}"]' for tid in (
    "stDataFrame", "stTable", "stVegaLiteChart", "stDeckGlJsonChart", "stMarkdown", "stMetric", "stImage"))
# Each rule on its own: a selector the browser does not know drops only its rule.
CSS = f"""<style>
[data-testid="stElementContainer"]:has(.{MARK}) {{ display: none; }}
@media print {{
  @page {{ size: A4; margin: 12mm 11mm; }}
  /* A profile grew by the round, goal and catalogue notes: printed at 80 % it keeps to two A4 pages. */
  [data-testid="stMain"] {{ zoom: 0.8; }}
  {_FRAME}, {_CONTROLS} {{ display: none !important; }}
  [data-testid="stElementContainer"]:has({_CONTROLS}) {{ display: none !important; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stDownloadButton"]):not(:has({_CONTENT})) {{
    display: none !important;
  }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stVegaLiteChart"]) [data-testid="stColumn"]:has([data-testid="stDataFrame"]) {{
    display: none !important;
  }}
  [data-testid="stElementContainer"]:has(.{MARK}) {{ display: block !important; }}
  [class*="st-key-{SCREEN_ONLY}"] {{ display: none !important; }}
  [data-testid="stMain"], [data-testid="stMainBlockContainer"], [data-testid="stAppViewContainer"] {{
    padding: 0 !important; margin: 0 !important; max-width: none !important;
  }}
  [data-testid="stMainBlockContainer"] {{ zoom: 0.66; }}
  [data-testid="stVerticalBlock"] {{ gap: 0.5rem !important; }}
  h1, h2, h3 {{ padding-top: 0.3rem !important; padding-bottom: 0.2rem !important; }}
  .{MARK} {{ display: block; font-size: 0.85rem; line-height: 1.35; color: #222; border-bottom: 1px solid #888;
             padding-bottom: 0.35rem; }}
}}
</style>"""


def _loaded(db, *, version: int | None):
    return next((v.created_at for v in db.versions() if v.version == version), None)


def style(ctx) -> None:
    """The print style and the print-only header for the page of ``ctx`` (a :class:`PageContext`)."""
    if ctx.version is None:
        st.html(CSS)
        return
    state = ctx.state
    parts = [f"{ctx.t('filter.ar')}: {ctx.year}"]
    flt = state.filter
    if flt.lan:
        names = cache.county_names(current_store())
        parts.append(f"{ctx.t('filter.lan')}: {', '.join(names.get(c, c) for c in flt.lan)}")
    if flt.kommun:
        names = cache.municipality_names(current_store())
        parts.append(f"{ctx.t('filter.kommun')}: {names.get(flt.kommun, flt.kommun)} ({flt.kommun})")
    if flt.sektor:
        parts.append(f"{ctx.t('filter.sektor')}: {', '.join(ctx.label('sektor', s) for s in flt.sektor)}")
    if flt.typ:
        parts.append(f"{ctx.t('filter.typ')}: {ctx.label('typ', flt.typ)}")
    parts.append(f"{ctx.t('filter.lang')}: {ctx.label('lang', ctx.lang)}")
    loaded = about.when(cache.call(_loaded, ctx.store, ctx.version), ctx.lang)
    pinned = ctx.query(v=ctx.version, ar=ctx.year)
    link = f"{st.context.url or ''}?{urlencode([(k, v) for k, values in pinned.items() for v in values])}"
    lines = [ctx.t("report.print.filters", filters=" · ".join(parts)),
             ctx.t("report.print.version", version=ctx.version, loaded=loaded),
             ctx.t("report.print.link", link=link)]
    st.html(CSS + f"<div class='{MARK}'>" + "<br>".join(html.escape(line) for line in lines) + "</div>")
