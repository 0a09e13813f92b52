"""A real cluster for ``test_cluster.py``: ``scripts/cluster.sh`` with a writer, two replicas and HAProxy.

Everything listens on 127.0.0.1 on free ports and lives in a temporary folder
(database, published snapshots, pid files, logs); the cluster is stopped with
``cluster.sh stop`` at the end. Needs Debian's haproxy (``scripts/setup.sh --dev``).
The tests share this folder's ``browser`` fixture (one Playwright per session).
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HAPROXY = "/usr/sbin/haproxy"
START_TIMEOUT_S = 240


def _free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """``count`` consecutive free ports (replica ports follow each other)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        start = s.getsockname()[1]
    for base in list(range(start, min(start + 2000, 65000 - count))) + list(range(20000, 30000)):
        if all(_free(base + i) for i in range(count)):
            return list(range(base, base + count))
    raise RuntimeError("no free ports")


@dataclass
class Cluster:
    lb: str  # the load balancer's base URL
    writer: str
    replica_ports: list[int]
    db: Path  # the writer's database
    published: Path
    run_dir: Path
    env: dict

    def script(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "scripts/cluster.sh", *args], cwd=REPO, env=self.env, capture_output=True,
                              text=True, timeout=START_TIMEOUT_S, check=check)

    def pid(self, name: str) -> int:
        return int((self.run_dir / f"{name}.pid").read_text())

    def logs(self) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in self.run_dir.glob("*.log")}


@contextmanager
def running_cluster(tmp_path_factory) -> Iterator[Cluster]:
    if not os.access(HAPROXY, os.X_OK):
        pytest.fail(f"{HAPROXY} is missing: run `bash scripts/setup.sh --dev` (installs Debian's haproxy).",
                    pytrace=False)
    tmp = tmp_path_factory.mktemp("cluster")
    lb, writer, *replicas = free_ports(4)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp / "xdg"), ADOPTION_DB=str(tmp / "writer.duckdb"),
               ADOPTION_PUBLISH_DIR=str(tmp / "published"), CLUSTER_RUN_DIR=str(tmp / "run"),
               CLUSTER_LB_PORT=str(lb), CLUSTER_WRITER_PORT=str(writer), CLUSTER_REPLICA_PORT=str(replicas[0]),
               CLUSTER_REPLICAS="2", PYTHONUNBUFFERED="1")
    for name in ("ADOPTION_PUBLISHED", "ADOPTION_READ_ONLY"):
        env.pop(name, None)
    found = Cluster(f"http://127.0.0.1:{lb}", f"http://127.0.0.1:{writer}", replicas, tmp / "writer.duckdb",
                    tmp / "published", tmp / "run", env)
    started = found.script("start", check=False)
    try:
        if started.returncode != 0:
            pytest.fail(f"cluster.sh start exited {started.returncode}:\n{started.stdout}\n{started.stderr}",
                        pytrace=False)
        yield found
    finally:
        stopped = found.script("stop", check=False)
        assert stopped.returncode == 0, stopped.stderr
