"""Översikt: headline figures for the chosen year, the change since the previous survey, and their base."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption import overview  # noqa: E402
from adoption.ui import cache, view  # noqa: E402

ctx = view.setup("oversikt", uses=("ar", "lan"))
st.title(ctx.t("app.title"))
view.share_control(ctx, "/")
if view.no_data(ctx):
    st.stop()

st.subheader(ctx.t("overview.headlines", year=ctx.year))
headlines = cache.call(overview.headlines, ctx.store, ctx.version, ctx.state.filter.with_(ar=ctx.year))
columns = st.columns(3)
for index, headline in enumerate(headlines):
    with columns[index % 3]:
        st.metric(
            headline.metric.label(ctx.lang),
            overview.value_text(headline.result, ctx.lang),
            delta=overview.change_text(headline, ctx.lang),
            delta_color="normal" if headline.metric.higher_is_better else "inverse",
            help=headline.metric.definition(ctx.lang),
            border=True,
        )
        st.caption(overview.base_text(headline.result, ctx.lang))
