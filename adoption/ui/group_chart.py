"""A registry metric per municipality group (Karta, ``niva=grupp``): ordered bars with intervals, and the table.

Everything shown comes from :mod:`adoption.views.groups` (through the cache);
the map's own widget (:mod:`.map_widget`) is used for the other levels.
"""

from __future__ import annotations

import streamlit as st

from adoption import metrics
from adoption.text import i18n
from adoption.views import alternatives, groups, mapping

from . import cache, charts, downloads, map_widget
from .view import PageContext


def show(ctx: PageContext, metric_id: str, *, key: str) -> groups.GroupData | None:
    """Heading, chart, table and downloads of ``metric_id`` per group; None when the metric has no single value."""
    if not mapping.mappable(metric_id):
        map_widget.not_mappable(ctx, metric_id)
        return None
    flt = ctx.state.filter.with_(ar=ctx.year, kommun=None)
    data = cache.call(groups.build, ctx.store, ctx.version, metric_id, flt, ctx.lang)
    metric_name = metrics.get(metric_id).label(ctx.lang)
    st.subheader(ctx.t("karta.heading.grupp", metric=metric_name, year=ctx.year),
                 help=metrics.get(metric_id).definition(ctx.lang))
    if data.blocking_status == "no_groups":
        st.info(ctx.t("grupp.none"), icon="📭")
        return data
    if data.blocking_status:
        st.info(i18n.t(f"status.{data.blocking_status}", ctx.lang).format(ar=ctx.year), icon="📭")
        return data
    if data.filters_ignored:
        st.caption(ctx.t("karta.filters_ignored",
                         filters=", ".join(ctx.t(f"filter.{f}").lower() for f in data.filters_ignored)))
    alt_text = ctx.t("grupp.chart_alt", metric=metric_name, year=ctx.year)
    charts.altair(groups.chart, data, alt=alt_text, summary=alternatives.group_summary(data, ctx.lang))
    st.caption(ctx.t("grupp.help", year=data.classification, file=data.file))
    # At most twelve rows: an HTML table, whose cells a screen reader reads as shown ("78,2"; a canvas
    # table's accessible copy reads the raw number), the value column still a number underneath.
    styled = map_widget.styled_values(cache.derived(groups.table, data), groups.table_value_column(data),
                                      metrics.get(metric_id).unit, ctx.lang, groups.value_texts(data),
                                      [row.value is None for row in data.rows])
    st.table(styled.hide(axis="index"))
    downloads.download_buttons(ctx, lambda: groups.download_table(data), key, metric=metric_id)
    return data
