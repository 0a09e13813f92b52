"""Survey rounds: whether a survey year is preliminary or published, per data version.

A round's status is versioned like data rows (``valid_from``/``valid_to``):
publishing or taking back a year is a data version of its own, with who and
when, and a link pinned to an older version keeps the statuses it had.

A year becomes a round when the first answers for it arrive: preliminary
through an upload (:meth:`UploadArea.commit_upload`), published when loaded
directly as a complete set (:meth:`SurveyArea.add_survey`: demo data, tests).
A year without a status row (none can arise after migration 4, which made
every loaded year published) reads as published.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import AdoptionError
from ..vocab import ROUND_PRELIMINARY, ROUND_PUBLISHED, ROUND_STATUSES
from .area import Area
from .metric_sql import in_version
from .versions import new_version

ACTION_PUBLISHED = "round_published"
ACTION_UNPUBLISHED = "round_unpublished"


def _check_status(status: str) -> None:
    if status not in ROUND_STATUSES:
        raise AdoptionError(f"Okänd status ”{status}” för ett enkätår; välj {' eller '.join(ROUND_STATUSES)}.")


def current_years(conn) -> set[int]:
    """Survey years with answers in the latest version (inside the caller's transaction)."""
    rows = conn.rows("SELECT DISTINCT ar FROM response WHERE valid_to IS NULL")
    return {int(r[0]) for r in rows}


def open_rounds(conn, version: int, years: Iterable[int], status: str) -> tuple[int, ...]:
    """Give ``status`` to every year of ``years`` that has no answers yet (a new round), as of ``version``.

    Called inside the writer's transaction before its rows are written. A
    year that had answers keeps its status; a year whose answers were all
    removed (demo data) starts again. Returns the new rounds.
    """
    _check_status(status)
    new = tuple(sorted({int(y) for y in years} - current_years(conn)))
    for year in new:
        conn.run("UPDATE survey_round SET valid_to = $v WHERE ar = $ar AND valid_to IS NULL",
                 {"v": version, "ar": year})
        conn.run("INSERT INTO survey_round VALUES ($ar, $status, $v, NULL)",
                 {"ar": year, "status": status, "v": version})
    return new


def restore_rounds(conn, target: int, new: int) -> None:
    """Make the statuses of version ``target`` current again as version ``new`` (a rollback)."""
    conn.run("UPDATE survey_round SET valid_to = $new WHERE valid_to IS NULL", {"new": new})
    conn.run(
        "INSERT INTO survey_round SELECT ar, status, $new, NULL FROM survey_round WHERE "
        + in_version(param="target"),
        {"target": target, "new": new},
    )


class RoundArea(Area):
    def survey_rounds(self, version: int | None) -> dict[int, str]:
        """Every survey year of a version with its status (``preliminar`` or ``publicerad``), by year."""
        if version is None:
            return {}
        return dict(self._memoised(("survey_rounds", version), lambda: self._rounds(version)))

    def _rounds(self, version: int) -> tuple[tuple[int, str], ...]:
        with self._connector.connect() as conn:
            rows = conn.rows(
                "SELECT y.ar, coalesce(r.status, $published) FROM "
                "(SELECT DISTINCT ar FROM response WHERE " + in_version() + ") y "
                "LEFT JOIN survey_round r ON r.ar = y.ar AND " + in_version("r") + " ORDER BY y.ar",
                {"v": version, "published": ROUND_PUBLISHED},
            )
        return tuple((int(ar), status) for ar, status in rows)

    def set_round_status(self, ar: int, status: str, *, created_by: str) -> int | None:
        """Publish a survey year (``publicerad``) or take it back (``preliminar``) as a new data version.

        Returns the new version, or None when the year already had that status.
        Raises AdoptionError for a year without answers in the current version.
        """
        _check_status(status)
        ar = int(ar)
        with self._connector.transaction() as conn:
            years = current_years(conn)
            if ar not in years:
                known = ", ".join(str(y) for y in sorted(years)) or "inga"
                raise AdoptionError(f"Enkätåret {ar} har inga svar i databasen {self.path} (enkätår: {known}).")
            now = conn.one("SELECT status FROM survey_round WHERE ar = $ar AND valid_to IS NULL", {"ar": ar})
            if (now or ROUND_PUBLISHED) == status:
                return None
            published = status == ROUND_PUBLISHED
            version = new_version(
                conn, action=ACTION_PUBLISHED if published else ACTION_UNPUBLISHED,
                description=f"Enkätår {ar} publicerat" if published else f"Enkätår {ar} åter preliminärt",
                created_by=created_by,
            )
            conn.run("UPDATE survey_round SET valid_to = $v WHERE ar = $ar AND valid_to IS NULL",
                     {"v": version, "ar": ar})
            conn.run("INSERT INTO survey_round VALUES ($ar, $status, $v, NULL)",
                     {"ar": ar, "status": status, "v": version})
        return version


__all__ = ["ACTION_PUBLISHED", "ACTION_UNPUBLISHED", "ROUND_PRELIMINARY", "ROUND_PUBLISHED", "RoundArea",
           "open_rounds", "restore_rounds"]
