"""Civilsamhälle: civil-society organisations by category and county, their adoption and barriers."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.metrics.years import latest_and_previous  # noqa: E402
from adoption.text import present  # noqa: E402
from adoption.ui import barriers, cache, downloads, map_widget, view  # noqa: E402
from adoption.views import civil  # noqa: E402

ctx = view.setup("civilsamhalle", uses=("ar", "lan"))
st.title(ctx.t("page.civilsamhalle"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()

st.write(ctx.t("civilsamhalle.intro"))
flt = civil.civil_filter(ctx.state.filter.with_(ar=ctx.year))
year, previous = cache.call(latest_and_previous, ctx.store, ctx.version, ctx.year)

# -- headline figures for the selection ------------------------------------------
st.subheader(ctx.t("civilsamhalle.headlines", year=year))
summary = cache.call(civil.summary, ctx.store, ctx.version, flt)
columns = st.columns(3)
with columns[0]:
    st.metric(ctx.t("civilsamhalle.drift_count"), present.count(summary.drift, ctx.lang), border=True,
              help=present.reason(summary.drift, ctx.lang))
    st.caption(present.caption(summary.drift, ctx.lang))
with columns[1]:
    st.metric(ctx.t("civilsamhalle.col.drift"), present.value(summary.drift, ctx.lang), border=True)
    st.caption(present.caption(summary.drift, ctx.lang, with_interval=True))
with columns[2]:
    st.metric(ctx.t("civilsamhalle.col.aktivitet"), present.value(summary.aktivitet, ctx.lang), border=True)
    st.caption(present.caption(summary.aktivitet, ctx.lang, with_interval=True))

# -- per county -------------------------------------------------------------------
st.subheader(ctx.t("civilsamhalle.counties_heading", year=year))
st.caption(ctx.t("civilsamhalle.counties_note"))
counties = cache.call(civil.county_rows, ctx.store, ctx.version, flt)
st.dataframe(cache.derived(civil.county_table, counties, ctx.lang), hide_index=True)
downloads.download_buttons(ctx, lambda: civil.county_download(counties, ctx.lang), "civilsamhalle_lan", metric=None)
map_widget.show(ctx, "civil_ai_i_drift", "lan", key="civilsamhalle-karta", flt=flt, height=520, layout="below",
                profile_picker=False)

# -- per category: response rate and AI shares from the registry ----------------------------------------
st.subheader(ctx.t("civilsamhalle.categories_heading", year=year))
st.caption(ctx.t("civilsamhalle.categories_note"))
categories = cache.call(civil.category_rows, ctx.store, ctx.version, flt)
st.dataframe(cache.derived(civil.category_table, categories, ctx.lang), hide_index=True)
downloads.download_buttons(ctx, lambda: civil.category_download(categories, ctx.lang), "civilsamhalle_kategorier",
                           metric=None)

# -- barriers ---------------------------------------------------------------------
heading = ctx.t("civilsamhalle.barriers_heading", year=year)
st.subheader(heading)
barriers.show(ctx, cache.call(civil.barrier_rows, ctx.store, ctx.version, flt), year, previous,
              heading=heading, download_name="civilsamhalle_hinder")
