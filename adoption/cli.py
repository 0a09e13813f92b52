"""The command line: ``python -m adoption``.

For administrators' scripts and for tests. Output is Swedish; errors go to
stderr as one plain sentence and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from adoption import bootstrap, metrics
from adoption.ingest import export
from adoption.metrics.filters import Filter, group_codes, in_group
from adoption.text import formatting, present

from .errors import AdoptionError
from .formats import KINDS, SURVEY_KINDS
from .paths import (
    DB_ENV,
    PUBLISH_DIR_ENV,
    default_db_path,
    publish_dir,
    published_dir,
    read_only_from_env,
    resolve_db_path,
)
from .store import Store
from .vocab import RESPONDENT_TYPES, ROUND_PRELIMINARY, ROUND_PUBLISHED, sector_codes

CLI_AUTHOR = "kommandorad"


class _Parser(argparse.ArgumentParser):
    """argparse, but its usage errors are Swedish and exit with status 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _db_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db", metavar="FIL",
        help=f"databasfil (annars ${DB_ENV}, annars {default_db_path()})",
    )
    return parent


def _read_only_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--read-only", action="store_true",
        help="öppna databasen skrivskyddad (som en replik; flera processer kan läsa samma fil samtidigt)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    db = _db_option()
    reader = [db, _read_only_option()]  # commands that only read
    parser = _Parser(prog="python -m adoption", description="AI i kommuner och civilsamhälle: data och mått.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO", parser_class=_Parser)

    p = sub.add_parser("init", parents=[db], help="skapa eller uppgradera databasen och läs in referensdata")
    p.add_argument("--no-demo", action="store_true", help="läs inte in demodata i en tom databas")

    p = sub.add_parser("metric", parents=reader, help="skriv ut ett mått")
    p.add_argument("metric_id", metavar="MÅTT", help=f"ett av: {', '.join(metrics.REGISTRY)}")
    p.add_argument("--ar", type=int, help="enkätår (annars det senaste)")
    p.add_argument("--lan", nargs="+", default=[], metavar="LL", help="länskod(er), två siffror")
    p.add_argument("--kommun", nargs="+", metavar="KKKK",
                   help="kommunkod, fyra siffror; flera koder ger ett gemensamt värde för dem")
    p.add_argument("--grupp", metavar="KOD",
                   help="SKR:s kommungrupp (A1–C9) eller huvudgrupp (A, B, C); kräver inlästa kommungrupper")
    p.add_argument("--sektor", nargs="+", default=[], metavar="KOD", help=f"sektor(er): {', '.join(sector_codes())}")
    p.add_argument("--typ", choices=RESPONDENT_TYPES, help="kommun eller civilsamhalle")
    p.add_argument("--niva", choices=("kommun", "lan", "grupp", "kategori"),
                   help="ett värde per kommun, per län, per kommungrupp eller per organisationskategori (civilsamhälle)")
    p.add_argument("--version", type=int, dest="data_version", metavar="V", help="dataversion (annars den senaste)")
    p.add_argument("--json", action="store_true", help="skriv JSON (andelar som bråk 0–1)")

    p = sub.add_parser("export", parents=reader, help="exportera data i uppladdningsformatet")
    p.add_argument("kind", choices=SURVEY_KINDS, metavar="|".join(SURVEY_KINDS))
    p.add_argument("--ar", type=int, help="bara detta år")
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("-o", "--output", metavar="FIL", help="fil att skriva (annars standard ut; csv)")
    p.add_argument("--version", type=int, dest="data_version", metavar="V", help="dataversion (annars den senaste)")
    p.add_argument("--grupp", metavar="KOD",
                   help="bara kommunerna i en kommungrupp (A1–C9) eller huvudgrupp (A, B, C)")

    p = sub.add_parser("import-population", parents=[db], help="läs in befolkning från SCB (BE0101N1), Kolada (N01951) eller mallen, som en uppladdning")
    p.add_argument("file", metavar="FIL")
    p.add_argument("--av", dest="user", default=CLI_AUTHOR, metavar="NAMN",
                   help=f"vem som läser in (visas i historiken; annars ”{CLI_AUTHOR}”)")

    p = sub.add_parser("import-kommungrupper", parents=[db],
                       help="läs in SKR:s kommungruppsindelning (Excelfilen eller samma kolumner som CSV), "
                            "som en uppladdning")
    p.add_argument("file", metavar="FIL")
    p.add_argument("--ar", type=int, help="indelningens år, när kolumnen inte heter ”Kommungrupp 2023”")
    p.add_argument("--av", dest="user", default=CLI_AUTHOR, metavar="NAMN",
                   help=f"vem som läser in (visas i historiken; annars ”{CLI_AUTHOR}”)")

    p = sub.add_parser("demo", parents=[db], help="hantera demodata")
    p.add_argument("--remove", action="store_true", required=True, help="ta bort alla demorader")

    sub.add_parser("info", parents=reader, help="visa databasens sökväg, schema, versioner och antal rader")

    def upload_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", metavar="FIL", help="CSV- eller Excel-fil (.xlsx); befolkning även SCB-CSV/Kolada-JSON")
        p.add_argument("--kind", choices=KINDS, help="sorts fil (annars gissas den från innehållet)")
        p.add_argument("--ar", type=int, help="enkätåret, när filen saknar kolumnen ar")
        p.add_argument("--report", metavar="FIL", help="skriv valideringsrapporten till FIL.csv eller FIL.xlsx")

    p = sub.add_parser("validate", parents=reader, help="kontrollera en fil utan att spara något")
    upload_options(p)
    p = sub.add_parser("ingest", parents=[db], help="kontrollera en fil och spara den som en ny dataversion")
    upload_options(p)
    p.add_argument("--accept-fuzzy", action="store_true",
                   help="godta kommunnamn som tolkades med ungefärlig matchning")
    p.add_argument("--av", dest="user", default=CLI_AUTHOR, metavar="NAMN",
                   help=f"vem som laddar upp (visas i historiken; annars ”{CLI_AUTHOR}”)")

    p = sub.add_parser("effekt", parents=reader, help="skatta programmets effekt (skillnad-i-skillnader)")
    p.add_argument("--matt", default="mognadsindex", metavar="MÅTT",
                   help="utfall: mognadsindex, andel_ai_i_drift eller andel_strategi (annars mognadsindex)")
    p.add_argument("--lan", nargs="+", default=[], metavar="LL", help="länskod(er), två siffror")
    p.add_argument("--sektor", nargs="+", default=[], metavar="KOD", help="sektor(er) som utfallet räknas över")
    p.add_argument("--typ", choices=RESPONDENT_TYPES, help="kommun (standard) eller civilsamhalle")
    p.add_argument("--inom-lan", action="store_true", dest="by_county", help="jämför inom län (län × år)")
    p.add_argument("--version", type=int, dest="data_version", metavar="V", help="dataversion (annars den senaste)")
    p.add_argument("--json", action="store_true", help="skriv JSON")

    p = sub.add_parser("publicera-ar", parents=[db],
                       help="publicera ett enkätår: det blir standardår och räknas i mål och trender")
    p.add_argument("year", type=int, metavar="ÅR")
    p.add_argument("--av", dest="user", default=CLI_AUTHOR, metavar="NAMN", help="vem som publicerar")
    p = sub.add_parser("avpublicera-ar", parents=[db],
                       help="gör ett publicerat enkätår preliminärt igen (visas bara när det väljs)")
    p.add_argument("year", type=int, metavar="ÅR")
    p.add_argument("--av", dest="user", default=CLI_AUTHOR, metavar="NAMN", help="vem som tar tillbaka")

    sub.add_parser("history", parents=reader, help="lista dataversioner och uppladdningar")
    p = sub.add_parser("rollback", parents=[db], help="återställ en tidigare dataversion (som en ny version)")
    p.add_argument("version", type=int, metavar="VERSION")
    p.add_argument("--av", dest="user", default=CLI_AUTHOR, metavar="NAMN", help="vem som återställer")

    p = sub.add_parser("rapport", parents=reader,
                       help="skriv en rapport (PDF) för en kommun, ett län, en kommungrupp eller riket")
    area = p.add_mutually_exclusive_group(required=True)
    area.add_argument("--kommun", metavar="KKKK", help="kommunkod, fyra siffror")
    area.add_argument("--lan", metavar="LL", help="länskod, två siffror")
    area.add_argument("--grupp", metavar="KOD",
                      help="SKR:s kommungrupp (A1–C9) eller huvudgrupp (A, B, C); kräver inlästa kommungrupper")
    area.add_argument("--riket", action="store_true", help="hela riket")
    p.add_argument("--ar", type=int, help="enkätår (annars det senaste)")
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="rapportens språk (standard sv)")
    p.add_argument("--version", type=int, dest="data_version", metavar="V", help="dataversion (annars den senaste)")
    p.add_argument("--url", metavar="ADRESS",
                   help="instrumentpanelens adress i rapportens länkar (annars $ADOPTION_PUBLIC_URL; "
                        "utan den skrivs länkarna som sökvägar)")
    p.add_argument("-o", "--output", metavar="FIL", required=True, help="PDF-fil att skriva")

    p = sub.add_parser("publish", parents=[db], help="publicera aktuell dataversion som ögonblicksbild för repliker")
    p.add_argument("--to", metavar="MAPP", help=f"mappen replikerna läser (annars ${PUBLISH_DIR_ENV})")
    p.add_argument("--keep", type=int, metavar="N",
                   help="behåll bara de N senaste ögonblicksbilderna (den som current pekar på behålls alltid)")
    return parser


