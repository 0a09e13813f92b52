"""Small helpers for drawing and ranking, used by the panels, the answers and the initiatives.

Apart so that every part of the generator draws and ranks the same way.
They draw only from the generator passed in, so the order in which the
parts call them decides the data a seed gives.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def top_share(score: np.ndarray, share: float) -> np.ndarray:
    """Mask of the ``share`` best-scored (ties broken by position)."""
    k = round(min(max(share, 0.0), 1.0) * len(score))
    order = np.argsort(-score, kind="stable")
    mask = np.zeros(len(score), dtype=bool)
    mask[order[:k]] = True
    return mask


def weighted_pick(rng: np.random.Generator, weight: np.ndarray, k: int) -> np.ndarray:
    """k distinct indices, drawn with probability proportional to ``weight``."""
    if k <= 0 or len(weight) == 0:
        return np.zeros(0, dtype=np.int64)
    return rng.choice(len(weight), size=min(k, len(weight)), replace=False, p=weight / weight.sum())


def pick(values: list, missing: np.ndarray, keep: np.ndarray) -> list:
    """``values`` of the rows in ``keep``, with item non-response as None."""
    return [None if missing[i] else values[i] for i in keep]


def standardise(x: np.ndarray) -> np.ndarray:
    if len(x) < 2 or x.std() == 0:
        return np.zeros_like(x)
    return (x - x.mean()) / x.std()


def within_county(x: np.ndarray, county: np.ndarray) -> np.ndarray:
    """``x`` less its county's mean, standardised: chance leaves no county far ahead or behind.

    (A county of one municipality gets 0.) Counties still differ through
    their main cities, participants and ``_COUNTY_SHIFT``.
    """
    centred = x - pd.Series(x).groupby(county).transform("mean").to_numpy()
    return standardise(centred)


def logistic(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
