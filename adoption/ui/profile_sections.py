"""The sections of Kommun, one municipality's profile: each draws its heading, tables, notes and downloads.

Every figure comes from :mod:`adoption.views.profile` (through the cache) and
the registry; these functions only lay it out. ``place`` is the
municipality (``profile.Municipality``).
"""

from __future__ import annotations

import streamlit as st

from adoption import metrics
from adoption.metrics import similarity
from adoption.metrics.filters import ALL_YEARS
from adoption.views import alternatives, catalogue, profile

from . import cache, charts, downloads, navigation
from .view import PageContext

_TABLE = {"hide_index": True, "width": "stretch", "height": "content"}
TREND_METRIC = "mognadsindex"


def own_stages(ctx: PageContext, place: profile.Municipality) -> None:
    """The municipality's own stage per sector and survey year, as it answered."""
    cells = cache.call(profile.stage_history, ctx.store, ctx.version, place.kommunkod)
    st.subheader(ctx.t("kommun.stages"))
    missing = profile.missing_years(cells)
    if not profile.responded_years(cells):
        st.warning(ctx.t("kommun.never"))
    elif missing:
        st.caption(ctx.t("kommun.no_response_years", years=", ".join(str(y) for y in missing)))
    grid, styles = profile.stage_grid(cells, ctx.lang)
    st.dataframe(grid.style.apply(lambda _: styles, axis=None), width="stretch", height="content")
    st.caption(ctx.t("kommun.stages_help"))
    downloads.download_buttons(ctx, profile.stage_download(cells, ctx.lang), "kommun_mognad", metric=None,
                               with_year=False)


def comparisons(ctx: PageContext, place: profile.Municipality, names: dict[str, str]) -> None:
    """Registry figures of the year for the municipality, its county, the country and the most similar ones."""
    likeness = cache.call(similarity.most_similar, ctx.store, ctx.version, place.kommunkod, ctx.year)
    comps = cache.call(profile.comparisons, ctx.store, ctx.version, place.kommunkod, place.lan_kod,
                       tuple(s.kommunkod for s in likeness.similar), (ctx.year,))
    st.subheader(ctx.t("kommun.compare", year=ctx.year))
    st.dataframe(profile.comparison_table(comps, ctx.year, names, ctx.lang), **_TABLE)
    downloads.download_buttons(ctx, profile.comparison_download(comps, names, ctx.lang, years=(ctx.year,)),
                               "kommun_jamforelse", metric=None)
    st.caption(ctx.t("kommun.compare_help"))
    window = ", ".join(str(y) for y in likeness.years)
    if not likeness.similar:
        st.caption(ctx.t("kommun.no_similar", years=window or "–"))
        return
    st.caption(ctx.t("kommun.likeness", year=likeness.years[-1], years=window, min=similarity.MIN_SHARED))
    st.dataframe(profile.similar_table(likeness.similar, ctx.lang), **_TABLE)
    downloads.download_buttons(ctx, profile.similar_download(likeness.similar, ctx.lang), "kommun_liknande",
                               metric=None)


def trend(ctx: PageContext, place: profile.Municipality, names: dict[str, str]) -> None:
    """The maturity index over the years: municipality, county and country, as a chart and a table."""
    st.subheader(ctx.t("kommun.trend"))
    over_years = cache.call(profile.comparisons, ctx.store, ctx.version, place.kommunkod, place.lan_kod, (),
                            ctx.series_years, (TREND_METRIC,))
    chart, table = profile.trend(over_years, TREND_METRIC, names, ctx.lang)
    left, right = st.columns(2)
    with left:
        label = metrics.get(TREND_METRIC).label(ctx.lang)
        charts.altair(profile.trend_chart, chart, label, ctx.lang, alt=f"{label}: {', '.join(chart.columns)}.",
                      summary=alternatives.trend_summary(chart, ctx.lang))
        st.caption(ctx.t("kommun.trend_help"))
    with right:
        st.dataframe(table, **_TABLE)
    # The chart and the table hold the same series: one pair of downloads.
    downloads.download_buttons(ctx, profile.trend_download(over_years, TREND_METRIC, names, ctx.lang),
                               "kommun_trend", metric=TREND_METRIC, with_year=False)


def sectors(ctx: PageContext, place: profile.Municipality) -> None:
    """Per sector the municipality's stage against the county's and the country's distributions."""
    st.subheader(ctx.t("kommun.sectors", year=ctx.year))
    rows, lan, riket = cache.call(profile.sector_comparison, ctx.store, ctx.version, place.kommunkod,
                                  place.lan_kod, ctx.year)
    st.dataframe(profile.sector_table(rows, place.lan_name, ctx.lang), **_TABLE)
    downloads.download_buttons(ctx, profile.sector_download(rows, place.lan_name, ctx.lang), "kommun_sektorer",
                               metric=None)
    st.caption(ctx.t("kommun.sectors_help"))
    with st.expander(ctx.t("kommun.distribution")):
        areas = profile.distribution_areas(place.lan_name, lan, riket, ctx.lang)
        st.dataframe(profile.distribution_table(areas, ctx.lang), **_TABLE)
        downloads.download_buttons(ctx, profile.distribution_download(areas, ctx.lang), "kommun_fordelning",
                                   metric="sektor_fordelning")


def own_initiatives(ctx: PageContext, place: profile.Municipality) -> None:
    """The municipality's own reported initiatives, with a link to search them in Initiativ."""
    st.subheader(ctx.t("page.initiativ"))
    own = cache.call(profile.initiatives, ctx.store, ctx.version, place.kommunkod)
    if own.empty:
        st.caption(ctx.t("kommun.no_initiatives"))
        return
    st.caption(ctx.tn("kommun.initiatives_count", len(own)))
    st.dataframe(catalogue.table(own, ctx.lang), **_TABLE)
    downloads.download_buttons(ctx, catalogue.download_table(own, ctx.lang), "kommun_initiativ", metric=None,
                               with_year=False)
    # The list above holds every year: the catalogue opens on every year too, for this municipality.
    st.page_link(navigation.INITIATIV.file, label=ctx.t("kommun.initiatives_link"), icon=navigation.INITIATIV.icon,
                 query_params=ctx.query(kommun=place.kommunkod, ar=ALL_YEARS))
