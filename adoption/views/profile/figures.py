"""Registry figures to compare a municipality with: its group, its county, the country, similar municipalities.

Every figure comes from the metric registry through
:func:`adoption.metrics.compute`; nothing here averages or sums survey
values. Here the figures per year (:func:`comparisons`), the table of one
year, the trend over the years and its chart. Separate from
:mod:`.history` (the municipality's own stages) because these are
estimates with a base and an interval, shown the registry's way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present

# The scalar metrics the profile compares, over the years.
COMPARE_METRICS = ("mognadsindex", "andel_ai_i_drift")

# Areas of a comparison row.
AREA_KOMMUN = "kommun"
AREA_GRUPP = "grupp"
AREA_LAN = "lan"
AREA_RIKET = "riket"
AREA_LIKNANDE = "liknande"
AREAS = (AREA_KOMMUN, AREA_GRUPP, AREA_LAN, AREA_RIKET, AREA_LIKNANDE)
TREND_AREAS = (AREA_KOMMUN, AREA_LAN, AREA_RIKET, AREA_GRUPP)  # the group last: the first lines keep their colours


@dataclass(frozen=True)
class Comparison:
    """One registry figure for one area and year."""

    metric: str
    ar: int
    area: str  # kommun | grupp | lan | riket | liknande
    code: str | None  # the municipality, group or county code; None for the country and the similar group
    result: metrics.MetricResult
    members: tuple[str, ...] = ()  # the municipalities pooled in a "liknande" figure


def comparisons(store: Store, kommunkod: str, lan_kod: str, similar: tuple[str, ...] = (),
                years: tuple[int, ...] = (), metric_ids: tuple[str, ...] = COMPARE_METRICS,
                grupp: str | None = None, *, version: int | None = None) -> tuple[Comparison, ...]:
    """Registry figures per survey year for the municipality, its group (``grupp``), its county, the
    country and the municipalities in ``similar`` pooled into one figure with its own base and interval.
    ``years`` empty means every survey year."""
    version = store.resolve_version(version)
    survey_years = store.survey_years(version)
    similar = tuple(similar)
    out = []

    def add(metric_id: str, ar: int, area: str, code: str | None, flt: Filter, members=()) -> None:
        out.append(Comparison(metric_id, ar, area, code, metrics.compute(store, metric_id, flt, version=version),
                              tuple(members)))

    for ar in (y for y in survey_years if not years or y in years):
        for metric_id in metric_ids:
            add(metric_id, ar, AREA_KOMMUN, kommunkod, Filter(ar=ar, kommun=kommunkod))
            if grupp:
                add(metric_id, ar, AREA_GRUPP, grupp, Filter(ar=ar, grupp=grupp))
            add(metric_id, ar, AREA_LAN, lan_kod, Filter(ar=ar, lan=(lan_kod,)))
            add(metric_id, ar, AREA_RIKET, None, Filter(ar=ar))
            if similar:
                add(metric_id, ar, AREA_LIKNANDE, None, Filter(ar=ar, kommun=similar), similar)
    return tuple(out)


# A municipality's own answer is not an estimate of anything larger: its share
# is 0 % or 100 % of one answer, so its figures have no interval. The similar
# municipalities pooled into one figure are an estimate and have one.
OWN_AREAS = (AREA_KOMMUN,)


def _interval(comparison: Comparison, lang: str) -> str:
    return present.interval(comparison.result, lang, estimate=comparison.area not in OWN_AREAS)


def area_label(comparison: Comparison, names: dict[str, str], lang: str) -> str:
    """The area a comparison row is of, by name: the country, the similar municipalities, a group, a county."""
    if comparison.area == AREA_RIKET:
        return i18n.t("kommun.riket", lang)
    if comparison.area == AREA_LIKNANDE:
        return i18n.t("kommun.similar_group", lang).format(n=len(comparison.members))
    if comparison.area == AREA_GRUPP:
        return f"{comparison.code} {i18n.label('kommungrupp', comparison.code, lang)}"
    return names.get(comparison.code, comparison.code or "")


def kind_text(comparison: Comparison, lang: str) -> str:
    """What kind of area a comparison row is of, in words (the kind column)."""
    pooled = comparison.area == AREA_LIKNANDE and comparison.members
    return i18n.t("kommun.kind.liknande_grupp" if pooled else f"kommun.kind.{comparison.area}", lang)


def comparison_table(comps: tuple[Comparison, ...], ar: int, names: dict[str, str], lang: str = "sv",
                     areas: tuple[str, ...] = AREAS) -> pd.DataFrame:
    """One row per area for year ``ar``: for each compared metric its value, base and 95 % interval.

    ``names`` maps municipality and county codes to names.
    """
    col_kind, col_area = i18n.t("kommun.col.kind", lang), i18n.t("kommun.col.area", lang)
    rows: dict[tuple[str, str | None], dict] = {}
    for c in comps:
        if c.ar != ar or c.area not in areas:
            continue
        row = rows.setdefault((c.area, c.code), {
            col_kind: kind_text(c, lang), col_area: area_label(c, names, lang),
        })
        label = metrics.get(c.metric).label(lang)
        row[label] = present.value(c.result, lang)
        row[f"{label}: {i18n.t('common.base', lang)}"] = present.base(c.result, lang)
        row[f"{label}: {i18n.t('common.ci', lang)}"] = _interval(c, lang)
    return pd.DataFrame(list(rows.values()))


def trend(comps: tuple[Comparison, ...], metric_id: str, names: dict[str, str], lang: str = "sv",
          areas: tuple[str, ...] = TREND_AREAS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A metric over the years: chart data (registry values, one column per area, year as index) and
    a table with the shown value, base and interval per year and area."""
    chosen = [c for c in comps if c.metric == metric_id and c.area in areas]
    years = sorted({c.ar for c in chosen})
    columns = []
    for area in areas:
        for c in chosen:
            if c.area == area:
                name = area_label(c, names, lang)
                if name not in columns:
                    columns.append(name)
    chart = pd.DataFrame(index=pd.Index([str(y) for y in years], name=i18n.t("filter.ar", lang)),
                         columns=columns, dtype=float)
    rows = []
    for c in chosen:
        name = area_label(c, names, lang)
        chart.loc[str(c.ar), name] = c.result.value if c.result.value is not None else float("nan")
        rows.append({
            i18n.t("filter.ar", lang): str(c.ar),
            i18n.t("kommun.col.area", lang): name,
            metrics.get(metric_id).label(lang): present.value(c.result, lang),
            i18n.t("common.base", lang): present.base(c.result, lang),
            i18n.t("common.ci", lang): _interval(c, lang),
        })
    return chart, pd.DataFrame(rows)


