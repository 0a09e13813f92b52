"""The change of a figure since the previous survey, compared like with like.

Every "± procentenheter sedan …" the dashboard shows is a :class:`Change`
made here, under one rule (stated on Om data):

1. **Comparable bases** (the smaller of the two years' bases is at least
   :data:`BASE_RATIO` of the larger): the change is this year's figure minus
   the previous survey's, over all respondents of each year, with Newcombe's
   interval for two independent shares (an index: a normal approximation).
2. **Bases that differ a lot** (a round still coming in, a county where
   many did not answer one year): the respondents of the two years are not
   the same kind of group, so their difference is not a change. The change
   is then computed on the **panel**, the respondents who answered in both
   years, with a paired interval (Newcombe's for shares, the mean of the
   differences for an index), and it says so with the panel's n. A metric
   whose units are not respondents (the response rate, initiatives) has no
   panel: no change is shown, and the text says why.
3. **Certainty**: a change is drawn as a rise or a fall (arrow and colour)
   only when its 95 % interval leaves out 0; otherwise it is "ingen säker
   förändring" (no certain change), with the estimate and its interval.

A base is the figure's ``n``: the respondents (or initiatives) it rests on;
for the response rate, the municipalities that answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption.metrics.compute import MetricResult, compute
from adoption.metrics.definitions import Metric, get, too_few
from adoption.metrics.filters import Filter
from adoption.metrics.stats import (
    Z95,
    newcombe_difference,
    normal_difference,
    paired_difference,
    paired_mean_difference,
)
from adoption.store import Store
from adoption.store.metric_sql import RESPONDENT_FAMILIES

# The smaller base must be at least this share of the larger for the two years to be
# compared as they are (36 answers against 240 is 15 %; ordinary year-to-year
# nonresponse of 15-25 % keeps two rounds well above it).
BASE_RATIO = 0.7

RULE_INDEPENDENT = "independent"  # all respondents of each year
RULE_PANEL = "panel"  # the respondents who answered both years
RULE_NONE = "none"  # no change shown (see ``reason``)

# Why a Change has no value.
NO_PREVIOUS = "no_previous"  # no published survey before the shown year
NO_VALUE = "no_value"  # one of the two figures has no value (its own status says why)
BASES_DIFFER = "bases_differ"  # bases differ a lot and the metric has no panel
NO_PANEL = "no_panel"  # too few answered both years (none, or under the suppression limit)


@dataclass(frozen=True)
class Change:
    """A figure's change since the previous survey year, with the rule it was made by.

    ``value`` is now minus before (a share's in fractions: 0.05 is +5
    percentage points), None when no change is shown (``reason`` says why).
    """

    metric: str
    unit: str
    year: int | None
    previous_year: int | None
    rule: str
    value: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    n_now: int | None = None
    n_before: int | None = None
    n_panel: int | None = None
    reason: str | None = None
    higher_is_better: bool = True

    @property
    def shown(self) -> bool:
        return self.value is not None

    @property
    def has_interval(self) -> bool:
        return self.shown and self.ci_low is not None and self.ci_high is not None

    @property
    def certain(self) -> bool:
        """The 95 % interval leaves out 0: a rise or a fall that may be drawn as one."""
        return self.has_interval and (self.ci_low > 0 or self.ci_high < 0)

    @property
    def direction(self) -> int:
        """+1 up, -1 down, 0 none: from the signed number only."""
        if not self.shown or self.value == 0:
            return 0
        return 1 if self.value > 0 else -1

    @property
    def better(self) -> bool | None:
        """Whether the change is for the better under the metric's ``higher_is_better``; None for no change."""
        if self.direction == 0:
            return None
        return (self.direction > 0) == self.higher_is_better


def comparable(n_now: int, n_before: int) -> bool:
    """The two years' bases are close enough to compare all respondents of each (see :data:`BASE_RATIO`)."""
    low, high = sorted((n_now, n_before))
    return high > 0 and low >= BASE_RATIO * high


