"""validate and ingest: a file checked, compared with the current data, and saved as a new data version.

What the upload page shows, as lines: the problems, names matched
approximately, the counts and headline figures before and after, every
changed field. Reading the file and the exit status of a prepared upload are
shared with :mod:`.imports`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from adoption import bootstrap
from adoption.text import formatting, present

from ..errors import AdoptionError
from ..formats import KINDS
from .database import open_store, publish_after_commit


def read_upload(args) -> tuple[bytes, str]:
    from ..errors import UnreadableFileError

    path = Path(args.file)
    if not path.is_file():
        raise UnreadableFileError(f"Filen {path} finns inte.")
    try:
        return path.read_bytes(), path.name
    except OSError as error:
        raise UnreadableFileError(f"Filen {path} kunde inte läsas: {error.strerror or error}.") from None


def _kind(args, data: bytes, name: str) -> str:
    from ..ingest.pipeline import guess_kind

    if args.kind:
        return args.kind
    kind = guess_kind(data, name)
    if kind is None:
        from ..ingest.read import read_table

        read_table(data, name, lambda row: 1)  # a file that is no table at all: UnreadableFileError, exit 2
        raise AdoptionError(f"Det gick inte att avgöra vilken sorts fil {name} är; ange --kind "
                            f"({'|'.join(KINDS)}).")
    print(f"Tolkar {name} som {kind} (ange --kind för att välja själv).", file=sys.stderr)
    return kind


# Changed fields the command line lists before it says how many more there are.
MAX_CHANGE_LINES = 200
def _print_changes(prepared, names) -> None:
    """Every changed field (old -> new), what the file leaves as it is, and answers that become empty."""
    from ..views import upload as shown

    preview = prepared.preview
    table = shown.changes_table(preview.changes, names)
    if len(table):
        print("Ändringar (före → efter):")
        for year, who, column, old, new in table.head(MAX_CHANGE_LINES).itertuples(index=False):
            print(f"  {who} {year}: {column}: {old} → {new}")
        if len(table) > MAX_CHANGE_LINES:
            print(f"  … och {formatting.number(len(table) - MAX_CHANGE_LINES)} ändringar till.")
    if prepared.columns_not_in_file and (preview.changed or preview.unchanged):
        print("Kolumner som inte finns i filen ändras inte för rader som redan är sparade: "
              + ", ".join(prepared.columns_not_in_file) + ".")
    warning = shown.blank_warning(preview.changes, names)
    if warning:
        print(warning)
def _print_prepared(prepared, names=None, *, show_preview: bool = True) -> None:
    from ..ingest.report import report_line

    result = prepared.result
    for problem in result.problems:
        print(report_line(problem))
    if result.fuzzy_matches:
        print("Kommunnamn som tolkades med ungefärlig matchning (bekräfta innan du sparar):")
        for m in result.fuzzy_matches:
            print(f"  rad {m.row}: ”{m.value}” → {m.name} ({m.kommunkod}), likhet {m.score:.0f} %")
    errors, warnings = len(result.errors), len(result.warnings)
    print(f"{prepared.filename} ({prepared.kind}, SHA-256 {prepared.sha256}): {errors} fel, {warnings} varningar.")
    preview = prepared.preview
    if show_preview and preview is not None:
        print(f"Jämfört med dataversion {preview.base_version if preview.base_version is not None else '(ingen)'}:")
        for c in preview.counts:
            n = {k: formatting.number(getattr(c, k)) for k in ("added", "changed", "unchanged")}
            print(f"  {c.ar} {c.typ}: {n['added']} nya, {n['changed']} ändrade, {n['unchanged']} oförändrade")
        for h in preview.headline:
            before = present.value(present.figure(h.before, unit=h.unit, status=h.before_status))
            after = present.value(present.figure(h.after, unit=h.unit, status=h.after_status))
            print(f"  {h.label} {h.ar}: {before} → {after}")
        _print_changes(prepared, names or {})
    if prepared.duplicate_of is not None:
        from ..ingest.pipeline import _duplicate_message, _restore_message

        print(_duplicate_message(prepared.duplicate_of) if prepared.same_as_current
              else _restore_message(prepared.duplicate_of))
def _write_report(args, prepared) -> None:
    if not args.report:
        return
    from ..ingest.report import report_csv, report_xlsx

    target = Path(args.report)
    data = report_xlsx(prepared.result) if target.suffix.lower() == ".xlsx" else report_csv(prepared.result)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    print(f"Skrev valideringsrapporten till {target}", file=sys.stderr)
def _prepare(args, *, headline: bool):
    from ..ingest.pipeline import prepare

    data, name = read_upload(args)
    kind = _kind(args, data, name)
    store = open_store(args)
    bootstrap.load_reference(store)
    prepared = prepare(data, name, kind, store, year=args.ar, headline=headline)
    return store, prepared
def exit_status(prepared) -> int:
    if prepared.result.unreadable:
        return 2
    return 0 if prepared.ok else 1
def _names(store) -> dict[str, str]:
    frame = store.municipalities()
    return dict(zip(frame["kommunkod"], frame["name"]))
def cmd_validate(args) -> int:
    store, prepared = _prepare(args, headline=True)
    _print_prepared(prepared, _names(store))
    _write_report(args, prepared)
    status = exit_status(prepared)
    if status == 0:
        print("Filen kan sparas." + (" Bekräfta först kommunnamnen ovan (--accept-fuzzy)."
                                      if prepared.fuzzy_matches else ""))
    else:
        print("Filen kan inte sparas; rätta felen ovan och försök igen.")
    return status
def cmd_ingest(args) -> int:
    from ..ingest.pipeline import commit

    store, prepared = _prepare(args, headline=False)
    _print_prepared(prepared, _names(store))
    _write_report(args, prepared)
    status = exit_status(prepared)
    if status != 0:
        print("Ingenting sparades: filen har fel.", file=sys.stderr)
        return status
    if prepared.same_as_current:
        return 0  # the same file was loaded before and changes nothing now (message printed above)
    outcome = commit(prepared, store, uploaded_by=args.user, confirmed_fuzzy=args.accept_fuzzy)
    print(outcome.message)
    if outcome.version is not None:
        print(f"Ny dataversion: {outcome.version}")
        return publish_after_commit(store)
    return 0
