"""The upload wizard's state and decisions, without Streamlit.

The upload page (:mod:`adoption.ui.upload_wizard`) keeps one :class:`Wizard`
in the session. On every run it reads its widgets, asks this module what they
mean (which columns are mapped, which municipality names are corrected or
confirmed, whether the file must be checked again, whether it may be
committed) and draws the answer. Every function here takes values and
returns new values; nothing is changed in place.

One file is known by the first 12 hex digits of its SHA-256 and its kind:
the unknown headers, fuzzy name matches and unknown names it showed stay
listed after a choice made them go away from the result, so the choice can
still be changed.

Columns: each header that was not recognised gets a drop-down that starts at
the choice remembered for that header (the database keeps the choices of
earlier uploads), else at a suggestion (:mod:`.suggest`), else at "ignore".
A suggestion is a guess: the file can be saved only after the administrator
confirmed the columns (one check box for all of them).
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace

from .pipeline import CommitResult, Prepared, sha256
from .ranges import MIN_YEAR
from .report import FuzzyMatch, IngestResult, UnknownName
from .suggest import suggest


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


def name_options(unknown: UnknownName, names: Mapping[str, str]) -> list[str]:
    """For a name that matched nothing: the closest names first (best first), then every other one by name."""
    first = [code for code, _name, _score in unknown.candidates if code in names]
    others = sorted((code for code in names if code not in first), key=lambda code: names[code])
    return [*first, *others]


def _first_per_row(seen: tuple, found: list) -> tuple:
    """``seen`` and then what ``found`` adds: one entry per spreadsheet row, the first one kept."""
    rows = {item.row for item in seen}
    kept = list(seen)
    for item in found:
        if item.row not in rows:
            rows.add(item.row)
            kept.append(item)
    return tuple(kept)


@dataclass(frozen=True)
class FileSeen:
    """What one file showed so far: unknown headers and fuzzy matches, in the order first seen."""

    sha: str
    kind: str
    headers: tuple[str, ...] = ()
    fuzzy: tuple[FuzzyMatch, ...] = ()  # one per row, the first match seen for it
    suggested: tuple[tuple[str, str], ...] = ()  # (header, suggested column), for headers seen unknown
    unknown_names: tuple[UnknownName, ...] = ()  # one per row whose name matched nothing

    def header_key(self, index: int) -> str:
        """The widget that maps ``headers[index]`` to an expected column."""
        return f"map_{self.sha}_{index}"

    def fuzzy_key(self, row: int) -> str:
        """The widget that confirms or corrects the municipality of ``row``."""
        return f"fuzzy_{self.sha}_{row}"

    def name_key(self, row: int) -> str:
        """The widget that picks the municipality of ``row``, whose name matched nothing."""
        return f"name_{self.sha}_{row}"

    @property
    def confirm_key(self) -> str:
        """The check box that confirms the suggested columns."""
        return f"columns_ok_{self.sha}"

    def seeing(self, result: IngestResult) -> FileSeen:
        """With the headers, suggestions, fuzzy matches and unknown names of ``result`` not seen before."""
        new = [h for h in dict.fromkeys([*result.unknown_columns, *result.chosen_headers]) if h not in self.headers]
        headers = self.headers + tuple(new)
        suggested = dict(self.suggested)
        unknown_now = [h for h in result.unknown_columns if h not in suggested]
        if unknown_now:
            # never a column the file already holds, nor one suggested for another header
            taken = set(result.column_mapping.values()) | set(suggested.values())
            suggested.update(suggest(unknown_now, self.kind, taken))
        return replace(self, headers=headers, fuzzy=_first_per_row(self.fuzzy, result.fuzzy_matches),
                       suggested=tuple(suggested.items()),
                       unknown_names=_first_per_row(self.unknown_names, result.unknown_names))

    def defaults(self, remembered: Mapping[str, str]) -> dict[int, str]:
        """Where each listed header's drop-down starts: the remembered choice, the suggestion, or "" (ignore)."""
        suggested = dict(self.suggested)
        return {i: remembered.get(h, suggested.get(h, "")) for i, h in enumerate(self.headers)}

    def by_row(self) -> list[FuzzyMatch]:
        return sorted(self.fuzzy, key=lambda m: m.row)


