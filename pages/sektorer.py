"""Sektorer: per sector the share at each stage, this year against the previous survey; the most named barriers."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.metrics.years import latest_and_previous  # noqa: E402
from adoption.ui import barriers, cache, charts, downloads, view  # noqa: E402
from adoption.views import alternatives, sectors  # noqa: E402

ctx = view.setup("sektorer", uses=("ar", "lan", "typ", "sektor"))
st.title(ctx.t("page.sektorer"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()

st.write(ctx.t("sektorer.intro"))
flt = ctx.state.filter.with_(ar=ctx.year, kommun=None)
year, previous = cache.call(latest_and_previous, ctx.store, ctx.version, ctx.year)

# -- stage by sector ---------------------------------------------------------
if previous is not None:
    st.subheader(ctx.t("sektorer.stages_heading", year=year, previous=previous))
else:
    st.subheader(ctx.t("sektorer.stages_heading_single", year=year))
    st.caption(ctx.t("sektorer.no_previous"))
rows = cache.call(sectors.stage_rows, ctx.store, ctx.version, flt)
st.caption(ctx.t("sektorer.colour_note") + " " + ctx.t("sektorer.denominator_note"))
if (rows["status"] == "too_few").any():
    st.caption(ctx.t("sektorer.too_few_note"))
if not charts.altair(sectors.stage_chart, rows, ctx.lang, alt=ctx.t("sektorer.colour_note"),
                     summary=alternatives.stage_summary(rows, ctx.lang)):
    st.info(ctx.t("sektorer.nothing_to_draw"))
st.dataframe(cache.derived(sectors.stage_table, rows, ctx.lang), hide_index=True)
with st.expander(ctx.t("sektorer.detail")):
    st.dataframe(cache.derived(sectors.stage_detail_table, rows, ctx.lang), hide_index=True)
# The chart and both tables hold the same shares: one pair of downloads (as numbers).
downloads.download_buttons(ctx, lambda: sectors.stage_download(rows, ctx.lang), "sektorer_mognad", metric="sektor_fordelning")

# -- barriers ------------------------------------------------------------------
heading = ctx.t("sektorer.barriers_heading", year=year)
st.subheader(heading)
barriers.show(ctx, cache.call(sectors.barrier_rows, ctx.store, ctx.version, flt), year, previous, heading=heading,
              download_name="sektorer_hinder", side_by_side=True,
              notes=(ctx.t("sektorer.sector_ignored"),) if flt.sektor else ())
