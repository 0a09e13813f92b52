"""Population uploads (kind "befolkning"): the template's simple table, SCB or Kolada.

Three shapes are accepted, told apart by content:

- the project's template (``adoption.ingest.templates``): a CSV or .xlsx table with
  the columns kommunkod, (kommun), ar, befolkning, one row per municipality
  and year; problems are reported per row and column like the survey uploads;
- SCB Statistikdatabasen BE0101N1 as CSV and Kolada N01951 as JSON, read by
  :mod:`adoption.ingest.population` (one message for the whole file).

Every shape must hold all municipalities for each of its years.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pandas as pd

from adoption.ingest.population import (
    PopulationRow,
    parse_population_bytes,
    population_frame,
)

from ..errors import InputError
from . import values as v
from .headers import normalise
from .personal import personal_data_message
from .ranges import MAX_YEAR, MIN_YEAR
from .read import read_table
from .report import IngestResult, Problem, whole_file_problems

KIND = "befolkning"
TEMPLATE_SOURCE = "Uppladdad tabell (mall)"
TEMPLATE_COLUMNS = ("kommunkod", "kommun", "ar", "befolkning")
# Header names accepted for the population column of the simple table.
POPULATION_NAMES = {"befolkning", "folkmangd", "population", "invanare", "antal_invanare"}
_KNOWN = {"kommunkod", "kommun", "ar", "year", "region"} | POPULATION_NAMES


def _score(row: list[str]) -> int:
    return sum(1 for c in row if normalise(c) in _KNOWN)


def _is_simple_table(data: bytes, filename: str) -> bool:
    if data.startswith(b"PK\x03\x04") or filename.lower().endswith((".xlsx", ".xlsm")):
        return True
    if data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith((b"{", b"[")):
        return False
    try:
        table = read_table(data, filename, _score)
    except (InputError, UnicodeError):
        return False
    names = {normalise(c) for c in table.header}
    return "kommunkod" in names and bool(names & POPULATION_NAMES)


def validate_population(
    data: bytes,
    filename: str,
    municipalities: pd.DataFrame,
    *,
    year: int | None = None,
) -> IngestResult:
    """Read a population upload; ``frame`` has kommunkod, ar, population, source."""
    result = IngestResult(kind=KIND, frame=None)
    known = set(municipalities["kommunkod"])
    with whole_file_problems(result):
        if _is_simple_table(data, filename):
            _simple(data, filename, known, year, result)
        else:
            _scan_personal(data, result)
            if result.errors:
                return result
            if year is not None:
                result.problems.append(Problem(None, None, None,
                                               "Året tas från filen (SCB/Kolada); det valda året används inte.",
                                               "varning"))
            result.frame = parse_population_bytes(data, known_codes=known, file_label=filename)
            result.source_rows = []
    return result


def _simple(data: bytes, filename: str, known: set[str], year: int | None, result: IngestResult) -> None:
    table = read_table(data, filename, _score)
    problems = result.problems
    columns: dict[str, int] = {}
    for position, label in enumerate(table.header):
        name = normalise(label)
        target = "befolkning" if name in POPULATION_NAMES else ("ar" if name == "year" else name)
        if target in ("kommunkod", "kommun", "ar", "befolkning") and target not in columns:
            columns[target] = position
    missing = [c for c in ("kommunkod", "befolkning") if c not in columns]
    if "ar" not in columns and year is None:
        missing.append("ar")
    if missing:
        problems.append(Problem(None, None, None, "Obligatoriska kolumner saknas: " + ", ".join(missing) + "."))
        return
    if not table.rows:
        problems.append(Problem(None, None, None, f"Filen {filename} har en rubrikrad men inga datarader."))
        return

    rows: list[PopulationRow] = []
    for cells, number in zip(table.rows, table.row_numbers):
        bad = False
        for position, cell in enumerate(cells):
            found = personal_data_message(cell)
            if found:
                problems.append(Problem(number, table.header[position], found[0], found[1]))
                bad = True
        if bad:
            continue
        try:
            rows.append(_template_row(cells, number, table.header, columns, known, year))
        except _LeftOut as exc:
            problems.append(exc.problem)
    if result.errors:
        return
    result.frame = population_frame(rows, known_codes=known, file_label=filename, source=TEMPLATE_SOURCE)
    result.source_rows = []


class _LeftOut(Exception):
    """A template row left out, with the first problem found in it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _template_row(cells: list[str], number: int, header: list[str], columns: dict[str, int], known: set[str],
                  year: int | None) -> PopulationRow:
    """One row of the template; raises _LeftOut with the first problem that keeps it out."""

    def text(name: str) -> str:
        return cells[columns[name]] if name in columns else ""

    def left_out(name: str, value: str, message: str) -> _LeftOut:
        # A file without an ar column names its first column for a missing year.
        return _LeftOut(Problem(number, header[columns.get(name, 0)], value, message))

    def parsed(name: str, parse: Callable[[str], int | str | None]):
        try:
            return parse(text(name))
        except v.CellError as exc:
            raise left_out(name, text(name).strip(), str(exc)) from None

    code = parsed("kommunkod", v.kommunkod)
    if code is None:
        raise left_out("kommunkod", "", "kommunkod saknas")
    if code not in known:
        raise left_out("kommunkod", code, f"okänd kommunkod {code}")
    ar = parsed("ar", v.integer)  # an empty text without an ar column: None
    if ar is None:
        ar = year
    elif year is not None and ar != year:
        raise left_out("ar", str(ar), f"året {ar} skiljer sig från det valda året {year}")
    if ar is None:
        raise left_out("ar", "", "år saknas")
    if not MIN_YEAR <= ar <= MAX_YEAR:
        raise left_out("ar", str(ar), f"året ska vara mellan {MIN_YEAR} och {MAX_YEAR}")
    population = parsed("befolkning", v.integer)
    if population is None or population < 0:
        raise left_out("befolkning", text("befolkning").strip(),
                       "folkmängden ska vara ett helt antal invånare (≥ 0) för varje kommun")
    return PopulationRow(code, ar, population, f"rad {number}")


def _scan_personal(data: bytes, result: IngestResult) -> None:
    """E-mail addresses and personnummer anywhere in an SCB CSV (cells named by position)."""
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return
    if text.lstrip().startswith(("{", "[")):
        cells_by_line = [[line] for line in text.splitlines()]
    else:
        delimiter = max((",", ";", "\t"), key=text[:2000].count)
        cells_by_line = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    for number, cells in enumerate(cells_by_line, start=1):
        for position, cell in enumerate(cells, start=1):
            found = personal_data_message(cell)
            if found:
                result.problems.append(Problem(number, str(position), found[0], found[1]))
