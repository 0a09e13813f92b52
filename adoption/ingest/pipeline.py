"""From the bytes of an upload to a committed data version: prepare, then commit.

The upload page and the command line use the same two steps::

    prepared = prepare(data, "svar.xlsx", "enkatsvar", store)
    # show prepared.result.problems, prepared.result.fuzzy_matches,
    # prepared.preview (rows added / changed / unchanged per year and kind,
    # headline figures before and after) and prepared.duplicate_of
    outcome = commit(prepared, store, uploaded_by="anna", confirmed_fuzzy=True)

``prepare`` never writes to the database. ``commit`` writes the new data
version, its rows and the ``upload`` row in one transaction
(:meth:`Store.commit_upload`), and writes nothing when the same file (same
SHA-256 and kind) was loaded before and changes nothing now.

The preview compares the file with the current version using the keys
``Store.add_survey`` replaces by (ar, typ, kommunkod, org_key for answers;
ar, kommunkod, organisation, lower(titel) for initiatives; kommunkod, ar for
population). Rows equal to the current ones are "unchanged" and are not
written again (they keep their row ids); a demo row is never "unchanged",
so real data replaces it. A column the file does not hold means "not in
this file": a row already stored keeps its value there (data-formats.md
section 5), while an empty cell in a column the file holds is "no answer".
Every changed row is listed field by field (old -> new) in
``preview.changes`` (:mod:`.changes`).

A file uploaded before (same SHA-256 and kind) is a no-op only when it
would change nothing now; when the data changed since, committing it again
restores its values, and the preview shows which.

The headline effect is computed by committing the upload into a scratch
copy of the database file (copied while this process holds the file) and
running ``adoption.metrics.compute`` on the copy for the
version before and the version after: exactly the figures the dashboard
will show, at the cost of copying a file of a few MB.

If another writer makes a new version between ``prepare`` and ``commit``,
the comparison is stale: ``commit`` compares again against the new current
version and retries, so two uploads at the same time both end correctly
with consecutive versions.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import pandas as pd

from ..errors import AdoptionError, InputError
from ..formats import KINDS, SURVEY_KINDS, kind_name
from ..store import Store, UploadInfo, UploadRecord, VersionChangedError
from ..store.pause import pause_hook_from_env
from ..text import formatting
from .changes import (
    CHANGED,
    KEY_COLUMNS,
    ChangeList,
    field_changes,
    records,
    row_change,
)
from .changes import initiative_key as _initiative_key
from .changes import response_key as _response_key
from .groups_upload import validate_groups
from .population_upload import validate_population
from .report import IngestResult
from .validate import gc_paused, output_columns, validate

# Headline figures shown before/after in the preview, per year in the file.
HEADLINE_METRICS = ("svarsfrekvens", "andel_ai_aktivitet", "andel_ai_i_drift", "andel_strategi", "andel_utvarderade")
POPULATION_HEADLINE_METRICS = ("initiativ_per_10k",)
MAX_UPLOADED_BY = 100
MAX_FILENAME = 255
COMMIT_ATTEMPTS = 10

# Test hook: ADOPTION_INGEST_PAUSE=after_version (comma-separated points of
# Store.commit_upload) makes a commit print "PAUSE <point>" and sleep there
# for ADOPTION_INGEST_PAUSE_SECONDS (default 60), so a test can kill it.
PAUSE_ENV = "ADOPTION_INGEST_PAUSE"
PAUSE_SECONDS_ENV = "ADOPTION_INGEST_PAUSE_SECONDS"
PAUSE_POINTS = ("before_transaction", "after_version", "after_rows", "before_commit")


class UnconfirmedFuzzyError(InputError):
    """Municipality names matched by similarity that nobody has confirmed."""


@dataclass(frozen=True)
class ChangeCount:
    """Rows of one year and kind (typ: kommun, civilsamhalle or befolkning) against the current data."""

    ar: int
    typ: str
    added: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class HeadlineEffect:
    """A headline figure for a year before and after the commit (shares as 0-1; None: no value, and the
    status says why)."""

    metric: str
    label: str
    ar: int
    before: float | None
    after: float | None
    unit: str = "share"
    before_status: str = "no_data"
    after_status: str = "no_data"


class _Totals:
    """Row counts summed over years and kinds (``counts`` is a list of ChangeCount)."""

    counts: list[ChangeCount]

    @property
    def added(self) -> int:
        return sum(c.added for c in self.counts)

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.counts)

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts)


@dataclass
class _Plan(_Totals):
    """What a commit writes, compared with one data version."""

    base_version: int | None
    counts: list[ChangeCount]
    responses: pd.DataFrame | None = None
    initiatives: pd.DataFrame | None = None
    population: pd.DataFrame | None = None
    groups: pd.DataFrame | None = None
    changes: ChangeList = field(default_factory=ChangeList)


@dataclass
class Preview(_Totals):
    base_version: int | None
    counts: list[ChangeCount]
    headline: list[HeadlineEffect] = field(default_factory=list)
    # every changed row with its changed fields (old -> new); added rows are counted only
    changes: ChangeList = field(default_factory=ChangeList)


@dataclass
class Prepared:
    """A validated upload, ready to show and (when ``can_commit``) to commit."""

    kind: str
    filename: str
    sha256: str
    size: int
    year: int | None
    result: IngestResult
    duplicate_of: UploadInfo | None = None
    preview: Preview | None = None
    _plan: _Plan | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """No errors: the file can be committed (fuzzy matches still need a confirmation)."""
        return self.result.ok

    @property
    def same_as_current(self) -> bool:
        """Uploaded before and changes nothing now: committing it is a no-op."""
        return (self.duplicate_of is not None and self.preview is not None
                and not (self.preview.added or self.preview.changed))

    @property
    def restores(self) -> bool:
        """Uploaded before, but the data changed since: committing it again restores its values."""
        return self.duplicate_of is not None and self.preview is not None and not self.same_as_current

    @property
    def can_commit(self) -> bool:
        return self.ok and self.preview is not None and not self.same_as_current

    @property
    def fuzzy_matches(self):
        return self.result.fuzzy_matches

    @property
    def columns_not_in_file(self) -> tuple[str, ...]:
        """Answer columns the file does not hold: rows already stored keep their values there."""
        held = self.result.columns_in_file
        if held is None or self.kind not in SURVEY_KINDS:
            return ()
        return tuple(c for c in output_columns(self.kind) if c not in held and c not in KEY_COLUMNS)

    def unconfirmed(self, confirmed: bool | Iterable[int]) -> list:
        """Fuzzy matches not confirmed: ``True`` confirms all, else the set of confirmed row numbers."""
        if confirmed is True:
            return []
        rows = set() if confirmed is False or confirmed is None else {int(r) for r in confirmed}
        return [m for m in self.result.fuzzy_matches if m.row not in rows]


@dataclass(frozen=True)
class CommitResult:
    status: str  # "committed", "no_changes" or "duplicate"
    version: int | None
    upload_id: int | None
    added: int
    changed: int
    unchanged: int
    message: str
    previous: UploadInfo | None = None


# --- prepare -----------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_filename(filename: str) -> str:
    """The file's own name (no folders), at most 255 characters, for the history."""
    name = PurePath(str(filename).replace("\\", "/")).name.strip() or "fil"
    return name[:MAX_FILENAME]


