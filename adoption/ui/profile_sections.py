"""The sections of Kommun, one municipality's profile: each draws its heading, tables, notes and downloads.

Every figure comes from :mod:`adoption.views.profile` (through the cache) and
the registry; these functions only lay it out. ``place`` is the
municipality (``profile.Municipality``).
"""

from __future__ import annotations

import streamlit as st

from adoption import metrics
from adoption.metrics import factors, similarity
from adoption.metrics.filters import ALL_YEARS
from adoption.views import alternatives, catalogue, likeness, profile

from . import cache, charts, downloads, navigation, printing
from .sidebar import WIDGET_PREFIX, group_label, weight_key
from .view import PageContext

_TABLE = {"hide_index": True, "width": "stretch", "height": "content"}
TREND_METRIC = "mognadsindex"


def caption(ctx: PageContext, place: profile.Municipality) -> None:
    """Code, county and (when groups are loaded) the municipality's SKR group under the title."""
    if place.grupp:
        st.caption(ctx.t("kommun.caption_grupp", code=place.kommunkod, lan=place.lan_name,
                         grupp=group_label(place.grupp, ctx.lang)))
    else:
        st.caption(ctx.t("kommun.caption", code=place.kommunkod, lan=place.lan_name))


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


def comparisons(ctx: PageContext, place: profile.Municipality, names: dict[str, str]) -> similarity.Likeness:
    """Registry figures of the year for the municipality, its group, its county, the country and the most
    similar municipalities as one pooled figure (with the weights of the view)."""
    found = cache.call(similarity.most_similar, ctx.store, ctx.version, place.kommunkod, ctx.year, ctx.state.vikter)
    comps = cache.call(profile.comparisons, ctx.store, ctx.version, place.kommunkod, place.lan_kod,
                       tuple(s.kommunkod for s in found.similar), (ctx.year,), profile.COMPARE_METRICS, place.grupp)
    st.subheader(ctx.t("kommun.compare", year=ctx.year))
    st.dataframe(profile.comparison_table(comps, ctx.year, names, ctx.lang), **_TABLE)
    downloads.download_buttons(ctx, profile.comparison_download(comps, names, ctx.lang, years=(ctx.year,)),
                               "kommun_jamforelse", metric=None)
    st.caption(ctx.t("kommun.compare_pooled_help"))
    return found


def _reset_weights() -> None:
    for code, weight in factors.DEFAULT_WEIGHTS:
        st.session_state[WIDGET_PREFIX + weight_key(code)] = weight


def weights(ctx: PageContext) -> None:
    """A slider per factor (0-5); the view reads them on the next run and keeps them in the link."""
    with st.expander(ctx.t("kommun.weights")):
        st.caption(ctx.t("kommun.weights_help", defaults=likeness.defaults_text(ctx.lang)))
        columns = st.columns(4)
        for index, (code, weight) in enumerate(ctx.state.vikter):
            key = WIDGET_PREFIX + weight_key(code)
            if key not in st.session_state:  # not drawn on the last run: start from the view's weight
                st.session_state[key] = weight
            with columns[index % len(columns)]:
                st.slider(likeness.factor_name(code, ctx.lang), 0, factors.MAX_WEIGHT, step=1, key=key,
                          help=ctx.t(f"factor.help.{code}"))
        st.button(ctx.t("kommun.weights_reset"), on_click=_reset_weights, key="kommun_weights_reset")
        st.caption(ctx.t("kommun.weights_link"))


def similar(ctx: PageContext, found: similarity.Likeness) -> None:
    """The weights, how likeness is measured, which factors count, and each neighbour's distance by factor."""
    st.subheader(ctx.t("kommun.similar"))
    weights(ctx)
    st.caption(likeness.method_text(found, ctx.lang))
    st.caption(ctx.t("kommun.similar_used", factors=likeness.used_text(found, ctx.lang)))
    with st.container(key=printing.SCREEN_ONLY + "missing_factors"):  # how to load data: not for print
        for note in likeness.missing_notes(found, ctx.lang):
            st.info(note, icon="ℹ️")
    if not found.similar:
        st.caption(ctx.t("kommun.similar_none"))
        return
    with st.container(key=printing.SCREEN_ONLY + "neighbour_chart"):  # in print the table below is enough
        charts.altair(likeness.breakdown_chart, found, ctx.lang,
                      alt=f"{ctx.t('kommun.similar')}: {ctx.t('kommun.col.total')}.",
                      summary=alternatives.likeness_summary(found, ctx.lang))
    st.dataframe(cache.derived(likeness.neighbour_table, found, ctx.lang), **_TABLE)
    st.caption(ctx.t("kommun.neighbours_help"))
    downloads.download_buttons(ctx, lambda: likeness.neighbour_download(found, ctx.lang), "kommun_liknande",
                               metric=None)


def trend(ctx: PageContext, place: profile.Municipality, names: dict[str, str]) -> None:
    """The maturity index over the years: municipality, county and country, as a chart and a table."""
    st.subheader(ctx.t("kommun.trend"))
    over_years = cache.call(profile.comparisons, ctx.store, ctx.version, place.kommunkod, place.lan_kod, (),
                            ctx.series_years, (TREND_METRIC,), place.grupp)
    chart, table = profile.trend(over_years, TREND_METRIC, names, ctx.lang)
    left, right = st.columns(2)
    with left:
        label = metrics.get(TREND_METRIC).label(ctx.lang)
        charts.altair(profile.trend_chart, chart, label, ctx.lang, alt=f"{label}: {', '.join(chart.columns)}.",
                      summary=alternatives.trend_summary(chart, ctx.lang))
        st.caption(ctx.t("kommun.trend_help_grupp" if place.grupp else "kommun.trend_help"))
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


def print_note(ctx: PageContext) -> None:
    """How to print the profile: on screen only (a printed page needs no such note)."""
    with st.container(key=printing.SCREEN_ONLY + "print_note"):
        st.caption(ctx.t("kommun.print"))
