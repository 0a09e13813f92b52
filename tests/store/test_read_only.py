"""Read-only mode: many processes serve one file at once, and nothing can write through it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from adoption import metrics
from adoption.errors import ReadOnlyError
from adoption.store import Store, latest_schema_version
from tests.builders import add_survey, population, response

REPO = Path(__file__).resolve().parents[2]

# A replica in miniature: a read-only store kept open, computing a metric
# again and again for a while; it prints when it has the file and what it saw.
REPLICA = textwrap.dedent(
    """
    import sys, time
    from adoption import metrics
    from adoption.store import Store
    store = Store(sys.argv[1], read_only=True, keep_open_seconds=60)
    value = metrics.compute(store, "andel_ai_aktivitet").value
    print("serving", flush=True)
    deadline = time.monotonic() + float(sys.argv[2])
    runs = 0
    while time.monotonic() < deadline:
        assert metrics.compute(store, "andel_ai_aktivitet").value == value
        runs += 1
    print(f"{value} {runs}", flush=True)
    """
)

READ_WRITE_OPEN = "import sys, duckdb; duckdb.connect(sys.argv[1]).close(); print('opened', flush=True)"

# Opens the file read-only once and says how long that took.
READ_ONCE = textwrap.dedent(
    """
    import sys, time
    from adoption.store import Store
    t0 = time.monotonic()
    version = Store(sys.argv[1], read_only=True, wait_seconds=5).current_version()
    print(f"{version} {time.monotonic() - t0:.2f}", flush=True)
    """
)


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(REPO))


def _sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_several_processes_serve_one_file_at_once(demo_db):
    expected = metrics.compute(Store(demo_db), "andel_ai_aktivitet").value
    os.chmod(demo_db, 0o444)  # a published snapshot is read-only on disk too
    before = _sha(demo_db)
    replicas = [subprocess.Popen([sys.executable, "-c", REPLICA, demo_db, "3"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=_env()) for _ in range(3)]
    try:
        for replica in replicas:
            assert replica.stdout.readline().strip() == "serving", replica.stderr.read()
        # All three hold the file now; a read-write open is refused while they do.
        writer = subprocess.run([sys.executable, "-c", READ_WRITE_OPEN, demo_db], capture_output=True, text=True,
                                timeout=60, env=_env())
        assert writer.returncode != 0 and "lock" in writer.stderr.lower()
        results = [replica.communicate(timeout=60) for replica in replicas]
    finally:
        for replica in replicas:
            replica.kill() if replica.poll() is None else None
    for replica, (out, err) in zip(replicas, results):
        assert replica.returncode == 0, err
        value, runs = out.split()
        assert float(value) == pytest.approx(expected) and int(runs) > 5
    assert _sha(demo_db) == before  # not a byte changed


def test_the_kept_instance_never_has_to_hand_the_file_over(demo_db):
    store = Store(demo_db, read_only=True, keep_open_seconds=60)
    version = store.current_version()
    kept = store._connector._kept
    token = store._connector.generation()
    for _ in range(2):
        other = subprocess.run([sys.executable, "-c", READ_ONCE, demo_db], capture_output=True, text=True,
                               timeout=60, env=_env())
        assert other.returncode == 0, other.stderr
        seen, waited = other.stdout.split()
        assert int(seen) == version and float(waited) < 2.0  # nobody waited for anybody
        store.current_version()
    # The same instance all along: never closed, so its memoised answers stayed valid.
    assert store._connector._kept is kept and store._connector.generation() == token
    assert not list(Path(demo_db).parent.glob("*.waiting.*"))


def test_every_write_is_refused_with_a_clear_message(demo_db):
    before = _sha(demo_db)
    store = Store(demo_db, read_only=True)
    current = store.current_version()
    writes = {
        "add_survey": lambda: add_survey(store, [response(ar=2024, kommunkod="0180", ai_strategi=2)]),
        "rollback": lambda: store.rollback(current, created_by="test"),
        "remove_demo": lambda: store.remove_demo(created_by="test"),
        "save_goal": lambda: store.save_goal(goal_id="x", metric="andel_ai_aktivitet", measure="value",
                                             target=0.5, target_year=2030, label_sv="x", label_en="x",
                                             changed_by="test"),
        "replace_population": lambda: store.replace_population(population({}, 2024, default=1000),
                                                               description="x", created_by="test"),
    }
    for name, write in writes.items():
        with pytest.raises(ReadOnlyError, match="skrivskyddad.*ingenting sparades"):
            write()
    assert store.current_version() == current
    assert _sha(demo_db) == before


def test_a_missing_file_or_an_old_schema_is_explained(tmp_path):
    with pytest.raises(ReadOnlyError, match="finns inte.*kan inte skapa"):
        Store(tmp_path / "nothing.duckdb", read_only=True).current_version()
    assert not (tmp_path / "nothing.duckdb").exists()
    old = tmp_path / "old.duckdb"
    Store.create_at_schema(old, upto=1)
    with pytest.raises(ReadOnlyError, match=f"schemaversion 1.*behöver version {latest_schema_version()}"):
        Store(old, read_only=True).current_version()


def test_a_read_only_reader_lets_a_writer_in_on_the_primary_file(demo_db):
    """ADOPTION_READ_ONLY on a file a writer also uses: the reader still steps aside for it."""
    reader = Store(demo_db, read_only=True, keep_open_seconds=120)
    version = reader.current_version()
    script = textwrap.dedent(
        """
        import sys, time
        from adoption.store import Store
        t0 = time.monotonic()
        v = Store(sys.argv[1], wait_seconds=30).rollback(int(sys.argv[2]), created_by="test")
        print(f"{v} {time.monotonic() - t0:.2f}", flush=True)
        """
    )
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, demo_db, str(version)], capture_output=True, text=True,
                          timeout=90, env=_env())
    assert done.returncode == 0, done.stderr
    new, _ = done.stdout.split()
    assert int(new) == version + 1 and time.monotonic() - start < 30
    assert reader.current_version() == version + 1  # reopened after the writer was done
