"""The most named barriers: notes, chart, table and downloads, shared by Sektorer and Civilsamhälle.

``barriers.show(ctx, rows, year, previous, heading=..., download_name=...)`` below the
page's own subheading; ``rows`` come from ``sectors.barrier_rows`` or ``civil.barrier_rows``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from adoption.views import alternatives, sectors

from . import cache, charts, downloads
from .view import PageContext


def show(ctx: PageContext, rows: pd.DataFrame, year: int, previous: int | None, *, heading: str,
         download_name: str, notes: tuple[str, ...] = (), side_by_side: bool = False) -> None:
    """``notes``: the page's own captions, after the one on the compared years.
    ``side_by_side``: chart and table in two columns, else one below the other."""
    if previous is not None:
        st.caption(ctx.t("sektorer.barriers_note", year=year, previous=previous))
    else:
        st.caption(ctx.t("sektorer.barriers_note_single"))
    for note in notes:
        st.caption(note)
    if (rows["status"] == "too_few").any():
        st.caption(ctx.t("sektorer.too_few_note"))
    chart_place, table_place = st.columns([3, 2]) if side_by_side else (st.container(), st.container())
    with chart_place:
        if not charts.altair(sectors.barrier_chart, rows, year, previous, ctx.lang, alt=heading,
                             summary=alternatives.barrier_summary(rows, year, previous, ctx.lang)):
            st.info(ctx.t("sektorer.nothing_to_draw"))
    with table_place:
        st.dataframe(cache.derived(sectors.barrier_table, rows, year, previous, ctx.lang), hide_index=True)
    downloads.download_buttons(ctx, lambda: sectors.barrier_download(rows, ctx.lang), download_name,
                               metric="hinder_topp")
