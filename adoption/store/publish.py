"""Publishing: the writer's database as an immutable snapshot, then the ``current`` pointer moved.

Replicas (:mod:`adoption.store.snapshots`) open whatever ``current`` names,
read-only. Every step below leaves them a complete file to serve, whenever
the process dies (tests kill it with SIGKILL after each step):

1. take the folder's lock (``.publish.lock``, released by the kernel when the process dies);
2. copy the database after a CHECKPOINT, while this process holds it, to a
   temporary name no replica looks at;
3. fsync the copy;
4. open the copy read-only: the schema, the data version it holds;
5. rename it to ``adoption-v<version>.duckdb`` (read-only on disk) and fsync the folder;
6. write the new pointer to a temporary file and fsync it;
7. rename it over ``current`` and fsync the folder: from here replicas serve the new snapshot;
8. with ``keep``, delete older snapshots (never the one ``current`` names).

Until step 7 the old pointer names the old, untouched snapshot. A rename is
atomic, so a replica reads either the old name or the new one, never half of
one. Leftover temporary files of a killed run are deleted by the next run.
Publishing the same content again (same data version, same goals) moves only
the pointer, if anything.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..errors import AdoptionError
from ..paths import publish_dir
from .connection import Session, check_schema
from .pause import pause_hook_from_env
from .snapshots import POINTER, Snapshot, list_snapshots, read_pointer, snapshot_name

LOCK = ".publish.lock"
INCOMING = ".incoming-"  # temporary snapshot files: .incoming-<pid>.duckdb.tmp
POINTER_TMP = ".current-"  # temporary pointer files: .current-<pid>.tmp
LOCK_WAIT_SECONDS = 120.0

# Test hook: the steps named in $ADOPTION_PUBLISH_PAUSE (comma-separated) print
# "PAUSE <step>" and sleep, so a test can kill the process right there.
PAUSE_ENV = "ADOPTION_PUBLISH_PAUSE"
PAUSE_SECONDS_ENV = "ADOPTION_PUBLISH_PAUSE_SECONDS"
STEPS = ("locked", "copied", "synced", "verified", "renamed", "pointer_written", "pointer_moved", "pruned")


@dataclass(frozen=True)
class PublishResult:
    snapshot: Snapshot  # what ``current`` names now
    previous: Snapshot | None  # what it named before
    written: bool  # a new snapshot file was written (False: this content was published before)
    removed: tuple[Path, ...] = field(default=())  # snapshots deleted by ``keep``

    @property
    def pointer_moved(self) -> bool:
        return self.previous is None or self.previous.path != self.snapshot.path

    def message(self) -> str:
        where = self.snapshot.path
        if not self.pointer_moved:
            text = f"Dataversion {self.snapshot.version} var redan publicerad som {where}; ingenting ändrades."
        elif self.written:
            text = f"Publicerade dataversion {self.snapshot.version} som {where}; {POINTER} pekar nu på den."
        else:
            text = f"{POINTER} pekar nu på {where} (dataversion {self.snapshot.version}, publicerad tidigare)."
        if self.removed:
            text += f" Tog bort {len(self.removed)} äldre ögonblicksbild(er): " + ", ".join(
                p.name for p in self.removed) + "."
        return text


def _fsync_path(path: Path, *, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """One publisher per folder at a time; the kernel drops the lock when its holder dies."""
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise AdoptionError(f"En annan process publicerar till {folder} och blev inte klar på "
                                        f"{LOCK_WAIT_SECONDS:.0f} sekunder. Försök igen om en stund.") from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # releases the lock


def _remove_leftovers(folder: Path) -> None:
    """Temporary files of a publisher that died (only called with the folder's lock held)."""
    for entry in folder.iterdir():
        if entry.name.startswith((INCOMING, POINTER_TMP)) and entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)


def fingerprint(path: Path) -> tuple[int | None, int]:
    """(data version, goal revisions) of a snapshot file, opened read-only; checks its schema.

    Two files with the same fingerprint show the same to viewers (the upload
    history, which differs, is not shown by replicas).
    """
    conn = duckdb.connect(str(path), read_only=True)
    try:
        session = Session(conn)
        check_schema(session, path)
        return session.one("SELECT max(version) FROM data_version"), session.one(
            "SELECT count(*) FROM goal_revision")
    finally:
        conn.close()


