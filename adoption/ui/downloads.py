"""Download buttons under a chart or table: CSV and Excel, filters in the file name and inside the file.

Any page: ``downloads.download_buttons(ctx, frame, "karta")`` below the table
(or the chart's table). ``frame`` is the table as numbers (shares in percent
or as fractions, but numbers, not formatted text); the file contents and name
are built in :mod:`adoption.views.downloads` (``table_csv_bytes``, ``table_xlsx_bytes``,
``download_name``), where they are tested without Streamlit.

The files are made when a button is clicked, not on every run: writing an
.xlsx costs 10-50 ms per table (openpyxl), and a page with four tables paid
that on every filter change for files that are rarely downloaded. ``frame``
may therefore also be a function without arguments that returns the table,
so that building the table itself waits for the click too.

Each file is made for a memo (:func:`adoption.views.downloads.for_memo`):
counts whole, other numbers rounded as shown with their four-decimal values
beside them, and the source, data version, selection, date and demo flag in
the file (:func:`file_info`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from adoption import metrics
from adoption.views import downloads as files

from . import cache, navigation
from .view import PageContext


def download_buttons(ctx: PageContext, frame: pd.DataFrame | Callable[[], pd.DataFrame], name: str, *,
                     metric=files.STATE_METRIC,
                     with_year: bool = True, sheet: str | None = None) -> None:
    """Two download buttons (CSV, Excel) side by side.

    ``name``: the page or table, first in the file name and in the widget
    keys (use a distinct name per table on one page). ``metric``: default the
    view's metric (``ctx.state.matt``); None leaves it out of the file name.
    ``with_year`` False: a table that does not depend on the survey year.
    Downloading does not rerun the page.
    """
    build = frame if callable(frame) else (lambda: frame)
    # Every file says which round its figures come from: a column, and "_prel" in the name.
    year = ctx.year if with_year else None
    kwargs = {"year": year, "version": ctx.version, "metric": metric,
              "preliminary": with_year and ctx.preliminary}
    info = file_info(ctx, files.download_stem(name, ctx.state, **kwargs), metric, with_year)
    table = _once(lambda: files.for_memo(files.with_round(build(), ctx.known.rounds, year, ctx.lang),
                                         ctx.lang, info))
    csv_name = files.download_name(name, ctx.state, "csv", **kwargs)
    xlsx_name = files.download_name(name, ctx.state, "xlsx", **kwargs)
    # A row that wraps, each button as wide as its words: fixed columns cut the words to "L…" in a
    # narrow place (the table beside the map, a column of Civilsamhälle).
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            ctx.t("download.csv"), data=lambda: files.table_csv_bytes(table()), file_name=csv_name,
            mime="text/csv", key=f"download_csv_{name}", on_click="ignore", icon=":material/download:",
            help=ctx.t("download.help"), width="content",
        )
        st.download_button(
            ctx.t("download.xlsx"), data=lambda: files.table_xlsx_bytes(table(), sheet or name), file_name=xlsx_name,
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"download_xlsx_{name}", on_click="ignore", icon=":material/download:",
            help=ctx.t("download.help"), width="content",
        )


def file_info(ctx: PageContext, stem: str, metric=files.STATE_METRIC, with_year: bool = True) -> files.FileInfo:
    """What a file from this view says about itself (see :class:`adoption.views.downloads.FileInfo`)."""
    metric_id = ctx.state.matt if metric is files.STATE_METRIC else metric
    page = ctx.t(navigation.page(ctx.page).title_key)
    if metric_id:
        page = f"{page}: {metrics.get(metric_id).label(ctx.lang)}"
    selection = files.selection_text(ctx.state, ctx.lang, year=ctx.year if with_year else None,
                                     county_names=cache.county_names(ctx.store),
                                     municipality_names=cache.municipality_names(ctx.store))
    demo = ctx.version is not None and cache.has_demo(ctx.store, ctx.version)
    return files.FileInfo(page, stem, ctx.version, selection, date.today(), demo, ctx.lang, _link(ctx))


def _link(ctx: PageContext) -> str:
    """The view's address pinned to the data version and year shown (as "Dela" gives it)."""
    pinned = ctx.query(v=ctx.version, ar=ctx.year)
    encoded = urlencode([(k, v) for k, values in pinned.items() for v in values])
    return f"{st.context.url or navigation.page(ctx.page).path}?{encoded}"


def _once(build: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """``build`` called at most once (the CSV and the Excel button share the table)."""
    return lru_cache(maxsize=1)(build)
