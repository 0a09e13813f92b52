"""Opening the DuckDB file: one place that knows about locks.

While one process has a database file open read-write, DuckDB lets no other
process open it, not even read-only (see the platform notes). A running app and an administrator's command line
must share the file. The command line opens it for each unit of work and
closes it again; whoever finds it locked waits its turn.

Opening costs 15-30 ms (a new DuckDB instance each time), more than most
metric queries, so the app keeps its instance open between requests
(``keep_open_seconds``) and gives each unit of work a cursor of it. It lets
go of the file when it has been idle that long, or at once when another
process is waiting for it: a waiting process leaves a marker file
(``<database>.waiting.<pid>``) beside the database, which the holder sees.

Read-only mode (``read_only=True``: replicas serving a published snapshot)
opens the file with DuckDB's ``read_only=True``. Any number of processes may
hold one file that way at once, so nobody ever waits for a replica and its
kept instance never has to be handed over; every write is refused with a
:class:`ReadOnlyError` before it touches the file.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import DatabaseBusyError, ReadOnlyError

# The schema is checked or upgraded on a connector's first connection; the names
# stay importable from here, where the store and its callers have always found them.
from .schema_migration import (  # noqa: F401 - re-exported
    MIGRATIONS_PACKAGE,
    check_schema,
    latest_schema_version,
    migrate,
    migrations,
    schema_version,
)


class Session:
    """One open connection. Every call drains its result: DuckDB refuses new
    work on a connection whose previous result was not read to the end."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self._conn = conn

    def run(self, sql: str, params: dict | None = None) -> None:
        self._conn.execute(sql, params or {}).fetchall()

    def rows(self, sql: str, params: dict | None = None) -> list[tuple]:
        return self._conn.execute(sql, params or {}).fetchall()

    def one(self, sql: str, params: dict | None = None):
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    def df(self, sql: str, params: dict | None = None):
        return self._conn.execute(sql, params or {}).df()

    def register(self, name: str, data) -> None:
        self._conn.register(name, data)


def _is_lock_error(error: Exception) -> bool:
    text = str(error).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def _close(conn: duckdb.DuckDBPyConnection) -> None:
    conn.close()


# Writes committed in this process, per database file. Two stores on one file
# in one process share DuckDB's instance, so a write through either changes
# what the other's kept instance shows.
_COMMITS: dict[str, int] = {}
_COMMITS_GUARD = threading.Lock()


def _commits(key: str) -> int:
    with _COMMITS_GUARD:
        return _COMMITS.get(key, 0)


def _count_commit(key: str) -> None:
    with _COMMITS_GUARD:
        _COMMITS[key] = _COMMITS.get(key, 0) + 1


MARKER_SUFFIX = ".waiting."


def _leave_marker(path: Path) -> Path | None:
    """Tell a process that keeps the file open that this one waits for it."""
    marker = path.with_name(f"{path.name}{MARKER_SUFFIX}{os.getpid()}")
    try:
        marker.write_text(f"{time.time():.0f}\n", encoding="ascii")
    except OSError:
        return None  # a read-only folder: the holder lets go when idle instead
    return marker


def _someone_else_waits(path: Path) -> bool:
    """Whether another live process has left a waiting marker for ``path``."""
    prefix = f"{path.name}{MARKER_SUFFIX}"
    try:
        names = [e.name for e in os.scandir(path.parent) if e.name.startswith(prefix)]
    except OSError:
        return False
    for name in names:
        pid_text = name[len(prefix):]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            # Left by a process that died while waiting.
            (path.parent / name).unlink(missing_ok=True)
            continue
        except PermissionError:
            pass  # alive, owned by another user
        return True
    return False


# Connectors that have kept an instance open, so that it can be closed before the interpreter
# finalises: a DuckDB instance closed by the idle reaper (a daemon thread) during finalisation
# aborted the process ("FATAL: exception not rethrown", exit 134) after every test had passed.
_KEEPING: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _close_kept_instances() -> None:
    for connector in list(_KEEPING):
        try:
            with connector._kept_guard:
                connector._close_kept()
        except Exception:  # noqa: BLE001 - exiting anyway; the file is closed by the OS
            pass


