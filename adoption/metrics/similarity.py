"""Municipalities most like a given one, measured on the survey answers we have.

No population data ships with the dashboard, so likeness is measured on what
every responding municipality reports itself: its stage (0-4) in each sector.

The measure, in one sentence (the Kommun page shows it too): among the
municipalities that answered at least one sector in the chosen year, the
distance to another municipality is the mean absolute difference between
their stages over the sector-and-year answers both gave in the latest
:data:`WINDOW_YEARS` survey years up to the chosen year ("." and blank
answers left out); pairs with fewer than :data:`MIN_SHARED` such answers in
common are not compared, and equal distances are ordered by more answers in
common, then by the closer land area (ratio of areas), then by code.

Only municipalities that answered in the chosen year are candidates, so that
the comparison figures for that year exist for every similar municipality
(otherwise municipalities that skipped a year, having fewer answers to
disagree on, would crowd the top of the list).

A distance of 0 means identical answers; 1 means one stage apart on average.
The measure says nothing about size or population, only about how far AI
work has come by sector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from adoption.store import Store
from adoption.vocab import sectors

WINDOW_YEARS = 2  # the latest survey years compared
MIN_SHARED = 5  # sector-and-year answers two municipalities must have in common
DEFAULT_K = 5


@dataclass(frozen=True)
class Similar:
    kommunkod: str
    name: str
    lan_kod: str
    lan_name: str
    distance: float  # mean absolute stage difference (0 = the same answers)
    shared: int  # sector-and-year answers both gave


@dataclass(frozen=True)
class Likeness:
    """The municipalities most like ``kommunkod`` and what the comparison was built on."""

    kommunkod: str
    years: tuple[int, ...]  # the survey years compared
    answers: int  # the municipality's own answered sector-and-year cells in those years
    similar: tuple[Similar, ...]


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


def most_similar(store: Store, kommunkod: str, ar: int | None = None, k: int = DEFAULT_K, *,
                 version: int | None = None) -> Likeness:
    """The ``k`` municipalities most like ``kommunkod`` (see the module docstring for the measure)."""
    version = store.resolve_version(version)
    years = window(store.survey_years(version), ar)
    if not years:
        return Likeness(kommunkod, (), 0, ())
    matrix = stage_matrix(store.responses(version), years)
    answers = int(matrix.loc[kommunkod].notna().sum()) if kommunkod in matrix.index else 0
    found = distances(matrix, kommunkod)
    found = found[found.index.isin(answered_in(matrix, years[-1]))]
    if found.empty:
        return Likeness(kommunkod, years, answers, ())
    municipalities = store.municipalities().set_index("kommunkod")
    areas = municipalities["area_km2"].astype(float)
    own_area = areas.get(kommunkod)

    def area_gap(code: str) -> float:
        other = areas.get(code)
        if not own_area or not other or own_area <= 0 or other <= 0:
            return math.inf
        return abs(math.log(other / own_area))

    found = found.assign(area_gap=[area_gap(code) for code in found.index], code=found.index,
                         fewer=-found["shared"])
    found = found.sort_values(["distance", "fewer", "area_gap", "code"]).head(k)
    similar = tuple(
        Similar(
            kommunkod=code,
            name=str(municipalities.at[code, "name"]),
            lan_kod=str(municipalities.at[code, "lan_kod"]),
            lan_name=str(municipalities.at[code, "lan_name"]),
            distance=float(row.distance),
            shared=int(row.shared),
        )
        for code, row in found.iterrows()
    )
    return Likeness(kommunkod, years, answers, similar)
