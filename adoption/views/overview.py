"""Headline figures: a metric this year, the previous survey year, and the change.

A card shows :func:`adoption.text.present.value` with :func:`~adoption.text.present.caption` under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.metrics.years import latest_and_previous
from adoption.store import Store
from adoption.text import formatting, i18n

# AI in production is the headline share; "any activity" includes plans, so it comes second.
HEADLINE_METRICS = (
    "andel_ai_i_drift",
    "andel_ai_aktivitet",
    "svarsfrekvens",
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
    year, earlier = latest_and_previous(store, flt.ar, version=version)
    out = []
    for metric_id in metric_ids:
        result = metrics.compute(store, metric_id, flt.with_(ar=year), version=version)
        previous = (metrics.compute(store, metric_id, flt.with_(ar=earlier), version=version)
                    if earlier is not None else None)
        change = None
        if previous is not None and result.value is not None and previous.value is not None:
            change = result.value - previous.value
        out.append(Headline(metrics.get(metric_id), result, previous, change))
    return out


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