class Connector:
    """Opens connections to one database file, waiting while another process has it."""

    def __init__(
        self,
        path: Path,
        *,
        wait_seconds: float = 60.0,
        on_wait: Callable[[str], None] | None = None,
        keep_open_seconds: float = 0.0,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait
        self.keep_open_seconds = keep_open_seconds
        # The instance kept open between units of work (keep_open_seconds > 0),
        # how many cursors of it are out, and since when it has been idle.
        self._kept: duckdb.DuckDBPyConnection | None = None
        self._kept_users = 0
        self._kept_idle_since = 0.0
        self._kept_guard = threading.Condition()
        self._reaper: threading.Thread | None = None
        # Changes whenever what the kept instance shows may have changed: it was
        # (re)opened (another process may have written in between) or a write
        # was committed in this process (by any store on the same file, see
        # _COMMITS). Answers memoised under one generation stay true while it lasts.
        self._generation = 0
        self._commit_key = str(Path(path).resolve())
        # DuckDB refuses rather than waits when two threads write at once, so
        # writers of this process queue here; other processes queue on the file lock.
        self.write_lock = threading.RLock()
        self._schema_checked = False
        # A connection held by ``hold()`` for one unit of work of this thread.
        self._held = threading.local()

    def _open(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait_seconds
        told = False
        marker = None
        if self.read_only and not self.path.exists():
            raise ReadOnlyError(f"Databasen {self.path} finns inte. En skrivskyddad process kan inte skapa den: "
                                "peka ut en publicerad ögonblicksbild eller en befintlig databasfil.")
        try:
            while True:
                try:
                    return duckdb.connect(str(self.path), read_only=self.read_only)
                except duckdb.IOException as error:
                    if not _is_lock_error(error):
                        raise
                    if time.monotonic() >= deadline:
                        raise DatabaseBusyError(
                            f"Databasen {self.path} används av en annan process (till exempel appen eller "
                            f"en pågående inläsning) och blev inte ledig på {self.wait_seconds:.0f} sekunder. "
                            "Försök igen om en stund."
                        ) from None
                    if marker is None:
                        marker = _leave_marker(self.path)
                    if not told and self.on_wait is not None:
                        self.on_wait(f"Databasen {self.path} används av en annan process; väntar på min tur …")
                        told = True
                    time.sleep(0.1)
        finally:
            if marker is not None:
                marker.unlink(missing_ok=True)

    # -- the instance kept open between units of work (the app) -----------------

    def _borrow(self) -> tuple[duckdb.DuckDBPyConnection, bool]:
        """A cursor of the kept instance, opening it if needed; (cursor, schema_unchecked)."""
        # Let a waiting process in first: the kept instance closes once its
        # cursors are back, and no new cursor goes out before the other is done.
        deadline = time.monotonic() + self.wait_seconds
        while _someone_else_waits(self.path) and time.monotonic() < deadline:
            with self._kept_guard:
                if self._kept is not None and self._kept_users == 0:
                    self._close_kept()
            time.sleep(0.05)
        with self._kept_guard:
            if self._kept is None:
                self._kept = self._open()
                self._generation += 1
                self._start_reaper()
            self._kept_users += 1
            try:
                return self._kept.cursor(), not self._schema_checked
            except BaseException:
                self._kept_users -= 1
                raise

    def _give_back(self, cursor: duckdb.DuckDBPyConnection) -> None:
        try:
            cursor.close()
        finally:
            with self._kept_guard:
                self._kept_users -= 1
                self._kept_idle_since = time.monotonic()
                if self._kept_users == 0 and _someone_else_waits(self.path):
                    self._close_kept()

    def _close_kept(self) -> None:
        # Called with _kept_guard held and no cursor out.
        if self._kept is not None:
            try:
                self._kept.close()
            finally:
                self._kept = None

    def _start_reaper(self) -> None:
        if self._reaper is not None and self._reaper.is_alive():
            return
        _KEEPING.add(self)
        self._reaper = threading.Thread(target=self._reap, name=f"duckdb-idle-{self.path.name}", daemon=True)
        self._reaper.start()

    def _reap(self) -> None:
        """Close the kept instance when idle long enough or when another process waits for the file."""
        while True:
            time.sleep(min(0.1, self.keep_open_seconds))
            with self._kept_guard:
                if self._kept is None:
                    return
                if self._kept_users:
                    continue
                idle = time.monotonic() - self._kept_idle_since
                if idle >= self.keep_open_seconds or _someone_else_waits(self.path):
                    self._close_kept()
                    return

    def generation(self) -> tuple[int, int] | None:
        """A token for memoising reads, or None when nothing may be memoised.

        Only a kept-open instance can vouch for its answers: while it is open no
        other process can write, and writes of this process change the token.
        """
        if self.keep_open_seconds <= 0:
            return None
        with self._kept_guard:
            if self._kept is None:
                return None
            return (self._generation, _commits(self._commit_key))

    def release(self) -> None:
        """Close the kept instance now (waits for cursors that are out)."""
        with self._kept_guard:
            while self._kept_users:
                self._kept_guard.wait(0.01)
            self._close_kept()

    @contextmanager
    def hold(self) -> Iterator[Session]:
        """One connection for all the reads inside (this thread only).

        Without a kept instance (the command line), a unit of work that reads
        several times (a metric: version, years, the counts) opens the file
        once instead of each time, and closes it at the end; with one (the
        app), it takes one cursor instead of several.
        """
        held = getattr(self._held, "session", None)
        if held is not None:
            yield held
            return
        with self.connect() as conn:
            self._held.session = conn
            try:
                yield conn
            finally:
                self._held.session = None

    @contextmanager
    def connect(self) -> Iterator[Session]:
        held = getattr(self._held, "session", None)
        if held is not None:
            yield held
            return
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.keep_open_seconds > 0:
            raw, unchecked = self._borrow()
            finish = self._give_back
        else:
            raw, unchecked = self._open(), not self._schema_checked
            finish = _close
        try:
            conn = Session(raw)
            if unchecked:
                if self.read_only:
                    check_schema(conn, self.path)
                else:
                    migrate(conn, self.path)
                self._schema_checked = True
            yield conn
        finally:
            finish(raw)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: all of it or none of it, one writer at a time."""
        if self.read_only:
            raise ReadOnlyError(read_only_message(self.path))
        with self.write_lock, self.connect() as conn:
            conn.run("BEGIN TRANSACTION")
            try:
                yield conn
            except BaseException:
                conn.run("ROLLBACK")
                raise
            try:
                conn.run("COMMIT")
            finally:
                _count_commit(self._commit_key)


def read_only_message(path: Path) -> str:
    return (f"Databasen {path} är öppnad skrivskyddad (ADOPTION_READ_ONLY=1, ADOPTION_PUBLISHED eller "
            "--read-only), så ingenting sparades. Ladda upp, återställ och ändra mål i skrivarprocessen, "
            "som sedan publicerar en ny ögonblicksbild.")
