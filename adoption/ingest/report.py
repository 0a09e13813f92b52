"""What a validation hands back: problems, fuzzy name matches and the frame."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd

from ..errors import InputError, UnreadableFileError

ERROR = "fel"
WARNING = "varning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an upload, in Swedish.

    ``row`` is the row number a spreadsheet program shows (1-based), or None
    for the file as a whole; ``column`` is the column name in the file.
    """

    row: int | None
    column: str | None
    value: str | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column:
            where.append(f"kolumn ”{self.column}”")
        prefix = ", ".join(where)
        return f"{prefix[:1].upper()}{prefix[1:]}: {self.message}" if prefix else self.message


@dataclass(frozen=True)
class FuzzyMatch:
    """A municipality name matched by similarity: shown for a person to confirm."""

    row: int
    column: str
    value: str
    kommunkod: str
    name: str
    score: float


@dataclass(frozen=True)
class UnknownName:
    """A municipality name that matched nothing: the closest names, for a person to pick from."""

    row: int
    column: str
    value: str
    candidates: tuple[tuple[str, str, float], ...]  # (kommunkod, name, score), best first


@dataclass
class IngestResult:
    kind: str
    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    fuzzy_matches: list[FuzzyMatch] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    column_mapping: dict[str, str] = field(default_factory=dict)
    # File headers read (or ignored) as the caller's column mapping says.
    chosen_headers: list[str] = field(default_factory=list)
    # Required columns the file lacks, all of them at once ("kommunkod eller kommun" is one).
    missing_columns: list[str] = field(default_factory=list)
    # Rows whose municipality name matched nothing, with the closest names.
    unknown_names: list[UnknownName] = field(default_factory=list)
    # Spreadsheet row number of each row of ``frame`` (same order).
    source_rows: list[int] = field(default_factory=list)
    # The columns of ``frame`` the file holds (None: all). A column that is not
    # held is "not in this file": it leaves stored answers as they are.
    columns_in_file: tuple[str, ...] | None = None
    # True when the file could not be read as a table at all (wrong type,
    # corrupt, unknown encoding): the command line exits with status 2.
    unreadable: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return self.frame is not None and not self.errors


# --- the validation report as a file ---------------------------------------------

REPORT_COLUMNS = ("Rad", "Kolumn", "Värde", "Allvarlighet", "Problem")


def report_frame(result: IngestResult) -> pd.DataFrame:
    """Every problem as a row: spreadsheet row, column, value, severity, message (Swedish)."""
    rows = [
        {"Rad": "" if p.row is None else str(p.row), "Kolumn": p.column or "", "Värde": p.value or "",
         "Allvarlighet": p.severity, "Problem": p.message}
        for p in sorted(result.problems, key=lambda p: (p.row is not None, p.row or 0))
    ]
    return pd.DataFrame(rows, columns=list(REPORT_COLUMNS), dtype=object)


def _neutralised(result: IngestResult) -> pd.DataFrame:
    from adoption.ingest.export import neutralise

    frame = report_frame(result)
    for column in frame.columns:
        frame[column] = frame[column].map(neutralise)
    return frame


def report_csv(result: IngestResult) -> bytes:
    """The report as CSV (UTF-8 with BOM so Excel shows å, ä, ö; ';' between cells), formulas neutralised."""
    return _neutralised(result).to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


def report_xlsx(result: IngestResult) -> bytes:
    """The report as an Excel workbook (sheet "Valideringsrapport"), formulas neutralised."""
    import io

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _neutralised(result).to_excel(writer, sheet_name="Valideringsrapport", index=False)
    return buffer.getvalue()


def report_line(problem: Problem) -> str:
    """One line for the command line: 'fel: rad 12, kolumn kommun: ”Malmoe stad”: …'."""
    where = []
    if problem.row is not None:
        where.append(f"rad {problem.row}")
    if problem.column:
        where.append(f"kolumn {problem.column}")
    value = f"”{problem.value}”: " if problem.value else ""
    head = ", ".join(where)
    return f"{problem.severity}: " + (f"{head}: " if head else "") + value + problem.message


@contextmanager
def whole_file_problems(result: IngestResult) -> Iterator[None]:
    """A file that cannot be read or breaks a limit becomes a problem of the whole file (row None),
    not an exception; a result with any error keeps no frame."""
    try:
        yield
    except UnreadableFileError as exc:
        result.unreadable = True
        result.problems.append(Problem(None, None, None, str(exc)))
    except InputError as exc:
        result.problems.append(Problem(None, None, None, str(exc)))
    if result.errors:
        result.frame = None
