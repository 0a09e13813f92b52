"""Programmets effekt, drawn: the verdict, cohorts, trajectories and event study, then the pilot funnel.

The figures and words come from :mod:`adoption.views.effect` and :mod:`adoption.views.funnel`;
these functions only lay them out, so the page stays a list of sections.
"""

from __future__ import annotations

import streamlit as st

from adoption import metrics
from adoption.views import effect, funnel

from . import cache, charts, downloads
from .view import PageContext


def verdict(ctx: PageContext, data, outcome: str) -> None:
    """The verdict with its rule, the estimator and the caveats."""
    result = data.result
    with st.container(border=True):
        st.subheader(ctx.t("effekt.verdict_heading", outcome=metrics.get(outcome).label(ctx.lang)))
        st.markdown(f"**{effect.verdict_text(result, ctx.lang)}**")
        line = effect.headline(result, ctx.lang)
        if line:
            st.markdown(line)
            st.caption(ctx.t("effekt.pretrend_line", p=effect.p_text(result.pretrend_p, ctx.lang),
                             leads=result.pretrend_leads))
        for reason in effect.reason_texts(result, ctx.lang):
            st.info(reason, icon="📭")
        st.caption(effect.rule_text(ctx.lang))
        st.caption(ctx.t("effekt.estimator", name=result.estimator(ctx.lang), library=result.library))
    st.markdown("\n".join(f"- {text}" for text in effect.caveats(result, ctx.lang)))
    if ctx.state.filter.typ == "civilsamhalle":
        st.caption(ctx.t("effekt.civil_note"))


def estimate(ctx: PageContext, data, outcome: str) -> None:
    """Cohorts, trajectories and the event study with its table and downloads."""
    result = data.result
    st.subheader(ctx.t("effekt.cohorts_heading"))
    st.dataframe(cache.derived(effect.cohort_table, result, ctx.lang), hide_index=True)

    # -- trajectories ----------------------------------------------------------------------
    st.subheader(ctx.t("effekt.trajectories_heading"))
    if not charts.altair(effect.trajectory_chart, data.trajectories, outcome, ctx.lang, alt=ctx.t("effekt.trajectories_alt")):
        st.info(ctx.t("effekt.nothing_to_draw"))
    st.caption(ctx.t("effekt.trajectories_note"))
    downloads.download_buttons(ctx, lambda: effect.trajectory_download(data), "effekt_forlopp", metric=outcome,
                               with_year=False)
    st.subheader(ctx.t("effekt.event_means_heading"))
    if not charts.altair(effect.event_means_chart, data.event_means, outcome, ctx.lang, alt=ctx.t("effekt.event_means_heading")):
        st.info(ctx.t("effekt.nothing_to_draw"))

    # -- event study: chart with its table beside it -----------------------------------------
    st.subheader(ctx.t("effekt.event_heading"))
    left, right = st.columns([3, 2])
    with left:
        if not charts.altair(effect.event_chart, result, ctx.lang, alt=ctx.t("effekt.event_alt")):
            st.info(ctx.t("effekt.nothing_to_draw"))
    with right:
        st.dataframe(cache.derived(effect.event_table, result, ctx.lang), hide_index=True, width="stretch")
    st.caption(ctx.t("effekt.event_note"))
    if result.placebo is not None:
        st.caption(ctx.t("effekt.placebo_line", value=effect.points(result.placebo.estimate, ctx.lang),
                         interval=effect.interval(result.placebo.ci_low, result.placebo.ci_high, ctx.lang)))
    elif result.att is not None:
        st.caption(ctx.t("effekt.placebo_none"))
    downloads.download_buttons(ctx, lambda: effect.event_frame(result), "effekt_handelsestudie", metric=outcome,
                               with_year=False)
    st.caption(ctx.t("effekt.summary_download"))
    downloads.download_buttons(ctx, lambda: effect.summary_download(data, ctx.lang), "effekt_skattning",
                               metric=outcome, with_year=False)


def pilot_funnel(ctx: PageContext) -> None:
    """From pilot to production: transitions, reach within 1 and 2 years, stalled pilots, evaluated initiatives."""
    st.header(ctx.t("funnel.heading"))
    st.write(ctx.t("funnel.intro"))
    pipe = cache.call(funnel.funnel_data, ctx.store, ctx.version, ctx.state.filter.with_(ar=ctx.year, kommun=None))
    if pipe.sampled_from:
        st.caption(ctx.t("funnel.sampled", units=pipe.units, total=pipe.sampled_from))
    if pipe.previous is None:
        st.info(ctx.t("funnel.no_previous", year=pipe.ar), icon="📭")
    else:
        st.subheader(ctx.t("funnel.matrix_heading", previous=pipe.previous, year=pipe.ar))
        if not charts.altair(funnel.transition_chart, pipe, ctx.lang, alt=ctx.t("funnel.matrix_alt")):
            st.info(ctx.t("effekt.nothing_to_draw"))
        st.dataframe(cache.derived(funnel.transition_table, pipe, ctx.lang), hide_index=True)
        st.caption(ctx.t("funnel.matrix_note"))
        downloads.download_buttons(ctx, lambda: funnel.transition_download(pipe, ctx.lang), "effekt_overgangar",
                                   metric=None)

    st.subheader(ctx.t("funnel.reach_heading"))
    st.dataframe(cache.derived(funnel.reach_table, pipe, ctx.lang), hide_index=True)
    st.caption(ctx.t("funnel.reach_note", **funnel.reach_years(pipe)))

    st.subheader(ctx.t("funnel.stalled_heading", year=pipe.ar))
    stalled = cache.derived(funnel.stalled_table, pipe, ctx.lang, ctx.state.v)
    if stalled.empty:
        st.info(ctx.t("funnel.no_stalled"), icon="📭")
    else:
        link_column = ctx.t("funnel.col.kommun")
        st.dataframe(stalled, hide_index=True, column_config={
            link_column: st.column_config.LinkColumn(link_column, display_text=r"kommun=(\d{4})")})
    st.caption(ctx.t("funnel.stalled_note"))
    downloads.download_buttons(ctx, lambda: funnel.stalled_download(pipe), "effekt_fastnade_piloter", metric=None)

    st.subheader(ctx.t("funnel.evaluated_heading", year=pipe.ar))
    st.dataframe(cache.derived(funnel.evaluated_table, pipe, ctx.lang), hide_index=True)
    st.caption(ctx.t("funnel.evaluated_note"))
