"""Initiativ: the catalogue of reported AI initiatives, searchable and filterable, and who else does the same."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption import metrics  # noqa: E402
from adoption.text import formatting, present  # noqa: E402
from adoption.ui import cache, catalogue_search, downloads, view, widget_text  # noqa: E402
from adoption.views import catalogue  # noqa: E402

ctx = view.setup("initiativ", uses=("ar", "lan", "kommun", "sektor", "typ"), all_years=True)
st.title(ctx.t("page.initiativ"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()
st.caption(ctx.t("initiativ.intro"))
number = lambda n: formatting.number(n, ctx.lang)  # noqa: E731

search = catalogue_search.fields(ctx)  # page-local: not in the URL

# The catalogue lists rows: of one year, or of every year ("alla år", where a profile's link leads).
flt = ctx.state.filter.with_(ar=None if ctx.all_years else ctx.year)
query = catalogue.page_query(flt, *search)
found = cache.call(catalogue.find, ctx.store, ctx.version, query, catalogue.TABLE_LIMIT)
# "of N in the selection": N is what the sidebar chose (year, county, municipality, sector, kind), before the search.
total = cache.call(catalogue.find, ctx.store, ctx.version, catalogue.page_query(flt), 0).total
hits = found.rows
years = ctx.t("initiativ.all_years") if ctx.all_years else ctx.year
st.markdown(ctx.tn("initiativ.count", total, shown=number(found.total), total=number(total), year=years))

# The registry's share evaluated for the sidebar selection (not the search), of one year: the latest for "alla år".
evaluated_share = cache.metric(ctx.store, ctx.version, "andel_utvarderade", flt.with_(ar=ctx.year))
st.caption(ctx.t("initiativ.registry", label=metrics.get("andel_utvarderade").label(ctx.lang), year=ctx.year,
                 value=present.value(evaluated_share, ctx.lang), base=present.caption(evaluated_share, ctx.lang)))
unknown = cache.call(catalogue.find, ctx.store, ctx.version,
                     catalogue.page_query(flt.with_(ar=ctx.year), utvarderad=("okant",)), 0).total
if unknown:  # marked "Okänt": in the selection, not in the registry's base above
    st.caption(ctx.tn("initiativ.unknown_evaluated", unknown, n=number(unknown)))
if hits.empty:
    st.info(ctx.t("initiativ.none"))
    st.stop()

civil = flt.typ == "civilsamhalle"
if found.limited:
    st.caption(ctx.t("initiativ.limited", shown=number(len(hits)), total=number(found.total),
                     download=number(catalogue.download_count(found))))
st.dataframe(catalogue.table(hits, ctx.lang, organisation=civil), hide_index=True, width="stretch")
# Fetched on click; a search with more matches than the table shows has more rows in its file (up to a limit).
downloads.download_buttons(ctx, lambda: catalogue.download_table(
    catalogue.download_rows(ctx.store, query, found, version=ctx.version), ctx.lang, organisation=civil),
    "initiativ", metric=None, with_year=not ctx.all_years)

# -- one initiative in detail, and who else does the same kind of work -------------
st.subheader(ctx.t("initiativ.detail"))
titles = catalogue.titles(hits)
if st.session_state.get("initiativ_valt") not in titles:
    st.session_state["initiativ_valt"] = next(iter(titles))
chosen = st.selectbox(ctx.t("initiativ.pick"), list(titles), format_func=lambda i: titles.get(i, str(i)),
                      key="initiativ_valt", placeholder=widget_text.choose(ctx.lang))
row = catalogue.initiative(hits, chosen)
left, right = st.columns([1, 1])
left.dataframe(catalogue.details(row, ctx.lang), hide_index=True, width="stretch")
right.markdown(f"**{ctx.t('common.description')}**")
right.text(catalogue.description_text(row))

same = cache.call(catalogue.find_same_kind, ctx.store, ctx.version, row["sektor"], row["teknik"],
                  str(row["kommunkod"]), catalogue.SAME_KIND_LIMIT)
if same.rows.empty:
    st.caption(ctx.t("initiativ.same_kind_none"))
    st.stop()
st.markdown(ctx.t("initiativ.same_kind", sektor=ctx.label("sektor", row["sektor"]),
                  teknik=ctx.label("teknik", row["teknik"]), n=number(same.total)))
if same.limited:
    st.caption(ctx.t("initiativ.same_kind_limited", shown=number(len(same.rows)), total=number(same.total)))
st.dataframe(catalogue.same_kind_table(same.rows, ctx.lang), hide_index=True, width="stretch")
downloads.download_buttons(ctx, lambda: catalogue.same_kind_table(same.rows, ctx.lang), "initiativ_samma_slag",
                           metric=None, with_year=False)
