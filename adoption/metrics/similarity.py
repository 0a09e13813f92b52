"""Municipalities most like a given one: a weighted distance over structural factors and survey answers.

The measure, as the Kommun page states it: the distance between two
municipalities is a weighted mean of per-factor distances, each scaled to run
from 0 (alike) to 1 (as far apart as any two municipalities are), so that
weights mean the same for every factor (Gower's distance for mixed data):

- ``befolkning``: the difference of log population, divided by the range of
  log population over all municipalities (population of the latest year
  imported up to the survey year; needs imported population);
- ``tathet``: the same for log inhabitants per km² (needs population);
- ``yta``: the same for log area in km²;
- ``grupp``: 0 in the same SKR municipality group, ½ in the same main group
  (A, B or C), else 1 (needs imported groups);
- ``fa``: 0 in the same functional analysis region, else 1;
- ``lan``: 0 in the same county, else 1;
- ``svar``: the mean absolute difference between their stages (0-4) over
  the sector-and-year answers both gave in the latest :data:`WINDOW_YEARS`
  survey years, divided by 4; only for pairs with at least
  :data:`MIN_SHARED` such answers in common.

Logs, because "twice as large" is the same step for a town of 10 000 and a
city of 500 000. A factor is used when its weight is above 0 and the
municipality itself has data for it (population and groups must be imported;
the survey factor needs :data:`MIN_SHARED` answers of its own). Every candidate
must have data for every factor used, so that all distances rest on the same
factors and weights: with the survey factor, that means municipalities that
answered in the chosen year and share at least :data:`MIN_SHARED` answers
with it (so the similar group's figure for that year rests on each of them).
Each neighbour's distance is the sum of its factors' shares
``weight × factor distance / sum of the weights used``, which is how the page
splits it. Equal distances are ordered by more answers in common, then by the
closer area, then by code.

Default weights: :data:`adoption.metrics.factors.DEFAULT_WEIGHTS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoption.metrics import factors
from adoption.store import Store
from adoption.vocab import sectors

WINDOW_YEARS = 2  # the latest survey years compared
MIN_SHARED = 5  # sector-and-year answers two municipalities must have in common
DEFAULT_K = 5
MAX_STAGE = 4.0
LOG_FACTORS = {"befolkning": "population", "tathet": "density", "yta": "area_km2"}
SAME_FACTORS = {"fa": "fa_kod", "lan": "lan_kod"}


@dataclass(frozen=True)
class Similar:
    kommunkod: str
    name: str
    lan_kod: str
    lan_name: str
    distance: float  # the weighted distance, 0 (alike) to 1
    shared: int  # sector-and-year answers both gave
    # per factor (FACTORS order) its share of the distance; None: the factor had no data for this pair
    parts: tuple[tuple[str, float | None], ...] = ()


@dataclass(frozen=True)
class Likeness:
    """The municipalities most like ``kommunkod`` and what the comparison was built on."""

    kommunkod: str
    years: tuple[int, ...]  # the survey years compared
    answers: int  # the municipality's own answered sector-and-year cells in those years
    similar: tuple[Similar, ...]
    weights: tuple[tuple[str, int], ...] = factors.DEFAULT_WEIGHTS
    used: tuple[str, ...] = ()  # factors with a weight and data for the municipality
    # factors with a weight but no data, and why: population | groups | regions | answers
    missing: tuple[tuple[str, str], ...] = ()


def stage_matrix(responses: pd.DataFrame, years) -> pd.DataFrame:
    """Municipalities' answered stages: one row per kommunkod, one column per (sector, year).

    Only municipal responses (``typ`` kommun) in ``years``; "." (not
    applicable, -1) and blanks are missing values.
    """
    years = set(years)
    rows = responses[(responses["typ"] == "kommun") & responses["ar"].isin(years)]
    columns = [s.column for s in sectors()]
    long = rows.melt(id_vars=["kommunkod", "ar"], value_vars=columns, var_name="sektor", value_name="stage")
    long = long.dropna(subset=["stage"])
    long = long[long["stage"].astype(int) >= 0]
    if long.empty:
        return pd.DataFrame(dtype=float)
    long = long.assign(sektor=long["sektor"].str.removeprefix("mognad_"), stage=long["stage"].astype(float))
    return long.pivot_table(index="kommunkod", columns=["sektor", "ar"], values="stage", aggfunc="first")


def distances(matrix: pd.DataFrame, target: str, min_shared: int = MIN_SHARED) -> pd.DataFrame:
    """Distance from ``target`` to every other municipality: columns distance, shared; index kommunkod.

    Municipalities sharing fewer than ``min_shared`` answers with the target are left out.
    """
    empty = pd.DataFrame({"distance": pd.Series(dtype=float), "shared": pd.Series(dtype=int)})
    if matrix.empty or target not in matrix.index:
        return empty
    own = matrix.loc[target]
    others = matrix.drop(index=target)
    diff = (others - own).abs()
    shared = diff.notna().sum(axis=1)
    frame = pd.DataFrame({"distance": diff.sum(axis=1) / shared.where(shared > 0), "shared": shared})
    return frame[frame["shared"] >= min_shared]


def answered_in(matrix: pd.DataFrame, year: int) -> list[str]:
    """Municipalities of a :func:`stage_matrix` with at least one answered sector in ``year``."""
    if matrix.empty:
        return []
    columns = [c for c in matrix.columns if c[1] == year]
    if not columns:
        return []
    return matrix.index[matrix[columns].notna().any(axis=1)].tolist()


def window(survey_years, ar: int | None, size: int = WINDOW_YEARS) -> tuple[int, ...]:
    """The latest ``size`` survey years up to ``ar`` (all years when ``ar`` is None)."""
    years = sorted(y for y in survey_years if ar is None or y <= ar)
    return tuple(years[-size:])


# -- the weighted distance (pure: tested on constructed municipalities) ------------------


def factor_distances(features: pd.DataFrame, target: str, answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per factor, the 0-1 distance from ``target`` to every other municipality (NaN: no data for the pair).

    ``features``: index kommunkod; columns area_km2, and where known population,
    grupp, fa_kod, lan_kod (missing values as None/NaN). Logs are scaled by
    their range over all of ``features``. ``answers``: a :func:`stage_matrix`.
    Returns one column per factor code, plus ``shared`` (answers in common) and
    ``area_gap`` (|log area ratio|, for ordering ties).
    """
    frame = features.copy()
    for column in ("population", "grupp", "fa_kod", "lan_kod"):
        if column not in frame:
            frame[column] = None
    area = pd.to_numeric(frame["area_km2"], errors="coerce").astype(float)
    population = pd.to_numeric(frame["population"], errors="coerce").astype(float)
    logs = pd.DataFrame({
        "population": np.log(population.where(population > 0)),
        "density": np.log((population / area).where((population > 0) & (area > 0))),
        "area_km2": np.log(area.where(area > 0)),
    }, index=frame.index)
    others = frame.index.drop(target)
    out = pd.DataFrame(index=others)
    for code, column in LOG_FACTORS.items():
        spread = logs[column].max() - logs[column].min()
        gap = (logs.loc[others, column] - logs.at[target, column]).abs()
        out[code] = gap / spread if spread and spread > 0 else np.nan
    own_group = frame.at[target, "grupp"]
    out["grupp"] = [_group_distance(own_group, frame.at[code, "grupp"]) for code in others]
    for code, column in SAME_FACTORS.items():
        own = frame.at[target, column]
        out[code] = [np.nan if _missing(own) or _missing(frame.at[c, column]) else float(frame.at[c, column] != own)
                     for c in others]
    found = distances(answers, target) if answers is not None else distances(pd.DataFrame(), target)
    out["svar"] = (found["distance"] / MAX_STAGE).reindex(others)
    out["shared"] = found["shared"].reindex(others).fillna(0).astype(int)
    out["area_gap"] = (logs.loc[others, "area_km2"] - logs.at[target, "area_km2"]).abs().fillna(math.inf)
    return out


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _group_distance(own, other) -> float:
    if _missing(own) or _missing(other):
        return np.nan
    if own == other:
        return 0.0
    return 0.5 if str(own)[:1] == str(other)[:1] else 1.0


