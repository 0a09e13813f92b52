"""The numbers the demo data is calibrated to, shared by every part of the generator.

Stage cuts, production-sized counts, the two kinds of respondent (their
starting level, growth and yearly curves, side by side) and the weights of
sectors and barriers. Kept in one place, apart from the code that draws
from them, because changing any of them moves the calibrated shares (see
the package docstring).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Internal code for a stage cell left empty (no answer). NOT_APPLICABLE (-1)
# and the stages 0-4 are stored as themselves.
NO_ANSWER = -2

# Cuts of the latent maturity into stages 1, 2, 3 and 4 (below 0: stage 0).
STAGE_CUTS = np.array([0.0, 0.8, 1.6, 2.7])

# Production-sized counts; scaled by the number of municipalities passed in
# so that a test with a handful of municipalities gets a handful of rows.
MUNICIPALITY_COUNT = 290
CIVIL_ORGANISATIONS = 600
INITIATIVES = 1500

CURVE_YEARS = (2022, 2023, 2024, 2025)


@dataclass(frozen=True)
class Profile:
    """Calibration of one kind of respondent; curves are per CURVE_YEARS."""

    typ: str
    level_mean: float  # mean starting maturity in 2022
    level_sd: float  # spread of the idiosyncratic part of the level
    growth: tuple[float, ...]  # mean rise of maturity since 2022
    strategy_ja: tuple[float, ...]
    strategy_pagar: tuple[float, ...]
    guidelines_ja: tuple[float, ...]
    extra_initiatives: float  # initiatives per stage point beyond one per active sector
    trained_base: float  # andel_utbildad_personal in 2022 at level 0
    budget_median_tkr: float
    initiative_weight: float  # how often its cells are picked for the initiative list


# The two kinds side by side (curves per CURVE_YEARS). Municipalities aim at
# 70/82/91/94 % with any sector at stage >= 1 and 15/25/38/50 % at >= 3
# (among those answering a stage). Civil society lags behind: any AI about
# 30 % -> 55 %, in production about 5 % -> 20 % (a wider spread than
# municipalities: a few are far ahead).
_PROFILES = {
    #                     kommun                       civilsamhalle
    "typ":               ("kommun",                    "civilsamhalle"),
    "level_mean":        (0.57,                        -0.80),
    "level_sd":          (0.84,                        1.50),
    "growth":            ((0.0, 0.37, 0.78, 1.0),      (0.0, 0.34, 0.68, 1.02)),
    "strategy_ja":       ((0.20, 0.32, 0.44, 0.55),    (0.05, 0.09, 0.14, 0.20)),
    "strategy_pagar":    ((0.30, 0.28, 0.25, 0.22),    (0.10, 0.12, 0.14, 0.15)),
    "guidelines_ja":     ((0.10, 0.28, 0.45, 0.60),    (0.05, 0.13, 0.22, 0.30)),
    "extra_initiatives": (0.25,                        0.1),
    "trained_base":      (12.0,                        5.0),
    "budget_median_tkr": (120.0,                       8.0),
    "initiative_weight": (1.0,                         0.5),
}
MUNICIPAL = Profile(**{name: values[0] for name, values in _PROFILES.items()})
CIVIL = Profile(**{name: values[1] for name, values in _PROFILES.items()})

# Barriers named most often first; the weights give the ranking.
BARRIER_WEIGHTS = {
    "kompetens": 0.24,
    "finansiering": 0.19,
    "data": 0.16,
    "juridik": 0.10,
    "teknik": 0.07,
    "ledning": 0.06,
    "upphandling": 0.06,
    "etik": 0.06,
    "sakerhet": 0.06,
}

# Which sectors lead (are furthest ahead) in a municipality, and how far the
# others trail on average: internal administration and citizen services
# first, transport and culture last.
SECTOR_LEAD_WEIGHT = {
    "vard_omsorg": 1.5,
    "socialtjanst": 0.8,
    "utbildning": 1.5,
    "samhallsbyggnad": 1.0,
    "kollektivtrafik": 0.3,
    "miljo": 0.5,
    "kultur_fritid": 0.3,
    "medborgarservice": 2.0,
    "administration": 2.5,
}
SECTOR_EXTRA_LAG = {
    "vard_omsorg": 0.0,
    "socialtjanst": 0.2,
    "utbildning": 0.0,
    "samhallsbyggnad": 0.2,
    "kollektivtrafik": 0.6,
    "miljo": 0.4,
    "kultur_fritid": 0.5,
    "medborgarservice": 0.0,
    "administration": 0.0,
}



def curve(values: tuple[float, ...], year: int) -> float:
    """A yearly calibration value, held at the nearest end outside 2022-2025."""
    return float(np.interp(year, CURVE_YEARS, values))
