"""Initiativ: the catalogue of reported AI initiatives, searchable and filterable, and who else does the same."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption import (
    metrics,  # noqa: E402
    vocab,  # noqa: E402
)
from adoption.text import formatting  # noqa: E402
from adoption.ui import cache, downloads, view  # noqa: E402
from adoption.views import catalogue, overview  # noqa: E402

ctx = view.setup("initiativ", uses=("ar", "lan", "kommun", "sektor", "typ"))
st.title(ctx.t("page.initiativ"))
view.share_control(ctx, "/initiativ")
if view.no_data(ctx):
    st.stop()
st.caption(ctx.t("initiativ.intro"))

# Page-local filters: not in the URL (its keys are fixed in adoption/filters.py).
text_col, stage_col, tech_col, eval_col = st.columns([2, 1, 1, 1])
text = text_col.text_input(ctx.t("initiativ.search"), key="initiativ_text", max_chars=catalogue.MAX_QUERY,
                           help=ctx.t("initiativ.search_help"))
stage = stage_col.multiselect(ctx.t("initiativ.mognad"), [s.value for s in vocab.stages()], key="initiativ_mognad",
                              format_func=lambda v: f"{v} {ctx.label('mognad', v)}", placeholder=ctx.t("filter.all"))
technique = tech_col.multiselect(ctx.t("initiativ.teknik"), list(vocab.codes("teknik")), key="initiativ_teknik",
                                 format_func=lambda c: ctx.label("teknik", c), placeholder=ctx.t("filter.all"))
evaluated = eval_col.multiselect(ctx.t("initiativ.utvarderad"), list(catalogue.EVALUATED), key="initiativ_utvarderad",
                                 format_func=lambda c: ctx.t(f"initiativ.eval.{c}"), placeholder=ctx.t("filter.all"))

flt = ctx.state.filter.with_(ar=ctx.year)
base = catalogue.Query(ar=ctx.year, typ=flt.typ)
query = catalogue.Query(text=text or "", ar=ctx.year, lan=flt.lan, kommun=flt.kommun, sektor=flt.sektor, typ=flt.typ,
                        mognad=tuple(stage), teknik=tuple(technique), utvarderad=tuple(evaluated))
found = cache.call(catalogue.find, ctx.store, ctx.version, query, catalogue.TABLE_LIMIT)
total = cache.call(catalogue.find, ctx.store, ctx.version, base, 0).total
hits = found.rows
st.markdown(ctx.tn("initiativ.count", total, shown=formatting.number(found.total, ctx.lang),
                   total=formatting.number(total, ctx.lang), year=ctx.year))

# The share evaluated for the sidebar selection, from the registry (the page's own filters are not in it).
evaluated_share = cache.metric(ctx.store, ctx.version, "andel_utvarderade", flt)
st.caption(ctx.t("initiativ.registry", label=metrics.get("andel_utvarderade").label(ctx.lang),
                 value=overview.value_text(evaluated_share, ctx.lang),
                 base=overview.base_text(evaluated_share, ctx.lang)))

if hits.empty:
    st.info(ctx.t("initiativ.none"))
    st.stop()

civil = flt.typ == "civilsamhalle"
if found.limited:
    st.caption(ctx.t("initiativ.limited", shown=formatting.number(len(hits), ctx.lang),
                     total=formatting.number(found.total, ctx.lang),
                     download=formatting.number(min(found.total, catalogue.DOWNLOAD_LIMIT), ctx.lang)))
st.dataframe(catalogue.table(hits, ctx.lang, organisation=civil), hide_index=True, width="stretch")
# Fetched on click; a search with more matches than the table shows has more rows in its file (up to a limit).
download_rows = (lambda: catalogue.find(ctx.store, query, catalogue.DOWNLOAD_LIMIT, version=ctx.version).rows
                 if found.limited else hits)
downloads.download_buttons(ctx, lambda: catalogue.download_table(download_rows(), ctx.lang, organisation=civil),
                           "initiativ", metric=None)

# -- one initiative in detail, and who else does the same kind of work -------------
st.subheader(ctx.t("initiativ.detail"))
titles = {int(i): f"{t} – {k} ({a})" for i, t, k, a in zip(hits["id"], hits["titel"], hits["kommun"], hits["ar"])}
if st.session_state.get("initiativ_valt") not in titles:
    st.session_state["initiativ_valt"] = next(iter(titles))
chosen = st.selectbox(ctx.t("initiativ.pick"), list(titles), format_func=lambda i: titles.get(i, str(i)),
                      key="initiativ_valt")
row = hits[hits["id"] == chosen].iloc[0]
left, right = st.columns([1, 1])
with left:
    st.dataframe(catalogue.details(row, ctx.lang), hide_index=True, width="stretch")
with right:
    st.markdown(f"**{ctx.t('common.description')}**")
    st.text(row["beskrivning"] if isinstance(row["beskrivning"], str) else "–")

same = cache.call(catalogue.find_same_kind, ctx.store, ctx.version, row["sektor"], row["teknik"],
                  str(row["kommunkod"]), catalogue.SAME_KIND_LIMIT)
others = same.rows
if others.empty:
    st.caption(ctx.t("initiativ.same_kind_none"))
else:
    st.markdown(ctx.t("initiativ.same_kind", sektor=ctx.label("sektor", row["sektor"]),
                      teknik=ctx.label("teknik", row["teknik"]), n=formatting.number(same.total, ctx.lang)))
    if same.limited:
        st.caption(ctx.t("initiativ.same_kind_limited", shown=formatting.number(len(others), ctx.lang),
                         total=formatting.number(same.total, ctx.lang)))
    st.dataframe(catalogue.same_kind_table(others, ctx.lang), hide_index=True, width="stretch")
    downloads.download_buttons(ctx, lambda: catalogue.same_kind_table(others, ctx.lang), "initiativ_samma_slag",
                               metric=None, with_year=False)
