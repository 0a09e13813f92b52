"""Download buttons under a chart or table: CSV and Excel, filters in the file name.

Any page: ``downloads.download_buttons(ctx, frame, "karta")`` below the table
(or the chart's table). ``frame`` is the table as numbers (shares in percent
or as fractions, but numbers, not formatted text); the file contents and name
are built in :mod:`adoption.export` (``table_csv_bytes``, ``table_xlsx_bytes``,
``download_name``), where they are tested without Streamlit.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import export
from .view import PageContext

_USE_STATE = export._USE_STATE  # noqa: SLF001 - the same sentinel: "the state's metric"


def download_buttons(ctx: PageContext, frame: pd.DataFrame, name: str, *, metric=_USE_STATE,
                     with_year: bool = True, sheet: str | None = None) -> None:
    """Two download buttons (CSV, Excel) side by side.

    ``name``: the page or table, first in the file name and in the widget
    keys (use a distinct name per table on one page). ``metric``: default the
    view's metric (``ctx.state.matt``); None leaves it out of the file name.
    ``with_year`` False: a table that does not depend on the survey year.
    Downloading does not rerun the page.
    """
    kwargs = {"year": ctx.year if with_year else None, "version": ctx.version, "metric": metric}
    csv_name = export.download_name(name, ctx.state, "csv", **kwargs)
    xlsx_name = export.download_name(name, ctx.state, "xlsx", **kwargs)
    left, right, _ = st.columns([1, 1, 3])
    with left:
        st.download_button(
            ctx.t("download.csv"), data=export.table_csv_bytes(frame), file_name=csv_name,
            mime="text/csv", key=f"download_csv_{name}", on_click="ignore", icon=":material/download:",
            help=ctx.t("download.help"), width="stretch",
        )
    with right:
        st.download_button(
            ctx.t("download.xlsx"), data=export.table_xlsx_bytes(frame, sheet or name), file_name=xlsx_name,
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"download_xlsx_{name}", on_click="ignore", icon=":material/download:",
            help=ctx.t("download.help"), width="stretch",
        )
