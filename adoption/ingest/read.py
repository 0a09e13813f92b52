"""Bytes of an uploaded CSV or .xlsx file to rows of text cells.

Limits are checked before anything is fully parsed (file size; for .xlsx the
zip members' uncompressed size and compression ratio before the workbook is
opened; rows, columns and cells before the cells are turned into text).
Every data row keeps the row number a spreadsheet program shows (1-based).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import InputError, UnreadableFileError
from ..formats import SURVEY_KINDS

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MB: far above 290 municipalities x years x organisations
MAX_ROWS = 200_000
MAX_COLUMNS = 100
MAX_CELLS = 5_000_000
MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # sum of the zip members, unpacked
MAX_XLSX_COMPRESSION_RATIO = 100  # per member; zip bombs go far beyond, real sheets stay below ~30
HEADER_SEARCH_ROWS = 10
DELIMITERS = (";", ",", "\t")
SNIFF_LINES = 50


@dataclass
class Table:
    """The header and data rows of an upload, all cells text."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]  # spreadsheet row number of each data row
    header_row: int  # spreadsheet row number of the header
    sheet: str | None = None
    delimiter: str | None = None
    encoding: str | None = None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def read_table(data: bytes, filename: str, header_score: Callable[[list[str]], int], *,
               sheets: Iterable[str] = SURVEY_KINDS, columns_hint: str = "ar, typ, kommunkod") -> Table:
    """Read a CSV or .xlsx upload. ``header_score`` counts the known column names in a row.

    ``sheets``: the names of the .xlsx sheet to read, in order of preference
    (compared without case and diacritics; else the first sheet).
    ``columns_hint``: column names the message for a missing header row gives as examples.
    Raises UnreadableFileError for files that are not a readable table and
    InputError for files over a limit or without a header row.
    """
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            f"Filen {filename} är {_mb(len(data))}; största tillåtna storlek är {_mb(MAX_FILE_BYTES)}. "
            "Dela upp filen eller ta bort onödiga blad och kolumner."
        )
    if not data.strip():
        raise UnreadableFileError(f"Filen {filename} är tom.")
    name = filename.lower()
    is_zip = data.startswith(b"PK\x03\x04")
    if name.endswith((".xlsx", ".xlsm")) or is_zip:
        grid, sheet = _read_xlsx(data, filename, tuple(_sheet_key(s) for s in sheets))
        table = _table(grid, filename, header_score, columns_hint)
        table.sheet = sheet
        return table
    if name.endswith(".xls"):
        raise UnreadableFileError(
            f"Filen {filename} är i det gamla Excel-formatet .xls. Spara den som .xlsx eller CSV och försök igen."
        )
    text, encoding = decode(data, filename)
    grid, delimiter = _read_csv(text, filename)
    table = _table(grid, filename, header_score, columns_hint)
    table.delimiter, table.encoding = delimiter, encoding
    return table


# --- CSV -------------------------------------------------------------------


