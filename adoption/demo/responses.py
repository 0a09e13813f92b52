"""One year's answers from a panel, and the answers of all years as the canonical survey frame.

Apart from the panels because this is what changes from year to year: the
latent maturity of the year (with the programme's boost), the stages cut
from it, the reported counts, policies, training, budget, barriers and the
item non-response; the panels only hold what persists.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import formats, vocab
from .calibration import BARRIER_WEIGHTS, NO_ANSWER, STAGE_CUTS, Profile, curve
from .draws import pick, top_share
from .panel import Panel, programme_boost


def responses_for_year(rng: np.random.Generator, panel: Panel, profile: Profile, year: int, j: int,
                        effect: float) -> dict:
    """Column arrays for the respondents in ``panel`` that answer in ``year``."""
    n = len(panel)
    growth = curve(profile.growth, year)
    maturity = panel.level + panel.speed * growth + programme_boost(panel, year, effect)
    stages = _stages(rng, panel, maturity)
    any_active = (stages >= 1).any(axis=1)
    antal, antal_drift = _reported_counts(rng, stages, panel.main_city, profile.extra_initiatives)

    trained = np.clip(
        rng.normal(profile.trained_base + 14.0 * panel.speed * growth + 6.0 * panel.level, 9.0), 0.0, 100.0
    )
    budget = np.round(
        np.exp(rng.normal(np.log(profile.budget_median_tkr) + 1.3 * panel.main_city + 0.35 * maturity, 0.7)), -1
    )
    # Most respondents without any AI activity spend nothing on it.
    budget = np.where(~any_active & (rng.random(n) < 0.7), 0.0, budget)

    keep = np.flatnonzero(panel.answers[:, j])

    def missing(p: float) -> np.ndarray:  # item non-response, drawn for everyone
        return rng.random(n) < p

    return {
        "ar": np.full(len(keep), year, dtype=np.int64),
        "typ": [profile.typ] * len(keep),
        "kommunkod": list(panel.kommunkod[keep]),
        "organisation": [panel.organisation[i] for i in keep],
        "organisationsnummer": [None] * len(keep),
        "org_kategori": [panel.org_kategori[i] for i in keep],
        "ai_strategi": pick(_strategy(panel, profile, year), missing(0.03), keep),
        "riktlinjer_genai": pick(_guidelines(panel, profile, year), missing(0.04), keep),
        "antal_initiativ": pick(antal, missing(0.03), keep),
        "antal_i_drift": pick(antal_drift, missing(0.05), keep),
        "andel_utbildad_personal": pick([round(float(t), 1) for t in trained], missing(0.08), keep),
        "ai_budget_tkr": pick([float(b) for b in budget], missing(0.15), keep),
        "hinder": pick(_barriers(rng, n), missing(0.10), keep),
        "deltar_kraftsamling": [bool(0 < panel.entry[i] <= year) for i in keep],
        "_stages": stages[keep],
        "_main_city": panel.main_city[keep],
        "_weight": np.full(len(keep), profile.initiative_weight),
    }


def _reported_counts(rng: np.random.Generator, stages: np.ndarray, main_city: np.ndarray, extra: float):
    """antal_initiativ and antal_i_drift consistent with the stages.

    One initiative per active sector, one in production per sector at stage
    >= 3, plus more where sectors are mature and in main cities; 0 with no
    sector at stage >= 1, None with no stage answered at all.
    """
    active = stages >= 1
    n_active = active.sum(axis=1)
    n_prod = (stages >= 3).sum(axis=1)
    stage_sum = np.where(active, stages, 0).sum(axis=1)
    antal = n_active + rng.poisson(extra * stage_sum * np.where(main_city, 2.5, 1.0))
    drift = np.minimum(n_prod + rng.poisson(0.3 * n_prod * np.where(main_city, 2.0, 1.0)), antal)
    answered = (stages >= 0).any(axis=1)
    return (
        [int(a) if ok else None for a, ok in zip(antal, answered)],
        [int(d) if ok else None for d, ok in zip(drift, answered)],
    )


def _stages(rng: np.random.Generator, panel: Panel, maturity: np.ndarray) -> np.ndarray:
    """(n, sectors) int stages: 0-4, NOT_APPLICABLE, or NO_ANSWER."""
    n, k = panel.lags.shape
    latent = maturity[:, None] - panel.lags + rng.normal(0.0, 0.1, (n, k))
    stages = np.searchsorted(STAGE_CUTS, latent, side="right").astype(np.int64)
    stages = np.where(panel.fixed_cells != 0, panel.fixed_cells, stages)
    # A few cells left empty, and now and then a whole row without stages
    # (only the general questions answered).
    stages[rng.random((n, k)) < 0.03] = NO_ANSWER
    stages[rng.random(n) < 0.01, :] = NO_ANSWER
    return stages


def _strategy(panel: Panel, profile: Profile, year: int) -> list:
    """nej/pagar/ja as 0/1/2: the best-ranked get ja, the next pagar.

    The ranking is persistent, so a strategy once adopted stays adopted.
    """
    ja = top_share(panel.policy_score, curve(profile.strategy_ja, year))
    started = top_share(panel.policy_score, curve(profile.strategy_ja, year) + curve(profile.strategy_pagar, year))
    return [2 if a else 1 if b else 0 for a, b in zip(ja, started)]


def _guidelines(panel: Panel, profile: Profile, year: int) -> list:
    return [bool(g) for g in top_share(panel.guideline_score, curve(profile.guidelines_ja, year))]


def _barriers(rng: np.random.Generator, n: int) -> list:
    """A tuple of 1-3 barrier codes per respondent, in vocabulary order."""
    codes = vocab.codes("hinder")
    p = np.array([BARRIER_WEIGHTS[c] for c in codes])
    p = p / p.sum()
    sizes = rng.choice([1, 2, 3], size=n, p=[0.35, 0.4, 0.25])
    out = []
    for size in sizes:
        picked = np.sort(rng.choice(len(codes), size=int(size), replace=False, p=p))
        out.append(tuple(codes[i] for i in picked))
    return out


def concat_rows(blocks: list[dict]) -> dict:
    """One dict of columns from the yearly blocks (numpy arrays stay arrays)."""
    rows = {}
    for key in blocks[0]:
        parts = [b[key] for b in blocks]
        rows[key] = np.concatenate(parts) if isinstance(parts[0], np.ndarray) else [v for p in parts for v in p]
    return rows


def raise_counts_to_listed(rows: dict, listed: np.ndarray, listed_prod: np.ndarray) -> None:
    """A response never reports fewer initiatives than the list holds for it."""
    for r in np.flatnonzero(listed):
        if rows["antal_i_drift"][r] is not None:
            rows["antal_i_drift"][r] = max(rows["antal_i_drift"][r], int(listed_prod[r]))
        if rows["antal_initiativ"][r] is not None:
            floor = max(int(listed[r]), rows["antal_i_drift"][r] or 0)
            rows["antal_initiativ"][r] = max(rows["antal_initiativ"][r], floor)


def response_frame(rows: dict) -> pd.DataFrame:
    columns = [c for c in formats.SURVEY_BASE_COLUMNS if c != "kommun"]
    data = {"ar": pd.Series(rows["ar"], dtype="int64")}
    for column in columns[1:]:
        data[column] = pd.Series(rows[column], dtype=object)
    stages = rows["_stages"]
    for k, column in enumerate(formats.stage_columns()):
        data[column] = pd.Series([None if s == NO_ANSWER else int(s) for s in stages[:, k]], dtype=object)
    return pd.DataFrame(data)