def validate_upload(data: bytes, filename: str, kind: str, municipalities: pd.DataFrame, *,
                    year: int | None = None, column_mapping: dict[str, str] | None = None,
                    name_corrections: dict[int, str] | None = None) -> IngestResult:
    """Validation of any of the kinds (no database needed beyond the municipality list)."""
    if kind not in KINDS:
        raise InputError(f"Okänd sorts fil ”{kind}”; välj en av: {', '.join(KINDS)}.")
    if kind == "befolkning":
        return validate_population(data, filename, municipalities, year=year)
    if kind == "kommungrupper":
        return validate_groups(data, filename, municipalities, year=year)
    return validate(data, filename, kind, municipalities, year=year, column_mapping=column_mapping,
                    name_corrections=name_corrections)


@gc_paused()
def prepare(
    data: bytes,
    filename: str,
    kind: str,
    store: Store,
    *,
    year: int | None = None,
    column_mapping: dict[str, str] | None = None,
    name_corrections: dict[int, str] | None = None,
    headline: bool = True,
) -> Prepared:
    """Validate an upload and compare it with the current data; writes nothing.

    ``name_corrections`` ({spreadsheet row: kommunkod}) are a person's choices
    for rows whose municipality name was matched by similarity or not found;
    prepare again with them after the person has corrected a match.
    ``headline=False`` skips the before/after figures (they need a scratch
    copy of the database); the row counts are always computed.
    """
    filename = clean_filename(filename)
    result = validate_upload(data, filename, kind, store.municipalities(), year=year,
                             column_mapping=column_mapping, name_corrections=name_corrections)
    prepared = Prepared(kind=kind, filename=filename, sha256=sha256(data), size=len(data), year=year,
                        result=result)
    prepared.duplicate_of = store.find_upload(prepared.sha256, kind)
    if not result.ok:
        return prepared
    if kind == "kommungrupper":
        # Every group row names its file, so that Om data can say which file the groups came from.
        result.frame = result.frame.assign(sha256=prepared.sha256)
    held = result.columns_in_file
    plan, effects = None, []
    # Groups change no survey figure: nothing to show before and after.
    if prepared.duplicate_of is not None or not headline or kind == "kommungrupper":
        plan = _plan(store, kind, result.frame, store.current_version(), held)
    if headline and kind != "kommungrupper" and (plan is None or plan.added or plan.changed):
        # A file uploaded before that changes nothing now needs no figures before and after.
        plan, effects = _preview_on_copy(store, kind, result.frame, held)
    prepared._plan = plan
    prepared.preview = Preview(plan.base_version, plan.counts, effects, plan.changes)
    return prepared


