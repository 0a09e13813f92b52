"""The second step of an upload: a prepared upload written as one new data version.

Separate from preparing (:mod:`.pipeline`, :mod:`.preview`) because it is the
only step that writes, and the one that must cope with other writers: it
checks who uploads and that every fuzzy name match is confirmed, then writes
the plan; when another writer made a new version since the plan was made it
compares again and retries (see :mod:`.pipeline`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import AdoptionError, InputError
from ..formats import kind_name
from ..store import Store, UploadInfo, VersionChangedError
from ..store.pause import pause_hook_from_env
from ..text import formatting
from .compare import commit_plan, make_plan
from .preview import Prepared
from .validate import gc_paused

MAX_UPLOADED_BY = 100
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
class CommitResult:
    status: str  # "committed", "no_changes" or "duplicate"
    version: int | None
    upload_id: int | None
    added: int
    changed: int
    unchanged: int
    message: str
    previous: UploadInfo | None = None


def _description(kind: str, filename: str) -> str:
    return f"Uppladdning av {kind_name(kind).lower()} från {filename}"


def _check_user(uploaded_by: str) -> str:
    name = " ".join(str(uploaded_by or "").split())
    if not name:
        raise InputError("Ange vem som laddar upp (ett användarnamn).")
    return name[:MAX_UPLOADED_BY]


def _uploaded_before(previous: UploadInfo) -> str:
    when = f"{previous.uploaded_at:%Y-%m-%d %H:%M}" if previous.uploaded_at else "tidigare"
    return (f"Samma fil ({previous.filename}, SHA-256 {previous.sha256[:12]}…) laddades upp {when} av "
            f"{previous.uploaded_by}")


def _duplicate_message(previous: UploadInfo) -> str:
    where = (f"den gav dataversion {previous.data_version}" if previous.data_version is not None
             else "den ändrade inga rader")
    return f"{_uploaded_before(previous)}; {where}. Ingenting ändrades."


def _restore_message(previous: UploadInfo) -> str:
    """For a file uploaded before whose values the data no longer holds."""
    return (f"{_uploaded_before(previous)}. Datan har ändrats sedan dess: sparas filen igen återställs dess "
            "värden (se ändringarna ovan).")


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
    plan = prepared.plan
    for _ in range(COMMIT_ATTEMPTS):
        if plan is None:
            plan = make_plan(store, prepared.kind, result.frame, store.current_version(), result.columns_in_file)
        try:
            outcome = commit_plan(store, plan, filename=prepared.filename, sha=prepared.sha256, kind=prepared.kind,
                                  uploaded_by=user, description=_description(prepared.kind, prepared.filename),
                                  hook=hook)
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