# Okabe-Ito colours with at least 3:1 against white (municipality, county, country, then the group:
# TREND_AREAS' order); each line also has its own dash and marker, so none is told by colour alone.
TREND_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#000000")
TREND_DASHES = ([1, 0], [8, 4], [2, 3], [12, 3, 2, 3])
TREND_SHAPES = ("circle", "square", "triangle-up", "diamond")


def trend_chart(chart: pd.DataFrame, value_title: str, lang: str = "sv"):
    """:func:`trend`'s chart data (years as index, one column per area) as lines with markers.

    Drawn with Altair rather than ``st.line_chart``, whose hover layer is an
    unlabelled SVG group (axe-core's ``svg-img-alt``) and whose tooltip shows
    the raw field names. None when there is nothing to draw.
    """
    import altair as alt  # only the page draws charts

    year_title = chart.index.name or i18n.t("filter.ar", lang)
    long = chart.reset_index(names="ar").melt(id_vars="ar", var_name="area", value_name="varde").dropna()
    if long.empty:
        return None
    areas = list(chart.columns)[: len(TREND_COLOURS)]
    long = long[long["area"].isin(areas)]
    long = long.assign(value_text=[formatting.number(v, lang, decimals=1) for v in long["varde"]])

    def scale(values) -> alt.Scale:
        return alt.Scale(domain=areas, range=list(values[: len(areas)]))

    legend = alt.Legend(title=None, orient="bottom")
    base = alt.Chart(long).encode(
        x=alt.X("ar:O", title=year_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("varde:Q", title=value_title, scale=alt.Scale(zero=True)),
        color=alt.Color("area:N", scale=scale(TREND_COLOURS), legend=legend),
        tooltip=[alt.Tooltip("area:N", title=i18n.t("kommun.col.area", lang)),
                 alt.Tooltip("ar:O", title=year_title),
                 alt.Tooltip("value_text:N", title=value_title)],
    )
    lines = base.mark_line(strokeWidth=2.5).encode(strokeDash=alt.StrokeDash("area:N", scale=scale(TREND_DASHES),
                                                                             legend=legend))
    points = base.mark_point(size=70, filled=True).encode(shape=alt.Shape("area:N", scale=scale(TREND_SHAPES),
                                                                          legend=legend))
    return (lines + points).properties(height=300)
