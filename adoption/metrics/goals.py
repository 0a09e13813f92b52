"""Programme goals: the defaults shipped in data/goals.csv and their revisions.

The programme published no numeric targets; the defaults are illustrative
and the app says so. Administrators change them; every change is a new
revision kept by the store.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import pandas as pd

from adoption import metrics
from adoption.errors import AdoptionError
from adoption.metrics import nonresponse
from adoption.metrics.filters import Filter
from adoption.metrics.years import published_years
from adoption.paths import DATA_DIR
from adoption.store import Store
from adoption.text import formatting, i18n, present

DEFAULT_AUTHOR = "standardvärden"


def default_goals() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "goals.csv", dtype={"goal_id": str, "metric": str, "measure": str})


def load_defaults(store: Store) -> int:
    """Store the shipped defaults as revision 1 when no goals exist yet; returns how many were stored.

    With goals stored, a goal still at its shipped default (target, year and
    metric untouched by an administrator) takes the shipped wording when that
    has changed (the wording states what the goal is measured on).
    """
    if store.has_goals():
        _refresh_default_wording(store)
        return 0
    frame = default_goals()
    for row in frame.itertuples(index=False):
        store.save_goal(
            goal_id=row.goal_id, metric=row.metric, measure=row.measure, target=row.target,
            target_year=row.target_year, label_sv=row.label_sv, label_en=row.label_en,
            changed_by=DEFAULT_AUTHOR,
        )
    return len(frame)


def _refresh_default_wording(store: Store) -> int:
    current = store.goals().set_index("goal_id")
    refreshed = 0
    for row in default_goals().itertuples(index=False):
        if row.goal_id not in current.index:
            continue
        stored = current.loc[row.goal_id]
        untouched = (stored["changed_by"] == DEFAULT_AUTHOR and stored["metric"] == row.metric
                     and stored["measure"] == row.measure and abs(float(stored["target"]) - float(row.target)) < 1e-12
                     and int(stored["target_year"]) == int(row.target_year))
        if untouched and (stored["label_sv"], stored["label_en"]) != (row.label_sv, row.label_en):
            store.save_goal(goal_id=row.goal_id, metric=row.metric, measure=row.measure, target=row.target,
                            target_year=row.target_year, label_sv=row.label_sv, label_en=row.label_en,
                            changed_by=DEFAULT_AUTHOR)
            refreshed += 1
    return refreshed


# -- progress towards the goals ------------------------------------------------
#
# The way the EU Digital Decade reports track targets: for every goal the
# observed series per survey year, the required path (a straight line from
# the first observed year's value to the target in the target year), a
# projection, the gap today and a status with its rule.
#
# Projection model: an ordinary least-squares straight line through the
# observed (year, value) points, extrapolated to the target year; shares are
# kept within 0..100 %, counts and indices within their range. With fewer than
# two observed years there is no projection and no status.
#
# Status rule (goals are "reach at least the target"), with the 95 % interval
# of the latest value (a count, or a figure without an interval: the value):
#   on track  - the projection for the target year reaches the target, and the
#               whole interval lies on or above the required path;
#   off track - the projection falls short of AT_RISK_SHARE of the target, and
#               the whole interval lies below the required path;
#   at risk   - otherwise, also when the interval is too wide to tell.

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



def _unit(metric: metrics.Metric, measure: str) -> str:
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
        unit = _unit(metric, row.measure)
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


# -- what a page shows -----------------------------------------------------------


# -- editing a goal ------------------------------------------------------------
#
# Administrators type a share's target in percent (80, not 0.8); counts and
# indices as they are. Each saved edit is a new revision; an edit that changes
# nothing saves nothing.

MIN_TARGET_YEAR, MAX_TARGET_YEAR = 2020, 2100
MAX_LABEL = 200  # characters of a goal's wording
# A target read back from the form went through percent and back: float noise
# must not count as a change.
TARGET_TOLERANCE = 1e-12

SAVED = "saved"
UNCHANGED = "unchanged"
INVALID = "invalid"


def target_unit(metric_id: str, measure: str) -> str:
    """The unit of a goal's target; "count" for a metric the registry no longer knows."""
    if measure == "numerator":
        return "count"
    try:
        return _unit(metrics.get(metric_id), measure)
    except AdoptionError:
        return "count"


def form_target(target: float, unit: str) -> float:
    """A stored target as the form shows it (a share in percent)."""
    return round(float(target) * 100, 4) if unit == "share" else float(target)


def stored_target(value: float, unit: str) -> float:
    """A target typed in the form as the store keeps it (a share as a fraction)."""
    return float(value) / 100 if unit == "share" else float(value)


def form_target_max(unit: str) -> float | None:
    """The highest target the form accepts (percent and indices end at 100; counts have no end)."""
    return 100.0 if unit in ("share", "index") else None


