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
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from operator import itemgetter

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ..errors import InputError, UnreadableFileError
from ..formats import (
    INITIATIVE_COLUMNS,
    SURVEY_BASE_COLUMNS,
    SURVEY_KINDS,
    stage_columns,
)
from ..vocab import NOT_APPLICABLE
from . import values as v
from .headers import (
    canonical_columns,
    known_names,
    map_headers,
    missing_required,
    normalise,
)
from .names import MunicipalityMatcher
from .personal import personal_data_cells
from .read import read_table
from .report import ERROR, WARNING, FuzzyMatch, IngestResult, Problem, UnknownName

MIN_YEAR, MAX_YEAR = 2015, 2100
NAME_LENGTH = 200  # organisation, titel, kommun, kalla
DESCRIPTION_LENGTH = 2000  # beskrivning


def _text(limit: int) -> Callable[[str], str | None]:
    return lambda cell: v.text(cell, max_length=limit)


_COMMON: dict[str, Callable[[str], object]] = {
    "ar": v.integer,
    "kommunkod": v.kommunkod,
    "kommun": _text(NAME_LENGTH),
    "organisation": _text(NAME_LENGTH),
}
PARSERS: dict[str, dict[str, Callable[[str], object]]] = {
    "enkatsvar": {
        **_COMMON,
        "typ": lambda c: v.term(c, "typ"),
        "organisationsnummer": v.organisationsnummer,
        "org_kategori": lambda c: v.term(c, "org_kategori"),
        "ai_strategi": v.strategy,
        "riktlinjer_genai": v.yes_no,
        "antal_initiativ": v.integer,
        "antal_i_drift": v.integer,
        "andel_utbildad_personal": lambda c: v.decimal(c, percent=True),
        "ai_budget_tkr": v.decimal,
        "hinder": lambda c: v.term_list(c, "hinder"),
        "deltar_kraftsamling": v.yes_no,
        **{column: v.stage for column in stage_columns()},
    },
    "initiativ": {
        **_COMMON,
        "titel": _text(NAME_LENGTH),
        "sektor": lambda c: _sector(c),
        "mognad": v.stage,
        "teknik": lambda c: v.term(c, "teknik"),
        "beskrivning": _text(DESCRIPTION_LENGTH),
        "nytta": lambda c: v.term_list(c, "nytta"),
        "utvarderad": v.yes_no,
        "samverkan": v.kommunkod_list,
        "kalla": _text(NAME_LENGTH),
    },
}


def _sector(cell: str) -> str | None:
    from ..vocab import sectors

    if v.is_empty(cell):
        return None
    key = v.fold(cell).replace("_", " ")
    for s in sectors():
        if key in {v.fold(s.code).replace("_", " "), v.fold(s.name_sv), v.fold(s.name_en)}:
            return s.code
    raise v.CellError(f"”{cell.strip()}” är inte en sektor; tillåtna: {', '.join(x.code for x in sectors())}")


def output_columns(kind: str) -> list[str]:
    if kind == "enkatsvar":
        return [c for c in SURVEY_BASE_COLUMNS if c != "kommun"] + list(stage_columns())
    return [c for c in INITIATIVE_COLUMNS if c != "kommun"]


def _in_range(lo, hi):
    return lambda x: x is None or (lo <= x <= hi)


def _rules(kind: str) -> dict[str, tuple[Callable, str]]:
    """Ranges and lengths of parsed values: column -> (element check, message)."""

    def short(limit: int) -> tuple[Callable, str]:
        return (lambda x: x is None or len(x) <= limit, f"texten är längre än {limit} tecken")

    rules = {
        "ar": (_in_range(MIN_YEAR, MAX_YEAR), f"året ska vara mellan {MIN_YEAR} och {MAX_YEAR}"),
        "kommunkod": (lambda x: x is not None, "kommun saknas"),
        "organisation": short(NAME_LENGTH),
    }
    if kind == "enkatsvar":
        rules |= {
            "typ": (lambda x: x is not None, "typ saknas (kommun eller civilsamhalle)"),
            "antal_initiativ": (lambda x: x is None or x >= 0, "antalet kan inte vara negativt"),
            "antal_i_drift": (lambda x: x is None or x >= 0, "antalet kan inte vara negativt"),
            "andel_utbildad_personal": (_in_range(0, 100), "andelen ska vara mellan 0 och 100 procent"),
            "ai_budget_tkr": (lambda x: x is None or x >= 0, "budgeten kan inte vara negativ"),
            **{
                c: (lambda x: x is None or x == NOT_APPLICABLE or 0 <= x <= 4, "mognad ska vara 0–4 eller .")
                for c in stage_columns()
            },
        }
    else:
        rules |= {
            "titel": (lambda x: x is not None and len(x) <= NAME_LENGTH, "titel saknas eller är för lång"),
            "sektor": (lambda x: x is not None, "sektor saknas"),
            "mognad": (
                lambda x: x is not None and 1 <= x <= 4,
                "mognad ska vara 1–4 (planerad, pilot, i drift, skalad) för ett initiativ",
            ),
            "beskrivning": short(DESCRIPTION_LENGTH),
            "kalla": short(NAME_LENGTH),
        }
    return rules


