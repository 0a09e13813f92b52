"""What a validation hands back: problems, fuzzy name matches and the frame."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

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


@dataclass
class IngestResult:
    kind: str
    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    fuzzy_matches: list[FuzzyMatch] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    column_mapping: dict[str, str] = field(default_factory=dict)
    # Spreadsheet row number of each row of ``frame`` (same order).
    source_rows: list[int] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return self.frame is not None and not self.errors
