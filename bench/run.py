"""Run the benchmark suite: ``python -m bench.run [--quick] [--only metrics,pages,upload,browser,reports,effect,capacity]``.

Writes ``bench/results.json`` and ``docs/benchmarks.md``. Benchmarks are not
tests: a missed target is reported, never turned into a failing exit code
(the exit code is non-zero only when the suite itself crashed).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

from .common import REPO, Figure, log, machine

SECTIONS = ("metrics", "pages", "upload", "browser", "reports", "effect", "capacity")
RESULTS = REPO / "bench" / "results.json"
DOC = REPO / "docs" / "benchmarks.md"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small data set, fewer repetitions (< 5 min)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    args = parser.parse_args(argv)
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    for name in ("streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.caching.cache_data_api"):
        logging.getLogger(name).setLevel(logging.ERROR)
    from . import large

    size = large.QUICK if args.quick else large.FULL
    started = time.perf_counter()
    load_start = [round(x, 2) for x in os.getloadavg()]
    figures: list[Figure] = []
    failures: dict[str, str] = {}
    only = [s for s in args.only.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="adoption-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_DATA_HOME"] = str(tmp / "xdg")
        # Only these sections read the large data set (the others use the demo data): building it takes minutes.
        large_db = large.build(size) if {"metrics", "browser"} & set(only) else None
        for section in SECTIONS:
            if section not in only:
                continue
            log(f"section {section} ({'quick' if args.quick else 'full'})")
            t0 = time.perf_counter()
            try:
                if section == "metrics":
                    from . import metrics_bench

                    figures += metrics_bench.run(large_db, quick=args.quick, repeat=7 if args.quick else 21)
                elif section == "pages":
                    from . import pages_bench

                    figures += pages_bench.run(tmp, quick=args.quick)
                elif section == "upload":
                    from . import upload_bench

                    figures += upload_bench.run(tmp, quick=args.quick)
                elif section == "browser":
                    from . import browser_bench

                    figures += browser_bench.run(tmp, large_db, quick=args.quick)
                elif section == "reports":
                    from . import reports_bench

                    figures += reports_bench.run(tmp, quick=args.quick)
                elif section == "effect":
                    from . import effect_bench

                    figures += effect_bench.run(tmp, large_db, quick=args.quick)
                elif section == "capacity":
                    from . import capacity_bench

                    figures += capacity_bench.run(tmp, quick=args.quick)
            except Exception:  # noqa: BLE001 - record and go on with the other sections
                failures[section] = traceback.format_exc()[-3000:]
                log(f"section {section} crashed:\n{failures[section]}")
            log(f"section {section} done in {time.perf_counter() - t0:.0f} s")
    wall = time.perf_counter() - started
    meta = {
        "mode": "quick" if args.quick else "full",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "wall_s": round(wall, 1),
        "machine": machine(),
        "data_set": {"units": size.units, "years": size.years, "regions": size.regions,
                     "civil_society_rows": size.civil_total, "initiatives": size.initiatives_total,
                     "stage_answers_municipal": size.stage_answers, "file": large_db.name if large_db else None},
        "sections": only,
        "load_average_start_end": [load_start, [round(x, 2) for x in os.getloadavg()]],
        "crashed": failures,
    }
    previous = {}
    if RESULTS.exists() and set(only) != set(SECTIONS):
        # A partial run keeps the other sections' figures from the last run.
        try:
            previous = json.loads(RESULTS.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
    results = [f.to_dict() for f in figures]
    if previous.get("meta", {}).get("mode") == meta["mode"]:
        fresh = {r["id"] for r in results}
        results = [r for r in previous.get("results", []) if r["id"] not in fresh] + results
    data = {"meta": meta, "results": results}
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    from .report import markdown

    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(markdown(data), encoding="utf-8")
    log(f"wrote {RESULTS.relative_to(REPO)} and {DOC.relative_to(REPO)} in {wall:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
