"""Which parser reads each column of a survey or initiative upload, and parsing a column once per distinct text.

Apart from the checks (:mod:`.validate`, :mod:`.row_rules`, :mod:`.ranges`):
this is the table of what each column holds, which :mod:`.values` turns
from text into a value cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable

from ..formats import stage_columns
from . import values as v

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


def parse_column(cells: list[str], parse: Callable[[str], object]) -> tuple[dict, dict, list]:
    """Each distinct text parsed once: ({text: value}, {text: message of a bad cell}, values of the column)."""
    values, bad = {}, {}
    for cell in set(cells):
        try:
            values[cell] = parse(cell)
        except v.CellError as exc:
            bad[cell] = str(exc)
    return values, bad, list(map(values.get, cells))
