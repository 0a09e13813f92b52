"""What every area of the store shares: the Store's connector, its memo, and years per table.

Each area module (reference, versions, survey, initiatives, population,
uploads, goals) defines one class of methods deriving from :class:`Area`;
:class:`adoption.store.Store` inherits them all. ``Area`` declares what
``Store.__init__`` sets up, so an area's methods can be read on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .connection import Connector
from .metric_sql import in_version


class Area:
    path: Path
    _connector: Connector
    _memo: dict[tuple, tuple[tuple[int, int], object]]

    def _memoised(self, key: tuple, compute: Callable[[], object]):
        """``compute()``, remembered while the kept-open file cannot have changed.

        Years, versions and the unit list are read on every metric computation;
        at 100,000 units they cost more than the metric's own SQL.
        """
        token = self._connector.generation()
        if token is None:
            return compute()
        hit = self._memo.get(key)
        if hit is not None and hit[0] == token:
            return hit[1]
        value = compute()
        self._memo[key] = (token, value)
        return value

    def _distinct_years(self, table: str, version: int) -> tuple[int, ...]:
        # ``table`` is one of two fixed names (response, population) chosen by the callers.
        with self._connector.connect() as conn:
            rows = conn.rows(f"SELECT DISTINCT ar FROM {table} WHERE " + in_version() + " ORDER BY ar",
                             {"v": version})
        return tuple(r[0] for r in rows)
