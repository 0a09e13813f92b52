"""Mål: every programme goal with its observed series, required path, projection, gap and status."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption import metrics  # noqa: E402
from adoption.text import formatting  # noqa: E402
from adoption.ui import cache, charts, downloads, howto, view  # noqa: E402
from adoption.views import alternatives, goals  # noqa: E402

ctx = view.setup("mal", uses=())
st.title(ctx.t("page.mal"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()

st.write(ctx.t("mal.intro"))
st.info(ctx.t("mal.illustrative"), icon="ℹ️")
st.caption(ctx.t("mal.method"))


progress_list = cache.call(goals.goal_progress, ctx.store, ctx.version, ctx.store.goals())
universe = len(cache.municipality_names(ctx.store))  # every municipality: what "of the responding" is not
for progress in progress_list:
    metric = metrics.get(progress.metric)
    with st.container(border=True):
        st.subheader(f"{progress.goal_id} · {formatting.markdown_literal(progress.label(ctx.lang))}")
        metric_name = metric.label(ctx.lang)
        if progress.is_count:
            metric_name += f" ({ctx.t('unit.count')})"
        st.caption(" · ".join([
            goals.target_line(progress, ctx.lang),
            ctx.t("mal.metric", metric=metric_name),
            goals.changed_text(progress, ctx.lang),
        ]), help=metric.definition(ctx.lang))
        st.markdown(goals.denominator_text(progress, ctx.lang, universe))

        icon = goals.STATUS_ICONS[progress.status]
        st.markdown(f"**{ctx.t('common.status')}: {icon} {progress.status_text(ctx.lang)}**")
        reason = progress.reason_text(ctx.lang)
        if reason:
            st.info(reason, icon="📭")
            howto.show(ctx.lang, progress.assessment.reason)
        st.caption(progress.rule(ctx.lang))

        latest = progress.latest
        if latest is None:
            continue
        first, second, third = st.columns(3)
        first.metric(goals.latest_label(progress, ctx.lang),
                     goals.value_text(progress.latest_value, progress.unit, ctx.lang))
        first.caption(goals.base_text(progress, ctx.lang))
        bounds = goals.bounds_text(progress.latest_bounds, ctx.lang)
        if bounds:
            first.caption(bounds)
        second.metric(ctx.t("mal.projected", year=progress.target_year),
                      goals.value_text(progress.projected, progress.unit, ctx.lang))
        third.metric(goals.gap_label(progress, ctx.lang), goals.gap_text(progress, ctx.lang))

        left, right = st.columns([3, 2])
        with left:
            charts.altair(goals.chart, progress, ctx.lang, alt=f"{progress.goal_id}: {ctx.t('mal.chart_caption')}",
                          summary=alternatives.goal_summary(progress, ctx.lang))
            st.caption(ctx.t("mal.chart_caption"))
        with right:
            st.dataframe(cache.derived(goals.series_table, progress, ctx.lang), hide_index=True, width="stretch")
            # A count has no interval (its note is the denominator text above).
            if not progress.is_count:
                st.caption(ctx.t("mal.ci_note"))
        # The chart and the table hold the same series: one pair of downloads per goal.
        downloads.download_buttons(ctx, lambda p=progress: goals.series_download(p, ctx.lang), f"mal_{progress.goal_id}",
                                   metric=progress.metric, with_year=False)