def compare(store: Store, metric_id: str, flt: Filter, *, year: int | None, previous: int | None,
            version: int | None = None, now: MetricResult | None = None,
            before: MetricResult | None = None) -> Change:
    """The change of ``metric_id`` from ``previous`` to ``year`` under the filter, by the rule above.

    ``now`` and ``before``: the two figures when the caller has them already.
    """
    metric = get(metric_id)
    empty = dict(metric=metric.id, unit=metric.unit, year=year, previous_year=previous,
                 higher_is_better=metric.higher_is_better)
    if previous is None or year is None:
        return Change(**empty, rule=RULE_NONE, reason=NO_PREVIOUS)
    version = store.resolve_version(version)
    now = now or compute(store, metric_id, flt.with_(ar=year), version=version)
    before = before or compute(store, metric_id, flt.with_(ar=previous), version=version)
    if now.value is None or before.value is None:
        return Change(**empty, rule=RULE_NONE, reason=NO_VALUE)
    bases = dict(n_now=int(now.n), n_before=int(before.n))
    if comparable(now.n, before.n):
        low, high = _independent_interval(metric, now, before)
        return Change(**empty, **bases, rule=RULE_INDEPENDENT, value=now.value - before.value,
                      ci_low=low, ci_high=high)
    if metric.family not in RESPONDENT_FAMILIES:
        return Change(**empty, **bases, rule=RULE_NONE, reason=BASES_DIFFER)
    return _panel(store, metric, flt, now, before, version, empty, bases)


def _independent_interval(metric: Metric, now: MetricResult, before: MetricResult):
    if metric.interval == "wilson":
        return newcombe_difference(now.numerator, now.denominator, before.numerator, before.denominator)
    if metric.interval == "mean":
        return normal_difference(now.value - before.value, _se(now), _se(before))
    return None, None


def _se(result: MetricResult) -> float | None:
    """The standard error behind a mean's 95 % interval (its half-width / z)."""
    if result.ci_low is None or result.ci_high is None:
        return None
    return (result.ci_high - result.ci_low) / (2 * Z95)


def _panel(store: Store, metric: Metric, flt: Filter, now: MetricResult, before: MetricResult,
           version: int, empty: dict, bases: dict) -> Change:
    rows_now = _per_respondent(store, metric, flt, now, version)
    rows_before = _per_respondent(store, metric, flt, before, version)
    keys = sorted(set(rows_now) & set(rows_before))
    n = len(keys)
    if n == 0 or too_few(now.typ, n):
        return Change(**empty, **bases, rule=RULE_NONE, reason=NO_PANEL, n_panel=n)
    if metric.unit == "share":
        table = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}
        for key in keys:
            table[(rows_before[key] > 0, rows_now[key] > 0)] += 1
        both, only_before = table[(True, True)], table[(True, False)]
        only_now, neither = table[(False, True)], table[(False, False)]
        value = (only_now - only_before) / n
        low, high = paired_difference(both, only_before, only_now, neither)
    else:
        differences = [rows_now[k] - rows_before[k] for k in keys]
        value = sum(differences) / n
        low, high = paired_mean_difference(differences)
    return Change(**empty, **bases, rule=RULE_PANEL, value=value, ci_low=low, ci_high=high, n_panel=n)


def _per_respondent(store: Store, metric: Metric, flt: Filter, result: MetricResult,
                    version: int) -> dict[str, float]:
    """Each respondent's own figure in the result's year (yes = 1 / no = 0, or its index), answered only."""
    rows = store.metric_rows(
        metric.family, version=version, ar=result.ar, typ=result.typ, lan=flt.lan, kommun=flt.kommun,
        sektor=flt.sektor if metric.uses_sector else (), by="respondent", threshold=metric.threshold,
        **dict(metric.shape),
    )
    return {row.grp: float(row.numerator) for row in rows.itertuples(index=False) if row.denominator}
