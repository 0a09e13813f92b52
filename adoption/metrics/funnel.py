"""From pilot to production: where sector cells move between survey years, and where they stall.

A cell is one respondent's one sector (municipality x sector, or
organisation x sector), followed over the survey years; only answered stages
(0-4) count. The SQL is in :mod:`adoption.store.effect_sql`; the shares,
Wilson intervals and tables are made here. The registry metrics
``andel_pilot_till_drift`` and ``andel_fastnade_piloter`` use the same
definitions for one year (see :mod:`adoption.metrics.definitions`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import vocab
from adoption.metrics.filters import Filter
from adoption.metrics.stats import wilson_interval
from adoption.store import Store

PILOT = 2
# Beyond this many municipalities in scope, the cells of a fixed, evenly spread
# sample of them are counted (the page says so); the registry metrics count all.
MAX_UNITS = 3000
PRODUCTION = 3  # i_drift; skalad (4) counts as production too
WITHIN_YEARS = (1, 2)


@dataclass(frozen=True)
class Funnel:
    """The funnel for one filter and year (the later year of a pair)."""

    ar: int | None
    previous: int | None  # ar - 1 when surveyed, else None (no transition matrix)
    transitions: pd.DataFrame  # fran, till, antal, andel (row share), ci_low, ci_high
    stalled: pd.DataFrame  # kommunkod, kommun, lan_kod, organisation, sektor, prev_ar, pilot_since
    reach: pd.DataFrame  # within, numerator, denominator, value, ci_low, ci_high
    evaluated: pd.DataFrame  # mognad, numerator, denominator, antal, value, ci_low, ci_high
    typ: str
    units: int | None = None  # municipalities whose cells were counted, when a sample (else None)
    sampled_from: int | None = None  # municipalities in scope, when a sample


def _with_wilson(frame: pd.DataFrame, numerator: str = "numerator", denominator: str = "denominator") -> pd.DataFrame:
    frame = frame.copy()
    values, lows, highs = [], [], []
    for num, den in zip(frame[numerator], frame[denominator]):
        den = int(den or 0)
        low, high = wilson_interval(int(num), den) if den else (None, None)
        values.append(int(num) / den if den else None)
        lows.append(low)
        highs.append(high)
    frame["value"], frame["ci_low"], frame["ci_high"] = values, lows, highs
    return frame


def transition_matrix(counts: pd.DataFrame) -> pd.DataFrame:
    """Every stage pair 0-4 x 0-4 (zeros kept), with row shares and their Wilson intervals."""
    stages = [s.value for s in vocab.stages()]
    grid = pd.MultiIndex.from_product([stages, stages], names=["fran", "till"]).to_frame(index=False)
    frame = grid.merge(counts, on=["fran", "till"], how="left").fillna({"antal": 0})
    frame["antal"] = frame["antal"].astype(int)
    frame["rad_total"] = frame.groupby("fran")["antal"].transform("sum")
    out = _with_wilson(frame, "antal", "rad_total").rename(columns={"value": "andel"})
    return out[["fran", "till", "antal", "rad_total", "andel", "ci_low", "ci_high"]]


def compute(store: Store, flt: Filter = Filter(), *, version: int | None = None) -> Funnel:
    """Transitions from the year before to ``flt.ar`` (default: the latest), stalled pilots, reach and evaluation."""
    version = store.resolve_version(version)
    typ = flt.typ or "kommun"
    years = store.survey_years(version)
    ar = flt.ar if flt.ar is not None else (years[-1] if years else None)
    previous = ar - 1 if ar is not None and ar - 1 in years else None
    empty = Funnel(ar, previous, transition_matrix(pd.DataFrame(columns=["fran", "till", "antal"])),
                   pd.DataFrame(columns=["kommunkod", "kommun", "lan_kod", "organisation", "sektor", "prev_ar",
                                         "pilot_since"]),
                   _with_wilson(pd.DataFrame({"within": list(WITHIN_YEARS), "numerator": [0, 0],
                                              "denominator": [0, 0]})),
                   _with_wilson(pd.DataFrame(columns=["mognad", "numerator", "denominator", "antal"])), typ)
    if version is None or ar is None:
        return empty
    args = dict(version=version, typ=typ, lan=flt.lan, sektor=flt.sektor, kommun=flt.kommun, max_units=MAX_UNITS)
    with store.reading():
        counts = store.funnel("transitions", ar=ar, **args) if previous is not None else None
        stalled = store.funnel("stalled", ar=ar, **args)
        reach = store.funnel("reach", ar=ar, **args)
        evaluated = store.funnel("evaluated", ar=ar, **args)
        sample = store.funnel("sample", ar=ar, **args).iloc[0]
    reach = pd.DataFrame({"within": list(WITHIN_YEARS)}).merge(reach, on="within", how="left").fillna(0)
    sampled = int(sample["sampled"]) < int(sample["total"])
    return Funnel(
        ar=ar, previous=previous,
        transitions=transition_matrix(counts) if counts is not None else empty.transitions,
        stalled=stalled, reach=_with_wilson(reach), evaluated=_with_wilson(evaluated), typ=typ,
        units=int(sample["sampled"]) if sampled else None, sampled_from=int(sample["total"]) if sampled else None,
    )


def stalled_by_municipality(stalled: pd.DataFrame) -> pd.DataFrame:
    """One row per municipality: its stalled cells' sectors (in vocabulary order) and how many."""
    if stalled.empty:
        return pd.DataFrame(columns=["kommunkod", "kommun", "antal", "sektorer", "pilot_since"])
    order = {code: i for i, code in enumerate(vocab.sector_codes())}
    rows = []
    for (code, name), group in stalled.groupby(["kommunkod", "kommun"], sort=False):
        sectors = sorted(group["sektor"].unique(), key=lambda s: order.get(s, 99))
        rows.append({"kommunkod": code, "kommun": name, "antal": int(len(group)), "sektorer": tuple(sectors),
                     "pilot_since": int(group["pilot_since"].min())})
    return pd.DataFrame(rows).sort_values(["antal", "kommun"], ascending=[False, True], ignore_index=True)
