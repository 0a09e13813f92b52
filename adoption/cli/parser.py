"""The commands and their options: ``build_parser`` and the argument definitions.

Apart from the commands' bodies so that what the command line accepts (and
its ``--help``) reads in one place, and so that a test can build the parser
without running anything.
"""

from __future__ import annotations

import argparse
import sys

from adoption import metrics

from ..formats import KINDS, SURVEY_KINDS
from ..paths import DB_ENV, PUBLISH_DIR_ENV, default_db_path
from ..vocab import RESPONDENT_TYPES, sector_codes

# Who the history credits a change to when --av names nobody.
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