def decode(data: bytes, filename: str) -> tuple[str, str]:
    """Text and the encoding used: BOMs first, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, encoding
    raise UnreadableFileError(
        f"Filen {filename} är ingen läsbar textfil (CSV). Spara tabellen som CSV (UTF-8 eller "
        "semikolonavgränsad) eller som Excel-arbetsbok (.xlsx)."
    )


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if "\x00" in sample:
        return True
    control = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\r\n\t")
    return control > max(2, len(sample) // 100)


def _parse(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _sniff(text: str) -> str:
    """The delimiter that splits the first lines into the most equally long rows."""
    head = "\n".join(text.splitlines()[:SNIFF_LINES])
    best, best_score = None, (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in _parse(head, delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        counts = Counter(len(r) for r in rows if len(r) > 1)
        if not counts:
            continue
        width, n = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (n, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best or ";"


def _read_csv(text: str, filename: str) -> tuple[list[list[str]], str]:
    lines = text.count("\n") + 1
    if lines > MAX_ROWS + HEADER_SEARCH_ROWS + 1:
        raise InputError(f"Filen {filename} har fler än {MAX_ROWS:,} rader, som är det högsta tillåtna.".replace(",", " "))
    delimiter = _sniff(text)
    try:
        grid = _parse(text, delimiter)
    except csv.Error as exc:
        raise UnreadableFileError(f"Filen {filename} kunde inte läsas som CSV: {exc}.") from None
    return grid, delimiter


# --- XLSX ------------------------------------------------------------------


def _check_zip(data: bytes, filename: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableFileError(
            f"Filen {filename} är ingen giltig Excel-arbetsbok (.xlsx); den kan vara skadad. "
            "Öppna den i Excel och spara den igen, eller spara som CSV."
        ) from None
    total = sum(m.file_size for m in members)
    if total > MAX_XLSX_UNCOMPRESSED_BYTES:
        raise InputError(
            f"Filen {filename} blir {_mb(total)} uppackad; högst {_mb(MAX_XLSX_UNCOMPRESSED_BYTES)} är tillåtet."
        )
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > MAX_XLSX_COMPRESSION_RATIO * max(m.compress_size, 1):
            raise InputError(
                f"Filen {filename} är packad mer än {MAX_XLSX_COMPRESSION_RATIO} gånger "
                f"({m.filename}); en sådan fil läses inte av säkerhetsskäl."
            )


def _sheet_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes, filename: str, sheets: tuple[str, ...]) -> tuple[list[list[str]], str]:
    _check_zip(data, filename)
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
        keys = [_sheet_key(n) for n in names]
        wanted = [names[keys.index(s)] for s in sheets if s in keys]
        sheet_name = wanted[0] if wanted else names[0]
        sheet = book.get_sheet_by_name(sheet_name)
        height, width = sheet.total_height, sheet.total_width
    except Exception:  # calamine raises its own error types for every kind of damage
        raise UnreadableFileError(
            f"Filen {filename} är ingen giltig Excel-arbetsbok (.xlsx); den kan vara skadad. "
            "Öppna den i Excel och spara den igen, eller spara som CSV."
        ) from None
    _check_size(filename, height, width)
    try:
        values = sheet.to_python(skip_empty_area=False)
    except Exception:
        raise UnreadableFileError(f"Bladet ”{sheet_name}” i filen {filename} kunde inte läsas.") from None
    return [[_cell_text(v) for v in row] for row in values], sheet_name


# --- both ------------------------------------------------------------------


def _check_size(filename: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise InputError(f"Filen {filename} har {rows} rader; högst {MAX_ROWS} rader är tillåtet.")
    if columns > MAX_COLUMNS:
        raise InputError(f"Filen {filename} har {columns} kolumner; högst {MAX_COLUMNS} kolumner är tillåtet.")
    if rows * columns > MAX_CELLS:
        raise InputError(f"Filen {filename} har {rows * columns} celler; högst {MAX_CELLS} celler är tillåtet.")


def _trim(row: Iterable[str]) -> list[str]:
    cells = list(row)
    try:
        "".join(cells)  # every cell is text (always so for CSV): no conversion needed
    except TypeError:
        cells = [c if isinstance(c, str) else str(c) for c in cells]
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _table(grid: list[list[str]], filename: str, header_score: Callable[[list[str]], int],
           columns_hint: str = "ar, typ, kommunkod") -> Table:
    grid = [_trim(r) for r in grid]
    while grid and not grid[-1]:
        grid.pop()
    if not grid:
        raise UnreadableFileError(f"Filen {filename} är tom.")
    scores = [header_score(r) for r in grid[:HEADER_SEARCH_ROWS]]
    best = max(scores)
    if best == 0:
        raise InputError(
            f"Filen {filename} har ingen rubrikrad med kända kolumnnamn bland de första "
            f"{HEADER_SEARCH_ROWS} raderna. Se mallen för kolumnnamnen (t.ex. {columns_hint})."
        )
    index = scores.index(best)
    header = grid[index]
    width = len(header)
    rows, numbers = [], []
    for offset, row in enumerate(grid[index + 1:], start=1):
        number = index + 1 + offset
        if len(row) > width:
            if any(c.strip() for c in row[width:]):
                raise InputError(
                    f"Filen {filename}, rad {number}: raden har värden i {len(row)} kolumner men rubrikraden har "
                    f"bara {width} kolumnnamn. Ge kolumnerna namn, eller (CSV) kontrollera avgränsaren "
                    "(semikolon, komma eller tabb) och citattecknen på raden."
                )
            row = row[:width]
        if not row:  # trimmed: a row that is not empty ends with a cell that is not blank
            continue
        if len(row) == 1 and width > 2 and any(d in row[0] for d in DELIMITERS):
            raise InputError(
                f"Filen {filename}, rad {number}: raden kunde inte delas upp i kolumner som rubrikraden. "
                "Filen verkar ha blandade avgränsare (semikolon, komma eller tabb)."
            )
        if len(row) < width:
            row.extend([""] * (width - len(row)))  # the row is this function's own list (_trim)
        rows.append(row)
        numbers.append(number)
    _check_size(filename, len(rows), width)
    return Table(header=header, rows=rows, row_numbers=numbers, header_row=index + 1)