# --- comparing with the current data ----------------------------------------------


def _compare(incoming: pd.DataFrame, current: pd.DataFrame, columns: list[str], key: Callable,
             typ_of: Callable, kept: list[str] = ()
             ) -> tuple[list[ChangeCount], list[bool], dict[int, dict], ChangeList]:
    """Counts per (ar, typ); for each incoming row whether it must be written; the stored
    values of the ``kept`` columns for rows already there ({row index: {column: value}});
    and every changed row field by field.

    ``kept``: the columns the file does not hold. A row already stored keeps its
    values there ("not in this file"), unless it is demo data: invented values are
    not carried into a real answer.
    """
    now: dict[tuple, list[dict]] = {}
    for record in records(current, columns):
        now.setdefault(key(record), []).append(record)
    # Whole rows are compared only where the key is in the current data; a new
    # key (every row of a first upload) needs just the key columns.
    rows = records(incoming, [c for c in columns if c in KEY_COLUMNS])
    keys = [key(r) for r in rows]
    in_file: dict[tuple, int] = {}
    for k in keys:
        in_file[k] = in_file.get(k, 0) + 1
    known = [i for i, k in enumerate(keys) if k in now]
    if known:
        for i, record in zip(known, records(incoming.iloc[known], columns)):
            rows[i] = record
    counts: dict[tuple, list[int]] = {}
    write = []
    merged: dict[int, dict] = {}
    changes = ChangeList()
    for i, (record, k) in enumerate(zip(rows, keys)):
        bucket = counts.setdefault((int(record["ar"]), typ_of(record)), [0, 0, 0])
        existing = now.get(k, [])
        if not existing:
            bucket[0] += 1
            write.append(True)
            continue
        old = existing[0]
        demo = any(e["is_demo"] for e in existing)
        if kept and not demo:
            merged[i] = {c: old[c] for c in kept}
            record = {**record, **merged[i]}
        same = (len(existing) == 1 and in_file[k] == 1 and not demo
                and all(old[c] == record[c] for c in columns))
        bucket[2 if same else 1] += 1
        write.append(not same)
        if not same:
            changes.rows.append(row_change(CHANGED, record, typ_of(record),
                                           () if demo else field_changes(old, record, columns),
                                           replaces_demo=demo))
    ordered = [ChangeCount(ar, typ, *values) for (ar, typ), values in sorted(counts.items())]
    return ordered, write, merged, changes