def rank(per_factor: pd.DataFrame, weights, k: int = DEFAULT_K,
         candidates: list[str] | None = None) -> list[tuple[str, float, int, tuple[tuple[str, float | None], ...]]]:
    """The ``k`` nearest by weighted distance: (kommunkod, distance, shared, parts) in order.

    ``per_factor``: :func:`factor_distances`. ``weights``: factor -> weight
    (missing factors: their default). A municipality without data for a
    factor whose weight is above 0 is not ranked; nothing is ranked when every
    weight is 0. ``parts`` holds None for the factors not used (weight 0).
    """
    weights = dict(factors.normalise(weights))
    frame = per_factor if candidates is None else per_factor[per_factor.index.isin(candidates)]
    codes = [f.code for f in factors.FACTORS]
    weight = pd.Series(weights, dtype=float)[codes]
    used = [c for c in codes if weight[c] > 0]
    if not used:
        return []
    frame = frame[frame[used].notna().all(axis=1)]
    shares = frame[codes].mul(weight, axis=1).div(weight.sum())[used].reindex(columns=codes)
    ranked = pd.DataFrame({"distance": shares.sum(axis=1), "fewer": -frame["shared"],
                           "area_gap": frame["area_gap"], "code": frame.index}, index=frame.index)
    ranked = ranked.sort_values(["distance", "fewer", "area_gap", "code"]).head(k)
    out = []
    for code in ranked.index:
        parts = tuple((c, None if pd.isna(shares.at[code, c]) else float(shares.at[code, c])) for c in codes)
        out.append((code, float(ranked.at[code, "distance"]), int(frame.at[code, "shared"]), parts))
    return out


