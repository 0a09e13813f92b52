"""The app keeps the database open between requests, yet other processes still get their turn."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from adoption.store import Store
from adoption.store.connection import MARKER_SUFFIX, _someone_else_waits

# A second process that writes through its own (not kept-open) store, the way
# ``python -m adoption ingest`` does, and says how long it waited.
WRITER = textwrap.dedent(
    """
    import sys, time
    from adoption.store import Store
    store = Store(sys.argv[1], wait_seconds=float(sys.argv[2]))
    t0 = time.monotonic()
    with store._connector.transaction() as conn:
        conn.run("CREATE TABLE IF NOT EXISTS note (x INTEGER)")
        conn.run("INSERT INTO note VALUES (42)")
    print(f"{time.monotonic() - t0:.2f}", flush=True)
    """
)

# A second process that opens the file without leaving a marker.
PLAIN_OPEN = "import sys, duckdb; duckdb.connect(sys.argv[1]).close(); print('opened', flush=True)"


def _run(script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_reads_share_one_open_instance_until_idle(tmp_db):
    store = Store(tmp_db, keep_open_seconds=0.5)
    store.schema_version()
    kept = store._connector._kept
    assert kept is not None
    for _ in range(5):
        store.current_version()
    assert store._connector._kept is kept  # no reopening between queries
    # While the instance is open, a process that leaves no marker cannot open the file ...
    busy = _run(PLAIN_OPEN, tmp_db)
    assert busy.returncode != 0 and "lock" in busy.stderr.lower()
    # ... and once it has been idle for keep_open_seconds, it can.
    time.sleep(1.0)
    assert store._connector._kept is None
    assert _run(PLAIN_OPEN, tmp_db).stdout.strip() == "opened"


def test_a_waiting_process_gets_the_file_long_before_the_idle_time(tmp_db):
    store = Store(tmp_db, keep_open_seconds=120)
    assert store.current_version() is None
    writer = _run(WRITER, tmp_db, "30")
    assert writer.returncode == 0, writer.stderr
    assert float(writer.stdout) < 5  # not the 120 s idle time
    # The app sees the other process's write on its next query (it reopens the file).
    with store._connector.connect() as conn:
        assert conn.one("SELECT x FROM note") == 42
    assert not list(Path(tmp_db).parent.glob(f"*{MARKER_SUFFIX}*"))  # the writer cleaned up
    store.release()


def test_a_waiting_process_waits_for_a_query_in_progress(tmp_db):
    store = Store(tmp_db, keep_open_seconds=120)
    store.schema_version()
    finished = {}
    with store.reading() as conn:  # a long unit of work holds a cursor
        proc = subprocess.Popen([sys.executable, "-c", WRITER, tmp_db, "30"], stdout=subprocess.PIPE,
                                text=True, env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])))
        deadline = time.monotonic() + 20
        while not _someone_else_waits(Path(tmp_db)) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _someone_else_waits(Path(tmp_db))
        time.sleep(0.3)
        assert proc.poll() is None  # still waiting: our cursor is out
        finished["read"] = conn.one("SELECT 1")
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and finished["read"] == 1
    with store._connector.connect() as conn:
        assert conn.one("SELECT count(*) FROM note") == 1
    store.release()


def test_a_marker_left_by_a_dead_process_is_ignored_and_removed(tmp_db):
    store = Store(tmp_db, keep_open_seconds=60)
    store.schema_version()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    marker = Path(f"{tmp_db}{MARKER_SUFFIX}{dead}")
    marker.write_text("0\n")
    t0 = time.monotonic()
    assert store.current_version() is None
    assert time.monotonic() - t0 < 2
    assert not marker.exists()
    assert store._connector._kept is not None
    store.release()


def test_threads_read_and_write_through_one_kept_instance(tmp_db):
    store = Store(tmp_db, keep_open_seconds=60)
    with store._connector.transaction() as conn:
        conn.run("CREATE TABLE counter (n INTEGER)")
    errors = []

    def work(i):
        try:
            with store._connector.transaction() as conn:
                conn.run("INSERT INTO counter VALUES ($n)", {"n": i})
            for _ in range(5):
                store.current_version()
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store._connector.connect() as conn:
        assert conn.one("SELECT count(*), sum(n) FROM counter") == 8
        assert conn.rows("SELECT count(*), sum(n) FROM counter") == [(8, 28)]
    store.release()
    assert store._connector._kept is None
    # Closed for real: another process can open the file now.
    assert _run(PLAIN_OPEN, tmp_db).stdout.strip() == "opened"


# -- answers remembered while the file is kept open --------------------------------

REMOVE_DEMO = textwrap.dedent(
    """
    import sys
    from adoption.store import Store
    Store(sys.argv[1]).remove_demo(created_by="test")
    """
)


def _demo_version(store: Store, ar: int) -> int:
    from tests import builders

    return store.add_survey(builders.responses([builders.response(ar=ar, kommunkod="0180", utbildning=1)]),
                            None, action="demo", description="demo", created_by="test", is_demo=True)


def test_remembered_years_follow_writes_of_this_and_other_processes(tmp_path):
    # Removing the demo deletes rows of an existing version: the one write that
    # changes what an old version number answers, so the memo must notice it.
    from tests import builders

    path = tmp_path / "years.duckdb"
    builders.reference_store(path)
    app = Store(path, keep_open_seconds=60)
    v1 = _demo_version(app, 2022)
    assert app.survey_years(v1) == [2022]
    assert app.survey_years(v1) == [2022]
    # A write through another store object in this process (it shares DuckDB's instance).
    Store(path).remove_demo(created_by="test")
    assert app.survey_years(v1) == []
    # A write by another process, which makes the app let go of the file.
    v3 = _demo_version(app, 2023)
    assert app.survey_years(v3) == [2023]
    done = _run(REMOVE_DEMO, str(path))
    assert done.returncode == 0, done.stderr
    assert app.survey_years(v3) == []
    app.release()


def test_the_unit_list_is_a_fresh_copy_each_time(tmp_path):
    from tests import builders

    path = tmp_path / "units.duckdb"
    builders.reference_store(path)
    app = Store(path, keep_open_seconds=60)
    first = app.municipalities()
    first.loc[:, "name"] = "ändrad"
    assert (app.municipalities()["name"] != "ändrad").all()
    assert len(app.municipalities()) == 290
    app.release()


def test_kept_instances_are_closed_before_the_interpreter_finalises(tmp_db):
    from adoption.store import connection

    store = Store(tmp_db, keep_open_seconds=120)
    store.schema_version()
    assert store._connector._kept is not None  # kept open between units of work
    connection._close_kept_instances()  # what atexit runs, before daemon threads are torn down
    assert store._connector._kept is None
    # A process that exits with an instance kept open ends cleanly.
    code = ("from adoption.store import Store; s = Store(__import__('sys').argv[1], keep_open_seconds=120); "
            "s.schema_version(); assert s._connector._kept is not None")
    result = subprocess.run([sys.executable, "-c", code, tmp_db], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])))
    assert result.returncode == 0, result.stderr
