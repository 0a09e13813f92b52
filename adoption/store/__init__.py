"""The store: the one owner of the DuckDB file and of every SQL statement.

Values always travel as parameters (``$name``) or as registered Arrow tables;
the only text ever put into SQL are identifiers chosen from fixed tables in
:mod:`adoption.store.metric_sql`.

One module per area, each a class of methods that :class:`Store` inherits:

- :mod:`.schemas`      Arrow schemas, version and upload records, ``org_key``
- :mod:`.reference`    municipalities, counties, map shapes
- :mod:`.versions`     data versions; starting a new one inside a transaction
- :mod:`.survey`       survey writes and reads, rollback, demo removal, metric rows
- :mod:`.initiatives`  initiative reads, the catalogue's search, same-kind elsewhere
- :mod:`.population`   population per municipality and year
- :mod:`.groups`       municipality groups (versioned), functional regions, reference files
- :mod:`.uploads`      the upload record and the one transaction that writes an upload
- :mod:`.goals`        programme goals and their revisions
- :mod:`.mappings`     column choices remembered between uploads
- :mod:`.rounds`       survey rounds: a year preliminary or published, per data version
- :mod:`.connection`   opening the file, locks, migrations; :mod:`.metric_sql` the metric SQL

Why mixins rather than area objects the Store delegates to: every caller
(views, metrics, ingest, the app, tests) uses ``store.<method>`` on one
object, and the areas share one connector and one memo. Inheriting keeps
that surface exactly as it was without a forwarding method per query. What
one area needs from another inside a transaction (a new version, writing
survey or population rows) is a plain function imported from that module,
so the dependencies between areas are visible in the imports, not hidden in
``self``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .connection import (
    Connector,
    Session,
    latest_schema_version,
    migrate,
    schema_version,
)
from .effect import EffectArea
from .goals import GoalArea
from .groups import GroupArea
from .initiatives import InitiativeArea
from .mappings import MappingArea, SavedMapping
from .population import PopulationArea
from .reference import ReferenceArea
from .rounds import RoundArea
from .schemas import UploadInfo, UploadOutcome, UploadRecord, VersionInfo, org_key
from .survey import SurveyArea
from .uploads import UploadArea, VersionChangedError
from .versions import VersionArea

__all__ = ["APP_KEEP_OPEN_SECONDS", "SavedMapping", "Store", "UploadInfo", "UploadOutcome", "UploadRecord",
           "VersionChangedError", "VersionInfo", "latest_schema_version", "org_key"]

# How long the app keeps the database open after its last query. Another
# process that wants the file (an ingest from the command line) gets it at
# once anyway; this only bounds the wait where no marker can be written.
APP_KEEP_OPEN_SECONDS = 5.0


class Store(ReferenceArea, VersionArea, SurveyArea, InitiativeArea, PopulationArea, UploadArea, GoalArea,
            GroupArea, EffectArea, MappingArea, RoundArea):
    """Database access for one DuckDB file.

    By default it holds no open connection (the command line). A long-running
    reader (the app) passes ``keep_open_seconds`` to keep the file open between
    requests; see :mod:`adoption.store.connection`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        wait_seconds: float = 60.0,
        on_wait: Callable[[str], None] | None = None,
        keep_open_seconds: float = 0.0,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self._connector = Connector(self.path, wait_seconds=wait_seconds, on_wait=on_wait,
                                    keep_open_seconds=keep_open_seconds, read_only=read_only)
        self._memo: dict[tuple, tuple[tuple[int, int], object]] = {}

    @property
    def read_only(self) -> bool:
        """Opened with DuckDB's read_only=True (a replica): every write raises ReadOnlyError."""
        return self._connector.read_only

    # -- schema -----------------------------------------------------------------

    def reading(self):
        """A context in which this thread's reads share one connection (closed at the end)."""
        return self._connector.hold()

    def release(self) -> None:
        """Close the file if this store keeps it open (it reopens on the next query)."""
        self._connector.release()

    def schema_version(self) -> int:
        with self._connector.connect() as conn:
            return schema_version(conn)

    @classmethod
    def create_at_schema(cls, path: str | Path, upto: int) -> None:
        """Make a database as an older program version left it (for upgrade tests)."""
        import duckdb

        conn = duckdb.connect(str(path))
        try:
            migrate(Session(conn), Path(path), upto=upto)
        finally:
            conn.close()