def _written(frame: pd.DataFrame, write: list[bool], merged: dict[int, dict], kept: list[str]) -> pd.DataFrame:
    """The rows to write, with the stored values of the columns the file does not hold."""
    if merged:
        frame = frame.copy()
        for column in kept:
            values = frame[column].tolist()
            for i, stored in merged.items():
                values[i] = stored[column]
            frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame[write].reset_index(drop=True)


def _plan(store: Store, kind: str, frame: pd.DataFrame, version: int | None,
          held: Iterable[str] | None = None) -> _Plan:
    """What a commit writes against ``version``; ``held``: the columns the file holds (None: all)."""
    years = sorted({int(y) for y in frame["ar"]})
    if kind == "befolkning":
        current = store.population(version, years) if version is not None else frame.iloc[0:0]
        counts, _, _, changes = _compare(frame, current, ["kommunkod", "ar", "population"],
                                         lambda r: (int(r["ar"]), r["kommunkod"]), lambda r: "befolkning")
        # Population replaces whole years: every row of the file is written.
        return _Plan(version, counts, population=frame, changes=changes)
    if kind == "kommungrupper":
        current = store.municipality_groups(version) if version is not None else frame.iloc[0:0]
        counts, _, _, changes = _compare(frame, current, ["kommunkod", "grupp", "ar"], lambda r: r["kommunkod"],
                                         lambda r: "kommungrupper")
        # A classification replaces the whole previous one: every row is written.
        return _Plan(version, counts, groups=frame, changes=changes)
    columns = output_columns(kind)
    kept = [] if held is None else [c for c in columns if c not in set(held) and c not in KEY_COLUMNS]
    if version is None:
        current = pd.DataFrame(columns=columns)
    else:
        reader = store.responses if kind == "enkatsvar" else store.initiatives
        current = pd.concat([reader(version, ar) for ar in years], ignore_index=True)
    if kind == "enkatsvar":
        counts, write, merged, changes = _compare(frame, current, columns, _response_key, lambda r: r["typ"], kept)
        return _Plan(version, counts, responses=_written(frame, write, merged, kept), changes=changes)
    counts, write, merged, changes = _compare(frame, current, columns, _initiative_key,
                                              lambda r: "civilsamhalle" if r.get("organisation") else "kommun",
                                              kept)
    return _Plan(version, counts, initiatives=_written(frame, write, merged, kept), changes=changes)


def _record(plan: _Plan, *, filename: str, sha: str, kind: str, uploaded_by: str) -> UploadRecord:
    return UploadRecord(filename=filename, sha256=sha, kind=kind, uploaded_by=uploaded_by,
                        rows_added=plan.added, rows_changed=plan.changed, rows_unchanged=plan.unchanged)


def _description(kind: str, filename: str) -> str:
    return f"Uppladdning av {kind_name(kind).lower()} från {filename}"


def _preview_on_copy(store: Store, kind: str, frame: pd.DataFrame,
                     held: Iterable[str] | None = None) -> tuple[_Plan, list[HeadlineEffect]]:
    from adoption.metrics.filters import Filter

    from .. import metrics

    years = sorted({int(y) for y in frame["ar"]})
    ids = HEADLINE_METRICS + (POPULATION_HEADLINE_METRICS if kind == "befolkning" else ())
    with tempfile.TemporaryDirectory(prefix="adoption-preview-") as folder:
        scratch_path = Path(folder) / "preview.duckdb"
        store.snapshot_to(scratch_path)
        scratch = Store(scratch_path)
        base = scratch.current_version()
        plan = _plan(scratch, kind, frame, base, held)
        outcome = scratch.commit_upload(
            _record(plan, filename="förhandsvisning", sha="preview", kind=kind, uploaded_by="förhandsvisning"),
            responses=plan.responses, initiatives=plan.initiatives, population=plan.population,
            groups=plan.groups, description="förhandsvisning", expected_version=base,
        )
        after_version = outcome.version if outcome.version is not None else base
        effects = []
        for metric_id in ids:
            try:
                metric = metrics.get(metric_id)
            except AdoptionError:
                continue
            for ar in years:
                before = after = None
                try:
                    if base is not None:
                        before = metrics.compute(scratch, metric_id, Filter(ar=ar), version=base)
                    if after_version is not None:
                        after = metrics.compute(scratch, metric_id, Filter(ar=ar), version=after_version)
                except AdoptionError:
                    continue
                effects.append(HeadlineEffect(metric_id, metric.label_sv, ar, _value(before), _value(after),
                                              metric.unit, _status(before), _status(after)))
    plan.base_version = base
    return plan, effects


