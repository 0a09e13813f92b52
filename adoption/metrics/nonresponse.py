"""What a share of respondents says about everyone: bounds whatever the non-respondents would answer.

"54,2 % of the responding municipalities have AI in production" is not "54,2 %
of the 290". Without assuming anything about those that did not answer, the
share of all lies between two bounds (Manski's worst-case bounds):

* at least ``numerator / universe``: none of the non-respondents has it;
* at most ``(numerator + universe - denominator) / universe``: all of them have it.

The universe is every municipality in the scope (290 for the whole country)
for a share of municipalities, and every inhabitant for a share of the
population. A share of initiatives or of civil-society organisations has no
known universe, so no bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption.metrics.compute import MetricResult
from adoption.metrics.definitions import get
from adoption.store import Store

MUNICIPALITIES = "municipalities"
POPULATION = "population"


@dataclass(frozen=True)
class Bounds:
    """The share of the whole universe, at least ``low`` and at most ``high`` (fractions 0-1)."""

    low: float
    high: float
    respondents: float  # the share's denominator: municipalities (or inhabitants) that answered
    universe: float  # every municipality (or inhabitant) in the scope
    kind: str  # MUNICIPALITIES | POPULATION

    @property
    def missing(self) -> float:
        """How many did not answer (municipalities or inhabitants)."""
        return self.universe - self.respondents


def universe_kind(metric_id: str) -> str | None:
    """What a metric's share is of, when its universe is known: municipalities or the population."""
    metric = get(metric_id)
    if metric.unit != "share" or (metric.respondent or "kommun") != "kommun":
        return None
    if metric.family in ("stage_share", "answer_share"):
        return MUNICIPALITIES
    if metric.family == "population_in_production":
        return POPULATION
    return None


def bounds_of(numerator: float, denominator: float, universe: float, kind: str) -> Bounds | None:
    """The bounds for ``numerator`` of ``denominator`` respondents in a universe; None without a universe."""
    if not universe or universe <= 0 or denominator is None or numerator is None:
        return None
    missing = max(float(universe) - float(denominator), 0.0)
    return Bounds(float(numerator) / universe, (float(numerator) + missing) / universe, float(denominator),
                  float(universe), kind)


def population_total(frame: pd.DataFrame, ar: int, codes) -> float | None:
    """Inhabitants of ``codes`` in year ``ar``, each municipality's figure chosen as the registry does
    (the latest year up to ``ar``, else its earliest); None when a municipality has no figure."""
    rows = frame[frame["kommunkod"].isin(list(codes))]
    if rows.empty:
        return None
    earlier = rows[rows["ar"] <= ar].sort_values("ar").groupby("kommunkod").last()["population"]
    first = rows.sort_values("ar").groupby("kommunkod").first()["population"]
    chosen = first.copy()
    chosen.update(earlier)
    if len(chosen) < len(set(codes)):
        return None
    return float(chosen.sum())


def bounds(store: Store, result: MetricResult, *, lan: tuple[str, ...] = (), version: int | None = None,
           population: pd.DataFrame | None = None) -> Bounds | None:
    """The bounds of a registry result for every municipality (of ``lan``, else of the country) or
    every inhabitant; None when the metric has no known universe or the result no value.

    ``population``: the version's population rows, when the caller already read them.
    """
    kind = universe_kind(result.metric)
    if kind is None or result.status != "ok" or result.value is None or result.denominator is None:
        return None
    municipalities = store.municipalities()
    if lan:
        municipalities = municipalities[municipalities["lan_kod"].isin(lan)]
    codes = municipalities["kommunkod"].tolist()
    if kind == MUNICIPALITIES:
        universe = float(len(codes))
    else:
        if population is None:
            population = store.population(store.resolve_version(version))
        universe = population_total(population, int(result.ar), codes)
        if universe is None:
            return None
    return bounds_of(result.numerator, result.denominator, universe, kind)
