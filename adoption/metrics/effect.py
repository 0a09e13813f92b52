"""Did the programme make a difference? A staggered difference-in-differences estimate.

The unit is a municipality (or a civil-society organisation), the time a survey
year, the outcome one value per unit and year (see :data:`OUTCOMES`: derived
from the registry's own definitions, on a 0-100 scale). A unit takes part from
the first survey year in which it answered ``deltar_kraftsamling`` = ja; the
units that never did are the comparison group. (Participants' years before
their entry are not used as controls: they give the leads of the event study,
which the pre-trend test looks at.)

The estimator is Sun & Abraham's interaction-weighted event study from
``pyfixest`` (see :mod:`adoption.metrics.did`, which also says why this one):
valid with staggered entry and effects that differ between cohorts, the
never-participants as the comparison group, errors clustered by unit.

What the numbers rest on is reported with them: participants and controls,
unit-years, cohorts, and the units left out and why. Unanswered years are left
out, not imputed: a unit contributes the years it answered.
"""

from __future__ import annotations

import importlib.metadata
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from adoption.errors import AdoptionError
from adoption.metrics import did
from adoption.metrics.definitions import get
from adoption.metrics.did import Coefficient, EventTime
from adoption.metrics.filters import Filter
from adoption.metrics.stats import Z95
from adoption.metrics.years import published_years
from adoption.store import Store

LIBRARY = "pyfixest"

# Outcomes: registry metric -> how its unit-year value is derived (0-100).
# "index": the unit's mognadsindex (mean of stage / 4 x 100 over its answered
# sectors); "stage_share": the share of its answered sectors at the metric's
# threshold or higher (i_drift or skalad for andel_ai_i_drift); "answer": 100
# for a yes to the metric's question (an AI strategy), else 0. Other metrics
# have no value per unit and year that an effect could move (a response
# rate, a count, a population share) and are refused.
OUTCOMES = {
    "mognadsindex": ("index", None),
    "andel_ai_i_drift": ("stage_share", None),
    "andel_strategi": ("answer", "ai_strategi"),
}
DEFAULT_OUTCOME = "mognadsindex"

# The verdict's rules (printed beside the verdict on the page and in the CLI).
MIN_PARTICIPANTS_WITH_PRE = 10
MIN_YEARS_BEFORE_FIRST_ENTRY = 2
PRETREND_ALPHA = 0.10

VERDICT_EFFECT = "effect"  # "Tecken på effekt"
VERDICT_NONE = "no_reliable_effect"  # "Ingen säker effekt"
VERDICT_TOO_LITTLE = "too_little_data"  # "För lite data"

# Beyond this many units the estimate is made on a fixed, evenly spread
# sample of them (every k-th unit in code order), and the page says so.
MAX_UNITS = 3000

# Why a unit is left out of the estimate.
EXCLUSIONS = ("never_answered_question", "too_few_years", "no_year_before_entry")


@dataclass(frozen=True)
class PanelSummary:
    """What the estimate rests on."""

    units: int  # units in the estimate
    participants: int
    controls: int  # never-participants
    unit_years: int
    years: tuple[int, ...]
    cohorts: tuple[tuple[int, int], ...]  # (entry year, units)
    participants_with_pre: int
    years_before_first_entry: int
    excluded: tuple[tuple[str, int], ...]  # (reason, units)
    sampled_from: int | None = None  # units before sampling, when the work was bounded


@dataclass(frozen=True)
class EffectResult:
    outcome: str
    typ: str
    data_version: int | None
    verdict: str
    reasons: tuple[str, ...]  # why "too little data" (codes, see i18n "effekt.reason.*")
    summary: PanelSummary | None
    att: Coefficient | None = None
    event_study: tuple[EventTime, ...] = ()
    pretrend_p: float | None = None
    pretrend_leads: int = 0
    placebo: Coefficient | None = None
    by_county: bool = False
    library: str = field(default_factory=lambda: library_version())

    def estimator(self, lang: str = "sv") -> str:
        return did.ESTIMATOR_NAME_EN if lang == "en" else did.ESTIMATOR_NAME

    def to_dict(self) -> dict:
        s = self.summary
        return {
            "matt": self.outcome,
            "typ": self.typ,
            "dataversion": self.data_version,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "estimator": self.estimator(),
            "library": self.library,
            "condition_on_county": self.by_county,
            "att": self.att.to_dict() if self.att else None,
            "pretrend_p": self.pretrend_p,
            "pretrend_leads": self.pretrend_leads,
            "placebo": self.placebo.to_dict() if self.placebo else None,
            "participants": s.participants if s else 0,
            "controls": s.controls if s else 0,
            "unit_years": s.unit_years if s else 0,
            "years": list(s.years) if s else [],
            "cohorts": {str(y): n for y, n in s.cohorts} if s else {},
            "excluded": dict(s.excluded) if s else {},
            "sampled_from": s.sampled_from if s else None,
            "event_study": [e.__dict__ for e in self.event_study],
        }


