"""The schema of a database file: which migrations ship, which a file has, and applying the rest.

Separate from :mod:`adoption.store.connection` because it is about what is in
the file, not about getting at it: the connector calls :func:`migrate` (or
:func:`check_schema` for a read-only file) once, on its first connection, and
publishing checks a snapshot's schema the same way. The migrations themselves
are the numbered ``.sql`` files in :mod:`adoption.store.migrations`; each
applied one is a row of the ``schema_migration`` table.
"""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReadOnlyError, SchemaTooNewError

if TYPE_CHECKING:
    from .connection import Session

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


def check_schema(conn: Session, path: Path) -> int:
    """The schema of a file opened read-only: it must be exactly this program's (nothing can be upgraded)."""
    current = schema_version(conn)
    latest = latest_schema_version()
    if current > latest:
        migrate(conn, path)  # raises SchemaTooNewError with its usual message
    if current < latest:
        raise ReadOnlyError(
            f"Databasen {path} har schemaversion {current}, men det här programmet behöver version {latest}, "
            "och en skrivskyddad fil kan inte uppgraderas. Uppgradera skrivarens databas "
            "(python -m adoption init) och publicera en ny ögonblicksbild."
        )
    return current


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