def _schema(kind: str) -> pa.DataFrameSchema:
    """Ranges and lengths of parsed values; None (no answer) always passes."""

    def col(check: Callable, message: str) -> pa.Column:
        return pa.Column(object, pa.Check(check, element_wise=True, error=message), nullable=True, required=False)

    return pa.DataFrameSchema({column: col(*rule) for column, rule in _rules(kind).items()})


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
        parsed[position], failed[position], columns[target] = _parse_column(by_position[position],
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
        _row_rules(record, number, kind, year, matcher, mapping, table.header, result, corrections.get(number))
        for column in canonical:
            columns[column][i] = record[column]

    frame = pd.DataFrame({c: _objects(columns[c]) for c in canonical}, index=table.row_numbers, dtype=object)
    _schema_problems(frame, kind, mapping, problems)
    _duplicates(frame, kind, matcher, problems)

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
        _, bad, _ = _parse_column(cells, PARSERS[kind][target])
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


def _parse_column(cells: list[str], parse: Callable[[str], object]) -> tuple[dict, dict, list]:
    """Each distinct text parsed once: ({text: value}, {text: message of a bad cell}, values of the column)."""
    values, bad = {}, {}
    for cell in set(cells):
        try:
            values[cell] = parse(cell)
        except v.CellError as exc:
            bad[cell] = str(exc)
    return values, bad, list(map(values.get, cells))


def _objects(values: list) -> np.ndarray:
    # np.array would turn a column of equally long tuples (hinder) into a 2-D array.
    return np.fromiter(values, dtype=object, count=len(values))


def _rule_suspects(columns: dict[str, list], kind: str, year: int | None, matcher) -> list[int]:
    """Rows whose row rules may complain or warn; the other rows get the rules' corrections here.

    For the rows not returned, ``columns`` is left as ``_row_rules`` would leave
    the record: the chosen year where the file has none, the municipality found
    by name (exact or folded, never fuzzy) where the code is missing.
    """
    ar, code, name = columns["ar"], columns["kommunkod"], columns["kommun"]
    names = matcher.names
    found = {text: matcher.match(text) for text in set(name) if text is not None}
    suspects = []
    for i, (a, k, m) in enumerate(zip(ar, code, name)):
        if (a is None) if year is None else (a is not None and a != year):
            suspects.append(i)
        elif k is not None:
            if k not in names:
                suspects.append(i)
            elif m is not None:
                check = found[m]
                if check.found and check.kommunkod != k:
                    suspects.append(i)
        elif m is None or not found[m].found or found[m].how == "fuzzy":
            suspects.append(i)
    if year is not None:
        ar[:] = [year if a is None else a for a in ar]
    code[:] = [found[m].kommunkod if k is None and m is not None else k for k, m in zip(code, name)]

    if kind == "enkatsvar":
        typ, org = columns["typ"], columns["organisation"]
        nr, cat = columns["organisationsnummer"], columns["org_kategori"]
        total, running = columns["antal_initiativ"], columns["antal_i_drift"]
        for i, (t, o, r, c, tot, run) in enumerate(zip(typ, org, nr, cat, total, running)):
            if (t is None or (t == "civilsamhalle" and not o)
                    or (t == "kommun" and (o is not None or r is not None or c is not None))
                    or (tot is not None and run is not None and run > tot)):
                suspects.append(i)
    else:
        for column in ("titel", "sektor", "mognad"):
            suspects.extend(i for i, x in enumerate(columns[column]) if x is None)
        suspects.extend(i for i, codes in enumerate(columns["samverkan"])
                        if codes and any(c not in names for c in codes))
    return suspects


def _label(mapping, canonical: str) -> str:
    for label, target in mapping.used.items():
        if target == canonical:
            return label
    return canonical


def _row_rules(record, number, kind, year, matcher, mapping, header, result, corrected=None) -> None:
    problems = result.problems
    bad = record.pop("_bad", set())
    # year chosen when uploading
    if year is not None:
        if record["ar"] is None and "ar" not in bad:
            record["ar"] = year
        elif record["ar"] is not None and record["ar"] != year:
            problems.append(Problem(number, _label(mapping, "ar"), str(record["ar"]),
                                    f"året {record['ar']} skiljer sig från det valda året {year}"))
    elif record["ar"] is None and "ar" not in bad:
        problems.append(Problem(number, _label(mapping, "ar"), "", "år saknas"))

    # municipality: code first, name otherwise
    code, name = record.get("kommunkod"), record.get("kommun")
    if corrected is not None:
        corrected = str(corrected).strip().zfill(4)
        if corrected in matcher.names:
            record["kommunkod"] = corrected
        else:
            problems.append(Problem(number, _label(mapping, "kommun"), corrected,
                                    f"den valda kommunkoden {corrected} finns inte"))
            record["kommunkod"] = None
    elif code is not None:
        if code not in matcher.names:
            problems.append(Problem(number, _label(mapping, "kommunkod"), code, f"okänd kommunkod {code}"))
            record["kommunkod"] = None
        elif name is not None:
            check = matcher.match(name)
            if check.found and check.kommunkod != code:
                problems.append(Problem(
                    number, _label(mapping, "kommun"), name,
                    f"kommunnamnet ”{name}” hör till {matcher.label(check.kommunkod)}, men kommunkoden är "
                    f"{matcher.label(code)}; kommunkoden används", WARNING))
    elif name is not None:
        match = matcher.match(name)
        if match.found:
            record["kommunkod"] = match.kommunkod
            if match.how == "fuzzy":
                result.fuzzy_matches.append(FuzzyMatch(
                    number, _label(mapping, "kommun"), name, match.kommunkod,
                    matcher.names[match.kommunkod], match.score))
                problems.append(Problem(
                    number, _label(mapping, "kommun"), name,
                    f"”{name}” tolkades som {matcher.label(match.kommunkod)} (likhet {match.score:.0f} %); "
                    "kontrollera innan du sparar", WARNING))
        else:
            problems.append(Problem(number, _label(mapping, "kommun"), name, matcher.problem_message(name, match)))
            result.unknown_names.append(UnknownName(number, _label(mapping, "kommun"), name, match.suggestions))
    elif not bad & {"kommunkod", "kommun"}:
        problems.append(Problem(number, _label(mapping, "kommunkod"), "", "kommun saknas (kommunkod eller namn)"))

    if kind == "enkatsvar":
        if record["typ"] is None and "typ" not in bad:
            problems.append(Problem(number, _label(mapping, "typ"), "", "typ saknas (kommun eller civilsamhalle)"))
        if record["typ"] == "civilsamhalle" and not record["organisation"]:
            problems.append(Problem(number, _label(mapping, "organisation"), "",
                                    "organisationens namn krävs för civilsamhället"))
        if record["typ"] == "kommun":
            for column in ("organisation", "organisationsnummer", "org_kategori"):
                if record[column] is not None:
                    problems.append(Problem(number, _label(mapping, column), str(record[column]),
                                            "gäller bara civilsamhället; värdet läses inte in för en kommun",
                                            WARNING))
                    record[column] = None
        total, running = record["antal_initiativ"], record["antal_i_drift"]
        if total is not None and running is not None and running > total:
            problems.append(Problem(number, _label(mapping, "antal_i_drift"), str(running),
                                    f"antal i drift ({running}) är större än antal initiativ ({total})"))
    else:
        # pandera skips empty cells of a nullable column, so required cells are checked here
        for column, message in (("titel", "titel saknas"), ("sektor", "sektor saknas"),
                                ("mognad", "mognad saknas (1–4: planerad, pilot, i drift, skalad)")):
            if record.get(column) is None and column not in bad:
                problems.append(Problem(number, _label(mapping, column), "", message))
        codes = record.get("samverkan") or ()
        unknown = [c for c in codes if c not in matcher.names]
        if unknown:
            problems.append(Problem(number, _label(mapping, "samverkan"), ", ".join(unknown),
                                    "okända kommunkoder i samverkan: " + ", ".join(unknown)))


def _failing_rows(frame: pd.DataFrame, kind: str) -> np.ndarray:
    """Rows where some check of ``_rules`` fails on a value (each distinct value checked once).

    Checks are element-wise, so the schema finds on these rows exactly what it
    finds on the whole frame, in the same order.
    """
    failing = np.zeros(len(frame), dtype=bool)
    for column, (check, _message) in _rules(kind).items():
        if column not in frame.columns:
            continue
        values = frame[column].tolist()
        try:
            bad = {x for x in set(values) if not check(x)}
        except TypeError:  # unhashable or unorderable values: check every cell
            failing |= np.array([not check(x) for x in values], dtype=bool)
            continue
        if bad:
            failing |= np.array([x in bad for x in values], dtype=bool)
    return failing


def _schema_problems(frame: pd.DataFrame, kind: str, mapping, problems: list[Problem]) -> None:
    failing = _failing_rows(frame, kind)
    if not failing.any():
        return
    try:
        _schema(kind).validate(frame[failing], lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        already = {(p.row, p.column) for p in problems if p.row is not None}
        for case in cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index)
            label = _label(mapping, case.column)
            if (row, label) in already:
                continue  # parsing already explained this cell
            if case.failure_case is None and case.column in {"ar", "kommunkod"}:
                continue  # reported by the row rules
            value = "" if case.failure_case is None else str(case.failure_case)
            problems.append(Problem(row, label, value, str(case.check)))


def _duplicate_key(kind: str, ar, kommunkod, typ, organisationsnummer, organisation, titel) -> tuple | None:
    """Rows with equal keys are one respondent's answer (one initiative) twice; None: not checked."""
    if ar is None or kommunkod is None:
        return None
    if kind == "initiativ":
        return (ar, kommunkod, (organisation or "").lower(), titel.lower()) if titel else None
    if typ == "kommun":
        return ("kommun", ar, kommunkod)
    if typ == "civilsamhalle" and (organisationsnummer or organisation):
        if organisationsnummer:
            return ("org", ar, organisationsnummer)
        return ("orgname", ar, kommunkod, organisation.strip().lower())
    return None


def _duplicate_what(kind: str, row: dict, matcher) -> str:
    if kind == "initiativ":
        return f"initiativet ”{row['titel']}” för {matcher.label(row['kommunkod'])} år {row['ar']}"
    if row["typ"] == "kommun":
        return f"{matcher.label(row['kommunkod'])} år {row['ar']}; en kommun svarar högst en gång per år"
    if row["organisationsnummer"]:
        who = f"organisationsnummer {row['organisationsnummer']}"
    else:
        who = f"”{row['organisation']}” i {matcher.label(row['kommunkod'])}"
    return f"{who} år {row['ar']}; en organisation svarar högst en gång per år"


def _duplicates(frame: pd.DataFrame, kind: str, matcher, problems: list[Problem]) -> None:
    absent = [None] * len(frame)
    values = [frame[c].tolist() if c in frame.columns else absent
              for c in ("ar", "kommunkod", "typ", "organisationsnummer", "organisation", "titel")]
    keys = [_duplicate_key(kind, *row) for row in zip(*values)]
    count = Counter(keys)
    # Only rows sharing a key with another row can be reported or be the earlier row named.
    shared = [i for i, key in enumerate(keys) if key is not None and count[key] > 1]
    if not shared:
        return
    seen: dict[tuple, int] = {}
    rows = frame.iloc[shared]
    for key, number, row in zip((keys[i] for i in shared), rows.index, rows.to_dict("records")):
        what = _duplicate_what(kind, row, matcher)
        if kind == "initiativ":
            if key in seen:
                # Not forbidden by the format (two initiatives may share a title), but
                # a later upload with that title replaces both: warn.
                problems.append(Problem(int(number), None, None,
                                        f"samma titel som rad {seen[key]}: {what}", WARNING))
            else:
                seen[key] = int(number)
            continue
        if key in seen:
            problems.append(Problem(int(number), None, None, f"samma svar som rad {seen[key]}: {what}"))
        else:
            seen[key] = int(number)
