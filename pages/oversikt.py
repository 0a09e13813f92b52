"""Översikt: headline figures for the chosen year, the change since the previous survey, and their base."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import itertools  # noqa: E402

import streamlit as st  # noqa: E402

from adoption.text import present  # noqa: E402
from adoption.ui import cache, map_widget, navigation, report, view  # noqa: E402
from adoption.views import overview  # noqa: E402

ctx = view.setup("oversikt", uses=("ar", "lan", "grupp"))
st.title(ctx.t("app.title"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()
report.download_button(ctx)

st.subheader(ctx.t("overview.headlines", year=ctx.year))
headlines = cache.call(overview.headlines, ctx.store, ctx.version, ctx.state.filter.with_(ar=ctx.year))
for column, headline in zip(itertools.cycle(st.columns(3)), headlines):
    delta = overview.card_delta(headline, ctx.lang)
    with column:
        st.metric(
            headline.metric.label(ctx.lang),
            present.value(headline.result, ctx.lang),
            delta=delta.text, delta_arrow=delta.arrow, delta_color=delta.colour,
            help=headline.metric.definition(ctx.lang),
            border=True,
        )
        st.caption(present.caption(headline.result, ctx.lang))
        if delta.detail:
            st.caption(delta.detail)

# The key figures as a table (a text equivalent of the cards) with CSV and Excel downloads.
from adoption.ui import downloads  # noqa: E402
from adoption.views import downloads as files  # noqa: E402

st.subheader(ctx.t("download.headline_table"))
st.dataframe(files.headline_text_table(headlines, ctx.lang), hide_index=True, width="stretch")
downloads.download_buttons(ctx, lambda: files.headline_table(headlines, ctx.lang), "oversikt", metric=None)

map_widget.show(ctx, "andel_ai_i_drift", "lan", key="oversikt-karta", height=420, layout="below")

# Programme goals: one status line each (details on Mål).
from adoption.views import goals  # noqa: E402

# The goals are national and read up to the year shown; a county chosen above does not change them.
st.subheader(ctx.t("mal.overview_heading", year=ctx.year))
if ctx.state.filter.lan:
    st.info(ctx.t("mal.overview_national"), icon="ℹ️")
st.markdown("\n".join(f"- {goals.status_line(p, ctx.lang)}"
                      for p in cache.call(goals.goal_progress, ctx.store, ctx.version, ctx.store.goals(), ctx.year)))
st.caption(ctx.t("mal.illustrative"))
st.page_link(navigation.MAL.file, label=ctx.t("mal.overview_more"), icon=navigation.MAL.icon)
