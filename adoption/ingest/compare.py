"""An upload compared with one data version: what a commit would write, row by row.

Separate from the preview (:mod:`.preview`) and the commit (:mod:`.commit`)
because both need it: the preview plans against a scratch copy of the
database, the commit against the store itself, and again after another
writer made a new version in between. The keys and the "not in this file"
rule are the pipeline's (see :mod:`.pipeline`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..store import Store, UploadOutcome, UploadRecord
from .changes import (
    CHANGED,
    KEY_COLUMNS,
    ChangeList,
    field_changes,
    initiative_key,
    records,
    response_key,
    row_change,
)
from .validate import output_columns


@dataclass(frozen=True)
class ChangeCount:
    """Rows of one year and kind (typ: kommun, civilsamhalle or befolkning) against the current data."""

    ar: int
    typ: str
    added: int
    changed: int
    unchanged: int


class Totals:
    """Row counts summed over years and kinds (``counts`` is a list of ChangeCount)."""

    counts: list[ChangeCount]

    @property
    def added(self) -> int:
        return sum(c.added for c in self.counts)

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.counts)

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts)


@dataclass
class Plan(Totals):
    """What a commit writes, compared with one data version."""

    base_version: int | None
    counts: list[ChangeCount]
    responses: pd.DataFrame | None = None
    initiatives: pd.DataFrame | None = None
    population: pd.DataFrame | None = None
    groups: pd.DataFrame | None = None
    changes: ChangeList = field(default_factory=ChangeList)


def _compare(incoming: pd.DataFrame, current: pd.DataFrame, columns: list[str], key: Callable,
             typ_of: Callable, kept: list[str] = ()
             ) -> tuple[list[ChangeCount], list[bool], dict[int, dict], ChangeList]:
    """Counts per (ar, typ); for each incoming row whether it must be written; the stored
    values of the ``kept`` columns for rows already there ({row index: {column: value}});
    and every changed row field by field.

    ``kept``: the columns the file does not hold. A row already stored keeps its
    values there ("not in this file"), unless it is demo data: invented values are
    not carried into a real answer.
    """
    now: dict[tuple, list[dict]] = {}
    for record in records(current, columns):
        now.setdefault(key(record), []).append(record)
    # Whole rows are compared only where the key is in the current data; a new
    # key (every row of a first upload) needs just the key columns.
    rows = records(incoming, [c for c in columns if c in KEY_COLUMNS])
    keys = [key(r) for r in rows]
    in_file: dict[tuple, int] = {}
    for k in keys:
        in_file[k] = in_file.get(k, 0) + 1
    known = [i for i, k in enumerate(keys) if k in now]
    if known:
        for i, record in zip(known, records(incoming.iloc[known], columns)):
            rows[i] = record
    counts: dict[tuple, list[int]] = {}
    write = []
    merged: dict[int, dict] = {}
    changes = ChangeList()
    for i, (record, k) in enumerate(zip(rows, keys)):
        bucket = counts.setdefault((int(record["ar"]), typ_of(record)), [0, 0, 0])
        existing = now.get(k, [])
        if not existing:
            bucket[0] += 1
            write.append(True)
            continue
        old = existing[0]
        demo = any(e["is_demo"] for e in existing)
        if kept and not demo:
            merged[i] = {c: old[c] for c in kept}
            record = {**record, **merged[i]}
        same = (len(existing) == 1 and in_file[k] == 1 and not demo
                and all(old[c] == record[c] for c in columns))
        bucket[2 if same else 1] += 1
        write.append(not same)
        if not same:
            changes.rows.append(row_change(CHANGED, record, typ_of(record),
                                           () if demo else field_changes(old, record, columns),
                                           replaces_demo=demo))
    ordered = [ChangeCount(ar, typ, *values) for (ar, typ), values in sorted(counts.items())]
    return ordered, write, merged, changes


def _written(frame: pd.DataFrame, write: list[bool], merged: dict[int, dict], kept: list[str]) -> pd.DataFrame:
    """The rows to write, with the stored values of the columns the file does not hold."""
    if merged:
        frame = frame.copy()
        for column in kept:
            values = frame[column].tolist()
            for i, stored in merged.items():
                values[i] = stored[column]
            frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame[write].reset_index(drop=True)


def make_plan(store: Store, kind: str, frame: pd.DataFrame, version: int | None,
          held: Iterable[str] | None = None) -> Plan:
    """What a commit writes against ``version``; ``held``: the columns the file holds (None: all)."""
    years = sorted({int(y) for y in frame["ar"]})
    if kind == "befolkning":
        current = store.population(version, years) if version is not None else frame.iloc[0:0]
        counts, _, _, changes = _compare(frame, current, ["kommunkod", "ar", "population"],
                                         lambda r: (int(r["ar"]), r["kommunkod"]), lambda r: "befolkning")
        # Population replaces whole years: every row of the file is written.
        return Plan(version, counts, population=frame, changes=changes)
    if kind == "kommungrupper":
        current = store.municipality_groups(version) if version is not None else frame.iloc[0:0]
        counts, _, _, changes = _compare(frame, current, ["kommunkod", "grupp", "ar"], lambda r: r["kommunkod"],
                                         lambda r: "kommungrupper")
        # A classification replaces the whole previous one: every row is written.
        return Plan(version, counts, groups=frame, changes=changes)
    columns = output_columns(kind)
    kept = [] if held is None else [c for c in columns if c not in set(held) and c not in KEY_COLUMNS]
    if version is None:
        current = pd.DataFrame(columns=columns)
    else:
        reader = store.responses if kind == "enkatsvar" else store.initiatives
        current = pd.concat([reader(version, ar) for ar in years], ignore_index=True)
    if kind == "enkatsvar":
        counts, write, merged, changes = _compare(frame, current, columns, response_key, lambda r: r["typ"], kept)
        return Plan(version, counts, responses=_written(frame, write, merged, kept), changes=changes)
    counts, write, merged, changes = _compare(frame, current, columns, initiative_key,
                                              lambda r: "civilsamhalle" if r.get("organisation") else "kommun",
                                              kept)
    return Plan(version, counts, initiatives=_written(frame, write, merged, kept), changes=changes)




def commit_plan(store: Store, plan: Plan, *, filename: str, sha: str, kind: str, uploaded_by: str,
                description: str, hook: Callable[[str], None] | None = None) -> UploadOutcome:
    """Write ``plan`` as one upload (:meth:`Store.commit_upload`), expecting its base version still current."""
    record = UploadRecord(filename=filename, sha256=sha, kind=kind, uploaded_by=uploaded_by,
                          rows_added=plan.added, rows_changed=plan.changed, rows_unchanged=plan.unchanged)
    return store.commit_upload(record, responses=plan.responses, initiatives=plan.initiatives,
                               population=plan.population, groups=plan.groups, description=description,
                               expected_version=plan.base_version, hook=hook)
