"""Section 8: server capacity without browsers, 1 replica against 2 behind HAProxy, in one run.

``scripts/cluster.sh`` starts the writer, two read-only replicas on the
published demo snapshot and HAProxy, exactly as deployed. Viewers are
:class:`bench.streamlit_client.Session`s speaking Streamlit's websocket
protocol through HAProxy: each keeps one session and changes the Karta
filters (year, level, metric) back to back, waiting for the script to finish
each time (a closed loop with no think time). "1 replica": every session is
pinned to replica 1 by its affinity cookie; "2 replicas": the sessions
alternate between the two. Same HAProxy, same client, same machine; the two
configurations take turns at each concurrency level, so that both meet the
same background load.

For each number of concurrent sessions the run records changes per second
and the latency of each change (request sent until ``script_finished``).
Capacity is the highest rate a configuration sustains with a p95 latency of
at most ``P95_BOUND_MS``; the scaling figure is the ratio of the two
capacities (target: at least 1.6).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import time
from pathlib import Path

from .common import (
    REPO,
    Figure,
    cpu_seconds,
    log,
    machine_busy_seconds,
    percentile,
    rss_peak_mb,
)

P95_BOUND_MS = 1000.0
TARGET_SCALING = 1.6
YEARS = (2025, 2024, 2023, 2022, 2021)
LEVELS = ("kommun", "lan")
METRICS = ("andel_ai_aktivitet", "andel_ai_i_drift", "andel_ai_strategi")
QUERIES = [f"ar={ar}&niva={niva}&matt={matt}" for matt in METRICS for ar in YEARS for niva in LEVELS]


def _ports(count: int) -> list[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        start = s.getsockname()[1]
    for base in range(start, 65000 - count):
        ok = True
        for port in range(base, base + count):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                try:
                    s.bind(("127.0.0.1", port))
                except OSError:
                    ok = False
                    break
        if ok:
            return list(range(base, base + count))
    raise RuntimeError("no free ports")


async def _level(lb: str, sessions: int, seconds: float, cookies: list[str]) -> dict:
    """``sessions`` viewers changing filters back to back for ``seconds``; latencies and errors."""
    from .streamlit_client import Session

    latencies: list[float] = []
    errors: list[str] = []
    stop_at = time.monotonic() + seconds

    async def viewer(i: int) -> None:
        try:
            async with Session(lb, cookie=cookies[i % len(cookies)]) as session:
                k = i * 7
                while time.monotonic() < stop_at:
                    run = await session.rerun("karta", QUERIES[k % len(QUERIES)])
                    if run.exceptions:
                        errors.append(run.exceptions[0])
                    latencies.append(run.ms)
                    k += 1
        except Exception as error:  # noqa: BLE001 - a benchmark records, it does not fail
            errors.append(f"{type(error).__name__}: {error}")

    started = time.monotonic()
    await asyncio.gather(*(viewer(i) for i in range(sessions)))
    wall = time.monotonic() - started
    return {"sessions": sessions, "changes": len(latencies), "wall_s": round(wall, 2),
            "rate": round(len(latencies) / wall, 2),
            "median_ms": round(percentile(latencies, 50), 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
            "errors": errors[:5], "error_count": len(errors), "latencies": latencies}


async def _warm(lb: str, cookies: list[str]) -> None:
    """Every query once on every replica: the measured changes hit warm caches, as a running site's do."""
    from .streamlit_client import Session

    for cookie in cookies:
        async with Session(lb, cookie=cookie, timeout_s=180) as session:
            for query in QUERIES:
                await session.rerun("karta", query)


def _capacity(levels: list[dict]) -> dict | None:
    """The level with the highest rate whose p95 is within the bound."""
    within = [lv for lv in levels if lv["p95_ms"] is not None and lv["p95_ms"] <= P95_BOUND_MS
              and not lv["error_count"]]
    return max(within, key=lambda lv: lv["rate"]) if within else None


def _measure_level(lb: str, name: str, cookies: list[str], sessions: int, seconds: float,
                   pids: list[int], haproxy: int) -> dict:
    cpu0 = [cpu_seconds(p) or 0.0 for p in pids]
    proxy0, client0 = cpu_seconds(haproxy) or 0.0, cpu_seconds(os.getpid()) or 0.0
    busy0 = machine_busy_seconds()
    level = asyncio.run(_level(lb, sessions, seconds, cookies))
    cpu = [round((cpu_seconds(p) or 0.0) - c, 2) for p, c in zip(pids, cpu0)]
    changes = max(level["changes"], 1)
    level["replica_cpu_s"] = cpu
    level["machine_busy_cpu_s"] = round(machine_busy_seconds() - busy0, 2)
    level["server_cpu_ms_per_change"] = round(sum(cpu) * 1000 / changes)
    # What else this measurement costs the same CPUs: the load balancer and the client itself.
    level["haproxy_cpu_ms_per_change"] = round(((cpu_seconds(haproxy) or 0.0) - proxy0) * 1000 / changes, 1)
    level["client_cpu_ms_per_change"] = round(((cpu_seconds(os.getpid()) or 0.0) - client0) * 1000 / changes, 1)
    level["load_average_1min"] = round(os.getloadavg()[0], 2)
    log(f"capacity {name}: {sessions} sessions: {level['rate']} changes/s, median {level['median_ms']} ms, "
        f"p95 {level['p95_ms']} ms, replica CPU {cpu} s of {level['machine_busy_cpu_s']} s busy, "
        f"per change: replicas {level['server_cpu_ms_per_change']} ms, HAProxy "
        f"{level['haproxy_cpu_ms_per_change']} ms, client {level['client_cpu_ms_per_change']} ms; "
        f"errors {level['error_count']}")
    return level


