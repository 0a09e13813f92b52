"""Population per municipality and year: versioned like the survey, replaced a whole year at a time.

Population arrives as an upload (kind "befolkning", through
:meth:`adoption.store.uploads.UploadArea.commit_upload`, which records the
file) or, for tests and generated data, through ``replace_population``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from .area import Area
from .versions import IN_VERSION, new_version


def write_population(conn, version: int, frame: pd.DataFrame) -> None:
    """Replace the years ``frame`` covers as ``version``, inside the caller's transaction."""
    table = pa.Table.from_pandas(
        frame[["kommunkod", "ar", "population", "source"]].astype(
            {"kommunkod": "string", "ar": "int16", "population": "int64", "source": "string"}
        ),
        preserve_index=False,
    )
    conn.register("incoming_population", table)
    conn.run(
        "UPDATE population SET valid_to = $v WHERE valid_to IS NULL "
        "AND ar IN (SELECT DISTINCT ar FROM incoming_population)",
        {"v": version},
    )
    conn.run(
        "INSERT INTO population SELECT $v, NULL, kommunkod, ar, population, source "
        "FROM incoming_population",
        {"v": version},
    )


class PopulationArea(Area):
    def replace_population(self, frame: pd.DataFrame, *, description: str, created_by: str) -> int:
        """Load population (kommunkod, ar, population, source) as a new version, with no upload record;
        replaces the years it covers."""
        with self._connector.transaction() as conn:
            version = new_version(conn, action="population", description=description, created_by=created_by)
            write_population(conn, version, frame)
        return version

    def population(self, version: int | None, years: Sequence[int] | None = None) -> pd.DataFrame:
        """Population rows (kommunkod, ar, population, source) of a version, optionally some years."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT kommunkod, ar, population, source FROM population WHERE " + IN_VERSION
                + " AND ($all OR list_contains($years, ar)) ORDER BY ar, kommunkod",
                {"v": version if version is not None else -1, "all": years is None,
                 "years": [int(y) for y in (years or [])]},
            )

    def population_years(self, version: int | None) -> list[int]:
        if version is None:
            return []
        return list(self._memoised(("population_years", version), lambda: self._distinct_years("population", version)))
