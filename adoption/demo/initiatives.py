"""The initiative list: drawn from the answered sectors at stage >= 1, with titles, benefits and partners.

Apart from the answers (:mod:`.responses`) because it is drawn after all of
them: every initiative belongs to a response row and its mognad never
exceeds its sector's stage; afterwards the answers' counts are raised to
what the list holds for them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import formats, vocab
from .calibration import INITIATIVES, curve
from .titles import (
    BENEFIT_GOAL,
    BENEFIT_WEIGHT,
    CIVIL_TITLES,
    SECTOR_TITLES,
    STAGE_VERB,
    TECHNIQUE_IN_TEXT,
    TECHNIQUE_WEIGHT,
)

DEMO_SOURCE = "Demodata"

# Share of initiatives whose effect was evaluated, per CURVE_YEARS (the SKR
# follow-up found very few: 3 of about 300 evaluated and in regular use); how
# much more likely a mature one is evaluated. A planned initiative (stage 1)
# has nothing to evaluate yet.
_EVALUATED = (0.02, 0.03, 0.045, 0.06)
_EVALUATED_BY_STAGE = np.array([0.0, 0.0, 1.0, 1.3, 2.0])


def initiative_list(
    rng: np.random.Generator, rows: dict, ref: pd.DataFrame, *, scale: float
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The initiative list, and per response row how many (and how many in production) it lists."""
    stages = rows["_stages"]
    n_rows = len(stages)
    row_idx, sector_idx = np.nonzero(stages >= 1)  # row-major: sorted by response, then sector
    cell_stage = stages[row_idx, sector_idx]
    # Mature sectors, main cities and municipalities (over civil society)
    # report more initiatives.
    weight = (
        cell_stage.astype(float) ** 1.3
        * np.where(rows["_main_city"][row_idx], 2.0, 1.0)
        * rows["_weight"][row_idx]
    )
    total = round(INITIATIVES * scale) if len(weight) else 0
    per_cell = rng.multinomial(total, weight / weight.sum()) if total else np.zeros(len(weight), np.int64)

    cell = np.repeat(np.arange(len(weight)), per_cell)
    r = row_idx[cell]
    stage = cell_stage[cell]
    sector = sector_idx[cell]
    mognad = _initiative_stage(rng, stage)
    years = rows["ar"][r]

    codes = vocab.sector_codes()
    typ = [rows["typ"][i] for i in r]
    technique, titel = _titles(rng, sector, typ)
    benefits = _benefits(rng, len(cell))
    evaluated = _evaluated(rng, years, mognad)
    text = [_description(typ[i], technique[i], benefits[i][0], codes[sector[i]], int(mognad[i]))
            for i in range(len(cell))]

    frame = pd.DataFrame(
        {
            "ar": pd.Series(years, dtype="int64"),
            "kommunkod": pd.Series([rows["kommunkod"][i] for i in r], dtype=object),
            "organisation": pd.Series([rows["organisation"][i] for i in r], dtype=object),
            "titel": pd.Series(titel, dtype=object),
            "sektor": pd.Series([codes[s] for s in sector], dtype=object),
            "mognad": pd.Series([int(m) for m in mognad], dtype=object),
            "teknik": pd.Series(technique, dtype=object),
            "beskrivning": pd.Series(text, dtype=object),
            "nytta": pd.Series(benefits, dtype=object),
            "utvarderad": pd.Series(evaluated, dtype=object),
            "samverkan": pd.Series(_partners(rng, [rows["kommunkod"][i] for i in r], ref), dtype=object),
            "kalla": pd.Series([DEMO_SOURCE if x else None for x in rng.random(len(cell)) < 0.6], dtype=object),
        }
    )
    assert tuple(frame.columns) == tuple(c for c in formats.INITIATIVE_COLUMNS if c != "kommun")
    listed = np.bincount(r, minlength=n_rows)
    listed_prod = np.bincount(r[mognad >= 3], minlength=n_rows)
    return frame, listed, listed_prod


