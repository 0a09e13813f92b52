"""Vocabularies of the data contract (../shared/spec/data-formats.md, sections 2-5).

The codes and labels live in ``data/*.csv`` so that they ship as data and can
be read by people; this module loads them once and gives them names.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from .paths import DATA_DIR

# A stage answer of "." (not applicable, e.g. transport run by the region).
# Stored as -1 so that "stage >= 1" and friends exclude it without a special case,
# while "stage >= 0" means "answered".
NOT_APPLICABLE = -1
NOT_APPLICABLE_TEXT = "."


@dataclass(frozen=True)
class Sector:
    code: str
    sort: int
    name_sv: str
    name_en: str
    cofog: tuple[str, ...]

    @property
    def column(self) -> str:
        """The column of the survey upload that holds this sector's stage."""
        return f"mognad_{self.code}"


@dataclass(frozen=True)
class Stage:
    value: int
    code: str
    name_sv: str
    name_en: str
    pstw_status: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    vocabulary: str
    code: str
    sort: int
    label_sv: str
    label_en: str
    aliases: tuple[str, ...]


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


@cache
def sectors() -> tuple[Sector, ...]:
    rows = _rows("sectors.csv")
    return tuple(
        sorted(
            (Sector(r["code"], int(r["sort"]), r["name_sv"], r["name_en"], _split(r["cofog"])) for r in rows),
            key=lambda s: s.sort,
        )
    )


@cache
def sector_codes() -> tuple[str, ...]:
    return tuple(s.code for s in sectors())


@cache
def stages() -> tuple[Stage, ...]:
    rows = _rows("stages.csv")
    return tuple(
        Stage(int(r["value"]), r["code"], r["name_sv"], r["name_en"], _split(r["pstw_status"])) for r in rows
    )


@cache
def terms(vocabulary: str) -> tuple[Term, ...]:
    found = tuple(
        sorted(
            (
                Term(r["vocabulary"], r["code"], int(r["sort"]), r["label_sv"], r["label_en"], _split(r["aliases"]))
                for r in _rows("vocabularies.csv")
                if r["vocabulary"] == vocabulary
            ),
            key=lambda t: t.sort,
        )
    )
    if not found:
        raise KeyError(vocabulary)
    return found


def codes(vocabulary: str) -> tuple[str, ...]:
    return tuple(t.code for t in terms(vocabulary))


RESPONDENT_TYPES = ("kommun", "civilsamhalle")
STRATEGY = {"nej": 0, "pagar": 1, "ja": 2}
STRATEGY_CODES = {v: k for k, v in STRATEGY.items()}

# A survey year (round) is preliminary until an administrator publishes it:
# its answers arrive in batches, so its figures are incomplete until then.
# Only published years are shown by default, trended and projected.
ROUND_PRELIMINARY = "preliminar"
ROUND_PUBLISHED = "publicerad"
ROUND_STATUSES = (ROUND_PRELIMINARY, ROUND_PUBLISHED)
