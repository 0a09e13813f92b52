"""Personal data that must never be stored (data-formats.md section 9).

A cell that holds an e-mail address or a valid Swedish personnummer /
samordningsnummer makes the upload fail. Messages mask what was found so that
the report itself does not repeat the personal data.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from itertools import accumulate

from .values import luhn_ok

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# 10 or 12 digits, optionally "-" or "+" before the last four, not part of a longer number.
PERSONNUMMER = re.compile(r"(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d])")
# Every cell either pattern can match contains a match of this (and no match
# spans the NUL put between cells): scanning a whole column at once in C finds
# the few cells worth checking one by one.
CANDIDATE = re.compile(r"@|\d{6}[-+]?\d{4}")
# A samordningsnummer has 60 added to the day.
SAMORDNING_OFFSET = 60


def _valid_date(century: str | None, yy: str, mm: str, dd: str) -> bool:
    day = int(dd)
    if day > SAMORDNING_OFFSET:
        day -= SAMORDNING_OFFSET
    years = [int(century + yy)] if century else [1900 + int(yy), 2000 + int(yy)]
    for year in years:
        try:
            date(year, int(mm), day)
            return True
        except ValueError:
            continue
    return False


def find_personnummer(text: str) -> str | None:
    """The first valid personnummer in ``text``, or None. Organisationsnummer (month >= 20) never match."""
    for m in PERSONNUMMER.finditer(text):
        century, yy, mm, dd, _sep, last = m.groups()
        if century is not None and century not in ("18", "19", "20"):
            continue
        if not _valid_date(century, yy, mm, dd):
            continue
        if luhn_ok(yy + mm + dd + last):
            return m.group(0)
    return None


def mask(found: str) -> str:
    """Keep only the shape: 19850101-1234 → ********-****."""
    return re.sub(r"\d", "*", found)


def mask_email(found: str) -> str:
    local, _, domain = found.partition("@")
    return f"{local[:1]}***@{domain}"


def personal_data_message(text: str) -> tuple[str, str] | None:
    """(masked value, Swedish message) when ``text`` holds personal data, else None."""
    if not text:
        return None
    email = EMAIL.search(text)
    if email:
        return (
            mask_email(email.group(0)),
            "cellen innehåller en e-postadress; personuppgifter får inte laddas upp. Ta bort adressen.",
        )
    pnr = find_personnummer(text)
    if pnr:
        return (
            mask(pnr),
            "cellen innehåller ett personnummer; personuppgifter får inte laddas upp. Ta bort numret.",
        )
    return None


def personal_data_cells(cells: Sequence[str]) -> dict[int, tuple[str, str]]:
    """{index: (masked value, message)} of the cells of a column that hold personal data, in order.

    A column holds few distinct texts (a stage column about seven), so each
    distinct text is looked at once.
    """
    distinct = list(set(cells))
    joined = "\x00".join(distinct)
    if not CANDIDATE.search(joined):
        return {}
    starts = list(accumulate((len(c) + 1 for c in distinct), initial=0))
    found: dict[str, tuple[str, str]] = {}
    checked = -1
    for match in CANDIDATE.finditer(joined):
        index = bisect_right(starts, match.start()) - 1
        if index == checked:
            continue
        checked = index
        message = personal_data_message(distinct[index])
        if message:
            found[distinct[index]] = message
    if not found:
        return {}
    return {i: found[cell] for i, cell in enumerate(cells) if cell in found}
