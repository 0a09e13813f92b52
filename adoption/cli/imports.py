"""import-population and import-kommungrupper: a registry's file (SCB, Kolada, SKR) loaded as an upload.

Each is ``ingest --kind ...`` with a summary line of its own instead of
ingest's preview, so the two share one body and differ in the kind, the year
asked for, and how they word what was loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pandas as pd

from adoption import bootstrap

from .database import open_store, publish_after_commit
from .uploads import exit_status, read_upload


def _import(args, kind: str, loaded: Callable[[pd.DataFrame], str], *, year: int | None = None,
            compared_with: str | None = None) -> int:
    """An upload of one kind through a command of its own, as ``ingest --kind KIND``: recorded in the
    history with its checksum, and a file loaded before changes nothing.

    Errors go to stderr and nothing is saved; ``compared_with`` names what the preview's counts are
    counted against, when they are shown; ``loaded`` words what a new data version holds.
    """
    from ..ingest.pipeline import _duplicate_message, commit, prepare
    from ..ingest.report import report_line

    data, name = read_upload(args)
    store = open_store(args)
    bootstrap.load_reference(store)
    prepared = prepare(data, name, kind, store, year=year, headline=False)
    status = exit_status(prepared)
    if status != 0:
        for problem in prepared.result.errors:
            print(report_line(problem), file=sys.stderr)
        print("Ingenting sparades: filen har fel.", file=sys.stderr)
        return status
    for problem in prepared.result.warnings:
        print(report_line(problem))
    if prepared.same_as_current:
        print(_duplicate_message(prepared.duplicate_of))
        return 0
    if compared_with is not None:
        for c in prepared.preview.counts if prepared.preview else ():
            print(f"Jämfört med {compared_with}: {c.added} nya, {c.changed} ändrade, {c.unchanged} oförändrade")
    outcome = commit(prepared, store, uploaded_by=args.user)
    if outcome.status != "committed":
        print(outcome.message)
        return 0
    print(f"{loaded(prepared.result.frame)} som dataversion {outcome.version}")
    return publish_after_commit(store)


def cmd_import_population(args) -> int:
    """An upload of kind "befolkning" (SCB, Kolada or the template)."""

    def loaded(frame: pd.DataFrame) -> str:
        years = ", ".join(map(str, sorted(frame["ar"].unique().tolist())))
        return f"Läste in befolkning för {len(frame)} kommun-år ({years})"

    return _import(args, "befolkning", loaded)


def cmd_import_groups(args) -> int:
    """An upload of kind "kommungrupper" (SKR's classification)."""

    def loaded(frame: pd.DataFrame) -> str:
        sizes = ", ".join(f"{code} {n}" for code, n in frame["grupp"].value_counts().sort_index().items())
        return f"Läste in kommungrupper {int(frame['ar'].iloc[0])} för {len(frame)} kommuner ({sizes})"

    return _import(args, "kommungrupper", loaded, year=args.ar, compared_with="nuvarande indelning")