def _value(result) -> float | None:
    value = getattr(result, "value", None)
    return None if value is None else float(value)


def _status(result) -> str:
    return "no_data" if result is None else result.status


# --- commit ------------------------------------------------------------------------


def _check_user(uploaded_by: str) -> str:
    name = " ".join(str(uploaded_by or "").split())
    if not name:
        raise InputError("Ange vem som laddar upp (ett användarnamn).")
    return name[:MAX_UPLOADED_BY]


def _duplicate_message(previous: UploadInfo) -> str:
    when = f"{previous.uploaded_at:%Y-%m-%d %H:%M}" if previous.uploaded_at else "tidigare"
    where = (f"den gav dataversion {previous.data_version}" if previous.data_version is not None
             else "den ändrade inga rader")
    return (f"Samma fil ({previous.filename}, SHA-256 {previous.sha256[:12]}…) laddades upp {when} av "
            f"{previous.uploaded_by}; {where}. Ingenting ändrades.")


def _restore_message(previous: UploadInfo) -> str:
    """For a file uploaded before whose values the data no longer holds."""
    when = f"{previous.uploaded_at:%Y-%m-%d %H:%M}" if previous.uploaded_at else "tidigare"
    return (f"Samma fil ({previous.filename}, SHA-256 {previous.sha256[:12]}…) laddades upp {when} av "
            f"{previous.uploaded_by}. Datan har ändrats sedan dess: sparas filen igen återställs dess värden "
            "(se ändringarna ovan).")


@gc_paused()
def commit(
    prepared: Prepared,
    store: Store,
    *,
    uploaded_by: str,
    confirmed_fuzzy: bool | Iterable[int] = False,
    hook: Callable[[str], None] | None = None,
) -> CommitResult:
    """Commit a prepared upload as one new data version (or nothing, for a file loaded before).

    Raises InputError when the file has errors, UnconfirmedFuzzyError when a
    fuzzy municipality match is not in ``confirmed_fuzzy`` (``True`` confirms
    all; else the spreadsheet row numbers confirmed). ``uploaded_by`` is a user
    name or label, stored in the history. Nothing is written when it raises.
    """
    user = _check_user(uploaded_by)
    result = prepared.result
    if not result.ok:
        errors = result.errors
        first = f" Första felet: {errors[0]}" if errors else ""
        raise InputError(f"Filen {prepared.filename} har {len(errors)} fel och sparas inte.{first}")
    unconfirmed = prepared.unconfirmed(confirmed_fuzzy)
    if unconfirmed:
        listed = "; ".join(f"rad {m.row}: ”{m.value}” → {m.name} ({m.kommunkod}, {m.score:.0f} %)"
                           for m in unconfirmed[:10])
        more = f" och {len(unconfirmed) - 10} till" if len(unconfirmed) > 10 else ""
        raise UnconfirmedFuzzyError(
            f"{len(unconfirmed)} kommunnamn tolkades med ungefärlig matchning och är inte bekräftade: "
            f"{listed}{more}. Bekräfta eller rätta dem (kommandoraden: --accept-fuzzy)."
        )
    if hook is None:
        hook = pause_hook_from_env(PAUSE_ENV, PAUSE_SECONDS_ENV)
    plan = prepared._plan
    for _ in range(COMMIT_ATTEMPTS):
        if plan is None:
            plan = _plan(store, prepared.kind, result.frame, store.current_version(), result.columns_in_file)
        try:
            outcome = store.commit_upload(
                _record(plan, filename=prepared.filename, sha=prepared.sha256, kind=prepared.kind,
                        uploaded_by=user),
                responses=plan.responses, initiatives=plan.initiatives, population=plan.population,
                groups=plan.groups, description=_description(prepared.kind, prepared.filename),
                expected_version=plan.base_version, hook=hook,
            )
        except VersionChangedError:
            plan = None  # someone else committed meanwhile: compare again with the new data
            continue
        counts = dict(added=plan.added, changed=plan.changed, unchanged=plan.unchanged)
        if outcome.status == "duplicate":
            return CommitResult("duplicate", None, None, 0, 0, 0, _duplicate_message(outcome.previous),
                                outcome.previous)
        n = {k: formatting.number(v) for k, v in counts.items()}
        if outcome.status == "no_changes":
            return CommitResult("no_changes", None, outcome.upload_id, **counts,
                                message=f"Filen {prepared.filename} ändrar inga rader ({n['unchanged']} rader "
                                        "är redan likadana); ingen ny dataversion skapades.")
        return CommitResult(
            "committed", outcome.version, outcome.upload_id, **counts,
            message=(f"Sparade {prepared.filename} som dataversion {outcome.version}: {n['added']} nya, "
                     f"{n['changed']} ändrade och {n['unchanged']} oförändrade rader.")
            + _new_rounds_message(outcome.new_rounds),
        )
    raise AdoptionError("Databasen ändrades av andra under hela inläsningen; försök igen.")


