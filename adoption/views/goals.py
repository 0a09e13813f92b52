"""Programme goals as a page shows them: status lines, gaps, the series table and chart.

The figures come from :mod:`adoption.metrics.goals`; this module only puts them
into words, tables and a chart specification.
"""

from __future__ import annotations

import pandas as pd

from adoption import metrics
from adoption.metrics import nonresponse
from adoption.metrics.goals import (  # noqa: F401 - STATUS_ICONS and goal_progress are what pages read too
    AT_RISK_SHARE,
    EPS,
    SERIES,
    STATUS_ICONS,
    GoalProgress,
    goal_progress,
    measure_value,
    rule_text,
)
from adoption.text import formatting, i18n, present


def value_text(value: float | None, unit: str, lang: str = "sv") -> str:
    """A number on the goal's path or projection in its unit; no number there is no figure (an en dash).

    A year's observed figure is worded by :func:`_observed_cell`, with its status when it has no value.
    """
    if value is None:
        return present.NO_FIGURE
    return present.amount(value, unit, lang)


def gap_text(progress: GoalProgress, lang: str = "sv") -> str:
    """Target minus latest: "20,8" (percentage points for shares, see :func:`gap_label`), or "Målet är nått"."""
    gap = progress.gap
    if gap is None:
        return i18n.t("mal.gap_unknown", lang)
    if gap <= EPS:
        return i18n.t("mal.gap_reached", lang)
    if progress.unit == "share":
        return formatting.number(gap * 100, lang, decimals=1)
    return value_text(gap, progress.unit, lang)


def gap_label(progress: GoalProgress, lang: str = "sv") -> str:
    return i18n.t("mal.gap_label_pp" if progress.unit == "share" else "mal.gap_label", lang)


def target_text(progress: GoalProgress, lang: str = "sv") -> str:
    """The target as set: "75 %" (no decimals unless the target has them), "300"."""
    if progress.unit == "share":
        whole = abs(progress.target * 100 - round(progress.target * 100)) < EPS
        return formatting.percent(progress.target, lang, decimals=0 if whole else 1)
    return value_text(progress.target, progress.unit, lang)


def target_line(progress: GoalProgress, lang: str = "sv") -> str:
    """"Mål: 75 % till 2026"; a count says it is one ("Mål: 300 (antal) till 2026")."""
    key = "mal.target_count" if progress.is_count else "mal.target"
    return i18n.t(key, lang, target=target_text(progress, lang), year=progress.target_year)


def changed_text(progress: GoalProgress, lang: str = "sv") -> str:
    """Who set the goal: "Illustrativt standardvärde" for a shipped default (no date: nobody set it then),
    else "Senast ändrat 2026-11-29 av …"."""
    if progress.illustrative:
        return i18n.t("mal.default", lang)
    return i18n.t("mal.changed", lang, date=str(progress.changed_at)[:10], by=progress.changed_by)


def denominator_text(progress: GoalProgress, lang: str = "sv", universe: int | None = None) -> str:
    """What the goal's figure is counted among, in words ("Räknas på de svarande kommunerna … – not all 290")."""
    key = "mal.denominator.count" if progress.is_count else f"mal.denominator.{progress.metric}"
    if not i18n.has(key):
        return i18n.t("mal.denominator.other", lang, definition=metrics.get(progress.metric).definition(lang))
    return i18n.t(key, lang, universe=formatting.number(universe, lang) if universe else "")


def bounds_text(bounds: nonresponse.Bounds | None, lang: str = "sv") -> str | None:
    """The share of every municipality (or inhabitant) as a sentence: "Av alla 290 kommuner: minst 44,8 % …"."""
    if bounds is None:
        return None
    return i18n.t(f"mal.bounds.{bounds.kind}", lang, universe=formatting.number(bounds.universe, lang),
                  missing=formatting.number(bounds.missing, lang), low=formatting.percent(bounds.low, lang),
                  high=formatting.percent(bounds.high, lang))


def bounds_cell(bounds: nonresponse.Bounds | None, lang: str = "sv") -> str:
    """The bounds in a table cell, "44,8–62,1 %" (the interval's form); an en dash when there are none."""
    if bounds is None:
        return present.NO_FIGURE
    return present.interval(present.figure(bounds.low, ci_low=bounds.low, ci_high=bounds.high), lang)