def publish(store, folder: str | Path, *, keep: int | None = None,
            hook: Callable[[str], None] | None = None) -> PublishResult:
    """Publish ``store``'s current data as a snapshot in ``folder`` and point ``current`` at it."""
    if keep is not None and keep < 1:
        raise AdoptionError("--keep måste vara minst 1: ögonblicksbilden som current pekar på behålls alltid.")
    hook = hook or pause_hook_from_env(PAUSE_ENV, PAUSE_SECONDS_ENV) or (lambda step: None)
    folder = Path(folder)
    try:
        return _publish(store, folder, keep, hook)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise AdoptionError(f"Publiceringen till {folder} misslyckades: {error.strerror or error}{where}. "
                            "Den förra ögonblicksbilden visas fortfarande.") from None


def _publish(store, folder: Path, keep: int | None, hook: Callable[[str], None]) -> PublishResult:
    folder.mkdir(parents=True, exist_ok=True)
    with _folder_lock(folder):
        hook("locked")
        _remove_leftovers(folder)
        incoming = folder / f"{INCOMING}{os.getpid()}.duckdb.tmp"
        try:
            store.snapshot_to(incoming)
            hook("copied")
            _fsync_path(incoming)
            hook("synced")
            version, goals = fingerprint(incoming)
            if version is None:
                raise AdoptionError(f"Databasen {store.path} har ingen dataversion ännu; det finns inget att "
                                    "publicera. Läs in data först.")
            hook("verified")
            target = _same_content(folder, version, goals)
            written = target is None
            if written:
                revisions = [s.revision for s in list_snapshots(folder) if s.version == version]
                revision = max(revisions, default=0) + 1
                target = Snapshot(version, revision, folder / snapshot_name(version, revision))
                os.chmod(incoming, 0o444)  # immutable by convention, and on disk
                os.rename(incoming, target.path)
                _fsync_path(folder, directory=True)
        finally:
            incoming.unlink(missing_ok=True)
        hook("renamed")
        previous = read_pointer(folder)
        if previous is None or previous.path != target.path:
            _move_pointer(folder, target, hook)
        removed = tuple(prune(folder, keep)) if keep is not None else ()
        hook("pruned")
    return PublishResult(target, previous, written, removed)


def _same_content(folder: Path, version: int, goals: int) -> Snapshot | None:
    """An existing snapshot of this data version with these goals, newest publication first."""
    for snapshot in reversed(list_snapshots(folder)):
        if snapshot.version == version and fingerprint(snapshot.path) == (version, goals):
            return snapshot
    return None


def _move_pointer(folder: Path, target: Snapshot, hook: Callable[[str], None]) -> None:
    temporary = folder / f"{POINTER_TMP}{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(target.name + "\n")
            out.flush()
            os.fsync(out.fileno())
        hook("pointer_written")
        os.rename(temporary, folder / POINTER)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_path(folder, directory=True)
    hook("pointer_moved")


def prune(folder: str | Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest snapshots; the one ``current`` names always stays.

    A replica that still has a deleted file open keeps reading it (the file
    lives on until closed); its next rerun opens what ``current`` names.
    Pinned links to a deleted version are served from the current snapshot.
    """
    folder = Path(folder)
    current = read_pointer(folder)
    snapshots = list_snapshots(folder)
    kept = set(snapshots[-keep:]) if keep > 0 else set()
    removed = []
    for snapshot in snapshots:
        if snapshot in kept or (current is not None and snapshot.path == current.path):
            continue
        snapshot.path.unlink(missing_ok=True)
        removed.append(snapshot.path)
    return removed


def publish_if_configured(store) -> PublishResult | None:
    """After a commit: publish to $ADOPTION_PUBLISH_DIR when it is set (None when it is not)."""
    folder = publish_dir()
    if folder is None:
        return None
    return publish(store, folder)
