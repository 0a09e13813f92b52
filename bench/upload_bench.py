"""Section 4: a 100,000-row survey file (Windows-1252, ``;``, decimal commas) validated and committed.

End to end is what the upload page does: ``pipeline.prepare`` (read,
validate, compare with the current data, before/after headline figures on a
scratch copy) then ``pipeline.commit`` (one new data version), into a fresh
database with the reference data and no survey rows (so every row is new).
Baseline: ``pandas.read_csv`` of the same bytes (parse only), same run.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .common import figure, log

ROWS = 100_000
YEAR = 2025
HINDER = ("juridik", "kompetens", "data", "finansiering", "teknik", "ledning", "upphandling", "etik", "sakerhet")
KATEGORI = ("idrott", "social", "folkbildning", "kultur", "intresse", "trossamfund", "ovrigt")


def survey_file(municipalities: pd.DataFrame, rows: int = ROWS, seed: int = 7) -> bytes:
    from adoption.vocab import sector_codes

    rng = np.random.default_rng(seed)
    codes = municipalities["kommunkod"].tolist()
    sectors = sector_codes()
    header = (["ar", "typ", "kommunkod", "organisation", "org_kategori", "ai_strategi", "riktlinjer_genai",
               "antal_initiativ", "antal_i_drift", "andel_utbildad_personal", "ai_budget_tkr", "hinder",
               "deltar_kraftsamling"] + [f"mognad_{c}" for c in sectors])
    lines = [";".join(header)]
    stage_text = ["0", "1", "2", "3", "4", ".", ""]
    stage_p = [0.3, 0.22, 0.15, 0.12, 0.06, 0.05, 0.10]
    stages = rng.choice(len(stage_text), size=(rows, len(sectors)), p=stage_p)
    for i in range(rows):
        municipal = i < len(codes)
        kod = codes[i] if municipal else codes[int(rng.integers(0, len(codes)))]
        org = "" if municipal else f"Föreningen Åsa och Ölands vänner {i}"
        kat = "" if municipal else KATEGORI[i % len(KATEGORI)]
        hinder = "|".join(HINDER[j] for j in sorted(set(rng.integers(0, 9, 2).tolist())))
        share = f"{rng.uniform(0, 100):.1f}".replace(".", ",")
        budget = f"{rng.uniform(0, 9000):.1f}".replace(".", ",")
        n_init = int(rng.integers(0, 12))
        row = [str(YEAR), "kommun" if municipal else "civilsamhalle", kod, org, kat,
               ("nej", "pagar", "ja")[i % 3], ("ja", "nej")[i % 2], str(n_init), str(n_init // 2), share, budget,
               hinder, ("ja", "nej")[(i // 7) % 2]] + [stage_text[k] for k in stages[i]]
        lines.append(";".join(row))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def run(tmp: Path, *, quick: bool) -> list:
    from adoption import bootstrap
    from adoption.ingest import pipeline
    from adoption.store import Store

    repeat = 1 if quick else 3
    template = tmp / "upload-template.duckdb"
    if not template.exists():
        bootstrap.initialise(Store(template), with_demo=False)
    data = survey_file(Store(template).municipalities())
    log(f"upload: file of {ROWS} rows, {len(data) / 1e6:.1f} MB (cp1252, ';', decimal commas)")
    import shutil

    rates, parse_rates, phases = [], [], []
    for r in range(repeat):
        db = tmp / f"upload-{r}.duckdb"
        shutil.copy(template, db)
        store = Store(db)
        t0 = time.perf_counter()
        prepared = pipeline.prepare(data, "enkat_2025.csv", "enkatsvar", store)
        t1 = time.perf_counter()
        if not prepared.result.ok:
            raise RuntimeError(f"upload file has errors: {prepared.result.errors[:3]}")
        result = pipeline.commit(prepared, store, uploaded_by="bench", confirmed_fuzzy=True)
        t2 = time.perf_counter()
        assert result.status == "committed" and result.added == ROWS, result
        rates.append(ROWS / (t2 - t0))
        phases.append({"prepare_s": round(t1 - t0, 2), "commit_s": round(t2 - t1, 2)})
        log(f"upload: prepare {t1 - t0:.1f} s, commit {t2 - t1:.1f} s: {ROWS / (t2 - t0):.0f} rows/s")
        t0 = time.perf_counter()
        frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="cp1252", dtype=str)
        parse_rates.append(len(frame) / (time.perf_counter() - t0))
        db.unlink()
    fig = figure("upload.rows_per_s", "rows/s", rates, 20_000.0, baseline=parse_rates, section="4 upload",
                 note="prepare (validate, compare, headline preview) + commit; baseline pandas.read_csv",
                 phases=phases)
    ratio = fig.median / fig.baseline_median if fig.baseline_median else None
    fig.ratio = round(ratio, 4) if ratio else None
    log(f"upload: {fig.median:.0f} rows/s; pandas.read_csv {fig.baseline_median:.0f} rows/s")
    return [fig]
