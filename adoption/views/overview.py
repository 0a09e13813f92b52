"""Headline figures: a metric this year, the previous survey year, and the change."""

from __future__ import annotations

from dataclasses import dataclass

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n

HEADLINE_METRICS = (
    "svarsfrekvens",
    "andel_ai_aktivitet",
    "andel_ai_i_drift",
    "andel_strategi",
    "andel_utvarderade",
    "civil_ai_i_drift",
)


@dataclass(frozen=True)
class Headline:
    metric: metrics.Metric
    result: metrics.MetricResult
    previous: metrics.MetricResult | None
    # value minus the previous survey's value (a share's change is in
    # percentage points, as a fraction: 0.05 is +5 points); None when unknown
    change: float | None


def headlines(store: Store, flt: Filter, version: int | None,
              metric_ids: tuple[str, ...] = HEADLINE_METRICS) -> list[Headline]:
    version = store.resolve_version(version)
    years = store.survey_years(version)
    year = flt.ar if flt.ar is not None else (years[-1] if years else None)
    earlier = [y for y in years if year is not None and y < year]
    out = []
    for metric_id in metric_ids:
        result = metrics.compute(store, metric_id, flt.with_(ar=year), version=version)
        previous = metrics.compute(store, metric_id, flt.with_(ar=earlier[-1]), version=version) if earlier else None
        change = None
        if previous is not None and result.value is not None and previous.value is not None:
            change = result.value - previous.value
        out.append(Headline(metrics.get(metric_id), result, previous, change))
    return out


def value_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """The value as a reader sees it, or why there is none."""
    if result.suppressed:
        return i18n.t("value.too_few", lang)
    if result.value is None:
        return "–"
    if result.unit == "share":
        return formatting.percent(result.value, lang)
    return formatting.number(result.value, lang, decimals=1)


def change_text(headline: Headline, lang: str = "sv") -> str | None:
    """"+4,2 procentenheter sedan 2023" for shares, "+1,5 sedan 2023" otherwise."""
    if headline.change is None or headline.previous is None:
        return None
    unit = headline.metric.unit
    amount = headline.change * 100 if unit == "share" else headline.change
    sign = "+" if amount > 0 else ("−" if amount < 0 else "±")
    number = formatting.number(abs(amount), lang, decimals=1)
    key = "headline.change_pp" if unit == "share" else "headline.change"
    return i18n.t(key, lang).format(change=f"{sign}{number}", year=headline.previous.ar)


def base_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """What a figure is built on ("212 av 290 kommuner svarade", "5 svarande"), or why there is none.

    Shared by the headline cards, the map's tooltip and table, goals and exports.
    """
    if result.value is None:
        return i18n.t(f"status.{result.status}", lang).format(ar=result.ar)
    numbers = {
        "numerator": formatting.number(result.numerator, lang),
        "denominator": formatting.number(result.denominator, lang),
        "n": formatting.number(result.n, lang),
    }
    if result.unit == "per_10k":
        return i18n.tn("karta.base_per_10k", result.numerator, lang, **numbers)
    if result.unit != "share":
        return i18n.tn("headline.base.n", result.n, lang, **numbers)
    if result.metric == "svarsfrekvens":
        key = "headline.base.answered"
    elif result.typ == "civilsamhalle":
        key = "headline.base.organisations"
    elif result.metric == "andel_utvarderade":
        key = "headline.base.initiatives"
    else:
        key = "headline.base.respondents"
    return i18n.tn(key, result.denominator, lang, **numbers)