def library_version() -> str:
    """"pyfixest 0.60.0": the library and its installed version (pinned in requirements.txt)."""
    try:
        return f"{LIBRARY} {importlib.metadata.version(LIBRARY)}"
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a broken install
        return f"{LIBRARY} (saknas)"


def check_outcome(metric_id: str) -> str:
    """The metric as an outcome, or AdoptionError with the suitable ones named."""
    get(metric_id)  # an unknown id says so in its own words
    if metric_id not in OUTCOMES:
        raise AdoptionError(
            f"Måttet ”{metric_id}” kan inte användas som utfall för effektskattningen (det har inget värde per "
            f"kommun och år). Välj ett av: {', '.join(OUTCOMES)}."
        )
    return metric_id


# --------------------------------------------------------------------------- data


def unit_panel(store: Store, metric_id: str, flt: Filter = Filter(), *, version: int | None = None) -> pd.DataFrame:
    """One row per unit and answered year: unit, ar, lan_kod, y (0-100 or NaN), deltar (True/False/NA)."""
    metric = get(check_outcome(metric_id))
    kind, question = OUTCOMES[metric_id]
    version = store.resolve_version(version)
    if version is None:
        return pd.DataFrame(columns=["unit", "ar", "lan_kod", "y", "deltar"])
    rows = store.effect_panel(
        version=version, typ=flt.typ or "kommun", lan=flt.lan, sektor=flt.sektor, kind=kind,
        threshold=metric.threshold or 0, question=question, max_units=MAX_UNITS,
    )
    # A preliminary round's first batch of answers would read as a fall (or a rise) that did not happen.
    return rows[rows["ar"].isin(published_years(store, version=version))].reset_index(drop=True)


