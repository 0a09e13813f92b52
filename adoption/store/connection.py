"""Opening the DuckDB file: one place that knows about locks and migrations.

DuckDB lets only one process have a database file open, even read-only
(see the platform notes). A running app and an administrator's command line
must share the file, so nobody keeps it open: every unit of work opens it,
does its work and closes it again, and whoever finds it locked waits its turn.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import duckdb

from ..errors import DatabaseBusyError, SchemaTooNewError

MIGRATIONS_PACKAGE = "adoption.store.migrations"


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration shipped, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        name = entry.name
        if name.endswith(".sql"):
            found.append((int(name.split("_", 1)[0]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_schema_version() -> int:
    return migrations()[-1][0]


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


class Connector:
    """Opens connections to one database file, waiting while another process has it."""

    def __init__(
        self,
        path: Path,
        *,
        wait_seconds: float = 60.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait
        # DuckDB refuses rather than waits when two threads write at once, so
        # writers of this process queue here; other processes queue on the file lock.
        self.write_lock = threading.RLock()
        self._schema_checked = False
        # A connection held by ``hold()`` for one unit of work of this thread.
        self._held = threading.local()

    def _open(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while True:
            try:
                return duckdb.connect(str(self.path))
            except duckdb.IOException as error:
                if not _is_lock_error(error):
                    raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusyError(
                        f"Databasen {self.path} används av en annan process (till exempel appen eller "
                        f"en pågående inläsning) och blev inte ledig på {self.wait_seconds:.0f} sekunder. "
                        "Försök igen om en stund."
                    ) from None
                if not told and self.on_wait is not None:
                    self.on_wait(f"Databasen {self.path} används av en annan process; väntar på min tur …")
                    told = True
                time.sleep(0.1)

    @contextmanager
    def hold(self) -> Iterator[Session]:
        """Keep one connection open for the reads inside (this thread only), then close it.

        Opening a DuckDB database costs ~15-30 ms (a new instance each time);
        a unit of work that reads several times (a metric: version, years,
        the counts) pays it once. The file is still closed at the end.
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        raw = self._open()
        try:
            conn = Session(raw)
            if not self._schema_checked:
                migrate(conn, self.path)
                self._schema_checked = True
            yield conn
        finally:
            raw.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: all of it or none of it, one writer at a time."""
        with self.write_lock, self.connect() as conn:
            conn.run("BEGIN TRANSACTION")
            try:
                yield conn
            except BaseException:
                conn.run("ROLLBACK")
                raise
            conn.run("COMMIT")


def schema_version(conn: Session) -> int:
    exists = conn.one(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migration'"
    )
    if not exists:
        return 0
    return conn.one("SELECT coalesce(max(version), 0) FROM schema_migration")


def migrate(conn: Session, path: Path, *, upto: int | None = None) -> int:
    """Bring the schema up to ``upto`` (default: the latest); each step is one transaction."""
    current = schema_version(conn)
    latest = latest_schema_version()
    if current > latest:
        raise SchemaTooNewError(
            f"Databasen {path} har schemaversion {current}, men det här programmet känner bara till "
            f"version {latest}. Den skapades av en nyare version av programmet: uppdatera programmet "
            "i stället för att använda databasen med den här versionen."
        )
    target = latest if upto is None else upto
    for number, name, sql in migrations():
        if current < number <= target:
            conn.run("BEGIN TRANSACTION")
            try:
                conn.run(
                    "CREATE TABLE IF NOT EXISTS schema_migration "
                    "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
                )
                conn.run(sql)
                conn.run(
                    "INSERT INTO schema_migration VALUES ($version, $name, $at)",
                    {"version": number, "name": name, "at": datetime.now(timezone.utc)},
                )
            except BaseException:
                conn.run("ROLLBACK")
                raise
            conn.run("COMMIT")
            current = number
    return current
