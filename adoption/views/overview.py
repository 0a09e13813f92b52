"""Headline figures: a metric this year, the previous survey year, and the change.

A card shows :func:`adoption.text.present.value` with :func:`~adoption.text.present.caption`
under it, and its change (:func:`card_delta`) worded by :func:`adoption.text.present.change_text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption import metrics
from adoption.metrics.change import Change, compare
from adoption.metrics.filters import Filter
from adoption.metrics.years import latest_and_previous
from adoption.store import Store
from adoption.text import present

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
    # the change since the previous survey under the comparison rule (adoption.metrics.change)
    change: Change


@dataclass(frozen=True)
class Delta:
    """What a card shows under its value: the change in words, its arrow and its colour.

    Arrow and colour come from the signed change and the metric's
    ``higher_is_better``, never from the text: "up"/"down" and "green"
    (better) / "red" (worse) only for a certain change, else "off" and "gray".
    """

    text: str | None  # the short line beside the arrow
    arrow: str  # up | down | off
    colour: str  # green | red | gray
    detail: str | None = None  # the rest, as a caption under the card (panel, interval, why no comparison)


def headlines(store: Store, flt: Filter, version: int | None,
              metric_ids: tuple[str, ...] = HEADLINE_METRICS) -> list[Headline]:
    version = store.resolve_version(version)
    year, earlier = latest_and_previous(store, flt.ar, version=version)
    out = []
    for metric_id in metric_ids:
        result = metrics.compute(store, metric_id, flt.with_(ar=year), version=version)
        previous = (metrics.compute(store, metric_id, flt.with_(ar=earlier), version=version)
                    if earlier is not None else None)
        change = compare(store, metric_id, flt, year=year, previous=earlier, version=version,
                         now=result, before=previous)
        out.append(Headline(metrics.get(metric_id), result, previous, change))
    return out


def card_delta(headline: Headline, lang: str = "sv") -> Delta:
    """The card's change: words from the presenter, arrow and colour from the sign and the rule."""
    change = headline.change
    text, detail = present.change_short(change, lang), present.change_detail(change, lang)
    if not change.certain:
        return Delta(text, "off", "gray", detail)
    return Delta(text, "up" if change.direction > 0 else "down", "green" if change.better else "red", detail)


def change_text(headline: Headline, lang: str = "sv") -> str | None:
    """"+4,2 procentenheter sedan 2023", "ingen säker förändring sedan 2023 (…)", … (see present.change_text)."""
    return present.change_text(headline.change, lang)