def latest_label(progress: GoalProgress, lang: str = "sv") -> str:
    """The card over the latest figure: "Senaste värde (2025)", or "Senaste antal (2025)" for a count."""
    return i18n.t("mal.latest_count" if progress.is_count else "mal.latest", lang, year=progress.latest.ar)


def status_line(progress: GoalProgress, lang: str = "sv") -> str:
    """One compact line (for Översikt): "❌ M1 · 75 % av ...: Inte på väg mot målet (54,2 % 2025, mål 75 % 2026)"."""
    label = formatting.markdown_literal(progress.label(lang))  # typed by administrators
    head = f"{STATUS_ICONS[progress.status]} **{progress.goal_id}** · {label}: {progress.status_text(lang)}"
    if progress.latest is None:
        return head
    return head + " " + i18n.t("mal.overview_line", lang).format(
        latest=value_text(progress.latest_value, progress.unit, lang), year=progress.latest.ar,
        target=target_text(progress, lang), target_year=progress.target_year)


def base_text(progress: GoalProgress, lang: str = "sv") -> str | None:
    """The base of the latest value as the registry gives it: "130 av 240 svarande"."""
    latest = progress.latest
    if latest is None:
        return None
    return present.caption(latest, lang)


def _observed_cell(result: metrics.MetricResult, progress: GoalProgress, lang: str) -> str:
    if progress.measure == "numerator":
        return present.count(result, lang)
    return present.value(result, lang)


def _respondents(result: metrics.MetricResult | None, lang: str) -> str:
    """How many answered (a count's base), or the status word when the figure has none."""
    if result is None:
        return ""
    if present.missing(result) or result.denominator is None:
        return present.status(result, lang)
    return formatting.number(result.denominator, lang)


def series_table(progress: GoalProgress, lang: str = "sv") -> pd.DataFrame:
    """The chart's series as text, one row a year: observed (with interval and base), required, projection."""
    by_year = {r.ar: r for r in progress.results}
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for year in progress.years():
        result = by_year.get(year)
        interval = base = ""  # a year without a survey result (on the path to the target) has no figure
        if result is not None:
            interval = present.interval(result, lang, estimate=progress.measure == "value")
            base = present.base(result, lang)
        row = {
            t("filter.ar"): str(year),
            t("mal.series.observed"): _observed_cell(result, progress, lang) if result is not None else "",
        }
        if progress.is_count:
            # A count has no interval; how many answered, which it grows with, stands beside it.
            row[t("mal.col.respondents")] = _respondents(result, lang)
        row[t("mal.series.required")] = value_text(progress.required(year), progress.unit, lang)
        row[t("mal.series.projection")] = value_text(progress.projection(year), progress.unit, lang)
        if not progress.is_count:
            row[t("common.ci")] = interval
        if progress.bounds:
            row[t("mal.col.bounds")] = bounds_cell(progress.bounds_for(year), lang) if result is not None else ""
        row[t("common.base")] = base
        rows.append(row)
    return pd.DataFrame(rows)


def chart_frame(progress: GoalProgress, lang: str = "sv") -> pd.DataFrame:
    """Long frame for a line chart: year, series code, series label, value (shares in percent)."""
    scale = 100.0 if progress.unit == "share" else 1.0
    observed = dict(progress.observed)
    rows = []
    for year in progress.years():
        values = {
            "observed": observed.get(year),
            "required": progress.required(year),
            "projection": progress.projection(year),
        }
        for code in SERIES:
            if values[code] is not None:
                rows.append({"ar": year, "serie": code, "label": i18n.t(f"mal.series.{code}", lang),
                             "varde": values[code] * scale})
    return pd.DataFrame(rows, columns=["ar", "serie", "label", "varde"])


# Okabe-Ito (colour-blind safe); each series also has its own dash and marker.
SERIES_COLOURS = {"observed": "#0072B2", "required": "#D55E00", "projection": "#009E73"}
SERIES_DASHES = {"observed": [1, 0], "required": [8, 4], "projection": [2, 3]}
SERIES_SHAPES = {"observed": "circle", "required": "square", "projection": "triangle-up"}