def _store(args) -> Store:
    read_only = getattr(args, "read_only", False) or read_only_from_env()
    path = resolve_db_path(args.db)
    folder = published_dir()
    if read_only and folder is not None and not args.db:
        # On a replica's machine a reading command shows what the replica serves.
        from .store.snapshots import choose

        path = choose(folder, getattr(args, "data_version", None)).snapshot.path
    return Store(path, on_wait=lambda message: print(message, file=sys.stderr), read_only=read_only)


def _publish_after_commit(store: Store) -> int:
    """Publish to $ADOPTION_PUBLISH_DIR after a new data version, when it is set; the exit status."""
    from .store.publish import publish_if_configured

    try:
        result = publish_if_configured(store)
    except AdoptionError as error:
        print(f"Fel vid publicering (ändringen är sparad, men replikerna visar den inte ännu): {error} "
              f"Publicera igen med: python -m adoption publish --to {publish_dir()}", file=sys.stderr)
        return 1
    if result is not None:
        print(result.message())
    return 0


def _validate_filter(args) -> Filter:
    import re

    for code in args.lan:
        if not re.fullmatch(r"\d{2}", code):
            raise AdoptionError(f"Ogiltig länskod ”{code}”: ange två siffror, till exempel 01.")
    for code in args.kommun or ():
        if not re.fullmatch(r"\d{4}", code):
            raise AdoptionError(f"Ogiltig kommunkod ”{code}”: ange fyra siffror, till exempel 0180.")
    if args.grupp is not None and args.grupp not in group_codes():
        raise AdoptionError(f"Okänd kommungrupp ”{args.grupp}”: ange en av {', '.join(group_codes())}.")
    unknown = [s for s in args.sektor if s not in sector_codes()]
    if unknown:
        raise AdoptionError(f"Okänd sektor ”{unknown[0]}”. Kända sektorer: {', '.join(sector_codes())}.")
    return Filter(ar=args.ar, lan=tuple(args.lan), kommun=tuple(args.kommun) if args.kommun else None,
                  sektor=tuple(args.sektor), typ=args.typ, grupp=args.grupp)


