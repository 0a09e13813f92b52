"""Timing, statistics and machine facts shared by the benchmark sections."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "bench" / ".cache"


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100) of a non-empty list."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn, repeat: int, *, warmup: int = 1) -> list[float]:
    """Wall times of ``fn()`` in milliseconds (after ``warmup`` untimed calls)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


@dataclass
class Figure:
    """One entry of results.json."""

    id: str
    unit: str
    median: float | None
    p95: float | None
    target: float | None
    baseline_median: float | None = None
    ratio: float | None = None
    samples: int = 0
    note: str = ""
    section: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        if self.median is None or self.target is None:
            return None
        if self.unit.endswith("/s") or self.unit == "ratio_min":
            return self.median >= self.target
        return self.median <= self.target

    def to_dict(self) -> dict:
        data = asdict(self)
        data["met"] = self.met
        return data


def figure(id: str, unit: str, samples: list[float], target: float | None, *, baseline: list[float] | None = None,
           ratio: float | None = None, note: str = "", section: str = "", use_p95_for_target: bool = False,
           **extra) -> Figure:
    med = median(samples) if samples else None
    p95 = percentile(samples, 95) if samples else None
    base = median(baseline) if baseline else None
    if ratio is None and base is not None and med:
        ratio = base / med if not unit.endswith("/s") else med / base
    return Figure(id=id, unit=unit, median=_r(med), p95=_r(p95), target=target, baseline_median=_r(base),
                  ratio=_r(ratio), samples=len(samples), note=note, section=section, extra=extra)


def _r(x):
    return None if x is None else round(float(x), 3)


def rss_peak_mb(pid: int) -> float | None:
    """Peak resident set (VmHWM) of a process, in MB, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def rss_now_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy (all processes, all CPUs), from /proc/stat."""
    values = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import duckdb
    import pandas
    import pyarrow
    import streamlit

    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = ""
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": mem_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "streamlit": streamlit.__version__,
        "pandas": pandas.__version__,
        "pyarrow": pyarrow.__version__,
        "chromium": chromium,
    }


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)