# -- from the store ------------------------------------------------------------------------


def features(store: Store, version: int | None, ar: int | None) -> pd.DataFrame:
    """The structural factors of every municipality (index kommunkod): name, lan_kod, lan_name,
    area_km2, population (of the latest year loaded up to ``ar``, else the earliest; NaN without
    population), grupp (None without groups) and fa_kod (None before regions are assigned)."""
    frame = store.municipalities().set_index("kommunkod")
    population = store.population(version) if version is not None else pd.DataFrame()
    if len(population):
        chosen = population[population["ar"] <= ar] if ar is not None else population
        if chosen.empty:
            chosen = population[population["ar"] == population["ar"].min()]
        latest = chosen.sort_values("ar").groupby("kommunkod")["population"].last()
        frame["population"] = latest.reindex(frame.index).astype(float)
    else:
        frame["population"] = np.nan
    groups = store.municipality_groups(version).set_index("kommunkod")["grupp"]
    frame["grupp"] = groups.reindex(frame.index).astype(object).where(lambda s: s.notna(), None)
    regions = store.regions().set_index("kommunkod")["fa_kod"]
    frame["fa_kod"] = regions.reindex(frame.index).astype(object).where(lambda s: s.notna(), None)
    return frame


def _missing_factors(frame: pd.DataFrame, target: str, weights: dict[str, int],
                     answered: bool) -> tuple[tuple[str, str], ...]:
    reasons = []
    for f in factors.FACTORS:
        if not weights[f.code]:
            continue
        if f.code in ("befolkning", "tathet") and _missing(frame.at[target, "population"]):
            reasons.append((f.code, "population"))
        elif f.code == "grupp" and _missing(frame.at[target, "grupp"]):
            reasons.append((f.code, "groups"))
        elif f.code == "fa" and _missing(frame.at[target, "fa_kod"]):
            reasons.append((f.code, "regions"))
        elif f.code == "svar" and not answered:
            reasons.append((f.code, "answers"))
    return tuple(reasons)


def most_similar(store: Store, kommunkod: str, ar: int | None = None, weights=factors.DEFAULT_WEIGHTS,
                 k: int = DEFAULT_K, *, version: int | None = None) -> Likeness:
    """The ``k`` municipalities most like ``kommunkod`` (see the module docstring for the measure)."""
    weights = dict(factors.normalise(weights))
    chosen = tuple(weights.items())
    version = store.resolve_version(version)
    years = window(store.survey_years(version), ar)
    if not years:
        return Likeness(kommunkod, (), 0, (), chosen)
    frame = features(store, version, years[-1])
    matrix = stage_matrix(store.responses(version), years)
    answers = int(matrix.loc[kommunkod].notna().sum()) if kommunkod in matrix.index else 0
    if kommunkod not in frame.index:
        return Likeness(kommunkod, years, answers, (), chosen)
    missing = _missing_factors(frame, kommunkod, weights, answers >= MIN_SHARED)
    used = tuple(c for c, w in weights.items() if w and c not in dict(missing))
    per_factor = factor_distances(frame, kommunkod, matrix)
    candidates = answered_in(matrix, years[-1]) if "svar" in used else None
    found = rank(per_factor, {c: (w if c in used else 0) for c, w in weights.items()}, k, candidates)
    similar = tuple(
        Similar(kommunkod=code, name=str(frame.at[code, "name"]), lan_kod=str(frame.at[code, "lan_kod"]),
                lan_name=str(frame.at[code, "lan_name"]), distance=distance, shared=shared, parts=parts)
        for code, distance, shared, parts in found
    )
    return Likeness(kommunkod, years, answers, similar, chosen, used, missing)