def _check_groups_loaded(store: Store, flt: Filter, niva: str | None, version: int | None) -> None:
    if (flt.grupp is not None or niva == "grupp") and store.municipality_groups(
            store.resolve_version(version)).empty:
        raise AdoptionError("Inga kommungrupper är inlästa i dataversionen. Läs in SKR:s kommungruppsindelning "
                            "med python -m adoption import-kommungrupper FIL.")


def cmd_init(args) -> int:
    store = _store(args)
    report = bootstrap.initialise(store, with_demo=not args.no_demo)
    print(f"Databas: {store.path}")
    print(f"Schemaversion: {report.schema_version}")
    print("Referensdata: inläst" if report.reference_loaded else "Referensdata: fanns redan")
    if report.regions_loaded:
        print("FA-regioner: tilldelade alla kommuner")
    if report.goals_loaded:
        print(f"Programmål: {report.goals_loaded} standardmål inlästa")
    if report.demo_version is not None:
        print(f"Demodata inläst som dataversion {report.demo_version}")
        return _publish_after_commit(store)
    return 0


def _round_note(result: metrics.MetricResult) -> str:
    return " (preliminärt)" if result.round_status == ROUND_PRELIMINARY else ""


def _describe(result: metrics.MetricResult, metric: metrics.Metric) -> str:
    head = f"{metric.label_sv} {result.ar}{_round_note(result)}" + (f", {result.area}" if result.area else "")
    if present.missing(result):
        howto = present.howto(present.status_code(result)) or ""  # whoever runs the command administers
        return f"{head}: {present.status(result)}. {present.reason(result) or ''} {howto}".rstrip()
    return (f"{head}: {present.value(result)} ({present.base(result)}; {present.interval(result, label=True)}), "
            f"dataversion {result.data_version}")


