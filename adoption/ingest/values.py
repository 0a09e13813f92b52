"""One cell of text to one canonical value (data-formats.md sections 3-5).

Every parser takes the cell as text (already stripped of surrounding
whitespace by the caller or not: they strip) and returns the canonical value,
None for an empty cell (no answer), or raises :class:`CellError` with a
Swedish message meant to be shown next to the row and column.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..vocab import NOT_APPLICABLE, NOT_APPLICABLE_TEXT, STRATEGY, stages, terms

# Export neutralises text that a spreadsheet would run as a formula by putting
# an apostrophe in front (adoption.ingest.export.neutralise); reading takes it away.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Thousands separators people and spreadsheet programs write: space,
# no-break space, narrow no-break space.
_THOUSANDS = (" ", "\u00a0", "\u202f")
_LIST_SEPARATORS = re.compile(r"[;,|]")
_NUMBER = re.compile(r"[+-]?(\d+)(?:[.,](\d+))?")
_YES = {"ja", "j", "yes", "y", "true", "sant", "1", "x"}
_NO = {"nej", "n", "no", "false", "falskt", "0"}


class CellError(ValueError):
    """A cell that cannot be read as what its column holds; the message is Swedish."""


def fold(text: str) -> str:
    """Lower case, diacritics removed (å, ä → a, ö → o), inner whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def _key(text: str) -> str:
    """Vocabulary lookup key: folded, spaces around / and , removed, _ as space."""
    key = fold(text).replace("_", " ")
    key = re.sub(r"\s*([/,])\s*", r"\1", key)
    return key


def is_empty(text: str | None) -> bool:
    return text is None or not str(text).strip()


def text(cell: str | None, *, max_length: int | None = None) -> str | None:
    """Free text: stripped, an export's formula-neutralising apostrophe removed."""
    if is_empty(cell):
        return None
    value = cell.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        value = value[1:]
    if max_length is not None and len(value) > max_length:
        raise CellError(f"texten är {len(value)} tecken lång; högst {max_length} tecken är tillåtet")
    return value


@cache
def _term_index(vocabulary: str) -> dict[str, str]:
    index = {}
    for term in terms(vocabulary):
        for spelling in (term.code, term.label_sv, term.label_en, *term.aliases):
            index[_key(spelling)] = term.code
    return index


def _known(vocabulary: str) -> str:
    return ", ".join(t.code for t in terms(vocabulary))


def term(cell: str | None, vocabulary: str) -> str | None:
    """A code of one of the vocabularies in data/vocabularies.csv."""
    if is_empty(cell):
        return None
    code = _term_index(vocabulary).get(_key(cell))
    if code is None:
        raise CellError(f"”{cell.strip()}” är inte ett känt värde; tillåtna värden: {_known(vocabulary)}")
    return code


def term_list(cell: str | None, vocabulary: str) -> tuple[str, ...] | None:
    """Codes separated by ; , or |, in the order written, each once."""
    if is_empty(cell):
        return None
    found, unknown = [], []
    for part in _LIST_SEPARATORS.split(cell):
        if not part.strip():
            continue
        code = _term_index(vocabulary).get(_key(part))
        if code is None:
            unknown.append(part.strip())
        elif code not in found:
            found.append(code)
    if unknown:
        listed = ", ".join(f"”{u}”" for u in unknown)
        raise CellError(f"okända värden {listed}; tillåtna värden: {_known(vocabulary)}")
    return tuple(found) or None


@cache
def _stage_index() -> dict[str, int]:
    index = {}
    for stage in stages():
        for spelling in (str(stage.value), stage.code, stage.name_sv, stage.name_en):
            index[_key(spelling)] = stage.value
    return index