def chart(progress: GoalProgress, lang: str = "sv"):
    """The goal's observed series, required path and projection as an Altair line chart with markers."""
    import altair as alt  # only the page draws charts

    frame = chart_frame(progress, lang)
    labels = [i18n.t(f"mal.series.{code}", lang) for code in SERIES]
    year_title = i18n.t("filter.ar", lang)

    def scale(values: dict) -> alt.Scale:
        return alt.Scale(domain=labels, range=[values[code] for code in SERIES])

    legend = alt.Legend(title=None, orient="bottom")
    y_scale = alt.Scale(domain=[0, 100]) if progress.unit == "share" else alt.Scale(zero=True)
    base = alt.Chart(frame).encode(
        x=alt.X("ar:O", title=year_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("varde:Q", title=axis_title(progress, lang), scale=y_scale),
        color=alt.Color("label:N", scale=scale(SERIES_COLOURS), legend=legend),
        tooltip=[
            alt.Tooltip("label:N", title=" "),
            alt.Tooltip("ar:O", title=year_title),
            alt.Tooltip("varde:Q", title=axis_title(progress, lang), format=".1f"),
        ],
    )
    lines = base.mark_line(strokeWidth=2.5).encode(strokeDash=alt.StrokeDash("label:N", scale=scale(SERIES_DASHES),
                                                                             legend=legend))
    points = base.mark_point(size=70, filled=True).encode(shape=alt.Shape("label:N", scale=scale(SERIES_SHAPES),
                                                                          legend=legend))
    return (lines + points).properties(height=300)


def _bounds_columns(progress: GoalProgress, year: int, lang: str) -> dict:
    """The bounds for every municipality (or inhabitant) in percent, for a goal that has them."""
    if not progress.bounds:
        return {}
    bounds = progress.bounds_for(year)
    return {
        i18n.t("mal.col.bounds_low", lang): None if bounds is None else round(bounds.low * 100, 4),
        i18n.t("mal.col.bounds_high", lang): None if bounds is None else round(bounds.high * 100, 4),
    }


def axis_title(progress: GoalProgress, lang: str = "sv") -> str:
    if progress.unit == "share":
        return i18n.t("mal.axis.percent", lang)
    if progress.unit == "count":
        return i18n.t("mal.axis.count", lang)
    return metrics.get(progress.metric).label(lang)


def series_download(progress: GoalProgress, lang: str = "sv") -> pd.DataFrame:
    """:func:`series_table` as numbers for CSV / Excel: one row a year.

    Observed value (the goal's measure: a share in percent, an index or a
    count), its 95 % interval (shares and indices only), numerator and
    denominator, the required path and the projection on the same scale, and
    the registry's status. A missing or hidden value is an empty cell, never 0.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    scale = 100.0 if progress.unit == "share" else 1.0

    def scaled(x):
        return None if x is None else round(x * scale, 4)

    by_year = {r.ar: r for r in progress.results}
    unit = t(f"unit.{progress.unit}") if i18n.has(f"unit.{progress.unit}") else progress.unit
    rows = []
    for year in progress.years():
        result = by_year.get(year)
        cells = present.cells(result, lang, estimate=progress.measure == "value") if result is not None else None
        observed = None
        if cells is not None:
            observed = cells.numerator if progress.measure == "numerator" else cells.number
        rows.append({
            t("filter.ar"): year,
            t("download.col.metric_id"): progress.metric,
            t("common.unit"): unit,
            t("mal.series.observed"): observed,
            t("download.col.ci_low"): cells.ci_low if cells else None,
            t("download.col.ci_high"): cells.ci_high if cells else None,
            **_bounds_columns(progress, year, lang),
            t("download.col.numerator"): cells.numerator if cells else None,
            t("download.col.denominator"): cells.denominator if cells else None,
            t("mal.series.required"): scaled(progress.required(year)),
            t("mal.series.projection"): scaled(progress.projection(year)),
            t("mal.col.target"): scaled(progress.target) if year == progress.target_year else None,
            t("common.status"): cells.status if cells else "",
        })
    frame = pd.DataFrame(rows)
    for key in ("filter.ar", "download.col.numerator", "download.col.denominator"):
        column = t(key)
        if column in frame:
            numbers = pd.to_numeric(frame[column], errors="coerce").astype("Float64")
            given = numbers.dropna()
            if not len(given) or bool((given == given.round()).all()):
                frame[column] = numbers.round().astype("Int64")
    return frame
