"""The municipalities' panel: size stand-ins, who takes part in Kraftsamling and when, and non-response.

This is where the programme effect is planted (``PROGRAMME_EFFECT``, see the
package docstring): participants are drawn here with weights that favour
main cities and high capacity, and :func:`.panel.programme_boost` adds the
effect year by year. Civil society has its own panel (:mod:`.civil`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import vocab
from .calibration import MUNICIPAL
from .draws import standardise, weighted_pick, within_county
from .panel import Panel, policy_scores, sector_lags

# The planted programme effect (see the package docstring): extra latent
# maturity per year since entry, from the year after entry on.
PROGRAMME_EFFECT = 0.35
# The effect in mognadsindex points with the default seed (see the package docstring).
TRUE_EFFECT_ONE_YEAR_AFTER = 8.4
TRUE_AVERAGE_EFFECT = 2.9
# Entry years of the municipal participants and the share entering in each.
_ENTRY_YEARS = (2024, 2025)
_ENTRY_SHARES = (0.6, 0.4)
_PARTICIPANT_SHARE = 0.25

# Who takes part: weights on being a main city and on capacity (selection).
_PARTICIPATION_WEIGHT_MAIN = 1.0
_PARTICIPATION_WEIGHT_CAPACITY = 0.5
# Laggards catch up a little: speed falls with the starting level. Without
# it the stage cuts' floor (sectors still below stage 1 do not move the
# index) makes the index of low starters rise slower than that of the
# (higher) participants, which would break parallel trends in the outcome
# while they hold for the latent maturity.
_CATCH_UP = 0.15
# The three metropolitan municipalities (all three are also county seats).
METROPOLITAN = ("0180", "1280", "1480")
# Narrower own draw for a main city: its level is mostly its size.
_MAIN_CITY_SPREAD = 0.35
_MAIN_CITY_FLOOR = 1.35
# Counties with the metropolitan regions and Uppsala a little ahead.
_COUNTY_SHIFT = {"01": 0.3, "03": 0.15, "12": 0.25, "14": 0.25}


def municipal_panel(rng: np.random.Generator, ref: pd.DataFrame, capacity: np.ndarray, n_years: int) -> Panel:
    n = len(ref)
    main = ref["main_city"].to_numpy()
    metro = ref["kommunkod"].isin(METROPOLITAN).to_numpy()
    county = ref["lan_kod"].map(_COUNTY_SHIFT).fillna(0.0).to_numpy()
    # Within a county, capacity sets who is ahead; a county's average is not
    # left to chance (see within_county). Civil society keeps the raw draw.
    capacity = within_county(capacity, ref["lan_kod"].to_numpy())

    # About a quarter took part in Kraftsamling, main cities and capable ones
    # more often; an exact count keeps the share stable across seeds. The
    # entry year is drawn for each participant (staggered entry).
    kraft = np.zeros(n, dtype=bool)
    kraft[weighted_pick(rng, np.exp(_PARTICIPATION_WEIGHT_MAIN * main + _PARTICIPATION_WEIGHT_CAPACITY * capacity), round(_PARTICIPANT_SHARE * n))] = True
    entry = np.where(kraft, rng.choice(_ENTRY_YEARS, size=n, p=_ENTRY_SHARES), 0)

    idio = (within_county(rng.standard_normal(n), ref["lan_kod"].to_numpy()) * MUNICIPAL.level_sd
            * np.where(main, _MAIN_CITY_SPREAD, 1.0))
    level = (MUNICIPAL.level_mean - 0.3 + 1.0 * main + 0.5 * metro + 0.45 * capacity + county
             + idio)
    # A county seat is never far behind: its level has a floor.
    level = np.where(main, np.maximum(level, _MAIN_CITY_FLOOR), level)
    # Speed does not depend on taking part: the programme's own effect is
    # added year by year (programme_boost), so that parallel trends hold.
    speed = np.exp(0.3 * standardise(rng.standard_normal(n))) * np.exp(-_CATCH_UP * standardise(level))
    lags, lead = sector_lags(rng, n)
    fixed = np.zeros_like(lags, dtype=np.int64)
    # Transport is run by the region in about a third of municipalities (less
    # often in main cities, which run their own streets and buses); a few
    # other sectors are "not applicable" too, e.g. a shared regional service.
    transport = vocab.sector_codes().index("kollektivtrafik")
    fixed[rng.random(n) < np.where(main, 0.15, 0.35), transport] = vocab.NOT_APPLICABLE
    fixed[rng.random(fixed.shape) < 0.004] = vocab.NOT_APPLICABLE
    fixed[np.arange(n), lead] = 0  # the lead sector is always applicable

    answers = _yearly_nonresponse(rng, rng.standard_normal(n) - 0.3 * capacity - 2.0 * main, n_years)
    policy, guideline = policy_scores(rng, level, kraft)
    return Panel(kommunkod=ref["kommunkod"].to_numpy(dtype=object), organisation=[None] * n,
                 org_kategori=[None] * n, main_city=main, entry=entry, level=level, speed=speed, lags=lags,
                 fixed_cells=fixed, answers=answers, policy_score=policy, guideline_score=guideline)


def _yearly_nonresponse(rng: np.random.Generator, tendency: np.ndarray, n_years: int) -> np.ndarray:
    """(n, years) answer mask: 17-23 % missing each year, the same ones often.

    Nobody misses more than two years: with four years, everyone answers at
    least twice (and with fewer years, at least once).
    """
    n = len(tendency)
    answers = np.ones((n, n_years), dtype=bool)
    weight = np.exp(tendency)
    most = max(0, min(2, n_years - 1))
    for j in range(n_years):
        k = round(rng.uniform(0.17, 0.23) * n)
        open_ = (~answers).sum(axis=1) < most
        picked = weighted_pick(rng, np.where(open_, weight, 0.0), min(k, int(open_.sum())))
        answers[picked, j] = False
    return answers