def _describe_breakdown(result: metrics.MetricResult, metric: metrics.Metric) -> list[str]:
    lines = [f"{metric.label_sv} {result.ar}{_round_note(result)} (n = {result.n}), dataversion {result.data_version}"]
    for row in result.breakdown or ():
        keys = ", ".join(f"{k}={row[k]}" for k in ("sektor", "mognad", "hinder") if k in row)
        part = present.figure(row["value"], numerator=row["numerator"], denominator=row["denominator"],
                              status="too_few" if row.get("suppressed") else None, typ=result.typ)
        shown = present.value(part) if present.missing(part) else f"{present.value(part)} ({present.base(part)})"
        lines.append(f"  {keys}: {shown}")
    return lines


def cmd_metric(args) -> int:
    metric = metrics.get(args.metric_id)
    flt = _validate_filter(args)
    store = _store(args)
    _check_groups_loaded(store, flt, args.niva, args.data_version)
    result = metrics.compute(store, args.metric_id, flt, version=args.data_version, by=args.niva)
    results = result if isinstance(result, list) else [result]
    if args.json:
        # "reason" in Swedish, as before the result carried codes only
        payload = [dict(r.to_dict(), label=metric.label_sv, reason=present.reason(r)) for r in results]
        print(json.dumps(payload if args.niva else payload[0], ensure_ascii=False, default=str))
        return 0
    for r in results:
        if r.breakdown is not None:
            print("\n".join(_describe_breakdown(r, metric)))
        else:
            print(_describe(r, metric))
    return 0


def cmd_effekt(args) -> int:
    """The same numbers as /effekt: estimate, interval, pre-trend p, participants, controls, method, version.

    Exit 1 with a Swedish sentence when there is too little data.
    """
    from adoption.views import effect as effect_view

    args.ar, args.kommun, args.grupp = None, None, None  # the estimate is over every unit
    flt = _validate_filter(args)
    store = _store(args)
    data = effect_view.effect_view(store, args.matt, flt, args.by_county, version=args.data_version)
    result = data.result
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, default=str))
    else:
        metric = metrics.get(args.matt)
        print(f"Programmets effekt på {metric.label_sv} (dataversion {result.data_version})")
        print(f"Utlåtande: {effect_view.verdict_text(result)}")
        if result.att is not None:
            print(effect_view.headline(result).replace("**", ""))
            print(f"Test av lika trender före inträdet: p = {effect_view.p_text(result.pretrend_p)}")
            if result.placebo is not None:
                print(f"Placebo (inträdet ett år tidigare): {effect_view.points(result.placebo.estimate)} poäng "
                      f"({effect_view.interval(result.placebo.ci_low, result.placebo.ci_high)})")
        print(effect_view.basis_text(result))
        print(f"Metod: {result.estimator()}; {result.library}")
        print(effect_view.rule_text())
    if result.verdict == "too_little_data":
        reasons = " ".join(effect_view.reason_texts(result)) or effect_view.basis_text(result)
        print(f"Fel: För lite data för att skatta effekten. {reasons}", file=sys.stderr)
        return 1
    return 0


