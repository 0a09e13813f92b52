"""Kommun: one municipality's profile, compared with its county, the country and similar municipalities."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption import metrics  # noqa: E402
from adoption.metrics import similarity  # noqa: E402
from adoption.text import formatting  # noqa: E402
from adoption.ui import cache, downloads, report, view  # noqa: E402
from adoption.views import catalogue, profile  # noqa: E402

# Okabe-Ito colours (colour-blind safe): municipality, county, country.
LINE_COLOURS = ["#0072B2", "#E69F00", "#009E73"]

ctx = view.setup("kommun", uses=("ar", "lan", "kommun"))
code = ctx.state.filter.kommun
place = cache.call(profile.municipality, ctx.store, ctx.version, code) if code else None
st.title(place.name if place else ctx.t("page.kommun"))
if view.no_data(ctx):
    st.stop()
if place is None:
    st.info(ctx.t("kommun.intro"), icon="👈")
    st.stop()

st.caption(ctx.t("kommun.caption", code=place.kommunkod, lan=place.lan_name))
view.share_control(ctx, "/kommun")
report.download_button(ctx, kommun=place.kommunkod)

# -- the municipality's own stages ---------------------------------------------
cells = cache.call(profile.stage_history, ctx.store, ctx.version, place.kommunkod)
st.subheader(ctx.t("kommun.stages"))
answered = profile.responded_years(cells)
all_years = sorted({c.ar for c in cells})
missing = [y for y in all_years if y not in answered]
if not answered:
    st.warning(ctx.t("kommun.never"))
elif missing:
    st.caption(ctx.t("kommun.no_response_years", years=", ".join(str(y) for y in missing)))
grid, styles = profile.stage_grid(cells, ctx.lang)
st.dataframe(grid.style.apply(lambda _: styles, axis=None), width="stretch", height="content")
st.caption(ctx.t("kommun.stages_help"))
downloads.download_buttons(ctx, profile.stage_download(cells, ctx.lang), "kommun_mognad", metric=None,
                           with_year=False)

# -- comparisons from the registry ---------------------------------------------
likeness = cache.call(similarity.most_similar, ctx.store, ctx.version, place.kommunkod, ctx.year)
similar_codes = tuple(s.kommunkod for s in likeness.similar)
comps = cache.call(profile.comparisons, ctx.store, ctx.version, place.kommunkod, place.lan_kod, similar_codes,
                   (ctx.year,))
names = {**cache.municipality_names(ctx.store), **cache.county_names(ctx.store)}

st.subheader(ctx.t("kommun.compare", year=ctx.year))
st.dataframe(profile.comparison_table(comps, ctx.year, names, ctx.lang), hide_index=True, width="stretch",
             height="content")
downloads.download_buttons(ctx, profile.comparison_download(comps, names, ctx.lang, years=(ctx.year,)),
                           "kommun_jamforelse", metric=None)
st.caption(ctx.t("kommun.compare_help"))
window = ", ".join(str(y) for y in likeness.years)
if likeness.similar:
    st.caption(ctx.t("kommun.likeness", year=likeness.years[-1], years=window, min=similarity.MIN_SHARED))
    st.dataframe(
        [{ctx.t("kommun.col_area"): f"{s.name} ({s.kommunkod})", ctx.t("filter.lan"): s.lan_name,
          ctx.t("kommun.col_distance"): formatting.number(s.distance, ctx.lang, 2),
          ctx.t("kommun.col_shared"): formatting.number(s.shared, ctx.lang)} for s in likeness.similar],
        hide_index=True, width="stretch", height="content",
    )
    downloads.download_buttons(ctx, profile.similar_download(likeness.similar, ctx.lang), "kommun_liknande",
                               metric=None)
else:
    st.caption(ctx.t("kommun.no_similar", years=window or "–"))

st.subheader(ctx.t("kommun.trend"))
over_years = cache.call(profile.comparisons, ctx.store, ctx.version, place.kommunkod, place.lan_kod, (), (),
                        ("mognadsindex",))
chart, table = profile.trend(over_years, "mognadsindex", names, ctx.lang)
left, right = st.columns(2)
with left:
    index_label = metrics.get("mognadsindex").label(ctx.lang)
    st.line_chart(chart, y=list(chart.columns), color=LINE_COLOURS[: len(chart.columns)], y_label=index_label,
                  alt=f"{index_label}: {', '.join(chart.columns)}")
    st.caption(ctx.t("kommun.trend_help"))
with right:
    st.dataframe(table, hide_index=True, width="stretch", height="content")
# The chart and the table hold the same series: one pair of downloads.
downloads.download_buttons(
    ctx, profile.comparison_download(over_years, names, ctx.lang, metric_ids=("mognadsindex",),
                                     areas=(profile.AREA_KOMMUN, profile.AREA_LAN, profile.AREA_RIKET)),
    "kommun_trend", metric="mognadsindex", with_year=False)

# -- per sector, against the county's and the country's distributions ------------
st.subheader(ctx.t("kommun.sectors", year=ctx.year))
rows, lan_result, riket_result = cache.call(profile.sector_comparison, ctx.store, ctx.version, place.kommunkod,
                                            place.lan_kod, ctx.year)
st.dataframe(
    [{ctx.t("kommun.col_sector"): ctx.label("sektor", r.sektor),
      ctx.t("kommun.col_own"): profile.cell_text(r.own, ctx.lang),
      ctx.t("kommun.col_lan_same", lan=place.lan_name): profile.same_stage_text(r.lan_same, ctx.lang),
      ctx.t("kommun.col_riket_same"): profile.same_stage_text(r.riket_same, ctx.lang)} for r in rows],
    hide_index=True, width="stretch", height="content",
)
downloads.download_buttons(ctx, profile.sector_download(rows, place.lan_name, ctx.lang), "kommun_sektorer",
                           metric=None)
st.caption(ctx.t("kommun.sectors_help"))
with st.expander(ctx.t("kommun.distribution")):
    st.dataframe(
        profile.distribution_table([(place.lan_name, lan_result), (ctx.t("kommun.riket"), riket_result)], ctx.lang),
        hide_index=True, width="stretch", height="content",
    )
    downloads.download_buttons(
        ctx, profile.distribution_download([(place.lan_name, lan_result), (ctx.t("kommun.riket"), riket_result)],
                                           ctx.lang),
        "kommun_fordelning", metric="sektor_fordelning")

# -- initiatives -------------------------------------------------------------------
st.subheader(ctx.t("kommun.initiatives"))
own = cache.call(profile.initiatives, ctx.store, ctx.version, place.kommunkod)
if own.empty:
    st.caption(ctx.t("kommun.no_initiatives"))
else:
    st.caption(ctx.t("kommun.initiatives_count", n=formatting.number(len(own), ctx.lang)))
    st.dataframe(catalogue.table(own, ctx.lang), hide_index=True, width="stretch", height="content")
    downloads.download_buttons(ctx, catalogue.download_table(own, ctx.lang), "kommun_initiativ", metric=None,
                               with_year=False)
    st.page_link("pages/initiativ.py", label=ctx.t("kommun.initiatives_link"), icon="🔎",
                 query_params=ctx.query(kommun=place.kommunkod, ar=None))
st.caption(ctx.t("kommun.print"))
