"""Civil society's panel: organisations with generated names, the sectors each answers, its answering habits.

Apart from the municipalities (:mod:`.municipal`) because organisations are
made up here: how many per municipality, their categories and names (never
a person's name, never an organisationsnummer), and which of the sectors
relevant to their category they answer. Their Kraftsamling strand starts in
2025 and has no effect planted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import vocab
from .calibration import CIVIL, CIVIL_ORGANISATIONS, MUNICIPALITY_COUNT, NO_ANSWER
from .draws import logistic, standardise
from .panel import Panel, policy_scores, sector_lags

# Civil society: a small strand that starts in 2025, with no effect planted.
_CIVIL_ENTRY_YEAR = 2025
_CIVIL_PARTICIPANT_SHARE = 0.06

# Civil society's categories: the share of organisations in each, the words
# their names start with, and the sectors relevant to them (an organisation
# answers 2-4 of its relevant sectors).
_CATEGORY_SHARE = {
    "idrott": 0.30,
    "social": 0.15,
    "folkbildning": 0.10,
    "kultur": 0.15,
    "intresse": 0.15,
    "trossamfund": 0.07,
    "ovrigt": 0.08,
}
_CATEGORY_NAMES = {
    "idrott": ("Idrottsföreningen", "Sportklubben", "Friluftsföreningen", "Bollklubben"),
    "social": ("Stödföreningen", "Gemenskapsföreningen", "Hjälpverksamheten"),
    "folkbildning": ("Studieförbundet", "Bildningsföreningen", "Folkbildningsföreningen"),
    "kultur": ("Kulturföreningen", "Teaterföreningen", "Musikföreningen", "Konstföreningen"),
    "intresse": ("Byalaget", "Intresseföreningen", "Miljöföreningen", "Hembygdsföreningen"),
    "trossamfund": ("Trosgemenskapen", "Församlingsföreningen", "Samfundet"),
    "ovrigt": ("Föreningen", "Nätverket", "Kooperativet"),
}
_CATEGORY_SECTORS = {
    "idrott": ("kultur_fritid", "utbildning", "administration", "medborgarservice"),
    "social": ("socialtjanst", "vard_omsorg", "medborgarservice", "administration"),
    "folkbildning": ("utbildning", "kultur_fritid", "administration", "medborgarservice"),
    "kultur": ("kultur_fritid", "utbildning", "administration", "medborgarservice"),
    "intresse": ("medborgarservice", "administration", "samhallsbyggnad", "miljo", "kollektivtrafik"),
    "trossamfund": ("socialtjanst", "vard_omsorg", "kultur_fritid", "administration"),
    "ovrigt": ("administration", "medborgarservice", "miljo", "kultur_fritid"),
}

# Neutral words (nature, places in a village): never persons' names.
_NAME_WORDS = (
    "Norrsken", "Fyren", "Björken", "Ankaret", "Solrosen", "Lärkan", "Eken", "Vågen",
    "Kompassen", "Stjärnan", "Bron", "Granen", "Älven", "Forsen", "Fjället", "Skogsbrynet",
    "Ljuset", "Vinden", "Havsörnen", "Tranan", "Ugglan", "Räven", "Bävern", "Lodjuret",
    "Kastanjen", "Rönnen", "Hägern", "Svalan", "Tallen", "Aspen", "Klövern", "Blåklinten",
    "Midnattssolen", "Polstjärnan", "Horisonten", "Regnbågen", "Gläntan", "Kvarnen",
    "Hamnen", "Torget", "Bryggan", "Mosaiken", "Gemenskapen", "Framtiden", "Nyckeln",
    "Vårdkasen", "Udden", "Näset",
)


def civil_panel(rng: np.random.Generator, ref: pd.DataFrame, capacity: np.ndarray, n_years: int) -> Panel:
    n_orgs = round(CIVIL_ORGANISATIONS * len(ref) / MUNICIPALITY_COUNT)
    main = ref["main_city"].to_numpy()
    # More organisations where the municipality is larger (the same stand-ins).
    weight = (1.0 + 3.0 * main) * np.exp(0.5 * capacity)
    per_municipality = rng.multinomial(n_orgs, weight / weight.sum())

    kommunkod, organisation, category, home = [], [], [], []
    combos, combo_p = _name_combinations()
    for i, count in enumerate(per_municipality):
        if count == 0:
            continue
        # Distinct combinations within a municipality: names never repeat there.
        picked = rng.choice(len(combos), size=min(int(count), len(combos)), replace=False, p=combo_p)
        names = sorted((f"{combos[c][1]} {combos[c][2]} i {ref.at[i, 'name']}", combos[c][0]) for c in picked)
        for name, cat in names:
            kommunkod.append(ref.at[i, "kommunkod"])
            organisation.append(name)
            category.append(cat)
            home.append(i)

    n = len(kommunkod)
    home = np.asarray(home, dtype=np.int64)
    level = CIVIL.level_mean + standardise(rng.standard_normal(n)) * CIVIL.level_sd
    speed = np.exp(0.3 * standardise(rng.standard_normal(n)))
    lags, _ = sector_lags(rng, n)
    fixed = _civil_relevant_cells(rng, category, lags)

    # About 70 % answer each year, some organisations more reliably than others.
    tendency = rng.standard_normal(n)
    answers = rng.random((n, n_years)) < logistic(0.9 + 0.8 * tendency)[:, None]
    silent = np.flatnonzero(~answers.any(axis=1))
    answers[silent, rng.integers(0, n_years, len(silent))] = True
    # A few organisations joined Kraftsamling's civil-society strand in 2025.
    entry = np.where(rng.random(n) < _CIVIL_PARTICIPANT_SHARE, _CIVIL_ENTRY_YEAR, 0)

    policy, guideline = policy_scores(rng, level)
    return Panel(kommunkod=np.asarray(kommunkod, dtype=object), organisation=organisation, org_kategori=category,
                 main_city=main[home], entry=entry, level=level, speed=speed, lags=lags, fixed_cells=fixed,
                 answers=answers, policy_score=policy, guideline_score=guideline)


def _name_combinations() -> tuple[list[tuple[str, str, str]], np.ndarray]:
    """Every (category, name word, neutral word) and its probability."""
    combos, p = [], []
    for cat in vocab.codes("org_kategori"):
        share, prefixes = _CATEGORY_SHARE[cat], _CATEGORY_NAMES[cat]
        for prefix in prefixes:
            for word in _NAME_WORDS:
                combos.append((cat, prefix, word))
                p.append(share / (len(prefixes) * len(_NAME_WORDS)))
    p = np.asarray(p)
    return combos, p / p.sum()


def _civil_relevant_cells(rng: np.random.Generator, category: list, lags: np.ndarray) -> np.ndarray:
    """Mark the sectors an organisation does not answer; its lead is a relevant one."""
    codes = vocab.sector_codes()
    fixed = np.full(lags.shape, NO_ANSWER, dtype=np.int64)
    for i, cat in enumerate(category):
        relevant = [codes.index(c) for c in _CATEGORY_SECTORS[cat]]
        k = int(rng.integers(2, min(4, len(relevant)) + 1))
        chosen = rng.choice(relevant, size=k, replace=False)
        fixed[i, chosen] = 0
        # The lead among the answered sectors trails nothing.
        lags[i, chosen[np.argmin(lags[i, chosen])]] = 0.0
    return fixed
