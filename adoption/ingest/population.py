"""Population per municipality and year, imported from an SCB or a Kolada file.

Two real-world formats are read, told apart by content (never by file name):

SCB Statistikdatabasen, table BE0101N1 ("Folkmängd efter region och år"),
saved from PxWeb as CSV. PxWeb's CSV writer (PCAxis CsvFileSerializer) writes,
for the "with heading" file types, the quoted title, a blank line,
then a quoted header row of the stub variable and the year columns, then one
row per region with the region text quoted and the numbers bare::

    "Folkmängd efter region och år"

    "region","2023","2024"
    "00 Riket",...
    "01 Stockholms län",...
    "0114 Upplands Väsby",48000,...

The file is written in the table's code page (ISO-8859-1 for SCB's tables),
with Windows line ends; newer exports are UTF-8, sometimes with a BOM. PxWeb
offers comma, semicolon, tab and space delimiters, each with or without the
title; comma, semicolon and tab are read here (with spaces as delimiter a
value like "48 998" would be ambiguous). Selecting every region gives
Riket ("00") and the counties (two digits) between the municipalities; those
rows are skipped. PX data symbols ".." (not available) and "-" (nil), and
empty cells, are refused for a municipality: its population must be known.

Kolada, KPI N01951 ("Invånare totalt, antal"), as returned by the Kolada API
(v2, and v3 which keeps the same shape)::

    {"count": 312, "values": [{"kpi": "N01951", "municipality": "0114",
      "period": 2023, "values": [{"gender": "T", "count": 1, "status": "",
      "value": 48000.0}, ...]}]}

"0000" is Riket and "00xx" the regions; only gender "T" is the total. A saved
list of the "values" items (pages joined) is read the same way.

Every file must hold exactly the known municipalities for each of its years,
since a partial table silently distorts every per-capita figure.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

from adoption.errors import InputError, UnreadableFileError

SCB_SOURCE = "SCB BE0101N1"
KOLADA_SOURCE = "Kolada N01951"
KOLADA_KPI = "N01951"
COLUMNS = ("kommunkod", "ar", "population", "source")

# The header row comes after at most a title and a blank line; allow a little
# more in case a spreadsheet program added a line or two.
_HEADER_SEARCH_LINES = 10
_DELIMITERS = (",", ";", "\t")
# A year column is "2023", or "Folkmängd 2023" when PxWeb kept the contents
# variable in the heading.
_YEAR_COLUMN = re.compile(r"(?:^|.*\s)((?:18|19|20|21)\d{2})")
_REGION_CODE = re.compile(r"(\d+)(?:\s|$)")
_MISSING = {"", "..", ".", "-"}
_SHOWN_CODES = 5


@dataclass(frozen=True)
class _Row:
    kommunkod: str
    ar: int
    population: int
    where: str  # "rad 7" (CSV line) or "post 3" (JSON item), for messages


# Public name: other readers (the upload template's simple table) build these rows too.
PopulationRow = _Row


def parse_population(
    path: str | PathLike[str],
    *,
    known_codes: set[str],
    file_label: str | None = None,
) -> pd.DataFrame:
    """Read an SCB BE0101N1 CSV or a Kolada N01951 JSON file.

    Returns columns kommunkod (4-digit str), ar (int), population (int) and
    source ("SCB BE0101N1" or "Kolada N01951"), one row per municipality and
    year, sorted by ar and kommunkod. ``file_label`` names the file in error
    messages (default: the file name).

    Raises UnreadableFileError when the file is neither format, and InputError
    when a value is not a whole number >= 0, a municipality and year appear
    twice, or a year's municipality codes differ from ``known_codes``.
    """
    label = file_label or Path(path).name
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(f"Filen {label} kunde inte läsas: den finns inte.") from None
    except OSError:
        raise UnreadableFileError(f"Filen {label} kunde inte läsas: den går inte att öppna.") from None
    return parse_population_bytes(raw, known_codes=known_codes, file_label=label)


def parse_population_bytes(raw: bytes, *, known_codes: set[str], file_label: str) -> pd.DataFrame:
    """:func:`parse_population` for the bytes of an upload; ``file_label`` names it in messages."""
    label = file_label
    text = _decode(raw, label)
    if text.lstrip().startswith(("{", "[")):
        rows, source = _parse_kolada(text, label), KOLADA_SOURCE
    else:
        rows, source = _parse_scb(text, label), SCB_SOURCE
    return population_frame(rows, known_codes=known_codes, file_label=label, source=source)


def population_frame(rows: list[PopulationRow], *, known_codes: set[str], file_label: str,
                     source: str) -> pd.DataFrame:
    """Check rows (duplicates, exactly the known municipalities per year) and make the frame."""
    _check(rows, known_codes, file_label)
    frame = pd.DataFrame(
        {
            "kommunkod": pd.Series([row.kommunkod for row in rows], dtype=object),
            "ar": pd.Series([row.ar for row in rows], dtype="int64"),
            "population": pd.Series([row.population for row in rows], dtype="int64"),
            "source": pd.Series([source] * len(rows), dtype=object),
        }
    )
    return frame.sort_values(["ar", "kommunkod"], ignore_index=True)


def _neither_format(label: str, detail: str = "") -> UnreadableFileError:
    return UnreadableFileError(
        f"Filen {label} är varken en CSV-fil från Statistikdatabasen hos SCB (tabell BE0101N1, "
        f"”Folkmängd efter region och år”) eller en JSON-fil från Kolada (nyckeltal {KOLADA_KPI})"
        f"{detail}. Spara tabellen från SCB som CSV med region och år, eller hämta "
        f"nyckeltalet från Koladas API som JSON."
    )


def _decode(raw: bytes, label: str) -> str:
    if raw.startswith(b"PK\x03\x04"):
        # .xlsx files are zip archives; say so rather than "unknown format".
        raise _neither_format(label, " utan en Excel- eller zip-fil")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _neither_format(label, " (trasig UTF-16-text)") from None
    # SCB wrote ISO-8859-1 for years and UTF-8 lately; cp1252 is a superset of
    # ISO-8859-1 for every letter Swedish uses, so try UTF-8 first.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _neither_format(label, " (okänd teckenkodning)")


# --- SCB -------------------------------------------------------------------


def _split(line: str, delimiter: str) -> list[str]:
    # One physical line at a time, so that "rad N" in messages is the line a
    # text editor shows (SCB never puts line breaks inside a cell).
    return next(csv.reader([line], delimiter=delimiter), [])


def _find_header(lines: list[str]) -> tuple[int, str] | None:
    for index, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        delimiter = max(_DELIMITERS, key=line.count)
        cells = _split(line, delimiter)
        if len(cells) > 1 and cells[0].strip().lower() == "region":
            if any(_YEAR_COLUMN.fullmatch(cell.strip()) for cell in cells[1:]):
                return index, delimiter
    return None


def _parse_scb(text: str, label: str) -> list[_Row]:
    lines = text.splitlines()
    found = _find_header(lines)
    if found is None:
        raise _neither_format(label)
    header_index, delimiter = found

    title = next((line.strip().strip('"') for line in lines[:header_index] if line.strip()), "")
    if title and not re.search(r"folkmängd|population", title, re.IGNORECASE):
        raise InputError(
            f"Filen {label} är en annan tabell från SCB (”{title}”), inte folkmängden (BE0101N1). "
            "Välj tabellen ”Folkmängd efter region, civilstånd, ålder och kön” och spara "
            "folkmängd efter region och år."
        )

    header = _split(lines[header_index], delimiter)
    years = []
    for cell in header[1:]:
        match = _YEAR_COLUMN.fullmatch(cell.strip())
        if match is None:
            raise InputError(
                f"Filen {label}, rad {header_index + 1}: kolumnen ”{cell.strip()}” är inte ett år. "
                "Spara tabellen med bara region i raderna och år i kolumnerna "
                "(civilstånd, ålder och kön ska inte väljas)."
            )
        years.append(int(match.group(1)))

    rows = []
    for index in range(header_index + 1, len(lines)):
        cells = _split(lines[index], delimiter)
        filled = [cell.strip() for cell in cells if cell.strip()]
        if not filled:
            continue
        if len(filled) == 1 and not _REGION_CODE.match(filled[0]):
            continue  # a lone note or footer line, not a region
        where = f"rad {index + 1}"
        region = cells[0].strip()
        match = _REGION_CODE.match(region)
        if match is None:
            raise InputError(
                f"Filen {label}, {where}: regionen ”{region}” börjar inte med en regionkod "
                "(till exempel ”0114 Upplands Väsby”). Spara tabellen med koder och namn."
            )
        code = match.group(1)
        if len(code) != 4 or code.startswith("00"):
            continue  # Riket ("00") and counties ("01") are sums, not municipalities
        if len(cells) - 1 != len(years):
            raise InputError(
                f"Filen {label}, {where}: raden har {len(cells) - 1} värden men rubrikraden har "
                f"{len(years)} år."
            )
        for year, cell in zip(years, cells[1:]):
            value = _whole_number(cell)
            if value is None:
                raise _bad_value(label, where, code, year, cell)
            rows.append(_Row(code, year, value, where))
    return rows


def _whole_number(cell: str) -> int | None:
    # "48 998" with a space, no-break space or narrow no-break space is how
    # Swedish spreadsheets and PxWeb's display format group thousands.
    text = re.sub(r"[ \u00a0\u202f]", "", cell.strip())
    return int(text) if re.fullmatch(r"[0-9]+", text) else None


def _bad_value(label: str, where: str, code: str, year: int, value: object) -> InputError:
    shown = "" if value is None else str(value).strip()
    problem = "saknar värde" if shown in _MISSING else f"har värdet ”{shown}”, som inte är ett heltal ≥ 0"
    if shown in _MISSING and shown:
        problem += f" (”{shown}”)"
    return InputError(
        f"Filen {label}, {where}: folkmängden för kommun {code} år {year} {problem}. "
        "Folkmängden måste vara ett helt antal invånare för varje kommun."
    )


# --- Kolada ------------------------------------------------------------------


def _parse_kolada(text: str, label: str) -> list[_Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _neither_format(label, f" (ogiltig JSON på rad {error.lineno})") from None
    items = data.get("values") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and {"municipality", "period", "values"} <= item.keys() for item in items
    ):
        raise _neither_format(label)

    rows = []
    for number, item in enumerate(items, start=1):
        where = f"post {number}"
        kpi = item.get("kpi", KOLADA_KPI)
        if kpi != KOLADA_KPI:
            raise InputError(
                f"Filen {label}, {where}: nyckeltalet är {kpi}, inte {KOLADA_KPI} "
                "(”Invånare totalt, antal”). Hämta nyckeltalet N01951 från Kolada."
            )
        code = str(item["municipality"])
        if not re.fullmatch(r"\d{4}", code) or code.startswith("00"):
            continue  # "0000" Riket, "00xx" regions, "G…" municipality groups
        period = str(item["period"])
        if not re.fullmatch(r"\d{4}", period):
            raise InputError(f"Filen {label}, {where}: perioden ”{period}” är inte ett år.")
        year = int(period)
        totals = [v for v in item["values"] if isinstance(v, dict) and v.get("gender") == "T"]
        if len(totals) != 1:
            raise InputError(
                f"Filen {label}, {where}: kommun {code} år {year} har inget värde för kön ”T” (totalt)."
            )
        value = _whole_json_number(totals[0].get("value"))
        if value is None:
            raise _bad_value(label, where, code, year, totals[0].get("value"))
        rows.append(_Row(code, year, value, where))
    return rows


def _whole_json_number(value: object) -> int | None:
    # Kolada writes counts as floats (48000.0).
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str):
        return _whole_number(value)
    return None


# --- Checks shared by both formats ---------------------------------------------


def _check(rows: list[_Row], known_codes: set[str], label: str) -> None:
    if not rows:
        raise InputError(f"Filen {label} innehåller ingen folkmängd för någon kommun.")

    first_seen: dict[tuple[str, int], str] = {}
    for row in rows:
        key = (row.kommunkod, row.ar)
        if key in first_seen:
            raise InputError(
                f"Filen {label}: kommun {row.kommunkod} år {row.ar} finns två gånger "
                f"({first_seen[key]} och {row.where})."
            )
        first_seen[key] = row.where

    # Years with the same mismatch are reported together: a missing row in a
    # multi-year SCB export is missing for every year.
    problems: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
    for year in sorted({row.ar for row in rows}):
        codes = {row.kommunkod for row in rows if row.ar == year}
        unknown = tuple(sorted(codes - known_codes))
        missing = tuple(sorted(known_codes - codes))
        if unknown or missing:
            problems.setdefault((unknown, missing), []).append(year)
    if not problems:
        return

    sentences = []
    for (unknown, missing), years in problems.items():
        parts = []
        if unknown:
            shown = [f"{code} ({first_seen[(code, years[0])]})" for code in unknown]
            parts.append(f"{_count(len(unknown), 'okänd kommunkod', 'okända kommunkoder')}: {_first(shown)}")
        if missing:
            parts.append(f"{_count(len(missing), 'kommun saknas', 'kommuner saknas')}: {_first(missing)}")
        year_text = ", ".join(str(year) for year in years)
        sentences.append(f"för år {year_text}: {'; '.join(parts)}")
    raise InputError(
        f"Filen {label} stämmer inte med Sveriges {len(known_codes)} kommuner "
        + " och ".join(sentences)
        + ". Folkmängd läses bara in för alla kommuner på en gång; exportera alla kommuner och försök igen."
    )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _first(items: list[str] | tuple[str, ...]) -> str:
    shown = ", ".join(items[:_SHOWN_CODES])
    rest = len(items) - _SHOWN_CODES
    return f"{shown} och {rest} till" if rest > 0 else shown
