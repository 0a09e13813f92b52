"""Municipality groups (kind "kommungrupper"): SKR's kommungruppsindelning, read from SKR's file.

SKR publishes the classification as an Excel workbook whose sheet "Bilaga1
Lista alla kommuner" has a title row, then the columns Gruppkod, Kommunkod,
Kommun, Huvudgrupp and "Kommungrupp 2023" (data-formats.md section 10). The
same columns as CSV, in any encoding and separator the upload reads, are
accepted too. The group codes and their names ship with the project
(data/vocabularies.csv: ``kommungrupp`` A1..C9, ``huvudgrupp`` A..C);
which municipality is in which group is only ever read from such a file.

Checks, each reported with the file's row and column:

- every one of the 290 municipalities exactly once (a missing, unknown or
  repeated code is an error);
- a group code of the vocabulary;
- the name in Kommun fits the code (case, diacritics, hyphens and "kommun" /
  "stad" ignored; a spelling that is only similar is a warning, another
  municipality's name an error: nothing is guessed);
- the words in Huvudgrupp and "Kommungrupp 2023", when present, fit the
  group code (a leading or trailing code such as "A1" or "(A)" is allowed).

The classification's year is read from the header "Kommungrupp 2023", else
taken from the year chosen at upload.
"""

from __future__ import annotations

import re

import pandas as pd

from ..vocab import codes, terms
from . import values as v
from .headers import normalise
from .names import MunicipalityMatcher
from .personal import personal_data_message
from .ranges import MAX_YEAR, MIN_YEAR
from .read import read_table
from .report import WARNING, IngestResult, Problem, whole_file_problems

KIND = "kommungrupper"
SHEET = "Bilaga1 Lista alla kommuner"
SOURCE = "SKR kommungruppsindelning"
REQUIRED = ("gruppkod", "kommunkod", "kommun")
TEMPLATE_COLUMNS = ("Gruppkod", "Kommunkod", "Kommun", "Huvudgrupp", "Kommungrupp 2023")
_ALIASES = {"kommunnamn": "kommun", "kommunnummer": "kommunkod", "kommun_kod": "kommunkod", "grupp": "gruppkod"}
_GROUP_HEADER = re.compile(r"kommungrupp(?:_?((?:19|20|21)\d{2}))?")
_SHOWN = 5  # codes named in a message about missing or unknown municipalities
# A code written before or after the words: "A1 Storstäder", "Storstäder (A1)", "A. Storstäder ...".
_CODE_AROUND = re.compile(r"^\(?([A-C][1-9]?)\)?[.:\s-]+|\s*\(([A-C][1-9]?)\)$|\s+([A-C][1-9]?)$")


def _column(header: str) -> str | None:
    """The column a header names, or None: gruppkod, kommunkod, kommun, huvudgrupp or kommungrupp."""
    name = normalise(header)
    name = _ALIASES.get(name, name)
    if name in ("gruppkod", "kommunkod", "kommun", "huvudgrupp"):
        return name
    return "kommungrupp" if _GROUP_HEADER.fullmatch(name) else None


def _score(row: list[str]) -> int:
    return sum(1 for cell in row if _column(cell) is not None)


def _words(cell: str) -> tuple[str, str | None]:
    """The words of a group cell and a code written around them ("A1 Storstäder" -> ("Storstäder", "A1"))."""
    text = cell.strip()
    match = _CODE_AROUND.search(text)
    if match is None:
        return text, None
    code = next(g for g in match.groups() if g)
    return (text[: match.start()] + text[match.end():]).strip(), code


def _fits(cell: str, vocabulary: str, expected: str) -> bool:
    """The cell names ``expected`` of ``vocabulary`` (its code, Swedish or English name), optionally with the code."""
    words, code = _words(cell)
    if code is not None and code != expected:
        return False
    if not words:
        return code == expected
    try:
        return v.term(words, vocabulary) == expected
    except v.CellError:
        return False


def _name(vocabulary: str, code: str) -> str:
    return next(t.label_sv for t in terms(vocabulary) if t.code == code)


def validate_groups(data: bytes, filename: str, municipalities: pd.DataFrame, *,
                    year: int | None = None) -> IngestResult:
    """Read a groups file; ``frame`` has kommunkod, grupp, ar, source (one row per municipality)."""
    result = IngestResult(kind=KIND, frame=None)
    with whole_file_problems(result):
        _read(data, filename, municipalities, year, result)
    return result


