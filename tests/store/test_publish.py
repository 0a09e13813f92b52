"""Publishing snapshots: what replicas open, retention, and SIGKILL at every step of a publication."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from adoption import metrics
from adoption.errors import AdoptionError
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.store.publish import STEPS, fingerprint, prune, publish
from adoption.store.snapshots import (
    POINTER,
    choose,
    list_snapshots,
    read_pointer,
    snapshot_name,
)
from tests.builders import add_survey, response

REPO = Path(__file__).resolve().parents[2]


def _new_version(primary: str) -> int:
    """A new data version that changes a figure: Stockholm (0180) answers with stage 4 everywhere."""
    store = Store(primary)
    current = store.current_version()
    return add_survey(store, [response(ar=2024, kommunkod="0180", ai_strategi=2, **{
        s: 4 for s in ("vard_omsorg", "utbildning")})], description=f"after {current}")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".publish.lock")


def test_publish_writes_an_immutable_snapshot_and_points_at_it(demo_db, tmp_path):
    folder = tmp_path / "published"
    result = publish(Store(demo_db), folder)
    assert result.written and result.pointer_moved and result.previous is None
    assert _files(folder) == [snapshot_name(1), POINTER]
    assert (folder / POINTER).read_text(encoding="utf-8") == "adoption-v1.duckdb\n"
    snapshot = folder / "adoption-v1.duckdb"
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o444
    assert not Path(str(snapshot) + ".wal").exists()  # checkpointed: complete without a log
    served = Store(snapshot, read_only=True)
    assert metrics.compute(served, "andel_ai_aktivitet").value == metrics.compute(
        Store(demo_db), "andel_ai_aktivitet").value
    assert "Publicerade dataversion 1" in result.message()

    again = publish(Store(demo_db), folder)  # nothing changed: nothing written, nothing moved
    assert not again.written and not again.pointer_moved
    assert _files(folder) == [snapshot_name(1), POINTER] and "redan publicerad" in again.message()


def test_a_new_version_moves_the_pointer_and_old_versions_stay_servable(demo_db, tmp_path):
    folder = tmp_path / "published"
    publish(Store(demo_db), folder)
    v2 = _new_version(demo_db)
    result = publish(Store(demo_db), folder)
    assert (result.snapshot.version, result.previous.version) == (v2, 1)
    assert choose(folder).snapshot.name == "adoption-v2.duckdb"
    # A link pinned to version 1 opens version 1's own snapshot while it is kept ...
    pinned = choose(folder, 1)
    assert (pinned.snapshot.name, pinned.current.version) == ("adoption-v1.duckdb", 2)
    old_figure = metrics.compute(Store(pinned.snapshot.path, read_only=True), "andel_ai_aktivitet",
                                 Filter(ar=2024), version=1).value
    # ... and the current one, which holds every earlier version, once it is gone.
    assert prune(folder, 1) == [folder / "adoption-v1.duckdb"]
    pinned = choose(folder, 1)
    assert pinned.snapshot.name == "adoption-v2.duckdb"
    newest = Store(pinned.snapshot.path, read_only=True)
    assert metrics.compute(newest, "andel_ai_aktivitet", Filter(ar=2024), version=1).value == old_figure
    assert metrics.compute(newest, "andel_ai_aktivitet", Filter(ar=2024)).data_version == 2
    # A version the pointer does not know yet is left to the page to report.
    assert choose(folder, 7).snapshot.name == "adoption-v2.duckdb"


def test_new_goals_on_the_same_version_make_a_second_snapshot(demo_db, tmp_path):
    folder = tmp_path / "published"
    publish(Store(demo_db), folder)
    goal = Store(demo_db).goals().iloc[0]
    Store(demo_db).save_goal(goal_id=goal.goal_id, metric=goal.metric, measure=goal.measure, target=0.99,
                             target_year=2031, label_sv=goal.label_sv, label_en=goal.label_en, changed_by="test")
    result = publish(Store(demo_db), folder)
    assert result.written and result.snapshot.name == "adoption-v1-2.duckdb"
    assert choose(folder).snapshot.name == "adoption-v1-2.duckdb"
    assert choose(folder, 1).snapshot.name == "adoption-v1-2.duckdb"  # the newest publication of version 1
    assert fingerprint(result.snapshot.path)[1] == fingerprint(folder / "adoption-v1.duckdb")[1] + 1


def test_keep_never_deletes_the_snapshot_current_names(demo_db, tmp_path):
    folder = tmp_path / "published"
    publish(Store(demo_db), folder)
    for _ in range(3):
        _new_version(demo_db)
        publish(Store(demo_db), folder, keep=2)
    assert [s.version for s in list_snapshots(folder)] == [3, 4]
    # A newer snapshot whose publication died before the pointer moved: keep=1
    # keeps it (the newest) and still the one current names.
    (folder / POINTER).write_text("adoption-v3.duckdb\n", encoding="utf-8")
    assert prune(folder, 1) == []
    assert read_pointer(folder).version == 3
    with pytest.raises(AdoptionError, match="minst 1"):
        publish(Store(demo_db), folder, keep=0)


def test_nothing_to_publish_and_nothing_published_are_explained(tmp_path):
    empty = tmp_path / "empty.duckdb"
    Store(empty).schema_version()
    with pytest.raises(AdoptionError, match="ingen dataversion"):
        publish(Store(empty), tmp_path / "published")
    assert _files(tmp_path / "published") == []
    with pytest.raises(AdoptionError, match="ingen publicerad ögonblicksbild.*publish --to"):
        choose(tmp_path / "published")


# A replica's view of the folder, kept running across every kill below: on each
# line of input it chooses the snapshot as the app does and reads the version
# from it, read-only.
REPLICA = textwrap.dedent(
    """
    import sys
    from adoption.store import Store
    from adoption.store.snapshots import choose
    for line in sys.stdin:
        choice = choose(sys.argv[1])
        store = Store(choice.snapshot.path, read_only=True)
        print(choice.snapshot.name, store.current_version(), flush=True)
    """
)


def test_a_publication_killed_at_any_step_leaves_the_previous_snapshot_serving(demo_db, tmp_path):
    folder = tmp_path / "published"
    publish(Store(demo_db), folder)
    env = dict(os.environ, PYTHONPATH=str(REPO), ADOPTION_PUBLISH_PAUSE_SECONDS="60")
    replica = subprocess.Popen([sys.executable, "-c", REPLICA, str(folder)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=env)

    def served() -> tuple[str, int]:
        replica.stdin.write("?\n")
        replica.stdin.flush()
        name, version = replica.stdout.readline().split()
        return name, int(version)

    try:
        assert served() == ("adoption-v1.duckdb", 1)
        for step in STEPS:
            before = read_pointer(folder)
            new = _new_version(demo_db)
            publisher = subprocess.Popen(
                [sys.executable, "-m", "adoption", "publish", "--db", demo_db, "--to", str(folder), "--keep", "2"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=dict(env, ADOPTION_PUBLISH_PAUSE=step), cwd=REPO)
            try:
                assert publisher.stdout.readline().strip() == f"PAUSE {step}", publisher.stderr.read()
            finally:
                publisher.send_signal(signal.SIGKILL)
                publisher.wait(timeout=30)
            moved = STEPS.index(step) >= STEPS.index("pointer_moved")
            expected = (snapshot_name(new), new) if moved else (before.name, before.version)
            assert served() == expected, step
            for snapshot in list_snapshots(folder):  # whatever is named a snapshot is complete
                assert fingerprint(snapshot.path)[0] == snapshot.version
            # The next publication finishes the job and clears what the killed one left.
            result = publish(Store(demo_db), folder, keep=2)
            assert result.snapshot.version == new and not [n for n in _files(folder) if n.endswith(".tmp")]
            assert served() == (snapshot_name(new), new)
    finally:
        replica.stdin.close()
        replica.wait(timeout=30)
    assert replica.returncode == 0
