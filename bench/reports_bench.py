"""Section 6: PDF reports on the demo data, as the report button makes them.

A municipality report (Göteborg, 2024) and a county report (Västra Götaland,
2024), each through :func:`adoption.reports.build` on a store configured as the
app's. Timed after one untimed report of each (the first report in a process
also starts the chart converter and the Typst compiler: recorded as
``first_ms``). Baseline: :func:`adoption.reports.document`, the same figures
fetched from the registry and put into words, without drawing a chart or
laying out a page.
"""

from __future__ import annotations

import time
from pathlib import Path

from .common import figure, log, timed

CASES = (("kommun", "1480", 3000.0), ("lan", "14", 6000.0))
YEAR = 2024


def run(tmp: Path, *, quick: bool) -> list:
    from adoption import reports
    from adoption.store import APP_KEEP_OPEN_SECONDS, Store

    from .pages_bench import demo_db

    store = Store(demo_db(tmp), keep_open_seconds=APP_KEEP_OPEN_SECONDS)
    repeat = 3 if quick else 7
    out = []
    for kind, code, target in CASES:
        scope = reports.Scope(kind, code)
        t0 = time.perf_counter()
        pdf = reports.build(store, scope, YEAR)
        first = (time.perf_counter() - t0) * 1000
        samples = timed(lambda: reports.build(store, scope, YEAR), repeat, warmup=0)
        baseline = timed(lambda: reports.document(store, scope, YEAR), repeat)
        fig = figure(f"report.{kind}", "ms", samples, target, baseline=baseline, section="6 reports",
                     note=f"{kind} {code} {YEAR} on demo data; baseline: the same figures without rendering",
                     first_ms=round(first, 1), bytes=len(pdf))
        fig.ratio = round(fig.baseline_median / fig.median, 3) if fig.median else None
        log(f"report {kind} {code}: {fig.median:.0f} ms (first {first:.0f} ms); figures only "
            f"{fig.baseline_median:.0f} ms; {len(pdf) / 1024:.0f} KB")
        out.append(fig)
    store.release()
    return out
