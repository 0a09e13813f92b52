"""Om data: definitions of every metric, sources and licences, data versions, missing data."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption import metrics  # noqa: E402
from adoption.ui import cache, downloads, howto, view  # noqa: E402
from adoption.views import about, rounds  # noqa: E402

ctx = view.setup("om")
st.title(ctx.t("page.om_data"))
view.share_control(ctx)
st.write(ctx.t("om.intro"))

status = cache.call(about.data_status, ctx.store, ctx.current, ctx.version)

# What this database holds, and what is missing (the page renders on an empty database too).
st.header(ctx.t("om.data.heading"))
st.markdown("\n".join(f"- {line}" for line in about.summary_lines(status, ctx.lang)))
if status.missing:
    st.info(
        f"**{ctx.t('om.missing.heading')}**\n\n"
        + "\n".join(f"- {line}" + (f" {hint}" if (hint := howto.text(ctx.lang, code)) else "")
                    for code, line in zip(status.missing, about.missing_lines(status, ctx.lang))),
        icon="📭",
    )
if status.has_demo:
    st.subheader(ctx.t("om.demo.heading"))
    st.markdown(ctx.t("om.demo.text"))
    howto.show(ctx.lang, "demo")
else:
    st.caption(ctx.t("om.no_demo"))

st.header(ctx.t("om.metrics.heading"))
st.write(ctx.t("om.metrics.text"))
definitions = about.metric_table(ctx.lang)
st.dataframe(definitions, hide_index=True, width="stretch")
downloads.download_buttons(ctx, definitions, "om_matt", metric=None, with_year=False)

st.header(ctx.t("om.missing_data.heading"))
st.markdown(ctx.t("om.missing_data.text", min_n=metrics.CIVIL_SOCIETY_MIN_N))

st.header(ctx.t("om.reference.heading"))
st.write(ctx.t("om.reference.text"))
reference_sets = cache.call(about.reference_table, ctx.store, ctx.version, ctx.lang)
st.dataframe(reference_sets, hide_index=True, width="stretch")
downloads.download_buttons(ctx, reference_sets, "om_referensdata", metric=None, with_year=False)
st.header(ctx.t("om.effect.heading"))
st.markdown(ctx.t("om.effect.text"))

st.header(ctx.t("round.heading"))
st.markdown("\n".join(f"- {line}" for line in rounds.rule_lines(ctx.lang)))
if ctx.version is not None:
    st.dataframe(cache.call(rounds.rounds_table, ctx.store, ctx.version, ctx.lang), hide_index=True)

st.header(ctx.t("om.sources.heading"))
for source in about.sources(ctx.lang):
    st.markdown(f"**{source.name}**: {source.text} ({ctx.t('om.col.licence').lower()}: {source.licence})")
st.caption(ctx.t("om.sources.published"))

st.header(ctx.t("common.programme_goals"))
st.write(ctx.t("om.goals.text"))
goals = about.goals_table(ctx.store, ctx.lang)  # a handful of rows; goal edits are not data versions
if len(goals):
    st.dataframe(goals, hide_index=True, width="stretch")

st.header(ctx.t("om.versions.heading"))
st.write(ctx.t("om.versions.text"))
if status.versions:
    versions = about.versions_table(status, ctx.lang)
    st.dataframe(versions, hide_index=True, width="stretch")
    downloads.download_buttons(ctx, versions, "om_versioner", metric=None, with_year=False)
else:
    st.info(ctx.t("om.versions.none"), icon="📭")