@dataclass(frozen=True)
class GoalEditOutcome:
    """What became of an edit: ``status`` saved, unchanged or invalid.

    ``problem`` (invalid only) is a code: unknown_goal, label_missing,
    label_too_long, target_range, year_range, target_not_number or
    wording_stale (``stale`` names the wordings, "sv"/"en", that still state
    the old figure); :meth:`message` says it.
    """

    status: str
    goal_id: str
    revision: int | None = None  # the new revision when saved
    problem: str | None = None
    stale: tuple[str, ...] = ()

    @property
    def saved(self) -> bool:
        return self.status == SAVED

    def message(self, lang: str = "sv") -> str:
        if self.status == SAVED:
            return i18n.t("ladda_upp.goal_saved", lang).format(goal=self.goal_id, revision=self.revision)
        if self.status == UNCHANGED:
            return i18n.t("ladda_upp.goal_unchanged", lang)
        if self.problem == "wording_stale":
            which = i18n.t("ladda_upp.and", lang).format(
                first=i18n.t("ladda_upp.goal_wording.sv", lang), second=i18n.t("ladda_upp.goal_wording.en", lang)) \
                if len(self.stale) == 2 else i18n.t(f"ladda_upp.goal_wording.{(self.stale or ('sv',))[0]}", lang)
            return i18n.t("ladda_upp.goal_wording_stale", lang).format(which=which)
        return i18n.t(f"ladda_upp.goal_problem.{self.problem}", lang).format(
            goal=self.goal_id, max_label=MAX_LABEL, min_year=MIN_TARGET_YEAR, max_year=MAX_TARGET_YEAR)