@dataclass(frozen=True)
class Choices:
    """What the administrator chose for one file: column mapping, corrected and confirmed names."""

    mapping: tuple[tuple[str, str], ...] = ()  # (file header, expected column; "" ignores it), sorted
    corrections: tuple[tuple[int, str], ...] = ()  # (row, kommunkod) other than the suggestion, sorted
    confirmed: frozenset[int] = frozenset()  # rows whose suggested municipality was chosen
    guessed: tuple[str, ...] = ()  # headers read as their suggestion: the administrator must confirm
    to_remember: tuple[tuple[str, str], ...] = ()  # (header, column) to remember after a commit

    @property
    def column_mapping(self) -> dict[str, str] | None:
        return dict(self.mapping) or None

    @property
    def name_corrections(self) -> dict[int, str] | None:
        return dict(self.corrections) or None


def choices(seen: FileSeen, headers: Mapping[int, str | None], fuzzy: Mapping[int, str | None],
            names: Mapping[int, str | None] | None = None, remembered: Mapping[str, str] | None = None) -> Choices:
    """The choices behind the widgets' values.

    ``headers``: index in ``seen.headers`` -> the expected column chosen ("" or
    None: ignore the column); a widget not drawn yet counts as its default
    (:meth:`FileSeen.defaults`). ``fuzzy``: row -> the kommunkod chosen (None:
    nothing chosen yet). ``names``: row of an unknown name -> the kommunkod
    picked. ``remembered``: {header: column} saved by earlier uploads; they
    apply before the file is first checked.
    """
    remembered = dict(remembered or {})
    defaults = seen.defaults(remembered)
    mapping = {h: t for h, t in remembered.items() if t}
    guessed, to_remember = [], []
    suggested_columns = dict(seen.suggested)
    for i, h in enumerate(seen.headers):
        value = headers.get(i)
        value = defaults[i] if value is None else value
        if value:
            mapping[h] = value
        elif h in mapping:
            mapping[h] = ""  # "ignore" overrides a remembered choice
        if value and h not in remembered and value == suggested_columns.get(h):
            guessed.append(h)
        if value != remembered.get(h, "") and (value or h in remembered or h in suggested_columns):
            to_remember.append((h, value))
    suggested = {m.row: m.kommunkod for m in seen.fuzzy}
    chosen = {row: fuzzy.get(row) for row in suggested}
    corrections = {row: code for row, code in chosen.items() if code and code != suggested[row]}
    confirmed = frozenset(row for row, code in chosen.items() if code and code == suggested[row])
    for unknown in seen.unknown_names:
        code = (names or {}).get(unknown.row)
        if code:
            corrections[unknown.row] = code
    return Choices(tuple(sorted(mapping.items())), tuple(sorted(corrections.items())), confirmed,
                   tuple(guessed), tuple(to_remember))


def request(seen: FileSeen, made: Choices, year: int | None, version: int | None) -> Hashable:
    """What a check of the file depends on: the same request needs no new check.

    ``version``: the current data version (the preview compares with it).
    """
    return (seen.sha, seen.kind, year, made.mapping, made.corrections, version)


@dataclass(frozen=True)
class Readiness:
    unconfirmed: tuple[FuzzyMatch, ...]  # fuzzy matches nobody confirmed or corrected
    ready: bool  # the commit button may be pressed
    waiting: bool  # a file without errors waits for names (or suggested columns) to be confirmed
    columns_unconfirmed: bool = False  # suggested columns wait for the administrator's confirmation
    reason: str | None = None  # why it cannot be saved: errors, names, columns, same_as_current


def readiness(prepared: Prepared, made: Choices, columns_confirmed: bool = False) -> Readiness:
    unconfirmed = tuple(prepared.unconfirmed(made.confirmed))
    columns = bool(made.guessed) and not columns_confirmed
    if not prepared.ok:
        reason = "errors"
    elif prepared.same_as_current:
        reason = "same_as_current"
    elif unconfirmed:
        reason = "names"
    elif columns:
        reason = "columns"
    else:
        reason = None
    ready = prepared.can_commit and reason is None
    return Readiness(unconfirmed, ready, (bool(unconfirmed) or columns) and prepared.ok, columns, reason)


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