def stage(cell: str | None) -> int | None:
    """0-4 by number, code or label; "." is not applicable; empty is no answer."""
    if is_empty(cell):
        return None
    if cell.strip() == NOT_APPLICABLE_TEXT:
        return NOT_APPLICABLE
    value = _stage_index().get(_key(cell))
    if value is None:
        # "3,0" or "3.0" from a spreadsheet that stored the number as decimal
        match = re.fullmatch(r"(\d)[.,]0+", cell.strip())
        if match and _key(match.group(1)) in _stage_index():
            return int(match.group(1))
        # The words of the template's drop-down list, as a person would pick them.
        words = [f"”{s.name_sv}”" for s in stages()]
        allowed = ", ".join(words[:-1]) + " eller " + words[-1]
        raise CellError(
            f"”{cell.strip()}” är inte en mognadsnivå; välj {allowed} (som i mallens lista, eller siffran "
            f"0–{len(words) - 1}), ”.” för ej tillämplig eller lämna tomt för inget svar"
        )
    return value


def yes_no(cell: str | None) -> bool | None:
    if is_empty(cell):
        return None
    key = fold(cell)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(f"”{cell.strip()}” är inte ja eller nej; skriv ja/nej, j/n, 1/0 eller x för ja")


def strategy(cell: str | None) -> int | None:
    """ai_strategi: nej/pågår/ja (0/1/2, English too) as 0, 1 or 2."""
    code = term(cell, "ai_strategi")
    return None if code is None else STRATEGY[code]


def _plain_number(cell: str) -> str:
    value = cell.strip()
    for sep in _THOUSANDS:
        value = value.replace(sep, "")
    return value


def integer(cell: str | None) -> int | None:
    """A whole number; thousands separated by spaces; "12,0" is 12."""
    if is_empty(cell):
        return None
    match = _NUMBER.fullmatch(_plain_number(cell))
    if match is None or (match.group(2) and set(match.group(2)) != {"0"}):
        raise CellError(f"”{cell.strip()}” är inte ett heltal")
    return int(_plain_number(cell).replace(",", ".").split(".")[0])


def decimal(cell: str | None, *, percent: bool = False) -> float | None:
    """A number with decimal comma (or point), thousands separated by spaces."""
    if is_empty(cell):
        return None
    value = _plain_number(cell)
    if percent and value.endswith("%"):
        value = value[:-1]
    if _NUMBER.fullmatch(value) is None:
        what = "en andel i procent" if percent else "ett tal"
        raise CellError(f"”{cell.strip()}” är inte {what}")
    return float(value.replace(",", "."))


def _matched(cell: str | None, pattern: str, what: str) -> re.Match | None:
    """The whole stripped cell matched by ``pattern``; None for an empty cell, CellError naming ``what``."""
    if is_empty(cell):
        return None
    value = cell.strip()
    match = re.fullmatch(pattern, value)
    if match is None:
        raise CellError(f"”{value}” är inte {what}")
    return match


def kommunkod(cell: str | None) -> str | None:
    """Four digits; a code that lost its leading zero ("114") gets it back."""
    match = _matched(cell, r"(\d{1,4})(?:[.,]0+)?", "en kommunkod (fyra siffror, t.ex. 0114)")
    return None if match is None else match.group(1).zfill(4)


def kommunkod_list(cell: str | None) -> tuple[str, ...] | None:
    if is_empty(cell):
        return None
    codes = []
    for part in _LIST_SEPARATORS.split(cell):
        if part.strip():
            code = kommunkod(part)
            if code not in codes:
                codes.append(code)
    return tuple(codes) or None


def luhn_ok(digits: str) -> bool:
    """The Luhn check used by Swedish personnummer and organisationsnummer (10 digits)."""
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def organisationsnummer(cell: str | None) -> str | None:
    """NNNNNN-NNNN with a valid Luhn check digit (written with or without the hyphen)."""
    match = _matched(cell, r"(\d{6})-?(\d{4})", "ett organisationsnummer (NNNNNN-NNNN)")
    if match is None:
        return None
    if not luhn_ok(match.group(1) + match.group(2)):
        raise CellError(f"organisationsnumret ”{match.group(0)}” har fel kontrollsiffra")
    return f"{match.group(1)}-{match.group(2)}"
