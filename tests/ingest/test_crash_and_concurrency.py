"""Real processes: an ingest killed at any point leaves the previous version; two ingests at once both succeed;
an export loaded into a fresh database gives the same metrics."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from adoption import metrics
from adoption.formats import SURVEY_KINDS
from adoption.ingest import export
from adoption.ingest.pipeline import (
    HEADLINE_METRICS,
    PAUSE_ENV,
    PAUSE_POINTS,
    PAUSE_SECONDS_ENV,
)
from adoption.metrics.filters import Filter
from adoption.store import Store

REPO = Path(__file__).resolve().parents[2]


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _ingest(*argv, **env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "adoption", "ingest", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env(**env), cwd=REPO)


def _state(store: Store) -> tuple:
    version = store.current_version()
    return version, len(store.uploads()), tuple(
        export.to_csv_bytes(export.frame_for(kind, store, version)) for kind in SURVEY_KINDS)


def _survey_file(tmp_path: Path, store: Store, name: str, ar: int, change: str) -> Path:
    """This year's export of the demo data with every municipality's strategy set to ``change``."""
    frame = export.survey_frame(store, store.current_version(), ar)
    frame.loc[frame["typ"] == "kommun", "ai_strategi"] = change
    path = tmp_path / name
    path.write_bytes(export.to_csv_bytes(frame))
    return path


@pytest.mark.parametrize("point", PAUSE_POINTS)
def test_killed_ingest_leaves_the_previous_version(point, demo_db, tmp_path):
    store = Store(demo_db)
    before = _state(store)
    path = _survey_file(tmp_path, store, "svar.csv", 2024, "ja")
    proc = _ingest(str(path), "--kind", "enkatsvar", "--db", demo_db,
                   **{PAUSE_ENV: point, PAUSE_SECONDS_ENV: "60"})
    try:
        for line in proc.stdout:
            if line.strip() == f"PAUSE {point}":
                break
        else:
            pytest.fail(f"no pause marker: {proc.stderr.read()}")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = Store(demo_db)
    assert _state(after) == before
    # and the database still takes the same upload afterwards
    result = subprocess.run([sys.executable, "-m", "adoption", "ingest", str(path), "--kind", "enkatsvar",
                             "--db", demo_db], capture_output=True, text=True, env=_env(), cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Ny dataversion: 2" in result.stdout


def test_two_ingests_at_once_both_succeed_with_consecutive_versions(demo_db, tmp_path):
    store = Store(demo_db)
    first = _survey_file(tmp_path, store, "a.csv", 2024, "ja")
    second = _survey_file(tmp_path, store, "b.csv", 2023, "nej")
    # Both compare against version 1 and then pause before writing, so the
    # second writer finds version 2 and must compare again.
    pause = {PAUSE_ENV: "before_transaction", PAUSE_SECONDS_ENV: "1"}
    procs = [_ingest(str(p), "--kind", "enkatsvar", "--db", demo_db, **pause) for p in (first, second)]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    versions = sorted(int(line.split(":")[1]) for out, _ in outputs for line in out.splitlines()
                      if line.startswith("Ny dataversion:"))
    assert versions == [2, 3]
    final = Store(demo_db)
    assert final.current_version() == 3 and len(final.uploads()) == 2
    rows = final.responses(3)
    kommun = rows[rows["typ"] == "kommun"]
    assert set(kommun[kommun["ar"] == 2024]["ai_strategi"]) == {2}
    assert set(kommun[kommun["ar"] == 2023]["ai_strategi"]) == {0}


def test_export_round_trips_through_ingest_with_the_same_metrics(demo_db_template, tmp_path):
    demo = Store(demo_db_template)
    fresh = tmp_path / "fresh.duckdb"
    run = lambda *a: subprocess.run([sys.executable, "-m", "adoption", *a], capture_output=True, text=True,  # noqa: E731
                                    env=_env(), cwd=REPO, timeout=300)
    assert run("init", "--no-demo", "--db", str(fresh)).returncode == 0
    for kind, fmt in (("enkatsvar", "csv"), ("initiativ", "xlsx")):
        target = tmp_path / f"{kind}.{fmt}"
        assert run("export", kind, "--format", fmt, "-o", str(target), "--db", demo_db_template).returncode == 0
        result = run("ingest", str(target), "--db", str(fresh))
        assert result.returncode == 0, result.stderr + result.stdout
    loaded = Store(fresh)
    years = demo.survey_years(demo.current_version())
    assert loaded.survey_years(loaded.current_version()) == years
    filters = [Filter(), Filter(lan=("01",)), Filter(typ="civilsamhalle"),
               Filter(lan=("12", "14"), sektor=("vard_omsorg", "miljo"))]
    chosen = [m for m in HEADLINE_METRICS + ("mognadsindex", "andel_skalad", "hinder_topp") if m in metrics.REGISTRY]
    checked = 0
    for ar in years:
        for flt in filters:
            for metric_id in chosen:
                try:
                    a = metrics.compute(demo, metric_id, flt.with_(ar=ar))
                except Exception as error:  # a metric the other engineer is still writing
                    pytest.skip(f"metrics.compute failed on the demo database: {error}")
                b = metrics.compute(loaded, metric_id, flt.with_(ar=ar))
                assert (a.value, a.numerator, a.denominator, a.n) == (b.value, b.numerator, b.denominator, b.n), \
                    (metric_id, ar, flt)
                checked += 1
    assert checked >= len(years) * len(filters) * 5
    assert len(years) >= 2