def prepare(rows: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """Entry years and exclusions: the estimation frame and the units left out per reason.

    The frame has unit, ar, lan_kod, y, entry (0 = never took part), treat.
    """
    rows = rows.dropna(subset=["y"]) if len(rows) else rows
    excluded = dict.fromkeys(EXCLUSIONS, 0)
    if not len(rows):
        return pd.DataFrame(columns=["unit", "ar", "lan_kod", "y", "entry", "treat"]), excluded
    answered_question = rows["deltar"].notna().groupby(rows["unit"]).any()
    yes_years = rows[rows["deltar"].fillna(False).astype(bool)].groupby("unit")["ar"].min()
    first_year = rows.groupby("unit")["ar"].min()
    counts = rows.groupby("unit")["ar"].nunique()

    units = pd.DataFrame({"answered": answered_question, "years": counts, "first": first_year})
    units["entry"] = yes_years.reindex(units.index).fillna(0).astype(int)
    keep = pd.Series(True, index=units.index)
    for reason, mask in (
        ("never_answered_question", ~units["answered"]),
        ("too_few_years", units["years"] < 2),
        # A unit that took part from its first answered year has no year without
        # the programme: nothing to compare its later years with.
        ("no_year_before_entry", (units["entry"] > 0) & (units["entry"] <= units["first"])),
    ):
        hit = keep & mask
        excluded[reason] = int(hit.sum())
        keep &= ~mask
    frame = rows[rows["unit"].isin(units.index[keep])].copy()
    frame["entry"] = frame["unit"].map(units["entry"]).astype(int)
    frame["treat"] = (frame["entry"] > 0) & (frame["ar"] >= frame["entry"])
    frame = frame[["unit", "ar", "lan_kod", "y", "entry", "treat"]].sort_values(["unit", "ar"], ignore_index=True)
    return frame, excluded


def _bound(frame: pd.DataFrame) -> tuple[pd.DataFrame, int | None]:
    """At most MAX_UNITS units: every k-th in code order (deterministic, spread over the codes)."""
    units = np.sort(frame["unit"].unique())
    if len(units) <= MAX_UNITS:
        return frame, None
    step = math.ceil(len(units) / MAX_UNITS)
    return frame[frame["unit"].isin(units[::step])].reset_index(drop=True), len(units)


def summarise(frame: pd.DataFrame, excluded: dict[str, int], sampled_from: int | None = None) -> PanelSummary:
    per_unit = frame.groupby("unit")["entry"].first() if len(frame) else pd.Series(dtype=int)
    participants = per_unit[per_unit > 0]
    first_obs = frame.groupby("unit")["ar"].min() if len(frame) else pd.Series(dtype=int)
    with_pre = int((first_obs.reindex(participants.index) < participants).sum())
    years = tuple(sorted(int(y) for y in frame["ar"].unique())) if len(frame) else ()
    first_entry = int(participants.min()) if len(participants) else None
    before = sum(1 for y in years if first_entry is not None and y < first_entry)
    cohorts = tuple((int(y), int(n)) for y, n in participants.value_counts().sort_index().items())
    return PanelSummary(
        units=int(len(per_unit)), participants=int(len(participants)), controls=int((per_unit == 0).sum()),
        unit_years=int(len(frame)), years=years, cohorts=cohorts, participants_with_pre=with_pre,
        years_before_first_entry=before, excluded=tuple(excluded.items()), sampled_from=sampled_from,
    )


def too_little(summary: PanelSummary) -> tuple[str, ...]:
    """Reasons the estimate is not made (empty: enough data)."""
    reasons = []
    if summary.participants_with_pre < MIN_PARTICIPANTS_WITH_PRE:
        reasons.append("few_participants")
    if summary.controls == 0:
        reasons.append("no_controls")
    if summary.years_before_first_entry < MIN_YEARS_BEFORE_FIRST_ENTRY:
        reasons.append("few_years_before")
    return tuple(reasons)


# --------------------------------------------------------------------------- estimation


def verdict(att_result: Coefficient | None, pretrend_p: float | None, reasons: tuple[str, ...]) -> str:
    """The words follow their printed rule (see the module constants)."""
    if reasons or att_result is None:
        return VERDICT_TOO_LITTLE
    excludes_zero = att_result.ci_low > 0 or att_result.ci_high < 0
    pretrend_ok = pretrend_p is None or pretrend_p >= PRETREND_ALPHA
    return VERDICT_EFFECT if excludes_zero and pretrend_ok else VERDICT_NONE


def sampled_from(rows: pd.DataFrame) -> int | None:
    """How many units there were when the store read only a sample of them (else None)."""
    if "units_total" not in rows.columns or not len(rows):
        return None
    total = int(rows["units_total"].iloc[0])
    return total if total > rows["unit"].nunique() else None


def estimate_frame(frame: pd.DataFrame, excluded: dict[str, int], *, outcome: str = DEFAULT_OUTCOME,
                   typ: str = "kommun", version: int | None = None, by_county: bool = False,
                   sampled_from: int | None = None) -> EffectResult:
    """The whole estimate from a prepared frame (see :func:`prepare`)."""
    frame, bounded_from = _bound(frame)
    summary = summarise(frame, excluded, sampled_from or bounded_from)
    reasons = too_little(summary)
    if reasons:
        return EffectResult(outcome, typ, version, VERDICT_TOO_LITTLE, reasons, summary, by_county=by_county)
    model = did.fit(frame, by_county=by_county)
    main = did.average_effect(model) if model is not None else None
    if main is None:
        return EffectResult(outcome, typ, version, VERDICT_TOO_LITTLE, ("no_estimate",), summary,
                            by_county=by_county)
    p_value, leads = did.pretrend_test(model)
    return EffectResult(
        outcome, typ, version, verdict(main, p_value, ()), (), summary, att=main,
        event_study=did.event_study(model), pretrend_p=p_value, pretrend_leads=leads,
        placebo=did.placebo(frame, by_county=by_county, min_participants=MIN_PARTICIPANTS_WITH_PRE),
        by_county=by_county,
    )


def estimate(store: Store, metric_id: str = DEFAULT_OUTCOME, flt: Filter = Filter(), *,
             version: int | None = None, by_county: bool = False) -> EffectResult:
    """The programme effect on ``metric_id`` for a filter (county, sector, kind) and data version."""
    check_outcome(metric_id)
    version = store.resolve_version(version)
    rows = unit_panel(store, metric_id, flt, version=version)
    frame, excluded = prepare(rows)
    return estimate_frame(frame, excluded, outcome=metric_id, typ=flt.typ or "kommun", version=version,
                          by_county=by_county, sampled_from=sampled_from(rows))


# --------------------------------------------------------------------------- trajectories


def trajectories(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean outcome per survey year, participants (ever) against never-participants, with 95 % intervals."""
    if not len(frame):
        return pd.DataFrame(columns=["group", "ar", "mean", "ci_low", "ci_high", "n"])
    data = frame.assign(group=np.where(frame["entry"] > 0, "deltagare", "ovriga"))
    return _means(data, ["group", "ar"])


def event_time_means(frame: pd.DataFrame) -> pd.DataFrame:
    """Participants' mean outcome by years since entry (0 = entry year), with 95 % intervals."""
    data = frame[frame["entry"] > 0]
    if not len(data):
        return pd.DataFrame(columns=["relative_year", "mean", "ci_low", "ci_high", "n"])
    data = data.assign(relative_year=data["ar"] - data["entry"])
    return _means(data, ["relative_year"])


def _means(data: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    grouped = data.groupby(keys)["y"].agg(["mean", "std", "count"]).reset_index()
    half = Z95 * grouped["std"] / np.sqrt(grouped["count"])
    grouped["ci_low"] = (grouped["mean"] - half).clip(lower=0.0)
    grouped["ci_high"] = (grouped["mean"] + half).clip(upper=100.0)
    grouped.loc[grouped["count"] < 2, ["ci_low", "ci_high"]] = np.nan
    return grouped.rename(columns={"count": "n"}).drop(columns=["std"])