def _measure(lb: str, configs: dict[str, list[str]], concurrency: tuple[int, ...], seconds: float,
             pids: list[int], haproxy: int) -> dict[str, list[dict]]:
    """Each concurrency level for every configuration in turn, so that both meet the same
    background load on a shared machine; stop raising it once every configuration is far past the bound."""
    out: dict[str, list[dict]] = {name: [] for name in configs}
    for sessions in concurrency:
        for name, cookies in configs.items():
            out[name].append(_measure_level(lb, name, cookies, sessions, seconds, pids, haproxy))
        if all(levels[-1]["p95_ms"] is not None and levels[-1]["p95_ms"] > 3 * P95_BOUND_MS
               for levels in out.values()):
            break  # more sessions would only queue longer
    return out


def _figure(id_: str, levels: list[dict], note: str) -> Figure:
    best = _capacity(levels)
    curve = [{k: v for k, v in lv.items() if k != "latencies"} for lv in levels]
    return Figure(id=id_, unit="changes/s", median=best["rate"] if best else None,
                  p95=best["p95_ms"] if best else None, target=None, samples=best["changes"] if best else 0,
                  note=note + (f"; at {best['sessions']} sessions, median {best['median_ms']} ms, p95 "
                               f"{best['p95_ms']} ms (p95 column in ms)" if best else "; no level met the bound"),
                  section="8 capacity", extra={"curve": curve, "p95_bound_ms": P95_BOUND_MS})


def run(tmp: Path, *, quick: bool) -> list[Figure]:
    concurrency = (1, 4, 8) if quick else (1, 2, 4, 6, 8, 12, 16, 24)
    seconds = 4.0 if quick else 8.0
    lb_port, writer_port, *replica_ports = _ports(4)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp / "capacity-xdg"), ADOPTION_DB=str(tmp / "capacity-writer.duckdb"),
               ADOPTION_PUBLISH_DIR=str(tmp / "capacity-published"), CLUSTER_RUN_DIR=str(tmp / "capacity-run"),
               CLUSTER_LB_PORT=str(lb_port), CLUSTER_WRITER_PORT=str(writer_port),
               CLUSTER_REPLICA_PORT=str(replica_ports[0]), CLUSTER_REPLICAS="2")
    for name in ("ADOPTION_PUBLISHED", "ADOPTION_READ_ONLY"):
        env.pop(name, None)
    script = ["bash", "scripts/cluster.sh"]
    started = subprocess.run([*script, "start"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    if started.returncode != 0:
        raise RuntimeError(f"cluster.sh start failed:\n{started.stdout}\n{started.stderr}")
    lb = f"http://127.0.0.1:{lb_port}"
    run_dir = Path(env["CLUSTER_RUN_DIR"])
    pids = [int((run_dir / f"replica{i}.pid").read_text()) for i in (1, 2)]
    haproxy = int((run_dir / "haproxy.pid").read_text())
    try:
        one, two = ["ADOPTION_REPLICA=replica1"], ["ADOPTION_REPLICA=replica1", "ADOPTION_REPLICA=replica2"]
        t0 = time.perf_counter()
        asyncio.run(_warm(lb, two))
        log(f"capacity: warmed both replicas ({len(QUERIES)} queries each) in {time.perf_counter() - t0:.0f} s")
        measured = _measure(lb, {"1 replica": one, "2 replicas": two}, concurrency, seconds, pids, haproxy)
        levels_one, levels_two = measured["1 replica"], measured["2 replicas"]
        peaks = [round(rss_peak_mb(p) or 0) for p in pids]
        log(f"capacity: replica memory peaks {peaks} MB")
    finally:
        subprocess.run([*script, "stop"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    bound = f"p95 <= {P95_BOUND_MS:.0f} ms"
    common = (f"websocket protocol clients through HAProxy, Karta filter changes back to back ({len(QUERIES)} "
              f"warm combinations), {seconds:.0f} s per concurrency level; capacity = highest rate with {bound}")
    first = _figure("capacity.replicas_1", levels_one, "1 replica: " + common)
    second = _figure("capacity.replicas_2", levels_two, "2 replicas: " + common)
    ratio = (second.median / first.median) if first.median and second.median else None
    # Saturation, whatever the latency: the best rate each configuration reached at any level.
    peak_one, peak_two = (max((lv["rate"] for lv in levels), default=0.0) for levels in (levels_one, levels_two))
    peaks_ratio = round(peak_two / peak_one, 3) if peak_one else None
    scaling = Figure(id="capacity.scaling", unit="ratio_min", median=round(ratio, 3) if ratio else None, p95=None,
                     target=TARGET_SCALING, baseline_median=first.median, ratio=round(ratio, 3) if ratio else None,
                     samples=2, section="8 capacity",
                     extra={"replica_peak_mb": peaks, "peak_rate_1": peak_one, "peak_rate_2": peak_two,
                            "peak_ratio": peaks_ratio},
                     note=f"capacity of 2 replicas / capacity of 1, both at {bound}, same run, same machine "
                          f"({os.cpu_count()} CPUs shared by the replicas, HAProxy and the client); best rates at "
                          f"any latency: {peak_one} and {peak_two} changes/s (ratio {peaks_ratio})")
    log(f"capacity: 1 replica {first.median} changes/s, 2 replicas {second.median} changes/s, "
        f"ratio {scaling.median}; best rates at any latency {peak_one} and {peak_two} ({peaks_ratio})")
    return [first, second, scaling]
