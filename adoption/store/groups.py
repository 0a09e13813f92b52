"""Ways of grouping municipalities: SKR's municipality groups, functional regions, and the reference files.

Municipality groups are imported (an upload of kind "kommungrupper") and
versioned like population: a new classification closes every current row and
writes all 290 again, so a pinned link keeps the groups it was made with.
Functional analysis regions and the boundary files are reference data, loaded
at init and not versioned; :meth:`GroupArea.reference_sets` says which file
each came from.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import pyarrow as pa

from .area import Area
from .versions import IN_VERSION

GROUP_COLUMNS = ("kommunkod", "grupp", "ar", "source", "sha256")


def write_groups(conn, version: int, frame: pd.DataFrame) -> None:
    """Replace the whole classification as ``version``, inside the caller's transaction."""
    table = pa.Table.from_pandas(
        frame[list(GROUP_COLUMNS)].astype(
            {"kommunkod": "string", "grupp": "string", "ar": "int16", "source": "string", "sha256": "string"}
        ),
        preserve_index=False,
    )
    conn.register("incoming_groups", table)
    conn.run("UPDATE municipality_group SET valid_to = $v WHERE valid_to IS NULL", {"v": version})
    conn.run(
        "INSERT INTO municipality_group SELECT $v, NULL, kommunkod, grupp, ar, source, sha256 FROM incoming_groups",
        {"v": version},
    )


class GroupArea(Area):
    def municipality_groups(self, version: int | None) -> pd.DataFrame:
        """kommunkod, grupp (A1..C9), ar (the classification's year), source, sha256 of a version; empty when
        no groups are loaded."""
        return self._memoised(("municipality_groups", version), lambda: self._read_groups(version)).copy()

    def _read_groups(self, version: int | None) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT kommunkod, grupp, ar, source, sha256 FROM municipality_group WHERE " + IN_VERSION
                + " ORDER BY kommunkod",
                {"v": version if version is not None else -1},
            )

    def load_regions(self, frame: pd.DataFrame) -> None:
        """Replace the functional region of every municipality (kommunkod, fa_kod, fa_name)."""
        with self._connector.transaction() as conn:
            conn.run("DELETE FROM municipality_region")
            conn.register("incoming_region", frame[["kommunkod", "fa_kod", "fa_name"]])
            conn.run("INSERT INTO municipality_region SELECT kommunkod, fa_kod, fa_name FROM incoming_region")

    def regions(self) -> pd.DataFrame:
        """kommunkod, fa_kod, fa_name per municipality (empty before init assigned them)."""
        return self._memoised(("regions",), self._read_regions).copy()

    def _read_regions(self) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df("SELECT kommunkod, fa_kod, fa_name FROM municipality_region ORDER BY kommunkod")

    def record_reference_set(self, name: str, *, source: str, filename: str, sha256: str,
                             data_version: str) -> None:
        """Remember which file a reference table was loaded from (one row per name, replaced)."""
        with self._connector.transaction() as conn:
            conn.run("DELETE FROM reference_set WHERE name = $name", {"name": name})
            conn.run(
                "INSERT INTO reference_set VALUES ($name, $source, $filename, $sha, $version, $at)",
                {"name": name, "source": source, "filename": filename, "sha": sha256, "version": data_version,
                 "at": datetime.now(timezone.utc)},
            )

    def reference_sets(self) -> pd.DataFrame:
        """name, source, filename, sha256, data_version, loaded_at of every reference file loaded."""
        with self._connector.connect() as conn:
            return conn.df("SELECT name, source, filename, sha256, data_version, loaded_at FROM reference_set "
                           "ORDER BY name")

    def loads(self, version: int | None) -> pd.DataFrame:
        """Which data versions wrote the population and group rows that ``version`` holds.

        One row per kind (befolkning, kommungrupper) and writing version: kind,
        version, sha256 (the groups' file; None for population), first_year,
        last_year, source. Empty for a version without either.
        """
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT 'befolkning' AS kind, valid_from AS version, NULL::VARCHAR AS sha256, min(ar) AS first_year, "
                "max(ar) AS last_year, min(source) AS source FROM population WHERE " + IN_VERSION
                + " GROUP BY valid_from UNION ALL "
                "SELECT 'kommungrupper', valid_from, min(sha256), min(ar), max(ar), min(source) "
                "FROM municipality_group WHERE " + IN_VERSION + " GROUP BY valid_from ORDER BY kind, version",
                {"v": version if version is not None else -1},
            )
