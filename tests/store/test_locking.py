"""Two processes share one database file: the second waits for its turn."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from adoption.errors import DatabaseBusyError
from adoption.store import Store

HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    conn = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.close()
    """
)


def _hold(path: str, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, path, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_second_process_waits_until_the_file_is_free(tmp_db):
    Store(tmp_db).schema_version()
    holder = _hold(tmp_db, 1.5)
    messages = []
    try:
        store = Store(tmp_db, wait_seconds=30, on_wait=messages.append)
        assert store.current_version() is None
    finally:
        holder.wait(timeout=30)
    assert len(messages) == 1 and "väntar" in messages[0]


def test_waiting_has_a_limit_with_a_clear_message(tmp_db):
    Store(tmp_db).schema_version()
    holder = _hold(tmp_db, 5)
    try:
        with pytest.raises(DatabaseBusyError, match="används av en annan process"):
            Store(tmp_db, wait_seconds=0.3).current_version()
    finally:
        holder.kill()
        holder.wait()