def cmd_export(args) -> int:
    store = _store(args)
    version = store.resolve_version(args.data_version)
    frame = export.frame_for(args.kind, store, version, args.ar)
    if args.grupp is not None:
        frame = _in_group(store, frame, args.grupp, version)
    # The file keeps exactly the upload format; the round's status goes to stderr.
    preliminary = [y for y, s in store.survey_rounds(version).items()
                   if s == ROUND_PRELIMINARY and (args.ar is None or y == args.ar)]
    if preliminary:
        print(f"Obs: enkätår {', '.join(map(str, preliminary))} är preliminärt (inte publicerat).", file=sys.stderr)
    if args.output is None and args.format == "xlsx":
        raise AdoptionError("Excel-export behöver en fil: ange -o FIL.xlsx.")
    target = Path(args.output) if args.output else None
    data = export.write(args.kind, frame, args.format, target)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        print(f"Skrev {len(frame)} rader till {target}", file=sys.stderr)
    return 0


def _import(args, kind: str, loaded: Callable[[pd.DataFrame], str], *, year: int | None = None,
            compared_with: str | None = None) -> int:
    """An upload of one kind through a command of its own, as ``ingest --kind KIND``: recorded in the
    history with its checksum, and a file loaded before changes nothing.

    Errors go to stderr and nothing is saved; ``compared_with`` names what the preview's counts are
    counted against, when they are shown; ``loaded`` words what a new data version holds.
    """
    from .ingest.pipeline import _duplicate_message, commit, prepare
    from .ingest.report import report_line

    data, name = _read_upload(args)
    store = _store(args)
    bootstrap.load_reference(store)
    prepared = prepare(data, name, kind, store, year=year, headline=False)
    status = _status(prepared)
    if status != 0:
        for problem in prepared.result.errors:
            print(report_line(problem), file=sys.stderr)
        print("Ingenting sparades: filen har fel.", file=sys.stderr)
        return status
    for problem in prepared.result.warnings:
        print(report_line(problem))
    if prepared.same_as_current:
        print(_duplicate_message(prepared.duplicate_of))
        return 0
    if compared_with is not None:
        for c in prepared.preview.counts if prepared.preview else ():
            print(f"Jämfört med {compared_with}: {c.added} nya, {c.changed} ändrade, {c.unchanged} oförändrade")
    outcome = commit(prepared, store, uploaded_by=args.user)
    if outcome.status != "committed":
        print(outcome.message)
        return 0
    print(f"{loaded(prepared.result.frame)} som dataversion {outcome.version}")
    return _publish_after_commit(store)


def cmd_import_population(args) -> int:
    """An upload of kind "befolkning" (SCB, Kolada or the template)."""

    def loaded(frame: pd.DataFrame) -> str:
        years = ", ".join(map(str, sorted(frame["ar"].unique().tolist())))
        return f"Läste in befolkning för {len(frame)} kommun-år ({years})"

    return _import(args, "befolkning", loaded)


def _in_group(store: Store, frame: pd.DataFrame, grupp: str, version: int | None) -> pd.DataFrame:
    """The rows of municipalities in ``grupp`` (checked like ``metric --grupp``)."""
    if grupp not in group_codes():
        raise AdoptionError(f"Okänd kommungrupp ”{grupp}”: ange en av {', '.join(group_codes())}.")
    _check_groups_loaded(store, Filter(grupp=grupp), None, version)
    groups = store.municipality_groups(version)
    members = {code for code, group in zip(groups["kommunkod"], groups["grupp"]) if in_group(group, grupp)}
    return frame[frame["kommunkod"].isin(members)].reset_index(drop=True)


def cmd_import_groups(args) -> int:
    """An upload of kind "kommungrupper" (SKR's classification)."""

    def loaded(frame: pd.DataFrame) -> str:
        sizes = ", ".join(f"{code} {n}" for code, n in frame["grupp"].value_counts().sort_index().items())
        return f"Läste in kommungrupper {int(frame['ar'].iloc[0])} för {len(frame)} kommuner ({sizes})"

    return _import(args, "kommungrupper", loaded, year=args.ar, compared_with="nuvarande indelning")


def cmd_demo(args) -> int:
    store = _store(args)
    version, removed = store.remove_demo(created_by=CLI_AUTHOR)
    if version is None:
        print("Det fanns inga demorader att ta bort.")
        return 0
    print(f"Tog bort {removed} demorader; ny dataversion {version}.")
    return _publish_after_commit(store)


