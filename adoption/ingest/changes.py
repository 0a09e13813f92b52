"""What a change of data does to stored answers, row by row and field by field.

Two callers: the upload preview (:mod:`.pipeline`: the file against the
current version) and the restore preview (:func:`restore_preview`: an earlier
version against the current one). Both compare rows by the key the store
replaces them by (see ``Store.add_survey``) and list, for every row that
changes, each field with its old and new value, so a person sees exactly
which answers a commit or a restore will change, and which stored answers
would become empty.

Values are the plain Python values of canonical frames (:mod:`adoption.formats`):
None is no answer, -1 is "." (not applicable), lists are tuples of codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..store import Store, org_key

ADDED, CHANGED, REMOVED = "added", "changed", "removed"

# Columns that place a row rather than answer anything: never listed as a changed field.
KEY_COLUMNS = ("ar", "typ", "kommunkod", "organisationsnummer", "organisation", "titel")


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: object
    new: object

    @property
    def blanked(self) -> bool:
        """A stored answer becomes "no answer"."""
        return self.old is not None and self.new is None


@dataclass(frozen=True)
class RowChange:
    """One row that a commit or restore adds, changes or removes.

    ``typ`` is kommun, civilsamhalle or befolkning; ``organisation`` names a
    civil-society respondent and ``titel`` an initiative. ``fields`` lists the
    changed fields of a changed row (empty for added and removed rows, and
    for a row that replaces demo data: invented values are not worth a diff).
    """

    status: str
    ar: int
    typ: str
    kommunkod: str
    organisation: str | None = None
    titel: str | None = None
    fields: tuple[FieldChange, ...] = ()
    replaces_demo: bool = False

    @property
    def blanked(self) -> tuple[FieldChange, ...]:
        return tuple(f for f in self.fields if f.blanked)


@dataclass
class ChangeList:
    """Every row a commit or restore changes (rows in file order, or by key for a restore)."""

    rows: list[RowChange] = field(default_factory=list)

    @property
    def changed(self) -> list[RowChange]:
        return [r for r in self.rows if r.status == CHANGED]

    @property
    def blanked(self) -> list[tuple[RowChange, FieldChange]]:
        """(row, field) for every stored answer that would become empty."""
        return [(r, f) for r in self.rows for f in r.blanked]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def norm(value):
    """One comparable Python value for a cell of an upload frame or of a store frame."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, np.ndarray)):
        return tuple(str(x) for x in value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    return str(value)


def response_key(row: dict) -> tuple:
    return (int(row["ar"]), row["typ"], row["kommunkod"],
            org_key(row["typ"], row.get("organisationsnummer"), row.get("organisation")))


def initiative_key(row: dict) -> tuple:
    return (int(row["ar"]), row["kommunkod"], row.get("organisation") or "", str(row["titel"]).lower())


def population_key(row: dict) -> tuple:
    return (int(row["ar"]), row["kommunkod"])


def initiative_typ(row: dict) -> str:
    return "civilsamhalle" if row.get("organisation") else "kommun"


def field_changes(old: dict, new: dict, columns: Iterable[str]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(c, old.get(c), new.get(c)) for c in columns
                 if c not in KEY_COLUMNS and old.get(c) != new.get(c))


def row_change(status: str, record: dict, typ: str, fields: tuple[FieldChange, ...] = (), *,
               replaces_demo: bool = False) -> RowChange:
    return RowChange(status, int(record["ar"]), typ, str(record["kommunkod"]), record.get("organisation"),
                     record.get("titel"), fields, replaces_demo)


def norm_values(values: list) -> list:
    """``norm`` of every value; the plain Python types that ``norm`` keeps as they are skip the call
    (a preview of a large upload normalises millions of cells)."""
    out = []
    append = out.append
    for value in values:
        kind = type(value)
        if value is None or kind is str or kind is int or kind is bool:
            append(value)
        elif kind is float:
            append(None if value != value else value)
        else:
            append(norm(value))
    return out


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as dicts of normalised values (absent columns as None), with ``is_demo``."""
    n = len(frame)
    values = [norm_values(frame[c].tolist()) if c in frame.columns else [None] * n for c in columns]
    demo = frame["is_demo"].tolist() if "is_demo" in frame.columns else [None] * n
    out = []
    for row, d in zip(zip(*values), demo):
        record = dict(zip(columns, row))
        record["is_demo"] = bool(d or False)
        out.append(record)
    return out


def diff(before: list[dict], after: list[dict], columns: list[str], key: Callable,
         typ_of: Callable) -> list[RowChange]:
    """Rows of ``after`` added or changed against ``before``, and rows of ``before`` that are gone."""
    old: dict[tuple, dict] = {}
    for record in before:
        old.setdefault(key(record), record)
    seen = set()
    out = []
    for record in after:
        k = key(record)
        seen.add(k)
        previous = old.get(k)
        if previous is None:
            out.append(row_change(ADDED, record, typ_of(record)))
            continue
        fields = field_changes(previous, record, columns)
        if fields or previous["is_demo"] != record["is_demo"]:
            demo = previous["is_demo"] or record["is_demo"]
            out.append(row_change(CHANGED, record, typ_of(record), () if demo else fields, replaces_demo=demo))
    out.extend(row_change(REMOVED, record, typ_of(record)) for k, record in old.items() if k not in seen)
    return out


# --- restoring an earlier version ----------------------------------------------------

def _response_columns() -> list[str]:
    from ..formats import SURVEY_BASE_COLUMNS, stage_columns

    return [c for c in SURVEY_BASE_COLUMNS if c != "kommun"] + list(stage_columns())


def _initiative_columns() -> list[str]:
    from ..formats import INITIATIVE_COLUMNS

    return [c for c in INITIATIVE_COLUMNS if c != "kommun"]


def restore_preview(store: Store, target: int, current: int | None = None) -> ChangeList:
    """What restoring version ``target`` changes in the current version (nothing is written).

    Survey answers, initiatives and population are compared by their keys;
    the rows are ordered added/changed/removed as :func:`diff` gives them,
    answers first.
    """
    target = store.resolve_version(target)
    current = store.resolve_version(current)
    changes = ChangeList()
    if current is None or target == current:
        return changes
    columns = _response_columns()
    changes.rows += diff(records(store.responses(current), columns), records(store.responses(target), columns),
                         columns, response_key, lambda r: r["typ"])
    columns = _initiative_columns()
    changes.rows += diff(records(store.initiatives(current), columns),
                         records(store.initiatives(target), columns), columns, initiative_key, initiative_typ)
    columns = ["kommunkod", "ar", "population"]
    changes.rows += diff(records(store.population(current), columns), records(store.population(target), columns),
                         columns, population_key, lambda r: "befolkning")
    return changes