def _initiative_stage(rng: np.random.Generator, sector_stage: np.ndarray) -> np.ndarray:
    """1..stage, most often the sector's own stage (the sector is as mature as its best)."""
    out = np.empty(len(sector_stage), dtype=np.int64)
    for i, s in enumerate(sector_stage):
        w = 2.0 ** np.arange(1, s + 1)
        out[i] = 1 + rng.choice(int(s), p=w / w.sum())
    return out


def _titles(rng: np.random.Generator, sector: np.ndarray, typ: list) -> tuple[list, list]:
    """A (technique, title) per initiative from its sector's list, weighted by the technique."""
    codes = vocab.sector_codes()
    techniques, titles = [], []
    pick = rng.random(len(sector))
    for i, s in enumerate(sector):
        table = (SECTOR_TITLES if typ[i] == "kommun" else CIVIL_TITLES)[codes[s]]
        w = np.array([TECHNIQUE_WEIGHT[t] for t, _ in table])
        k = min(int(np.searchsorted(np.cumsum(w / w.sum()), pick[i], side="right")), len(table) - 1)
        techniques.append(table[k][0])
        titles.append(table[k][1])
    return techniques, titles


def _benefits(rng: np.random.Generator, n: int) -> list:
    """A tuple of 1-2 benefit codes, the main one first."""
    codes = vocab.codes("nytta")
    p = np.array([BENEFIT_WEIGHT[c] for c in codes])
    p = p / p.sum()
    sizes = rng.choice([1, 2], size=n, p=[0.6, 0.4])
    return [tuple(codes[i] for i in rng.choice(len(codes), size=int(k), replace=False, p=p)) for k in sizes]


def _evaluated(rng: np.random.Generator, years: np.ndarray, mognad: np.ndarray) -> list:
    """Few evaluated, more in later years and at higher stages; ~10 % unanswered.

    Within a year the stage factor is normalised, so the yearly share matches
    _EVALUATED whatever the mix of stages.
    """
    p = np.zeros(len(years))
    factor = _EVALUATED_BY_STAGE[mognad]
    for year in np.unique(years):
        mask = years == year
        p[mask] = curve(_EVALUATED, int(year)) * factor[mask] / factor[mask].mean()
    evaluated = rng.random(len(years)) < np.minimum(p, 0.9)
    unanswered = rng.random(len(years)) < 0.10
    return [None if u else bool(e) for e, u in zip(evaluated, unanswered)]


def _partners(rng: np.random.Generator, kommunkod: list, ref: pd.DataFrame) -> list:
    """About 10 % are joint work with 1-3 other municipalities in the same county."""
    county = dict(zip(ref["kommunkod"], ref["lan_kod"]))
    members: dict[str, list[str]] = {}
    for code, lan in zip(ref["kommunkod"], ref["lan_kod"]):  # ref is sorted: lists are too
        members.setdefault(lan, []).append(code)
    joint = rng.random(len(kommunkod)) < 0.10
    sizes = rng.choice([1, 2, 3], size=len(kommunkod), p=[0.6, 0.3, 0.1])
    out = []
    for code, is_joint, size in zip(kommunkod, joint, sizes):
        others = [c for c in members[county[code]] if c != code]
        if not is_joint or not others:
            out.append(None)
            continue
        picked = rng.choice(len(others), size=min(int(size), len(others)), replace=False)
        out.append(tuple(others[i] for i in sorted(picked)))
    return out


def _description(typ: str, technique: str, benefit: str, sector: str, mognad: int) -> str:
    subject = "Kommunen" if typ == "kommun" else "Föreningen"
    name = next(s.name_sv for s in vocab.sectors() if s.code == sector)
    area = name[0].lower() + name[1:]
    return (
        f"{subject} {STAGE_VERB[mognad]} {TECHNIQUE_IN_TEXT[technique]} "
        f"för att {BENEFIT_GOAL[benefit]} inom {area}."
    )
