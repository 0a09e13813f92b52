"""The rules of data-formats.md sections 5-9 applied to one upload.

Per-cell parsing gives its own Swedish messages (pandera cannot name rows of
values it failed to coerce); the parsed frame then goes through a pandera
schema with ``lazy=True`` for ranges and lengths, so every bad row is reported.

The work is done column by column: a column of 100,000 cells holds a few
distinct texts (a stage column about seven), so each distinct text is parsed
once and the result mapped over the column. Only rows that may have a problem
(a bad cell, personal data, a row rule that would complain or correct) go
through the per-row rules, in row order, so messages and their order are
those of checking every row one by one.

This module reads the file and runs the checks in order; the checks live
beside it: :mod:`.column_parsers` (what each column holds), :mod:`.row_rules`
(year, municipality and the rules of a row), :mod:`.ranges` (ranges and
lengths, through pandera) and :mod:`.duplicate_rows` (the same answer twice).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from operator import itemgetter

import numpy as np
import pandas as pd

from ..errors import InputError, UnreadableFileError
from ..formats import (
    INITIATIVE_COLUMNS,
    SURVEY_BASE_COLUMNS,
    SURVEY_KINDS,
    stage_columns,
)
from .column_parsers import PARSERS, parse_column
from .duplicate_rows import duplicate_rows
from .headers import (
    canonical_columns,
    known_names,
    map_headers,
    missing_required,
    normalise,
)
from .names import MunicipalityMatcher
from .personal import personal_data_cells
from .ranges import schema_problems
from .read import read_table
from .report import ERROR, WARNING, IngestResult, Problem
from .row_rules import row_rules, rule_suspects

# Looked up here, so that a test can send every row through the row rules and compare the results.
_rule_suspects = rule_suspects


def output_columns(kind: str) -> list[str]:
    if kind == "enkatsvar":
        return [c for c in SURVEY_BASE_COLUMNS if c != "kommun"] + list(stage_columns())
    return [c for c in INITIATIVE_COLUMNS if c != "kommun"]


def validate(
    data: bytes,
    filename: str,
    kind: str,
    municipalities: pd.DataFrame,
    *,
    year: int | None = None,
    column_mapping: dict[str, str] | None = None,
    name_corrections: dict[int, str] | None = None,
) -> IngestResult:
    """Read and check an upload of ``kind`` ("enkatsvar" or "initiativ").

    ``name_corrections`` maps a spreadsheet row number to the kommunkod a
    person chose for it (correcting a fuzzy match or an unknown name); the
    row's kommun/kommunkod cells are then not matched.

    File-level failures (unreadable, over a limit, no header, missing
    columns) are returned as problems with ``row=None``; ``frame`` is set only
    when there are no errors.
    """
    if kind not in SURVEY_KINDS:
        raise ValueError(kind)
    with gc_paused():
        return _validate(data, filename, kind, municipalities, year=year, column_mapping=column_mapping,
                         name_corrections=name_corrections)


@contextmanager
def gc_paused():
    """No cyclic garbage collection inside: a file of 100,000 rows makes millions of
    (acyclic) lists and strings, and the collector's passes over them cost a quarter
    of the validation."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _validate(data: bytes, filename: str, kind: str, municipalities: pd.DataFrame, *, year: int | None,
              column_mapping: dict[str, str] | None, name_corrections: dict[int, str] | None) -> IngestResult:
    result = IngestResult(kind=kind, frame=None)
    known = known_names(kind) | {str(k).strip().lower() for k in (column_mapping or {})}

    def header_score(row: list[str]) -> int:
        return sum(1 for c in row if c.strip() and (normalise(c) in known or c.strip().lower() in known))

    try:
        table = read_table(data, filename, header_score)
    except UnreadableFileError as exc:
        result.unreadable = True
        result.problems.append(Problem(None, None, None, str(exc)))
        return result
    except InputError as exc:
        result.problems.append(Problem(None, None, None, str(exc)))
        return result

    mapping = map_headers(table.header, kind, column_mapping)
    result.column_mapping = dict(mapping.used)
    result.columns_in_file = _held(mapping, kind, year)
    result.chosen_headers = list(mapping.chosen)
    result.unknown_columns = list(mapping.unknown)
    problems = result.problems
    if mapping.unknown:
        listed = ", ".join(f"”{c}”" for c in mapping.unknown)
        problems.append(Problem(None, None, None, f"Okända kolumner som inte läses in: {listed}.", WARNING))
    for label, target in mapping.duplicates:
        problems.append(Problem(None, label, None, f"Kolumnen ”{target}” finns flera gånger; bara den första läses."))
    for label, target in mapping.bad_targets:
        problems.append(Problem(None, label, None, f"”{target}” är ingen kolumn i formatet {kind}."))
    missing = missing_required(mapping, kind, year_given=year is not None)
    result.missing_columns = list(missing)
    header_errors = any(p.severity == ERROR for p in problems)
    if missing:
        unmapped = (" Rubriker i filen som inte tolkades: " + ", ".join(f"”{c}”" for c in mapping.unknown)
                    + "; välj vilken kolumn de motsvarar.") if mapping.unknown else ""
        problems.append(Problem(None, None, None,
                                "Obligatoriska kolumner saknas: " + ", ".join(missing) + "." + unmapped))
    if not table.rows:
        problems.append(Problem(None, None, None, f"Filen {filename} har en rubrikrad men inga datarader."))
    if missing and table.rows and not header_errors:
        # Without its required columns no row can be placed, but the cells that are there can
        # still be checked: every problem is reported at once, not one wave after another.
        _cell_problems(table, mapping, kind, problems)
    if missing or not table.rows or any(p.severity == ERROR for p in problems):
        return result

    matcher = MunicipalityMatcher(municipalities)
    canonical = canonical_columns(kind)
    corrections = name_corrections or {}
    n = len(table.rows)
    by_position = [list(map(itemgetter(p), table.rows)) for p in range(len(table.header))]  # rows are padded

    personal = {position: personal_data_cells(cells) for position, cells in enumerate(by_position)}
    parsed: dict[int, dict[str, object]] = {}
    failed: dict[int, dict[str, str]] = {}
    columns: dict[str, list] = {}
    suspect: set[int] = set()
    for position, target in mapping.columns.items():
        parsed[position], failed[position], columns[target] = parse_column(by_position[position],
                                                                           PARSERS[kind][target])
        if failed[position]:
            bad_texts = failed[position]
            suspect.update(i for i, cell in enumerate(by_position[position]) if cell in bad_texts)
    for hits in personal.values():
        suspect.update(hits)
    for column in canonical:
        if column not in columns:
            columns[column] = [None] * n
    if corrections:
        suspect.update(i for i, number in enumerate(table.row_numbers) if number in corrections)
    suspect.update(_rule_suspects(columns, kind, year, matcher))

    for i in sorted(suspect):
        # The rules one row at a time, exactly as for a file of this one row.
        number = table.row_numbers[i]
        record = {c: None for c in canonical}
        for position, cell in enumerate(table.rows[i]):
            found = personal[position].get(i)
            if found:
                label = table.header[position] if position < len(table.header) else str(position + 1)
                problems.append(Problem(number, label, found[0], found[1]))
                continue
            target = mapping.columns.get(position)
            if target is None:
                continue
            message = failed[position].get(cell)
            if message is None:
                record[target] = parsed[position][cell]
            else:
                problems.append(Problem(number, table.header[position], cell.strip(), message))
                record[target] = None
                record.setdefault("_bad", set()).add(target)
        row_rules(record, number, kind, year, matcher, mapping, result, corrections.get(number))
        for column in canonical:
            columns[column][i] = record[column]

    frame = pd.DataFrame({c: _objects(columns[c]) for c in canonical}, index=table.row_numbers, dtype=object)
    schema_problems(frame, kind, mapping, problems)
    duplicate_rows(frame, kind, matcher, problems)

    if not result.errors:
        out = frame[output_columns(kind)].astype(object).where(frame[output_columns(kind)].notna(), None)
        out["ar"] = out["ar"].astype("int64")
        result.frame = out.reset_index(drop=True)
        result.source_rows = list(table.row_numbers)
    return result


def _cell_problems(table, mapping, kind: str, problems: list[Problem]) -> None:
    """Personal data and cells that do not parse, for a file that cannot be read further."""
    for position, label in enumerate(table.header):
        cells = [row[position] for row in table.rows]
        found = personal_data_cells(cells)
        for i in sorted(found):
            problems.append(Problem(table.row_numbers[i], label or str(position + 1), *found[i]))
        target = mapping.columns.get(position)
        if target is None:
            continue
        _, bad, _ = parse_column(cells, PARSERS[kind][target])
        for i, cell in enumerate(cells):
            if cell in bad and i not in found:
                problems.append(Problem(table.row_numbers[i], label, cell.strip(), bad[cell]))


def _held(mapping, kind: str, year: int | None) -> tuple[str, ...]:
    """The output columns the file holds: its mapped columns, the code found from a name, a chosen year."""
    held = set(mapping.columns.values())
    if "kommun" in held:
        held.add("kommunkod")
    if year is not None:
        held.add("ar")
    return tuple(c for c in output_columns(kind) if c in held)


def _objects(values: list) -> np.ndarray:
    # np.array would turn a column of equally long tuples (hinder) into a 2-D array.
    return np.fromiter(values, dtype=object, count=len(values))
