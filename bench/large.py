"""A seeded generator for a large data set, loaded through the real store.

Full size: 100,000 local units (the store's ``municipality`` table) in 20
regions (``county``, ~5,000 units each, scattered: a region's units are not
contiguous in code order) x 20 survey years x 9 sectors = 18 million stage
answers of municipal respondents, plus 500,000 civil-society response rows
(25,000 a year, ~3 sectors answered each) and 2,000,000 initiatives (one a
unit a year). Quick size: 10,000 units x 5 years, same proportions.

Rows are written the way uploads write them: one ``Store.add_survey`` call
(one data version) per survey year, rows in unit order within the year, so
the tables are in upload order (year, then unit), not sorted to suit any
query. Population (one year, every unit) goes through
``Store.replace_population``. Reference rows go through
``Store.load_reference`` with no geometry (the map of 100,000 synthetic
units has no shapes).

The file is cached under ``bench/.cache/`` keyed by generator version, seed
and size; delete it to regenerate.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .common import CACHE, log

GENERATOR_VERSION = 1
SEED = 20240917
FIRST_YEAR = 2006
SECTORS = None  # filled lazily from adoption.vocab
HINDER = ("juridik", "kompetens", "data", "finansiering", "teknik", "ledning", "upphandling", "etik", "sakerhet")
KATEGORI = ("idrott", "social", "folkbildning", "kultur", "intresse", "trossamfund", "ovrigt")


@dataclass(frozen=True)
class Size:
    units: int
    years: int
    regions: int
    civil_total: int
    initiatives_total: int

    @property
    def name(self) -> str:
        return f"u{self.units}-y{self.years}"

    @property
    def stage_answers(self) -> int:
        return self.units * self.years * 9


FULL = Size(units=100_000, years=20, regions=20, civil_total=500_000, initiatives_total=2_000_000)
QUICK = Size(units=10_000, years=5, regions=20, civil_total=12_500, initiatives_total=50_000)


def path_for(size: Size, seed: int = SEED) -> Path:
    return CACHE / f"large-g{GENERATOR_VERSION}-s{seed}-{size.name}.duckdb"


def unit_codes(size: Size) -> list[str]:
    return [f"{i:06d}" for i in range(1, size.units + 1)]


def reference_frames(size: Size, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    codes = unit_codes(size)
    # Scattered regions: a seeded permutation, ~units/regions units each.
    region_of = (rng.permutation(size.units) % size.regions) + 1
    lan = [f"{r:02d}" for r in region_of]
    municipalities = pd.DataFrame({
        "kommunkod": codes,
        "name": [f"Enhet {c}" for c in codes],
        "lan_kod": lan,
        "area_km2": rng.uniform(5, 2000, size.units).round(1),
    })
    counties = pd.DataFrame({
        "lan_kod": [f"{r:02d}" for r in range(1, size.regions + 1)],
        "name": [f"Region {r}" for r in range(1, size.regions + 1)],
        "area_km2": [1000.0] * size.regions,
    })
    return municipalities, counties


def _stages(rng, n: int, answered_share: float) -> np.ndarray:
    """n stage answers as floats: 0-4, -1 for '.', NaN for no answer."""
    values = rng.choice([0, 1, 2, 3, 4], size=n, p=[0.35, 0.25, 0.18, 0.15, 0.07]).astype(float)
    roll = rng.random(n)
    values[roll > answered_share] = np.nan
    values[(roll <= 0.03)] = -1
    return values


def _to_obj(values: np.ndarray, cast=int) -> list:
    return [None if v != v else cast(v) for v in values.tolist()]


def _hinder(rng, n: int) -> list:
    counts = rng.integers(0, 4, n)
    none = rng.random(n) < 0.2
    picks = rng.integers(0, len(HINDER), (n, 3))
    return [None if none[i] else tuple(dict.fromkeys(HINDER[j] for j in picks[i, :counts[i]]))
            for i in range(n)]


def year_frames(size: Size, year_index: int, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Survey responses and initiatives of one year, in upload order (unit order)."""
    from adoption.formats import INITIATIVE_COLUMNS, SURVEY_BASE_COLUMNS, stage_columns
    from adoption.vocab import sector_codes

    rng = np.random.default_rng([seed, year_index])
    year = FIRST_YEAR + year_index
    codes = unit_codes(size)
    n_units = size.units
    n_civil = size.civil_total // size.years
    civil_units = np.sort(rng.integers(0, n_units, n_civil))
    # Municipal rows then civil rows, each in unit order; interleave by unit
    # as an upload sorted by municipality would.
    unit_idx = np.concatenate([np.arange(n_units), civil_units])
    order = np.argsort(unit_idx, kind="stable")
    typ = np.array(["kommun"] * n_units + ["civilsamhalle"] * n_civil, dtype=object)
    n = len(unit_idx)
    civil_ids = np.arange(n_civil) + year_index * n_civil  # distinct names a year
    frame = {
        "ar": [year] * n,
        "typ": typ.tolist(),
        "kommunkod": [codes[i] for i in unit_idx],
        "kommun": [None] * n,
        "organisation": [None] * n_units + [f"Förening {i}" for i in civil_ids],
        "organisationsnummer": [None] * n,
        "org_kategori": [None] * n_units + [KATEGORI[i % len(KATEGORI)] for i in civil_ids],
        "ai_strategi": _to_obj(np.where(rng.random(n) < 0.1, np.nan, rng.integers(0, 3, n))),
        "riktlinjer_genai": [None if r < 0.1 else bool(r > 0.5) for r in rng.random(n)],
        "antal_initiativ": (ai := rng.integers(0, 20, n)).tolist(),
        "antal_i_drift": (ai // 3).tolist(),
        "andel_utbildad_personal": rng.uniform(0, 100, n).round(1).tolist(),
        "ai_budget_tkr": rng.uniform(0, 5000, n).round(0).tolist(),
        "hinder": _hinder(rng, n),
        "deltar_kraftsamling": (rng.random(n) < 0.3).tolist(),
    }
    for code in sector_codes():
        municipal = _stages(rng, n_units, 0.9)
        civil = _stages(rng, n_civil, 0.33)
        frame[f"mognad_{code}"] = _to_obj(np.concatenate([municipal, civil]))
    responses = pd.DataFrame(frame, columns=list(SURVEY_BASE_COLUMNS + stage_columns()), dtype=object)
    responses = responses.iloc[order].reset_index(drop=True)

    n_init = size.initiatives_total // size.years
    init_units = np.sort(rng.integers(0, n_units, n_init))
    sektor = sector_codes()
    initiatives = pd.DataFrame({
        "ar": [year] * n_init,
        "kommunkod": [codes[i] for i in init_units],
        "kommun": [None] * n_init,
        "organisation": [None] * n_init,
        "titel": [f"Initiativ {year}-{i}" for i in range(n_init)],
        "sektor": [sektor[i] for i in rng.integers(0, len(sektor), n_init)],
        "mognad": rng.integers(1, 5, n_init).tolist(),
        "teknik": [None] * n_init,
        "beskrivning": [None] * n_init,
        "nytta": [None] * n_init,
        "utvarderad": [None if r < 0.2 else bool(r > 0.6) for r in rng.random(n_init)],
        "samverkan": [None] * n_init,
        "kalla": [None] * n_init,
    }, columns=list(INITIATIVE_COLUMNS), dtype=object)
    return responses, initiatives


def build(size: Size, seed: int = SEED) -> Path:
    """The cached database file for ``size`` (generated on the first call)."""
    from adoption.metrics import goals
    from adoption.store import Store

    target = path_for(size, seed)
    if target.exists():
        log(f"large data set: cached {target.name} ({target.stat().st_size / 1e6:.0f} MB)")
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    for p in (partial, Path(str(partial) + ".wal")):
        if p.exists():
            p.unlink()
    store = Store(partial)
    t0 = time.perf_counter()
    municipalities, counties = reference_frames(size, seed)
    store.load_reference(municipalities, counties, {"kommun": pd.DataFrame(columns=["code", "geojson"]),
                                                    "lan": pd.DataFrame(columns=["code", "geojson"])})
    goals.load_defaults(store)
    rng = np.random.default_rng([seed, 999])
    store.replace_population(pd.DataFrame({
        "kommunkod": municipalities["kommunkod"], "ar": FIRST_YEAR,
        "population": rng.integers(500, 100_000, size.units), "source": "bench",
    }), description="bench population", created_by="bench")
    timings = []
    for y in range(size.years):
        t1 = time.perf_counter()
        responses, initiatives = year_frames(size, y, seed)
        t2 = time.perf_counter()
        store.add_survey(responses, initiatives, action="upload",
                         description=f"bench year {FIRST_YEAR + y}", created_by="bench")
        t3 = time.perf_counter()
        timings.append((t2 - t1, t3 - t2))
        log(f"large data set: year {y + 1}/{size.years}: {len(responses)} responses, {len(initiatives)} "
            f"initiatives (generate {t2 - t1:.1f} s, add_survey {t3 - t2:.1f} s)")
        del responses, initiatives
    os.replace(partial, target)
    log(f"large data set built in {time.perf_counter() - t0:.0f} s: {target} "
        f"({target.stat().st_size / 1e6:.0f} MB)")
    return target


if __name__ == "__main__":
    import sys

    build(FULL if "--full" in sys.argv else QUICK)
