"""The upload wizard's state and decisions, without Streamlit.

The upload page (:mod:`adoption.ui.upload_wizard`) keeps one :class:`Wizard`
in the session. On every run it reads its widgets, asks this module what they
mean (which columns are mapped, which municipality names are corrected or
confirmed, whether the file must be checked again, whether it may be
committed) and draws the answer. Every function here takes values and
returns new values; nothing is changed in place.

One file is known by the first 12 hex digits of its SHA-256 and its kind:
the unknown headers and fuzzy name matches it showed stay listed after a
choice made them go away from the result, so the choice can still be changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace

from .pipeline import CommitResult, Prepared, sha256
from .report import FuzzyMatch, IngestResult
from .validate import MIN_YEAR


def file_id(data: bytes) -> str:
    """A short name of a file's content for widget keys and file names."""
    return sha256(data)[:12]


def year_options(today: datetime.date) -> list[int | None]:
    """The survey years offered for a file without an ``ar`` column: None (from the file), then next year down."""
    return [None, *range(today.year + 1, MIN_YEAR - 1, -1)]


def fuzzy_options(match: FuzzyMatch, names: Mapping[str, str]) -> list[str]:
    """The suggested municipality first, then every other one by name."""
    others = sorted(names, key=lambda code: names[code])
    return [match.kommunkod, *(code for code in others if code != match.kommunkod)]


@dataclass(frozen=True)
class FileSeen:
    """What one file showed so far: unknown headers and fuzzy matches, in the order first seen."""

    sha: str
    kind: str
    headers: tuple[str, ...] = ()
    fuzzy: tuple[FuzzyMatch, ...] = ()  # one per row, the first match seen for it

    def header_key(self, index: int) -> str:
        """The widget that maps ``headers[index]`` to an expected column."""
        return f"map_{self.sha}_{index}"

    def fuzzy_key(self, row: int) -> str:
        """The widget that confirms or corrects the municipality of ``row``."""
        return f"fuzzy_{self.sha}_{row}"

    def seeing(self, result: IngestResult) -> FileSeen:
        """With the headers and fuzzy matches of ``result`` that were not seen before."""
        headers = self.headers + tuple(dict.fromkeys(h for h in result.unknown_columns if h not in self.headers))
        rows = {m.row for m in self.fuzzy}
        fuzzy = list(self.fuzzy)
        for match in result.fuzzy_matches:
            if match.row not in rows:
                rows.add(match.row)
                fuzzy.append(match)
        return replace(self, headers=headers, fuzzy=tuple(fuzzy))

    def by_row(self) -> list[FuzzyMatch]:
        return sorted(self.fuzzy, key=lambda m: m.row)


@dataclass(frozen=True)
class Choices:
    """What the administrator chose for one file: column mapping, corrected and confirmed names."""

    mapping: tuple[tuple[str, str], ...] = ()  # (file header, expected column), sorted
    corrections: tuple[tuple[int, str], ...] = ()  # (row, kommunkod) other than the suggestion, sorted
    confirmed: frozenset[int] = frozenset()  # rows whose suggested municipality was chosen

    @property
    def column_mapping(self) -> dict[str, str] | None:
        return dict(self.mapping) or None

    @property
    def name_corrections(self) -> dict[int, str] | None:
        return dict(self.corrections) or None


def choices(seen: FileSeen, headers: Mapping[int, str | None], fuzzy: Mapping[int, str | None]) -> Choices:
    """The choices behind the widgets' values.

    ``headers``: index in ``seen.headers`` -> the expected column chosen ("" or
    None: ignore the column). ``fuzzy``: row -> the kommunkod chosen (None:
    nothing chosen yet).
    """
    mapping = {h: headers[i] for i, h in enumerate(seen.headers) if headers.get(i)}
    suggested = {m.row: m.kommunkod for m in seen.fuzzy}
    chosen = {row: fuzzy.get(row) for row in suggested}
    corrections = {row: code for row, code in chosen.items() if code and code != suggested[row]}
    confirmed = frozenset(row for row, code in chosen.items() if code and code == suggested[row])
    return Choices(tuple(sorted(mapping.items())), tuple(sorted(corrections.items())), confirmed)


def request(seen: FileSeen, made: Choices, year: int | None, version: int | None) -> Hashable:
    """What a check of the file depends on: the same request needs no new check.

    ``version``: the current data version (the preview compares with it).
    """
    return (seen.sha, seen.kind, year, made.mapping, made.corrections, version)


@dataclass(frozen=True)
class Readiness:
    unconfirmed: tuple[FuzzyMatch, ...]  # fuzzy matches nobody confirmed or corrected
    ready: bool  # the commit button may be pressed
    waiting: bool  # a file without errors waits for names to be confirmed


def readiness(prepared: Prepared, made: Choices) -> Readiness:
    unconfirmed = tuple(prepared.unconfirmed(made.confirmed))
    return Readiness(unconfirmed, prepared.can_commit and not unconfirmed, bool(unconfirmed) and prepared.ok)


@dataclass(frozen=True)
class Done:
    """The last commit, shown once after the page reran."""

    status: str  # "committed", "no_changes" or "duplicate"
    version: int | None
    added: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class Wizard:
    """The upload tab's state kept between runs."""

    round: int = 0  # a new file uploader after each commit (its key changes)
    seen: tuple[FileSeen, ...] = ()
    prepared: tuple[Hashable, Prepared] | None = None  # the last check and its request
    done: Done | None = None

    @property
    def uploader_key(self) -> str:
        return f"upload_file_{self.round}"

    def file(self, sha: str, kind: str) -> FileSeen:
        return next((f for f in self.seen if (f.sha, f.kind) == (sha, kind)), FileSeen(sha, kind))

    def with_file(self, seen: FileSeen) -> Wizard:
        others = tuple(f for f in self.seen if (f.sha, f.kind) != (seen.sha, seen.kind))
        return replace(self, seen=(*others, seen))

    def cached(self, key: Hashable) -> Prepared | None:
        """The check made for the same request, if it was the last one."""
        return self.prepared[1] if self.prepared is not None and self.prepared[0] == key else None

    def with_prepared(self, key: Hashable, prepared: Prepared) -> Wizard:
        return replace(self, prepared=(key, prepared))

    def take_done(self) -> tuple[Done | None, Wizard]:
        """The last commit's outcome (once), and the wizard without it."""
        return self.done, replace(self, done=None)

    def committed(self, outcome: CommitResult) -> Wizard:
        """After a commit: a fresh uploader, nothing seen or checked, the outcome to show."""
        done = Done(outcome.status, outcome.version, outcome.added, outcome.changed, outcome.unchanged)
        return Wizard(round=self.round + 1, done=done)