def cmd_info(args) -> int:
    store = _store(args)
    exists = store.path.exists()
    print(f"Databas: {store.path}" + ("" if exists else " (finns inte ännu; skapas nu)"))
    print(f"Schemaversion: {store.schema_version()}")
    versions = store.versions()
    current = versions[-1].version if versions else None
    print(f"Aktuell dataversion: {current if current is not None else 'ingen'}")
    for v in versions:
        extra = f" (återställer {v.restored_from})" if v.restored_from is not None else ""
        print(f"  {v.version}: {v.created_at:%Y-%m-%d %H:%M} {v.action} av {v.created_by}: {v.description}{extra}")
    rounds = store.survey_rounds(current)
    if rounds:
        print("Enkätår: " + ", ".join(f"{year} ({'publicerat' if status == ROUND_PUBLISHED else 'preliminärt'})"
                                      for year, status in rounds.items()))
    counts = store.row_counts(current)
    print("Rader i aktuell version: " + ", ".join(f"{k} {formatting.number(n)}" for k, n in counts.items()))
    return 0


def _read_upload(args) -> tuple[bytes, str]:
    from .errors import UnreadableFileError

    path = Path(args.file)
    if not path.is_file():
        raise UnreadableFileError(f"Filen {path} finns inte.")
    try:
        return path.read_bytes(), path.name
    except OSError as error:
        raise UnreadableFileError(f"Filen {path} kunde inte läsas: {error.strerror or error}.") from None


def _kind(args, data: bytes, name: str) -> str:
    from .ingest.pipeline import guess_kind

    if args.kind:
        return args.kind
    kind = guess_kind(data, name)
    if kind is None:
        from .ingest.read import read_table

        read_table(data, name, lambda row: 1)  # a file that is no table at all: UnreadableFileError, exit 2
        raise AdoptionError(f"Det gick inte att avgöra vilken sorts fil {name} är; ange --kind "
                            f"({'|'.join(KINDS)}).")
    print(f"Tolkar {name} som {kind} (ange --kind för att välja själv).", file=sys.stderr)
    return kind


# Changed fields the command line lists before it says how many more there are.
MAX_CHANGE_LINES = 200


def _print_changes(prepared, names) -> None:
    """Every changed field (old -> new), what the file leaves as it is, and answers that become empty."""
    from .views import upload as shown

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
    from .ingest.report import report_line

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
        from .ingest.pipeline import _duplicate_message, _restore_message

        print(_duplicate_message(prepared.duplicate_of) if prepared.same_as_current
              else _restore_message(prepared.duplicate_of))


def _write_report(args, prepared) -> None:
    if not args.report:
        return
    from .ingest.report import report_csv, report_xlsx

    target = Path(args.report)
    data = report_xlsx(prepared.result) if target.suffix.lower() == ".xlsx" else report_csv(prepared.result)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    print(f"Skrev valideringsrapporten till {target}", file=sys.stderr)


def _prepare(args, *, headline: bool):
    from .ingest.pipeline import prepare

    data, name = _read_upload(args)
    kind = _kind(args, data, name)
    store = _store(args)
    bootstrap.load_reference(store)
    prepared = prepare(data, name, kind, store, year=args.ar, headline=headline)
    return store, prepared


def _status(prepared) -> int:
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
    status = _status(prepared)
    if status == 0:
        print("Filen kan sparas." + (" Bekräfta först kommunnamnen ovan (--accept-fuzzy)."
                                      if prepared.fuzzy_matches else ""))
    else:
        print("Filen kan inte sparas; rätta felen ovan och försök igen.")
    return status


def cmd_ingest(args) -> int:
    from .ingest.pipeline import commit

    store, prepared = _prepare(args, headline=False)
    _print_prepared(prepared, _names(store))
    _write_report(args, prepared)
    status = _status(prepared)
    if status != 0:
        print("Ingenting sparades: filen har fel.", file=sys.stderr)
        return status
    if prepared.same_as_current:
        return 0  # the same file was loaded before and changes nothing now (message printed above)
    outcome = commit(prepared, store, uploaded_by=args.user, confirmed_fuzzy=args.accept_fuzzy)
    print(outcome.message)
    if outcome.version is not None:
        print(f"Ny dataversion: {outcome.version}")
        return _publish_after_commit(store)
    return 0


