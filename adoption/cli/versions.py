"""The database and its data versions: init, info, history, rollback and demo --remove.

The commands an administrator runs on the database as a whole rather than on
one file or one figure.
"""

from __future__ import annotations

import pandas as pd

from adoption import bootstrap
from adoption.text import formatting

from ..vocab import ROUND_PUBLISHED
from .database import open_store, publish_after_commit
from .parser import CLI_AUTHOR


def cmd_init(args) -> int:
    store = open_store(args)
    report = bootstrap.initialise(store, with_demo=not args.no_demo)
    print(f"Databas: {store.path}")
    print(f"Schemaversion: {report.schema_version}")
    print("Referensdata: inläst" if report.reference_loaded else "Referensdata: fanns redan")
    if report.regions_loaded:
        print("FA-regioner: tilldelade alla kommuner")
    if report.goals_loaded:
        print(f"Programmål: {report.goals_loaded} standardmål inlästa")
    if report.demo_version is not None:
        print(f"Demodata inläst som dataversion {report.demo_version}")
        return publish_after_commit(store)
    return 0


def cmd_info(args) -> int:
    store = open_store(args)
    exists = store.path.exists()
    print(f"Databas: {store.path}" + ("" if exists else " (finns inte ännu; skapas nu)"))
    print(f"Schemaversion: {store.schema_version()}")
    versions = store.versions()
    current = versions[-1].version if versions else None
    print(f"Aktuell dataversion: {current if current is not None else 'ingen'}")
    for v in versions:
        extra = f" (återställer {v.restored_from})" if v.restored_from is not None else ""
        print(f"  {v.version}: {v.created_at:%Y-%m-%d %H:%M} {v.action} av {v.created_by}: {v.description}{extra}")
    rounds = store.survey_rounds(current)
    if rounds:
        print("Enkätår: " + ", ".join(f"{year} ({'publicerat' if status == ROUND_PUBLISHED else 'preliminärt'})"
                                      for year, status in rounds.items()))
    counts = store.row_counts(current)
    print("Rader i aktuell version: " + ", ".join(f"{k} {formatting.number(n)}" for k, n in counts.items()))
    return 0


def cmd_history(args) -> int:
    history = open_store(args).history()
    if history.empty:
        print("Inga dataversioner eller uppladdningar ännu.")
        return 0
    for row in history.itertuples(index=False):
        version = "–" if pd.isna(row.version) else str(int(row.version))
        line = f"{version}: {row.happened_at:%Y-%m-%d %H:%M} {row.action} av {row.done_by}"
        if isinstance(row.description, str):
            line += f": {row.description}"
        if not pd.isna(row.restored_from):
            line += f" (återställer {int(row.restored_from)})"
        if not pd.isna(row.upload_id):
            line += (f" [fil {row.filename}, {row.kind}, SHA-256 {row.sha256}, {int(row.rows_added)} nya, "
                     f"{int(row.rows_changed)} ändrade, {int(row.rows_unchanged)} oförändrade]")
            if pd.isna(row.version):
                line += " (ändrade inget; ingen ny version)"
        print(line)
    return 0


def cmd_rollback(args) -> int:
    store = open_store(args)
    version = store.rollback(args.version, created_by=args.user)
    print(f"Återställde dataversion {args.version} som ny dataversion {version}. Inget togs bort.")
    return publish_after_commit(store)


def cmd_demo(args) -> int:
    store = open_store(args)
    version, removed = store.remove_demo(created_by=CLI_AUTHOR)
    if version is None:
        print("Det fanns inga demorader att ta bort.")
        return 0
    print(f"Tog bort {removed} demorader; ny dataversion {version}.")
    return publish_after_commit(store)
