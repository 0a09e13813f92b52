"""Data versions: which exist, which is current, how a writer starts a new one.

Every write of survey or population data makes a new version inside its own
transaction (:func:`new_version`); rows carry ``valid_from``/``valid_to``, so
any earlier version can still be read (see :func:`.metric_sql.in_version`).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..errors import UnknownVersionError
from .area import Area
from .metric_sql import in_version
from .schemas import VersionInfo

IN_VERSION = in_version()


def unknown_version(version: int, path: Path) -> UnknownVersionError:
    return UnknownVersionError(f"Dataversion {version} finns inte i databasen {path}.")


def version_exists(conn, version: int) -> bool:
    return bool(conn.one("SELECT count(*) FROM data_version WHERE version = $v", {"v": version}))


def new_version(conn, *, action: str, description: str, created_by: str, restored_from: int | None = None) -> int:
    """Add the next data version inside the caller's transaction; returns its number."""
    version = conn.one("SELECT coalesce(max(version), 0) + 1 FROM data_version")
    conn.run(
        "INSERT INTO data_version VALUES ($v, $at, $by, $action, $description, $restored_from)",
        {"v": version, "at": datetime.now(timezone.utc), "by": created_by, "action": action,
         "description": description, "restored_from": restored_from},
    )
    return version


def next_row_id(conn) -> int:
    # Writers are serialised (file lock between processes, write lock within
    # one), so the maximum read inside the transaction is safe to count from.
    return conn.one(
        "SELECT greatest((SELECT coalesce(max(row_id), 0) FROM response), "
        "(SELECT coalesce(max(row_id), 0) FROM initiative)) + 1"
    )


class VersionArea(Area):
    def current_version(self) -> int | None:
        with self._connector.connect() as conn:
            return conn.one("SELECT max(version) FROM data_version")

    def resolve_version(self, version: int | None) -> int | None:
        """The version asked for, checked, or the current one when none was asked for."""
        if version is None:
            return self.current_version()
        found = self._memoised(("version_exists", int(version)), lambda: self._version_exists(int(version)))
        if not found:
            raise unknown_version(version, self.path)
        return int(version)

    def _version_exists(self, version: int) -> bool:
        with self._connector.connect() as conn:
            return version_exists(conn, version)

    def versions(self) -> list[VersionInfo]:
        with self._connector.connect() as conn:
            rows = conn.rows(
                "SELECT version, created_at, created_by, action, description, restored_from "
                "FROM data_version ORDER BY version"
            )
        return [VersionInfo(*row) for row in rows]

    def version_years(self) -> dict[int, tuple[int, ...]]:
        """The years each data version wrote rows for (survey answers, initiatives, population)."""
        with self._connector.connect() as conn:
            rows = conn.rows(
                "SELECT valid_from, ar FROM response GROUP BY ALL UNION "
                "SELECT valid_from, ar FROM initiative GROUP BY ALL UNION "
                "SELECT valid_from, ar FROM population GROUP BY ALL ORDER BY 1, 2"
            )
        out: dict[int, list[int]] = {}
        for version, year in rows:
            out.setdefault(int(version), []).append(int(year))
        return {version: tuple(years) for version, years in out.items()}

    def row_counts(self, version: int | None) -> dict[str, int]:
        """Rows in a version, and reference rows, for ``info``."""
        v = version if version is not None else -1
        with self._connector.connect() as conn:
            return {
                "kommuner": conn.one("SELECT count(*) FROM municipality"),
                "lan": conn.one("SELECT count(*) FROM county"),
                "enkatsvar": conn.one("SELECT count(*) FROM response WHERE " + IN_VERSION, {"v": v}),
                "enkatsvar_demo": conn.one(
                    "SELECT count(*) FROM response WHERE is_demo AND " + IN_VERSION, {"v": v}),
                "initiativ": conn.one("SELECT count(*) FROM initiative WHERE " + IN_VERSION, {"v": v}),
                "befolkning": conn.one("SELECT count(*) FROM population WHERE " + IN_VERSION, {"v": v}),
                "uppladdningar": conn.one("SELECT count(*) FROM upload"),
            }