def cmd_history(args) -> int:
    history = _store(args).history()
    if history.empty:
        print("Inga dataversioner eller uppladdningar ännu.")
        return 0
    for row in history.itertuples(index=False):
        version = "–" if pd.isna(row.version) else str(int(row.version))
        line = f"{version}: {row.happened_at:%Y-%m-%d %H:%M} {row.action} av {row.done_by}"
        if isinstance(row.description, str):
            line += f": {row.description}"
        if not pd.isna(row.restored_from):
            line += f" (återställer {int(row.restored_from)})"
        if not pd.isna(row.upload_id):
            line += (f" [fil {row.filename}, {row.kind}, SHA-256 {row.sha256}, {int(row.rows_added)} nya, "
                     f"{int(row.rows_changed)} ändrade, {int(row.rows_unchanged)} oförändrade]")
            if pd.isna(row.version):
                line += " (ändrade inget; ingen ny version)"
        print(line)
    return 0


def _set_round(args, status: str) -> int:
    store = _store(args)
    version = store.set_round_status(args.year, status, created_by=args.user)
    word = "publicerat" if status == ROUND_PUBLISHED else "preliminärt"
    if version is None:
        print(f"Enkätår {args.year} var redan {word}; ingenting ändrades.")
    elif status == ROUND_PUBLISHED:
        print(f"Publicerade enkätår {args.year} som dataversion {version}: det är nu standardår i "
              "instrumentpanelen och räknas i mål och trender.")
    else:
        print(f"Enkätår {args.year} är åter preliminärt (dataversion {version}): det visas bara när det väljs.")
    return 0


def cmd_publish_year(args) -> int:
    return _set_round(args, ROUND_PUBLISHED)


def cmd_unpublish_year(args) -> int:
    return _set_round(args, ROUND_PRELIMINARY)


def cmd_rollback(args) -> int:
    store = _store(args)
    version = store.rollback(args.version, created_by=args.user)
    print(f"Återställde dataversion {args.version} som ny dataversion {version}. Inget togs bort.")
    return _publish_after_commit(store)


def cmd_publish(args) -> int:
    from .store.publish import publish

    folder = Path(args.to) if args.to else publish_dir()
    if folder is None:
        raise AdoptionError(f"Ange mappen att publicera till med --to MAPP (eller ${PUBLISH_DIR_ENV}).")
    if read_only_from_env():
        raise AdoptionError("Den här processen är skrivskyddad (ADOPTION_READ_ONLY eller ADOPTION_PUBLISHED är "
                            "satt); publicera från skrivaren, som äger databasfilen.")
    print(publish(_store(args), folder, keep=args.keep).message())
    return 0


def cmd_rapport(args) -> int:
    from adoption import reports

    if args.riket:
        scope = reports.Scope("riket")
    elif args.grupp is not None:
        scope = reports.Scope("grupp", args.grupp)
    elif args.lan is not None:
        scope = reports.Scope("lan", args.lan)
    else:
        scope = reports.Scope("kommun", args.kommun)
    data = reports.build(_store(args), scope, args.ar, args.lang, args.url or reports.public_url(),
                         version=args.data_version)
    target = Path(args.output)
    target.write_bytes(data)
    print(f"Skrev rapporten till {target} ({formatting.number(len(data) / 1024)} kB).", file=sys.stderr)
    return 0


COMMANDS = {
    "rapport": cmd_rapport,
    "validate": cmd_validate,
    "ingest": cmd_ingest,
    "history": cmd_history,
    "rollback": cmd_rollback,
    "init": cmd_init,
    "metric": cmd_metric,
    "export": cmd_export,
    "import-population": cmd_import_population,
    "import-kommungrupper": cmd_import_groups,
    "demo": cmd_demo,
    "info": cmd_info,
    "publish": cmd_publish,
    "effekt": cmd_effekt,
    "publicera-ar": cmd_publish_year,
    "avpublicera-ar": cmd_unpublish_year,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AdoptionError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"Fel: {error.strerror or error} ({error.filename or ''})".rstrip(" ()"), file=sys.stderr)
        return 1
