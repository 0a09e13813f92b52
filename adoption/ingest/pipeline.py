"""From the bytes of an upload to a committed data version: prepare, then commit.

The upload page and the command line use the same two steps::

    prepared = prepare(data, "svar.xlsx", "enkatsvar", store)
    # show prepared.result.problems, prepared.result.fuzzy_matches,
    # prepared.preview (rows added / changed / unchanged per year and kind,
    # headline figures before and after) and prepared.duplicate_of
    outcome = commit(prepared, store, uploaded_by="anna", confirmed_fuzzy=True)

``prepare`` never writes to the database. ``commit`` writes the new data
version, its rows and the ``upload`` row in one transaction
(:meth:`Store.commit_upload`), and writes nothing when the same file (same
SHA-256 and kind) was loaded before and changes nothing now.

The preview compares the file with the current version using the keys
``Store.add_survey`` replaces by (ar, typ, kommunkod, org_key for answers;
ar, kommunkod, organisation, lower(titel) for initiatives; kommunkod, ar for
population). Rows equal to the current ones are "unchanged" and are not
written again (they keep their row ids); a demo row is never "unchanged",
so real data replaces it. A column the file does not hold means "not in
this file": a row already stored keeps its value there (data-formats.md
section 5), while an empty cell in a column the file holds is "no answer".
Every changed row is listed field by field (old -> new) in
``preview.changes`` (:mod:`.changes`).

A file uploaded before (same SHA-256 and kind) is a no-op only when it
would change nothing now; when the data changed since, committing it again
restores its values, and the preview shows which.

The headline effect is computed by committing the upload into a scratch
copy of the database file (copied while this process holds the file) and
running ``adoption.metrics.compute`` on the copy for the
version before and the version after: exactly the figures the dashboard
will show, at the cost of copying a file of a few MB.

If another writer makes a new version between ``prepare`` and ``commit``,
the comparison is stale: ``commit`` compares again against the new current
version and retries, so two uploads at the same time both end correctly
with consecutive versions.

This module holds the first step, ``prepare``; the stages it and ``commit``
share live beside it: :mod:`.compare` (the file against one data version),
:mod:`.preview` (the headline figures on a scratch copy, the ``Prepared``
upload), :mod:`.commit` (the second step) and :mod:`.kind_guess` (which kind
a file is). Their public names are importable from here too, as the upload
page, the command line and the tests know them.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

import pandas as pd

from ..errors import InputError
from ..formats import KINDS
from ..store import Store
from .commit import (
    COMMIT_ATTEMPTS,
    MAX_UPLOADED_BY,
    PAUSE_ENV,
    PAUSE_POINTS,
    PAUSE_SECONDS_ENV,
    CommitResult,
    UnconfirmedFuzzyError,
    _duplicate_message,
    _restore_message,
    commit,
)
from .compare import ChangeCount, make_plan
from .groups_upload import validate_groups
from .kind_guess import guess_kind
from .population_upload import validate_population
from .preview import (
    HEADLINE_METRICS,
    POPULATION_HEADLINE_METRICS,
    HeadlineEffect,
    Prepared,
    Preview,
    preview_on_copy,
)
from .report import IngestResult
from .validate import gc_paused, validate

__all__ = [
    "COMMIT_ATTEMPTS", "HEADLINE_METRICS", "MAX_FILENAME", "MAX_UPLOADED_BY", "PAUSE_ENV", "PAUSE_POINTS",
    "PAUSE_SECONDS_ENV", "POPULATION_HEADLINE_METRICS", "ChangeCount", "CommitResult", "HeadlineEffect",
    "Prepared", "Preview", "UnconfirmedFuzzyError", "_duplicate_message", "_restore_message", "clean_filename",
    "commit", "guess_kind", "prepare", "sha256", "validate_upload",
]

MAX_FILENAME = 255


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_filename(filename: str) -> str:
    """The file's own name (no folders), at most 255 characters, for the history."""
    name = PurePath(str(filename).replace("\\", "/")).name.strip() or "fil"
    return name[:MAX_FILENAME]


def validate_upload(data: bytes, filename: str, kind: str, municipalities: pd.DataFrame, *,
                    year: int | None = None, column_mapping: dict[str, str] | None = None,
                    name_corrections: dict[int, str] | None = None) -> IngestResult:
    """Validation of any of the kinds (no database needed beyond the municipality list)."""
    if kind not in KINDS:
        raise InputError(f"Okänd sorts fil ”{kind}”; välj en av: {', '.join(KINDS)}.")
    if kind == "befolkning":
        return validate_population(data, filename, municipalities, year=year)
    if kind == "kommungrupper":
        return validate_groups(data, filename, municipalities, year=year)
    return validate(data, filename, kind, municipalities, year=year, column_mapping=column_mapping,
                    name_corrections=name_corrections)


@gc_paused()
def prepare(
    data: bytes,
    filename: str,
    kind: str,
    store: Store,
    *,
    year: int | None = None,
    column_mapping: dict[str, str] | None = None,
    name_corrections: dict[int, str] | None = None,
    headline: bool = True,
) -> Prepared:
    """Validate an upload and compare it with the current data; writes nothing.

    ``name_corrections`` ({spreadsheet row: kommunkod}) are a person's choices
    for rows whose municipality name was matched by similarity or not found;
    prepare again with them after the person has corrected a match.
    ``headline=False`` skips the before/after figures (they need a scratch
    copy of the database); the row counts are always computed.
    """
    filename = clean_filename(filename)
    result = validate_upload(data, filename, kind, store.municipalities(), year=year,
                             column_mapping=column_mapping, name_corrections=name_corrections)
    prepared = Prepared(kind=kind, filename=filename, sha256=sha256(data), size=len(data), year=year,
                        result=result)
    prepared.duplicate_of = store.find_upload(prepared.sha256, kind)
    if not result.ok:
        return prepared
    if kind == "kommungrupper":
        # Every group row names its file, so that Om data can say which file the groups came from.
        result.frame = result.frame.assign(sha256=prepared.sha256)
    held = result.columns_in_file
    plan, effects = None, []
    # Groups change no survey figure: nothing to show before and after.
    if prepared.duplicate_of is not None or not headline or kind == "kommungrupper":
        plan = make_plan(store, kind, result.frame, store.current_version(), held)
    if headline and kind != "kommungrupper" and (plan is None or plan.added or plan.changed):
        # A file uploaded before that changes nothing now needs no figures before and after.
        plan, effects = preview_on_copy(store, kind, result.frame, held)
    prepared.plan = plan
    prepared.preview = Preview(plan.base_version, plan.counts, effects, plan.changes)
    return prepared
