"""Text alternatives of the charts: one short sentence per chart that says what its shapes say.

Every chart is also shown as a table with the same data; the sentence gives
the gist first ("Högst: …, lägst: …, jämfört med …"), for a screen reader
(it is the chart's ``alt`` too) and for anyone who does not read charts.
The map's sentence is :func:`adoption.views.mapping.summary`.
"""

from __future__ import annotations

import pandas as pd

from adoption import metrics
from adoption.metrics.goals import GoalProgress
from adoption.text import formatting, i18n

from . import goals
from . import likeness as likeness_view

IN_PRODUCTION = 3  # stage value from which a sector counts as "in production" (I drift, and scaled)


def _ok(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[(rows["status"] == metrics.STATUS_OK) & rows["value"].notna()]


def _high_low(values: dict[str, float]) -> tuple[tuple[str, float], tuple[str, float]]:
    """The highest and the lowest entry; ties go to the name first in the alphabet."""
    ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
    return ordered[0], ordered[-1]


def _percent(value: float, lang: str) -> str:
    return formatting.percent(value, lang)


def _extremes(sentence: str, values: dict[str, float], year, lang: str) -> tuple[str, str]:
    """``sentence`` (naming the highest and the lowest entry of ``year``) filled in, and the highest's name."""
    (high, high_v), (low, low_v) = _high_low(values)
    return sentence.format(year=year, high=high, high_value=_percent(high_v, lang), low=low,
                           low_value=_percent(low_v, lang)), high


def stage_summary(rows: pd.DataFrame, lang: str = "sv") -> str | None:
    """Sektorer's stacked bars: the sectors with the largest and smallest share in production,
    and how many rose since the previous survey. None when nothing is drawn."""
    ok = _ok(rows)
    if ok.empty:
        return None
    year = int(ok["ar"].max())
    in_production = _production_shares(ok, year, lang)
    if not in_production:
        return None
    text, _ = _extremes(i18n.t("a11y.stage_summary", lang), in_production, year, lang)
    t = lambda key, **values: i18n.t(key, lang).format(**values)  # noqa: E731
    earlier = sorted({int(y) for y in ok["ar"]} - {year})
    if earlier:
        previous = earlier[-1]
        before = _production_shares(ok, previous, lang)
        shared = [s for s in in_production if s in before]
        if shared:
            up = sum(1 for s in shared if in_production[s] > before[s] + 1e-9)
            down = sum(1 for s in shared if in_production[s] < before[s] - 1e-9)
            text += " " + t("a11y.stage_change", previous=previous, up=formatting.number(up, lang),
                            down=formatting.number(down, lang), n=formatting.number(len(shared), lang))
    return text


def _production_shares(ok: pd.DataFrame, year: int, lang: str) -> dict[str, float]:
    shares: dict[str, float] = {}
    for sector, group in ok[ok["ar"] == year].groupby("sektor", sort=False):
        values = group[group["mognad"].astype(int) >= IN_PRODUCTION]["value"].astype(float)
        shares[i18n.label("sektor", sector, lang)] = float(values.sum())
    return shares


def barrier_summary(rows: pd.DataFrame, year: int | None, previous: int | None, lang: str = "sv") -> str | None:
    """The barrier bars: the most and the least named barrier this year, and the change for the most named."""
    ok = _ok(rows)
    now = {i18n.label("hinder", r.hinder, lang): float(r.value) for r in ok[ok["ar"] == year].itertuples()}
    if not now:
        return None
    text, high = _extremes(i18n.t("a11y.barrier_summary", lang), now, year, lang)
    t = lambda key, **values: i18n.t(key, lang).format(**values)  # noqa: E731
    if previous is not None:
        before = {i18n.label("hinder", r.hinder, lang): float(r.value)
                  for r in ok[ok["ar"] == previous].itertuples()}
        if high in before:
            text += " " + t("a11y.barrier_change", previous=previous, name=high,
                            value=_percent(before[high], lang))
    return text


def goal_summary(progress: GoalProgress, lang: str = "sv") -> str | None:
    """The goal chart: the latest observed value, the target and the projection for the target year."""
    if not progress.observed:
        return None
    year, value = progress.observed[-1]
    t = lambda key, **values: i18n.t(key, lang).format(**values)  # noqa: E731
    text = t("a11y.goal_summary", value=goals.value_text(value, progress.unit, lang), year=year,
             target=goals.target_text(progress, lang), target_year=progress.target_year)
    if progress.projected is not None:
        text += " " + t("a11y.goal_projection", value=goals.value_text(progress.projected, progress.unit, lang),
                        target_year=progress.target_year)
    if len(progress.observed) > 1:
        first_year, first = progress.observed[0]
        text += " " + t("a11y.goal_first", value=goals.value_text(first, progress.unit, lang), year=first_year)
    return text


def trend_summary(chart: pd.DataFrame, lang: str = "sv", decimals: int = 1) -> str | None:
    """A trend chart (years as index, one column per area): the latest year's highest and lowest area,
    and each area's change since its first year."""
    if chart.empty or chart.dropna(how="all").empty:
        return None
    filled = chart.dropna(how="all")
    latest_year = filled.index[-1]
    latest = {name: float(v) for name, v in filled.loc[latest_year].items() if pd.notna(v)}
    t = lambda key, **values: i18n.t(key, lang).format(**values)  # noqa: E731
    number = lambda v: formatting.number(v, lang, decimals)  # noqa: E731
    parts = []
    if len(latest) > 1:
        (high, high_v), (low, low_v) = _high_low(latest)
        parts.append(t("a11y.trend_summary", year=latest_year, high=high, high_value=number(high_v), low=low,
                       low_value=number(low_v)))
    for name in chart.columns:
        series = chart[name].dropna()
        if len(series) > 1:
            parts.append(t("a11y.trend_change", name=name, first_year=series.index[0], first=number(series.iloc[0]),
                           last_year=series.index[-1], last=number(series.iloc[-1])))
        elif len(series) == 1:
            parts.append(t("a11y.trend_single", name=name, year=series.index[0], value=number(series.iloc[0])))
    return " ".join(parts) or None


def group_summary(data, lang: str = "sv") -> str | None:
    """Karta's bars per municipality group (:class:`adoption.views.groups.GroupData`): the highest and the
    lowest group, and how many groups have a value. None when nothing is drawn."""
    drawn = {f"{r.code} {r.name}": r for r in data.rows if r.value is not None}
    if not drawn:
        return None
    (high, _), (low, _) = _high_low({name: float(r.value) for name, r in drawn.items()})
    return i18n.t("a11y.group_summary", lang).format(
        year=data.year, high=high, high_value=drawn[high].value_text, low=low, low_value=drawn[low].value_text,
        n=formatting.number(len(drawn), lang), total=formatting.number(len(data.rows), lang))


def likeness_summary(likeness, lang: str = "sv") -> str | None:
    """Kommun's distance bars (:class:`adoption.metrics.similarity.Likeness`): the nearest and the farthest
    neighbour, and the factor that makes up most of the nearest one's distance."""
    if not likeness.similar:
        return None
    first, last = likeness.similar[0], likeness.similar[-1]
    number = lambda v: formatting.number(v, lang, 3)  # noqa: E731
    text = i18n.t("a11y.likeness_summary", lang).format(
        first=first.name, first_value=number(first.distance), last=last.name, last_value=number(last.distance),
        n=formatting.number(len(likeness.similar), lang))
    parts = [(code, part) for code, part in first.parts if part]
    if parts:
        code, _ = max(parts, key=lambda cp: cp[1])
        text += " " + i18n.t("a11y.likeness_factor", lang).format(name=first.name, factor=likeness_view.factor_name(code, lang))
    return text