def _read(data: bytes, filename: str, municipalities: pd.DataFrame, year: int | None,
          result: IngestResult) -> None:
    table = read_table(data, filename, _score, sheets=(SHEET,), columns_hint=", ".join(TEMPLATE_COLUMNS))
    problems = result.problems
    columns: dict[str, int] = {}
    for position, label in enumerate(table.header):
        name = _column(label)
        if name is not None and name not in columns:
            columns[name] = position
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        where = f" (bladet ”{table.sheet}”)" if table.sheet else ""
        problems.append(Problem(None, None, None,
                                f"Filen {filename}{where} saknar kolumnerna {', '.join(missing)}. SKR:s fil har "
                                f"kolumnerna {', '.join(TEMPLATE_COLUMNS)} på bladet ”{SHEET}”."))
        return
    label = {name: table.header[position] for name, position in columns.items()}
    header_year = _GROUP_HEADER.fullmatch(normalise(label["kommungrupp"])).group(1) if "kommungrupp" in label else None
    ar = int(header_year) if header_year else year
    if header_year and year is not None and int(header_year) != year:
        problems.append(Problem(None, label["kommungrupp"], header_year,
                                f"kolumnen anger indelningen {header_year}, men året {year} valdes; "
                                f"året i filen används", WARNING))
    if ar is None:
        problems.append(Problem(None, None, None,
                                f"Filen {filename} säger inte vilket års indelning den är: kolumnen ska heta "
                                "”Kommungrupp 2023” som i SKR:s fil, eller välj året vid uppladdningen (--ar)."))
        return
    if not MIN_YEAR <= ar <= MAX_YEAR:
        problems.append(Problem(None, label.get("kommungrupp"), str(ar),
                                f"indelningens år ska vara mellan {MIN_YEAR} och {MAX_YEAR}"))
        return
    if not table.rows:
        problems.append(Problem(None, None, None, f"Filen {filename} har en rubrikrad men inga datarader."))
        return

    matcher = MunicipalityMatcher(municipalities)
    known = set(matcher.names)
    group_codes = codes("kommungrupp")
    first_row: dict[str, int] = {}
    rows = []
    for cells, number in zip(table.rows, table.row_numbers):
        cell = {name: cells[position] for name, position in columns.items()}
        found = [(table.header[i], personal_data_message(c)) for i, c in enumerate(cells)]
        found = [(column, hit) for column, hit in found if hit]
        for column, (value, message) in found:
            problems.append(Problem(number, column, value, message))
        if found:
            continue
        if v.is_empty(cell["kommunkod"]) and v.is_empty(cell["kommun"]):
            if any(c.strip() for c in cells):
                problems.append(Problem(number, None, None, "raden har ingen kommun och hoppades över "
                                                            "(en fotnot eller en summa?)", WARNING))
            continue
        code = _code(cell["kommunkod"], number, label["kommunkod"], known, problems)
        if code is None:
            continue
        if code in first_row:
            problems.append(Problem(number, label["kommunkod"], code,
                                    f"kommun {matcher.label(code)} finns redan på rad {first_row[code]}; "
                                    "varje kommun ska stå en gång"))
            continue
        first_row[code] = number
        group = cell["gruppkod"].strip().upper()
        if group not in group_codes:
            problems.append(Problem(number, label["gruppkod"], cell["gruppkod"].strip(),
                                    f"okänd gruppkod; giltiga koder: {', '.join(group_codes)}"
                                    if group else "gruppkod saknas"))
            continue
        _check_name(cell["kommun"], code, number, label["kommun"], matcher, problems)
        main = group[0]
        checks = (("huvudgrupp", main, f"huvudgruppen passar inte gruppkod {group}, som hör till huvudgrupp "
                                       f"{main} ({_name('huvudgrupp', main)})"),
                  ("kommungrupp", group, f"gruppens namn passar inte gruppkod {group} "
                                         f"({_name('kommungrupp', group)})"))
        for column, expected, message in checks:
            text = cell.get(column, "")
            if column in cell and not v.is_empty(text) and not _fits(text, column, expected):
                problems.append(Problem(number, label[column], text.strip(), message))
        rows.append((code, group))

    missing_codes = sorted(known - set(first_row))
    if missing_codes:
        listed = ", ".join(matcher.label(c) for c in missing_codes[:_SHOWN])
        more = f" och {len(missing_codes) - _SHOWN} till" if len(missing_codes) > _SHOWN else ""
        problems.append(Problem(None, label["kommunkod"], None,
                                f"{len(missing_codes)} av Sveriges {len(known)} kommuner saknas i filen: "
                                f"{listed}{more}. Kommungrupper läses bara in för alla kommuner på en gång."))
    if result.errors:
        return
    result.frame = pd.DataFrame({
        "kommunkod": [code for code, _ in rows],
        "grupp": [group for _, group in rows],
        "ar": [ar] * len(rows),
        "source": [f"{SOURCE} {ar}"] * len(rows),
    }).sort_values("kommunkod", ignore_index=True)
    result.source_rows = [first_row[c] for c in result.frame["kommunkod"]]


def _code(text: str, number: int, column: str, known: set[str], problems: list[Problem]) -> str | None:
    try:
        code = v.kommunkod(text)
    except v.CellError as exc:
        problems.append(Problem(number, column, text.strip(), str(exc)))
        return None
    if code is None:
        problems.append(Problem(number, column, "", "kommunkod saknas"))
        return None
    if code not in known:
        problems.append(Problem(number, column, code, f"okänd kommunkod {code}"))
        return None
    return code


def _check_name(text: str, code: str, number: int, column: str, matcher: MunicipalityMatcher,
                problems: list[Problem]) -> None:
    """The name must fit the code: another municipality's name is an error, a near spelling a warning."""
    if v.is_empty(text):
        problems.append(Problem(number, column, "", f"kommunnamnet saknas (kommunkod {matcher.label(code)})"))
        return
    match = matcher.match(text)
    if match.kommunkod == code and match.how != "fuzzy":
        return
    if match.kommunkod == code:
        problems.append(Problem(number, column, text.strip(),
                                f"stavningen avviker från {matcher.label(code)}; kontrollera raden", WARNING))
        return
    other = f": det är namnet på {matcher.label(match.kommunkod)}" if match.found else ""
    problems.append(Problem(number, column, text.strip(),
                            f"kommunnamnet passar inte kommunkod {matcher.label(code)}{other}. "
                            "Rätta koden eller namnet i filen"))