def _new_rounds_message(years: tuple[int, ...]) -> str:
    """What a commit that began survey years says about them (they start preliminary)."""
    if not years:
        return ""
    if len(years) == 1:
        return (f" Enkätår {years[0]} är nytt och preliminärt: det visas bara när det väljs, tills en "
                f"administratör publicerar det (sidan Ladda upp eller python -m adoption publicera-ar {years[0]}).")
    listed = ", ".join(str(y) for y in years)
    return (f" Enkätåren {listed} är nya och preliminära: de visas bara när de väljs, tills en administratör "
            "publicerar dem (sidan Ladda upp eller python -m adoption publicera-ar ÅR).")


def guess_kind(data: bytes, filename: str) -> str | None:
    """enkatsvar, initiativ, befolkning or kommungrupper from the file's content and name; None when unsure."""
    from . import groups_upload
    from .headers import known_names, normalise
    from .read import read_table

    name = filename.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head.startswith((b"{", b"[")):
        return "befolkning"
    try:
        table = read_table(data, filename, groups_upload._score, sheets=(groups_upload.SHEET,))
        if "gruppkod" in {groups_upload._column(c) for c in table.header}:
            return "kommungrupper"
    except (AdoptionError, UnicodeError):
        pass
    scores = {}
    for kind in SURVEY_KINDS:
        known = known_names(kind)
        try:
            table = read_table(data, filename, lambda row, known=known: sum(1 for c in row if normalise(c) in known))
        except (AdoptionError, UnicodeError):
            continue
        header = {normalise(c) for c in table.header}
        if "region" in header or ("kommunkod" in header and header & {"befolkning", "folkmangd", "population"}):
            return "befolkning"
        scores[kind] = len(header & known)
    if not scores:
        if "befolk" in name or "scb" in name or "kolada" in name:
            return "befolkning"
        return None
    specific = {"enkatsvar": {"typ"} | {c for c in known_names("enkatsvar") if c.startswith("mognad_")},
                "initiativ": {"titel", "sektor", "mognad"}}
    try:
        table = read_table(data, filename, lambda row: sum(1 for c in row if normalise(c) in specific["enkatsvar"]
                                                           | specific["initiativ"]))
        header = {normalise(c) for c in table.header}
        if header & specific["initiativ"] and not header & specific["enkatsvar"]:
            return "initiativ"
        if header & specific["enkatsvar"] and not header & specific["initiativ"]:
            return "enkatsvar"
    except (AdoptionError, UnicodeError):
        pass
    best = max(scores.values())
    winners = [k for k, s in scores.items() if s == best]
    return winners[0] if len(winners) == 1 else None