def parse_target(text) -> float | None:
    """A target typed in the form ("80", "80,5", "80.5", "80 %"), as the form means it; None: no number."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    try:
        return formatting.parse_number(str(text))
    except ValueError:
        return None


def _plain(value: float, lang: str) -> str:
    """A figure as typed and as written in a wording: "80", "80,5" (sv), "80.5" (en); no grouping."""
    text = f"{round(float(value), 4):.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang != "en" else text


def target_text(target: float, unit: str, lang: str = "sv") -> str:
    """A stored target as the form shows it: "75" for a share of 0.75, "80,5", "300"."""
    return _plain(form_target(target, unit), lang)


def _figure(target: float, unit: str) -> re.Pattern:
    """The stored target as a wording may write it: "75 %", "75,0 procent", "80.5%", "1 200"."""
    value = round(form_target(target, unit), 4)
    whole, _, fraction = f"{value:.4f}".rstrip("0").rstrip(".").partition(".")
    grouped = r"[\s\u00a0\u202f,]?".join(re.escape(whole[max(0, i - 3):i]) for i in
                                         range(len(whole) % 3 or 3, len(whole) + 1, 3)) if len(whole) > 3 \
        else re.escape(whole)
    decimals = rf"[.,]{fraction}0*" if fraction else r"(?:[.,]0+)?"
    after = r"(?=\s*(?:%|procent|percent))" if unit == "share" else ""
    return re.compile(rf"(?<![\d.,]){grouped}{decimals}(?![\d]|[.,]\d){after}")


def mentions(label: str, target: float, unit: str) -> bool:
    """Whether a wording states ``target`` (stored units): "75 % av kommunerna" mentions 0.75."""
    return bool(_figure(target, unit).search(label or ""))


def reworded(label: str, goal, target: float, target_year: int, lang: str = "sv", *,
             old_target: float | None = None, old_year: int | None = None) -> str | None:
    """``label`` with the goal's figure and year replaced by a new target (as the form takes it) and year.

    ``old_target`` (stored units) and ``old_year`` default to the goal's. None
    when the wording states neither the old figure nor the old year, so it
    cannot follow by itself and is left for the administrator (it is flagged).
    """
    unit = target_unit(goal.metric, goal.measure)
    old_target = float(goal.target) if old_target is None else old_target
    old_year = int(goal.target_year) if old_year is None else old_year
    new = stored_target(target, unit)
    text, found = label, False
    if abs(new - old_target) >= TARGET_TOLERANCE:
        figure = _plain(form_target(new, unit), lang) if unit == "share" else formatting.number(new, lang)
        text, n = _figure(old_target, unit).subn(figure, text)
        found = found or n > 0
    if int(target_year) != old_year:
        text, n = re.subn(rf"(?<!\d){old_year}(?!\d)", str(int(target_year)), text)
        found = found or n > 0
    return text if found else None


def _problem(target: float, target_year: int, label_sv: str, label_en: str, unit: str) -> str | None:
    if not label_sv or not label_en:
        return "label_missing"
    if len(label_sv) > MAX_LABEL or len(label_en) > MAX_LABEL:
        return "label_too_long"
    highest = form_target_max(unit)
    if not math.isfinite(target) or target < 0 or (highest is not None and target > highest):
        return "target_range"
    if not MIN_TARGET_YEAR <= target_year <= MAX_TARGET_YEAR:
        return "year_range"
    return None


@dataclass(frozen=True)
class EditCheck:
    """An edit as the form holds it, checked before anything is saved (the Save button reads it).

    ``status``: ready, unchanged or invalid; ``target`` as the form means it
    (a share in percent); ``problem`` as in :class:`GoalEditOutcome` plus
    target_not_number and wording_stale (a wording still states the old
    figure); ``notes``: wording_no_figure when the target changes and the
    Swedish wording states no figure for it (it may need editing).
    """

    status: str
    goal_id: str
    target: float | None = None
    problem: str | None = None
    notes: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()  # "sv", "en": the wordings that state the old figure

    @property
    def ready(self) -> bool:
        return self.status == READY

    def message(self, lang: str = "sv") -> str:
        """Why the edit cannot be saved (the Save button's explanation); "" when it can."""
        if self.status == READY:
            return ""
        if self.status == UNCHANGED:
            return i18n.t("ladda_upp.goal_nothing_to_save", lang)
        return GoalEditOutcome(INVALID, self.goal_id, problem=self.problem, stale=self.stale).message(lang)


READY = "ready"


def note_text(note: str, lang: str = "sv", **values) -> str:
    """A note of :class:`EditCheck` in words."""
    return i18n.t(f"ladda_upp.goal_note.{note}", lang).format(**values)


def check_edit(goal, *, target_text, target_year: int, label_sv: str, label_en: str) -> EditCheck:
    """Whether the form's values may be saved as a new revision of ``goal`` (a row of ``Store.goals``)."""
    target = parse_target(target_text)
    if target is None:
        return EditCheck(INVALID, goal.goal_id, problem="target_not_number")
    unit = target_unit(goal.metric, goal.measure)
    label_sv, label_en, target_year = label_sv.strip(), label_en.strip(), int(target_year)
    problem = _problem(float(target), target_year, label_sv, label_en, unit)
    if problem is not None:
        return EditCheck(INVALID, goal.goal_id, target, problem)
    new_target = stored_target(target, unit)
    target_changed = abs(new_target - float(goal.target)) >= TARGET_TOLERANCE
    if target_changed:
        stale = tuple(code for code, label in (("sv", label_sv), ("en", label_en))
                      if mentions(label, float(goal.target), unit) and not mentions(label, new_target, unit))
        if stale:
            return EditCheck(INVALID, goal.goal_id, target, "wording_stale", stale=stale)
    if (not target_changed and target_year == int(goal.target_year) and label_sv == goal.label_sv
            and label_en == goal.label_en):
        return EditCheck(UNCHANGED, goal.goal_id, target)
    notes = ("wording_no_figure",) if target_changed and not mentions(label_sv, new_target, unit) else ()
    return EditCheck(READY, goal.goal_id, target, notes=notes)


def edit_goal(store: Store, goal_id: str, *, target, target_year: int, label_sv: str, label_en: str,
              changed_by: str) -> GoalEditOutcome:
    """Save a new revision of a goal when the edit is valid and changes something.

    ``target`` as the form takes it (:func:`form_target`: a share in percent;
    a number or the text typed, "80,5"). Wordings are stripped of surrounding
    spaces; metric and measure stay. A wording left as it was follows a new
    target and year (:func:`reworded`); a wording that still states the old
    figure is refused (problem wording_stale).
    """
    current = store.goals()
    row = current[current["goal_id"] == goal_id]
    if row.empty:
        return GoalEditOutcome(INVALID, goal_id, problem="unknown_goal")
    goal = row.iloc[0]
    number = parse_target(target)
    if number is not None:
        for code in ("sv", "en"):
            given, stored = (label_sv, goal["label_sv"]) if code == "sv" else (label_en, goal["label_en"])
            if given.strip() == stored:
                new = reworded(stored, goal, number, int(target_year), code)
                if new is not None:
                    label_sv, label_en = (new, label_en) if code == "sv" else (label_sv, new)
    check = check_edit(goal, target_text=target, target_year=target_year, label_sv=label_sv, label_en=label_en)
    if check.status == INVALID:
        return GoalEditOutcome(INVALID, goal_id, problem=check.problem, stale=check.stale)
    if check.status == UNCHANGED:
        return GoalEditOutcome(UNCHANGED, goal_id)
    unit = target_unit(goal["metric"], goal["measure"])
    revision = store.save_goal(goal_id=goal_id, metric=goal["metric"], measure=goal["measure"],
                               target=stored_target(check.target, unit), target_year=int(target_year),
                               label_sv=label_sv.strip(), label_en=label_en.strip(), changed_by=changed_by)
    return GoalEditOutcome(SAVED, goal_id, revision=revision)
