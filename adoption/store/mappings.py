"""Column choices remembered between uploads: a file's header -> a column of the format.

An administrator who maps "Varav i drift" to ``antal_i_drift`` once should not
have to do it again for next year's file with the same headers. The choices
are settings, not survey data: they make no data version, and each write is
one transaction of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from .area import Area

MAX_HEADER = 200  # characters of a header kept (longer ones are not remembered)


@dataclass(frozen=True)
class SavedMapping:
    kind: str
    header: str
    target: str  # "" = ignore the column
    saved_at: datetime
    saved_by: str


class MappingArea(Area):
    def column_mappings(self, kind: str | None = None) -> list[SavedMapping]:
        """Remembered choices, of one kind or of all, by kind and header."""
        with self._connector.connect() as conn:
            rows = conn.rows(
                "SELECT kind, header, target, saved_at, saved_by FROM column_mapping "
                "WHERE $kind IS NULL OR kind = $kind ORDER BY kind, lower(header)",
                {"kind": kind},
            )
        return [SavedMapping(*row) for row in rows]

    def remember_column_mappings(self, kind: str, mapping: Mapping[str, str], *, saved_by: str) -> int:
        """Remember {header: column} for ``kind`` (a later choice for a header replaces the earlier one)."""
        wanted = {str(h).strip(): str(t or "") for h, t in mapping.items()
                  if str(h).strip() and len(str(h).strip()) <= MAX_HEADER}
        if not wanted:
            return 0
        now = datetime.now(timezone.utc)
        with self._connector.transaction() as conn:
            for header, target in wanted.items():
                conn.run("DELETE FROM column_mapping WHERE kind = $kind AND header = $header",
                         {"kind": kind, "header": header})
                conn.run("INSERT INTO column_mapping VALUES ($kind, $header, $target, $at, $by)",
                         {"kind": kind, "header": header, "target": target, "at": now, "by": saved_by})
        return len(wanted)

    def forget_column_mapping(self, kind: str, header: str) -> bool:
        """Forget one remembered choice; False when there was none."""
        with self._connector.transaction() as conn:
            found = conn.one("SELECT count(*) FROM column_mapping WHERE kind = $kind AND header = $header",
                             {"kind": kind, "header": header})
            conn.run("DELETE FROM column_mapping WHERE kind = $kind AND header = $header",
                     {"kind": kind, "header": header})
        return bool(found)
