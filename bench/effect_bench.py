"""Section 6: a cold /effekt (the programme-effect page), on demo data and on the large set.

Cold: ``st.cache_data`` and ``st.cache_resource`` cleared before each timed
rerun, as a first view after a server restart computes it (the library is
already imported: its one-time import, about 2 s, is measured apart). The
baseline is the one-widget page of section 2, rerun in the same harness in
the same run. On the large set the page estimates on a fixed sample of at
most ``adoption.metrics.effect.MAX_UNITS`` units and says so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from adoption.ui import navigation

from .common import REPO, figure, log
from .pages_bench import ONE_WIDGET, _clear_caches, _open, _time, demo_db


def _baseline(repeat: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    base = AppTest.from_string(ONE_WIDGET, default_timeout=60)
    base.run()
    state = {"i": 0}

    def change():
        state["i"] = (state["i"] + 1) % 3
        base.selectbox[0].select_index(state["i"]).run()
    change()
    return _time(change, repeat)


def _cold(db: Path, repeat: int) -> tuple[list[float], list[str]]:
    os.environ["ADOPTION_DB"] = str(db)
    at = _open(navigation.EFFEKT)
    at.run()  # the library imported, the page drawn once
    times = _time(lambda: at.run(), repeat, before=_clear_caches)
    return times, [e.value for e in at.exception]


def _import_seconds() -> float:
    """The one-time cost of the estimator library in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); from adoption.metrics import did; did._pyfixest(); " \
           "import pyfixest.did.estimation; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    return float(out.stdout.strip() or "nan")


def run(tmp: Path, large_db: Path, *, quick: bool) -> list:
    repeat = 3 if quick else 7
    out = []
    baseline = _baseline(repeat)
    for name, db, target in (("demo", demo_db(tmp), 1000.0), ("large", large_db, 5000.0)):
        cold, errors = _cold(db, repeat)
        note = "st.cache_data and st.cache_resource cleared before each run; baseline: one-widget page rerun"
        if errors:
            note += f"; exceptions: {errors[:1]}"
        out.append(figure(f"effekt.{name}.cold", "ms", cold, target, baseline=baseline, section="6 effect",
                          note=note))
        log(f"effekt: {name} cold {out[-1].median:.0f} ms (baseline {out[-1].baseline_median:.0f} ms)")
    t0 = time.perf_counter()
    seconds = _import_seconds()
    out.append(figure("effekt.library_import", "ms", [seconds * 1000], 3000.0, section="6 effect",
                      note=f"pyfixest imported once per server process (measured in {time.perf_counter() - t0:.1f} s)"))
    return out
