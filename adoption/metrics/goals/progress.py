"""Progress towards the goals: the observed series, the required path, a projection and a status with its rule.

The way the EU Digital Decade reports track targets: for every goal the
observed series per survey year, the required path (a straight line from
the first observed year's value to the target in the target year), a
projection, the gap today and a status with its rule.

Projection model: an ordinary least-squares straight line through the
observed (year, value) points, extrapolated to the target year; shares are
kept within 0..100 %, counts and indices within their range. With fewer than
two observed years there is no projection and no status.

Status rule (goals are "reach at least the target"), with the 95 % interval
of the latest value (a count, or a figure without an interval: the value):

* on track: the projection for the target year reaches the target, and the
  whole interval lies on or above the required path;
* off track: the projection falls short of ``AT_RISK_SHARE`` of the target,
  and the whole interval lies below the required path;
* at risk: otherwise, also when the interval is too wide to tell.

Separate from editing (:mod:`.editing`): this only reads goals and figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from adoption import metrics
from adoption.metrics import nonresponse
from adoption.metrics.filters import Filter
from adoption.metrics.goals.defaults import DEFAULT_AUTHOR
from adoption.metrics.years import published_years
from adoption.store import Store
from adoption.text import formatting, i18n, present

ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
UNKNOWN = "unknown"
STATUS_ICONS = {ON_TRACK: "✅", AT_RISK: "⚠️", OFF_TRACK: "❌", UNKNOWN: "❔"}

# "At risk" when the projection falls short by at most a tenth of the target.
AT_RISK_SHARE = 0.9
MIN_YEARS_FOR_PROJECTION = 2
EPS = 1e-9  # float noise must not flip a status

SERIES = ("observed", "required", "projection")


@dataclass(frozen=True)
class Assessment:
    """The rule applied to an observed series (pure arithmetic, no store)."""

    status: str
    slope: float | None  # the projection line: value = intercept + slope * year
    intercept: float | None
    projected: float | None  # the projection at the target year (clamped)
    required_latest: float | None  # the required path at the latest observed year
    reason: str | None = None  # why UNKNOWN: "too_few_years" or a metric status code


def clamp(value: float, unit: str) -> float:
    """Keep a projected value within what the unit allows."""
    if unit == "share":
        return min(1.0, max(0.0, value))
    if unit == "index":
        return min(100.0, max(0.0, value))
    return max(0.0, value)


def linear_trend(points: list[tuple[int, float]]) -> tuple[float, float] | None:
    """Ordinary least squares through (year, value): (slope per year, intercept); None below 2 years."""
    if len({year for year, _ in points}) < MIN_YEARS_FOR_PROJECTION:
        return None
    n = len(points)
    mean_x = sum(year for year, _ in points) / n
    mean_y = sum(value for _, value in points) / n
    sxx = sum((year - mean_x) ** 2 for year, _ in points)
    sxy = sum((year - mean_x) * (value - mean_y) for year, value in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def required_value(first: tuple[int, float], target: float, target_year: int, year: int) -> float:
    """The required path: straight line from the first observed (year, value) to the target."""
    first_year, first_value = first
    if target_year <= first_year:
        return target
    return first_value + (target - first_value) * (year - first_year) / (target_year - first_year)


def assess(points: list[tuple[int, float]], target: float, target_year: int, unit: str = "share",
           interval: tuple[float | None, float | None] | None = None) -> Assessment:
    """The status rule applied to observed (year, value) points, sorted by year.

    ``interval``: the 95 % interval (low, high) of the latest value; None (or
    missing bounds) for a count or a figure without one, which is then taken as it is.
    """
    points = sorted(points)
    if not points:
        return Assessment(UNKNOWN, None, None, None, None, reason="no_answer")
    latest_year, latest = points[-1]
    low, high = interval if interval is not None else (None, None)
    low = latest if low is None else min(low, latest)
    high = latest if high is None else max(high, latest)
    required_latest = required_value(points[0], target, target_year, latest_year)
    trend = linear_trend(points)
    if trend is None:
        return Assessment(UNKNOWN, None, None, None, required_latest, reason="too_few_years")
    slope, intercept = trend
    projected = clamp(intercept + slope * target_year, unit)
    if projected >= target - EPS and low >= required_latest - EPS:
        status = ON_TRACK
    elif projected < AT_RISK_SHARE * target - EPS and high < required_latest - EPS:
        status = OFF_TRACK
    else:
        status = AT_RISK
    return Assessment(status, slope, intercept, projected, required_latest)


@dataclass(frozen=True)
class GoalProgress:
    goal_id: str
    metric: str
    measure: str  # "value" (the metric's value) or "numerator" (its count)
    unit: str  # "share", "index", "per_10k" or "count" (measure numerator)
    target: float
    target_year: int
    label_sv: str
    label_en: str
    changed_at: object
    changed_by: str
    illustrative: bool  # still the shipped default (the programme published no numeric targets)
    # one MetricResult per survey year of the data version, in year order
    results: tuple[metrics.MetricResult, ...]
    observed: tuple[tuple[int, float], ...]  # the years that have a value
    assessment: Assessment
    # per year with a value: the share of every municipality (or inhabitant), whatever the
    # non-respondents would answer (shares of municipalities and of the population only)
    bounds: tuple[tuple[int, nonresponse.Bounds], ...] = ()

    @property
    def status(self) -> str:
        return self.assessment.status

    @property
    def latest(self) -> metrics.MetricResult | None:
        """The registry's result for the latest year with a value (its base: n of N)."""
        if not self.observed:
            return None
        year = self.observed[-1][0]
        return next(r for r in self.results if r.ar == year)

    @property
    def is_count(self) -> bool:
        """A count of respondents (it rises with the number of answers), not a share or an index."""
        return self.measure == "numerator"

    def bounds_for(self, year: int | None) -> nonresponse.Bounds | None:
        return dict(self.bounds).get(year)

    @property
    def latest_bounds(self) -> nonresponse.Bounds | None:
        return self.bounds_for(self.latest.ar) if self.latest is not None else None

    @property
    def latest_value(self) -> float | None:
        return self.observed[-1][1] if self.observed else None

    @property
    def gap(self) -> float | None:
        """Target minus the latest observed value (shares as fractions: 0.2 is 20 points)."""
        return None if not self.observed else self.target - self.observed[-1][1]

    @property
    def projected(self) -> float | None:
        return self.assessment.projected

    def label(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_sv

    def years(self) -> list[int]:
        """From the first survey year to the target year (or the last survey, if later)."""
        survey = [r.ar for r in self.results if r.ar is not None]
        if not survey:
            return []
        return list(range(min(survey), max(max(survey), self.target_year) + 1))

    def required(self, year: int) -> float | None:
        if not self.observed or year < self.observed[0][0]:
            return None
        return required_value(self.observed[0], self.target, self.target_year, year)

    def projection(self, year: int) -> float | None:
        a = self.assessment
        if a.slope is None:
            return None
        return clamp(a.intercept + a.slope * year, self.unit)

    def rule(self, lang: str = "sv") -> str:
        return rule_text(lang, self.target_year)

    def status_text(self, lang: str = "sv") -> str:
        return i18n.t(f"mal.status.{self.status}", lang)

    def reason_text(self, lang: str = "sv") -> str | None:
        """Why there is no status: the registry's reason (e.g. how to import population) or too few years."""
        reason = self.assessment.reason
        if self.status != UNKNOWN or reason is None:
            return None
        if reason == "too_few_years":
            return i18n.t("mal.reason.too_few_years", lang)
        if not i18n.has(f"status.{reason}"):
            return reason
        return present.reason_text(reason, lang, ar=self.results[-1].ar if self.results else None)


def rule_text(lang: str = "sv", target_year: int | None = None) -> str:
    """The status rule as a sentence (the page writes it beside every status)."""
    return i18n.t("mal.rule", lang).format(
        year=target_year if target_year is not None else "",
        share=formatting.percent(AT_RISK_SHARE, lang, decimals=0),
    )


def measure_unit(metric: metrics.Metric, measure: str) -> str:
    """The unit a goal is measured in: "count" for a count of respondents, else the metric's unit."""
    return "count" if measure == "numerator" else metric.unit


def measure_value(result: metrics.MetricResult, measure: str) -> float | None:
    if result.suppressed:
        return None
    return result.numerator if measure == "numerator" else result.value


def goal_progress(store: Store, goals: pd.DataFrame | None = None, until: int | None = None, *,
                  version: int | None = None) -> list[GoalProgress]:
    """Progress of every goal (the current revision of each) on a data version.

    ``goals``: the rows of :meth:`Store.goals` (read from the store when
    None; a page passes them so that a cached result changes with a goal).
    ``until``: the survey years up to this one only (progress as it stood
    then); None: every year. The series is the whole country and the
    metric's default kind of respondent, one :func:`metrics.compute` per
    published survey year (a preliminary round's first answers must not move
    a projection or a status), with the bounds for every municipality beside
    each share.
    """
    if goals is None:
        goals = store.goals()
    version = store.resolve_version(version)
    years = [y for y in published_years(store, version=version) if until is None or y <= until]
    population = store.population(version) if version is not None and store.population_years(version) else None
    out = []
    for row in goals.itertuples(index=False):
        metric = metrics.get(row.metric)
        unit = measure_unit(metric, row.measure)
        results = tuple(metrics.compute(store, row.metric, Filter(ar=year), version=version) for year in years)
        if not results:
            results = (metrics.compute(store, row.metric, Filter(), version=version),)
        observed = tuple(
            (int(r.ar), float(measure_value(r, row.measure))) for r in results if measure_value(r, row.measure) is not None
        )
        target, target_year = float(row.target), int(row.target_year)
        latest = next((r for r in reversed(results) if observed and r.ar == observed[-1][0]), None)
        interval = (latest.ci_low, latest.ci_high) if latest is not None and row.measure == "value" else None
        assessment = assess(list(observed), target, target_year, unit, interval)
        if assessment.status == UNKNOWN and not observed:
            # The registry's own reason: needs_population, no_data, too_few ...
            statuses = [r.status for r in results if r.status != metrics.STATUS_OK]
            assessment = replace(assessment, reason=statuses[-1] if statuses else "no_answer")
        out.append(GoalProgress(
            goal_id=row.goal_id, metric=row.metric, measure=row.measure, unit=unit, target=target,
            target_year=target_year, label_sv=row.label_sv, label_en=row.label_en,
            changed_at=row.changed_at, changed_by=row.changed_by,
            illustrative=row.changed_by == DEFAULT_AUTHOR,
            results=results, observed=observed, assessment=assessment,
            bounds=_bounds(store, results, row.measure, version, population),
        ))
    return out


def _bounds(store: Store, results, measure: str, version: int | None,
            population: pd.DataFrame | None) -> tuple[tuple[int, nonresponse.Bounds], ...]:
    if measure != "value":
        return ()
    found = ((r.ar, nonresponse.bounds(store, r, version=version, population=population)) for r in results)
    return tuple((year, b) for year, b in found if b is not None)
