"""Uploads: the record of every file loaded, and the one transaction that writes an upload.

An upload is recorded by its SHA-256 and kind. Loading the same file again
writes nothing ("duplicate") when it would change nothing; when the data
changed since, the same file restores its values like any other upload (the
pipeline, :mod:`adoption.ingest.pipeline`, shows the earlier upload and the
change). Population files go the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..errors import AdoptionError
from ..vocab import ROUND_PRELIMINARY
from .area import Area
from .groups import write_groups
from .population import write_population
from .rounds import open_rounds
from .schemas import UPLOAD_FIELDS, UploadInfo, UploadOutcome, UploadRecord
from .survey import survey_years_of, write_survey
from .versions import new_version


class VersionChangedError(AdoptionError):
    """Another writer made a new data version after the upload was compared with the data."""


def find_upload(conn, sha256: str, kind: str) -> UploadInfo | None:
    rows = conn.rows(
        "SELECT " + UPLOAD_FIELDS + " FROM upload WHERE sha256 = $sha AND kind = $kind "
        "ORDER BY upload_id LIMIT 1",
        {"sha": sha256, "kind": kind},
    )
    return UploadInfo(*rows[0]) if rows else None


class UploadArea(Area):
    def find_upload(self, sha256: str, kind: str) -> UploadInfo | None:
        """The earlier upload of exactly this file (same SHA-256 and kind), if any."""
        with self._connector.connect() as conn:
            return find_upload(conn, sha256, kind)

    def uploads(self) -> list[UploadInfo]:
        with self._connector.connect() as conn:
            rows = conn.rows("SELECT " + UPLOAD_FIELDS + " FROM upload ORDER BY upload_id")
        return [UploadInfo(*row) for row in rows]

    def history(self) -> pd.DataFrame:
        """Every data version and every upload, oldest first: one row per version
        (with its upload, if it came from one) plus uploads that changed nothing."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT v.version, coalesce(v.created_at, u.uploaded_at) AS happened_at, "
                "coalesce(v.created_by, u.uploaded_by) AS done_by, coalesce(v.action, 'upload') AS action, "
                "v.description, v.restored_from, u.upload_id, u.filename, u.sha256, u.kind, "
                "u.rows_added, u.rows_changed, u.rows_unchanged "
                "FROM data_version v FULL OUTER JOIN upload u ON u.data_version = v.version "
                "ORDER BY happened_at, v.version NULLS LAST, u.upload_id"
            )

    def commit_upload(
        self,
        record: UploadRecord,
        *,
        responses: pd.DataFrame | None = None,
        initiatives: pd.DataFrame | None = None,
        population: pd.DataFrame | None = None,
        groups: pd.DataFrame | None = None,
        description: str,
        expected_version: int | None,
        hook: Callable[[str], None] | None = None,
    ) -> UploadOutcome:
        """Write an upload's rows, its new data version and its ``upload`` row in one transaction.

        ``responses``/``initiatives`` hold only the rows to write (added or
        changed); ``population`` replaces the years it covers and ``groups``
        the whole municipality classification. Nothing is
        written when the same file (SHA-256 and kind) was loaded before and
        changes no row now (status "duplicate"). When the upload changes no
        row, only the upload row is written (status "no_changes", no new
        version). Raises
        VersionChangedError when the current version is no longer
        ``expected_version`` (the comparison the counts came from is stale).
        ``hook`` is called at the named points "before_transaction",
        "after_version", "after_rows", "before_commit" (tests use it).
        """
        hook = hook or (lambda point: None)
        hook("before_transaction")
        with self._connector.transaction() as conn:
            current = conn.one("SELECT max(version) FROM data_version")
            if current != expected_version:
                raise VersionChangedError(
                    f"Dataversionen ändrades (från {expected_version} till {current}) medan filen jämfördes."
                )
            # The counts were made against ``current`` (checked above), so "changes nothing" is true now.
            previous = find_upload(conn, record.sha256, record.kind)
            if previous is not None and not (record.rows_added or record.rows_changed):
                return UploadOutcome("duplicate", None, None, previous)
            version = None
            new_rounds: tuple[int, ...] = ()
            if record.rows_added or record.rows_changed:
                action = "population" if population is not None else ("groups" if groups is not None else "upload")
                version = new_version(conn, action=action, description=description,
                                      created_by=record.uploaded_by)
                hook("after_version")
                if population is not None:
                    write_population(conn, version, population)
                elif groups is not None:
                    write_groups(conn, version, groups)
                else:
                    # A year new to the data is preliminary until an administrator publishes it.
                    new_rounds = open_rounds(conn, version, survey_years_of(responses), ROUND_PRELIMINARY)
                    write_survey(conn, version, responses, initiatives)
                hook("after_rows")
            upload_id = conn.one("SELECT coalesce(max(upload_id), 0) + 1 FROM upload")
            conn.run(
                "INSERT INTO upload VALUES ($id, $at, $by, $filename, $sha, $kind, $added, $changed, "
                "$unchanged, $version)",
                {"id": upload_id, "at": datetime.now(timezone.utc), "by": record.uploaded_by,
                 "filename": record.filename, "sha": record.sha256, "kind": record.kind,
                 "added": record.rows_added, "changed": record.rows_changed,
                 "unchanged": record.rows_unchanged, "version": version},
            )
            hook("before_commit")
        return UploadOutcome("committed" if version is not None else "no_changes", version, upload_id, None,
                             new_rounds)

    def snapshot_to(self, target: str | Path) -> None:
        """Copy the database file to ``target`` as it is now (for previews on a scratch copy).

        The copy is made while this process holds the file (no other process
        can write) after a checkpoint, so the copy holds every committed row.
        """
        import shutil

        with self._connector.write_lock, self._connector.connect() as conn:
            conn.run("CHECKPOINT")
            shutil.copyfile(self.path, target)
