"""The persistent traits of a kind of respondent (a panel), and the parts both kinds draw alike.

A panel is made once per kind (:mod:`.municipal`, :mod:`.civil`) and read
every year by :mod:`.responses`; the sector lags, the policy rankings and
the programme's boost are the same rules for both kinds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import vocab
from .calibration import SECTOR_EXTRA_LAG, SECTOR_LEAD_WEIGHT
from .draws import standardise


@dataclass
class Panel:
    """Persistent traits of one kind of respondent, one entry per respondent."""

    kommunkod: np.ndarray
    organisation: list
    org_kategori: list
    main_city: np.ndarray  # bool (of the home municipality, for civil society)
    entry: np.ndarray  # Kraftsamling entry year, 0 for never
    level: np.ndarray  # latent maturity in 2022
    speed: np.ndarray  # multiplier on the common growth curve
    lags: np.ndarray  # (n, sectors): how far each sector trails the lead
    fixed_cells: np.ndarray  # (n, sectors): NOT_APPLICABLE / NO_ANSWER if fixed, else 0
    answers: np.ndarray  # (n, years) bool: sends a response that year
    policy_score: np.ndarray  # ranking for ai_strategi
    guideline_score: np.ndarray  # ranking for riktlinjer_genai

    def __len__(self) -> int:
        return len(self.kommunkod)



def programme_boost(panel: Panel, year: int, effect: float) -> np.ndarray:
    """Extra latent maturity from the programme: ``effect`` per year since entry, from the year after."""
    since = np.where(panel.entry > 0, year - panel.entry, 0)
    return effect * np.clip(since, 0, None)



def policy_scores(rng: np.random.Generator, level: np.ndarray,
                  participant: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Persistent rankings for ai_strategi and riktlinjer_genai: mostly maturity, partly chance.

    A municipality taking part in Kraftsamling (``participant``) ranks higher
    for a strategy. The strategy's draw comes first, then the guidelines'.
    """
    n = len(level)
    policy = 0.7 * standardise(level)
    if participant is not None:
        policy = policy + 0.3 * participant
    policy = policy + 0.7 * rng.standard_normal(n)
    guideline = 0.6 * standardise(level) + 0.8 * rng.standard_normal(n)
    return policy, guideline


def sector_lags(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Persistent lag of each sector behind the respondent's lead sector."""
    codes = vocab.sector_codes()
    lead_w = np.array([SECTOR_LEAD_WEIGHT[c] for c in codes])
    extra = np.array([SECTOR_EXTRA_LAG[c] for c in codes])
    lead = rng.choice(len(codes), size=n, p=lead_w / lead_w.sum())
    lags = rng.exponential(0.9, (n, len(codes))) + extra
    lags[np.arange(n), lead] = 0.0
    return lags, lead
