"""A corpus of bad and hostile files, each run through the whole pipeline against a real database.

Every file must be refused with its own clear Swedish message and leave the
database exactly as it was: same data version, same history, same export
byte for byte. Half of them go through the command line (``ingest``), half
through ``prepare`` + ``commit``.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from adoption import cli
from adoption.errors import InputError
from adoption.formats import SURVEY_KINDS
from adoption.ingest import export, pipeline
from adoption.store import Store

from .conftest import luhn_digit, xlsx_bytes

FIXTURES = Path(__file__).parent.parent / "fixtures" / "population"
NINE = "811218987"
PNR = f"{NINE[:6]}-{NINE[6:]}{luhn_digit(NINE)}"
ORG9 = "802002123"
ORGNR = f"{ORG9[:6]}-{ORG9[6:]}{luhn_digit(ORG9)}"
BAD_ORGNR = f"{ORG9[:6]}-{ORG9[6:]}{(int(luhn_digit(ORG9)) + 1) % 10}"


def csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    return buffer.getvalue()


def _population(drop: str | None = None, value: str = "1000", extra: list[str] = ()) -> bytes:
    from adoption.ingest import reference

    lines = ["kommunkod;kommun;ar;befolkning"]
    for code, name in reference.municipalities()[["kommunkod", "name"]].itertuples(index=False):
        if code != drop:
            lines.append(f"{code};{name};2024;{value if code == '0180' else '1000'}")
    return csv(*lines, *extra)


# (id, kind, file name, bytes, fragment the message must contain, exit status of `ingest`, extra CLI args)
CORPUS = [
    ("empty", "enkatsvar", "tom.csv", b"", "är tom", 2, ()),
    ("whitespace", "enkatsvar", "blank.csv", b"  \r\n\r\n ", "är tom", 2, ()),
    ("binary", "enkatsvar", "junk.csv", bytes(range(256)) * 40, "ingen läsbar textfil", 2, ()),
    ("corrupt_xlsx", "enkatsvar", "trasig.xlsx", xlsx_bytes([["ar"], [2024]])[:300], "ingen giltig Excel", 2, ()),
    ("old_xls", "enkatsvar", "gammal.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 600, "gamla Excel-formatet", 2, ()),
    ("zip_bomb", "enkatsvar", "bomb.xlsx", _zip_bomb(), "packad mer än", 1, ()),
    ("no_header", "enkatsvar", "text.csv", csv("hej;hopp", "1;2"), "ingen rubrikrad", 1, ()),
    ("header_only", "enkatsvar", "rubrik.csv", csv("ar;typ;kommun"), "inga datarader", 1, ()),
    ("missing_typ", "enkatsvar", "utan_typ.csv", csv("ar;kommun", "2024;Lund"), "Obligatoriska kolumner saknas: typ", 1, ()),
    ("missing_year", "enkatsvar", "utan_ar.csv", csv("typ;kommun", "kommun;Lund"), "ar", 1, ()),
    ("unknown_name", "enkatsvar", "namn.csv", csv("ar;typ;kommun", "2024;kommun;Malmöhus"), "Menade du: Malmö (1280)", 1, ()),
    ("ambiguous_name", "enkatsvar", "hbo.csv", csv("ar;typ;kommun", "2024;kommun;Hbo"), "Håbo (0305)", 1, ()),
    ("unknown_code", "enkatsvar", "kod.csv", csv("ar;typ;kommunkod", "2024;kommun;9999"), "okänd kommunkod 9999", 1, ()),
    ("year_range", "enkatsvar", "ar.csv", csv("ar;typ;kommunkod", "2014;kommun;0114"), "mellan 2015 och 2100", 1, ()),
    ("year_mismatch", "enkatsvar", "valt_ar.csv", csv("ar;typ;kommunkod", "2023;kommun;0114"), "det valda året 2024", 1,
     ("--ar", "2024")),
    ("percent", "enkatsvar", "procent.csv", csv("ar;typ;kommunkod;andel_utbildad_personal", "2024;kommun;0114;101 %"),
     "mellan 0 och 100", 1, ()),
    ("negative_budget", "enkatsvar", "budget.csv", csv("ar;typ;kommunkod;ai_budget_tkr", "2024;kommun;0114;-5"),
     "negativ", 1, ()),
    ("running_gt_total", "enkatsvar", "antal.csv",
     csv("ar;typ;kommunkod;antal_initiativ;antal_i_drift", "2024;kommun;0114;3;4"), "större än antal initiativ", 1, ()),
    ("not_a_number", "enkatsvar", "tal.csv", csv("ar;typ;kommunkod;antal_initiativ", "2024;kommun;0114;många"),
     "antal_initiativ", 1, ()),
    ("duplicate_municipality", "enkatsvar", "dubbel.csv", csv("ar;typ;kommun", "2024;kommun;Malmö", "2024;kommun;1280"),
     "samma svar som rad 2", 1, ()),
    ("duplicate_org", "enkatsvar", "dubbelorg.csv",
     csv("ar;typ;kommun;organisation;organisationsnummer", f"2024;förening;Lund;IK;{ORGNR}",
         f"2024;förening;Malmö;IK 2;{ORGNR}"), "samma svar som rad 2", 1, ()),
    ("civil_without_org", "enkatsvar", "org.csv", csv("ar;typ;kommun", "2024;civilsamhälle;Lund"),
     "organisationens namn krävs", 1, ()),
    ("bad_orgnr", "enkatsvar", "orgnr.csv",
     csv("ar;typ;kommun;organisation;organisationsnummer", f"2024;förening;Lund;IK;{BAD_ORGNR}"), "organisationsnummer", 1,
     ()),
    ("email", "enkatsvar", "epost.csv", csv("ar;typ;kommun;kontakt", "2024;kommun;Lund;anna.svensson@lund.se"),
     "e-postadress", 1, ()),
    ("personnummer", "enkatsvar", "pnr.csv", csv("ar;typ;kommun;organisation", f"2024;kommun;Lund;Kontakt {PNR}"),
     "personnummer", 1, ()),
    ("idrift", "enkatsvar", "idrift.csv", csv("ar;typ;kommun;mognad_miljo", "2024;kommun;Lund;idrift"),
     "inte en mognadsnivå", 1, ()),
    ("stage_5", "enkatsvar", "fem.csv", csv("ar;typ;kommun;mognad_miljo", "2024;kommun;Lund;5"), "mognad", 1, ()),
    ("unknown_typ", "enkatsvar", "typ.csv", csv("ar;typ;kommun", "2024;företag;Lund"), "företag", 1, ()),
    ("unknown_barrier", "enkatsvar", "hinder.csv", csv("ar;typ;kommun;hinder", "2024;kommun;Lund;juridik|väder"),
     "väder", 1, ()),
    ("too_long", "enkatsvar", "lang.csv",
     csv("ar;typ;kommun;organisation", f"2024;förening;Lund;{'x' * 201}"), "högst 200 tecken", 1, ()),
    ("mixed_delimiters", "enkatsvar", "blandat.csv", b"ar;typ;kommun\n2024;kommun;Lund\n2024,kommun,Lund\n", "rad 3", 1,
     ()),
    ("row_wider_than_header", "enkatsvar", "bred.csv", csv("ar;typ;kommun", "2024;kommun;Lund;extra;mer"),
     "bara 3 kolumnnamn", 1, ()),
    ("initiative_stage_0", "initiativ", "i0.csv", csv("ar;kommun;titel;sektor;mognad", "2024;Lund;X;miljo;0"),
     "mognad ska vara 1–4", 1, ()),
    ("initiative_no_title", "initiativ", "it.csv", csv("ar;kommun;titel;sektor;mognad", "2024;Lund;;miljo;2"),
     "titel saknas", 1, ()),
    ("initiative_no_sector", "initiativ", "ins.csv", csv("ar;kommun;titel;sektor;mognad", "2024;Lund;X;;2"),
     "sektor saknas", 1, ()),
    ("survey_no_typ", "enkatsvar", "nt.csv", csv("ar;typ;kommun", "2024;;Lund"), "typ saknas", 1, ()),
    ("initiative_bad_sector", "initiativ", "is.csv", csv("ar;kommun;titel;sektor;mognad", "2024;Lund;X;rymden;2"),
     "inte en sektor", 1, ()),
    ("initiative_bad_partner", "initiativ", "ip.csv",
     csv("ar;kommun;titel;sektor;mognad;samverkan", "2024;Lund;X;miljo;2;9999"), "okända kommunkoder i samverkan", 1, ()),
    ("initiative_email", "initiativ", "ie.csv",
     csv("ar;kommun;titel;sektor;mognad;beskrivning", "2024;Lund;X;miljo;2;skriv till a.b@lund.se"), "e-postadress", 1,
     ()),
    ("population_missing_municipality", "befolkning", "scb_missing_municipality.csv",
     (FIXTURES / "scb_missing_municipality.csv").read_bytes(), "9999", 1, ()),
    ("population_template_missing", "befolkning", "befolkning.csv", _population(drop="0114"), "0114", 1, ()),
    ("population_template_text", "befolkning", "befolkning.csv", _population(value="många"), "befolkning", 1, ()),
    ("population_template_email", "befolkning", "befolkning.csv",
     _population(extra=["a@b.se;x;2024;1"]), "e-postadress", 1, ()),
    ("population_kolada_wrong_kpi", "befolkning", "kolada.json",
     b'{"values": [{"kpi": "N00001", "municipality": "0114", "period": 2024, "values": []}]}', "N01951", 1, ()),
    ("population_garbage", "befolkning", "befolkning.txt", b"bara lite text\nutan tabell\n", "varken", 2, ()),
]


def _state(store: Store) -> tuple:
    version = store.current_version()
    exports = tuple(export.to_csv_bytes(export.frame_for(kind, store, version)) for kind in SURVEY_KINDS)
    return version, len(store.versions()), len(store.uploads()), store.population(version).to_csv(), exports


@pytest.fixture(scope="module")
def corpus_db(demo_db_template, tmp_path_factory):
    target = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    shutil.copy(demo_db_template, target)
    store = Store(target)
    return store, _state(store)


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 30
    assert len({case[0] for case in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("case", CORPUS, ids=[c[0] for c in CORPUS])
def test_bad_file_via_command_line(case, corpus_db, tmp_path, capsys):
    name, kind, filename, data, fragment, status, extra = case
    store, before = corpus_db
    path = tmp_path / filename
    path.write_bytes(data)
    code = cli.main(["ingest", str(path), "--kind", kind, "--db", str(store.path), *extra])
    out, err = capsys.readouterr()
    assert code == status, out + err
    assert fragment in out + err, out + err
    assert "Traceback" not in err
    assert _state(store) == before


@pytest.mark.parametrize("case", CORPUS, ids=[c[0] for c in CORPUS])
def test_bad_file_via_prepare_and_commit(case, corpus_db):
    name, kind, filename, data, fragment, status, extra = case
    store, before = corpus_db
    year = int(extra[1]) if extra else None
    prepared = pipeline.prepare(data, filename, kind, store, year=year)
    assert not prepared.ok and prepared.preview is None
    assert prepared.result.unreadable == (status == 2)
    assert any(fragment in f"{p.message} {p.value or ''} {p.column or ''}" for p in prepared.result.errors), \
        prepared.result.problems
    with pytest.raises(InputError, match="sparas inte"):
        pipeline.commit(prepared, store, uploaded_by="test", confirmed_fuzzy=True)
    assert _state(store) == before


def test_over_size_limit(corpus_db, monkeypatch):
    from adoption.ingest import read

    store, before = corpus_db
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 100)
    prepared = pipeline.prepare(csv("ar;typ;kommunkod", *["2024;kommun;0114"] * 20), "stor.csv", "enkatsvar", store)
    assert not prepared.ok and "största tillåtna storlek" in prepared.result.errors[0].message
    assert _state(store) == before


def test_personal_data_is_not_echoed(corpus_db, tmp_path, capsys):
    store, _ = corpus_db
    path = tmp_path / "pnr.csv"
    path.write_bytes(csv("ar;typ;kommun;organisation", f"2024;kommun;Lund;Kontakt {PNR}"))
    cli.main(["validate", str(path), "--kind", "enkatsvar", "--db", str(store.path),
              "--report", str(tmp_path / "rapport.csv")])
    out, err = capsys.readouterr()
    assert PNR not in out + err
    report = (tmp_path / "rapport.csv").read_text(encoding="utf-8-sig")
    assert PNR not in report
    assert "personnummer" in report and "\n2;organisation;******-****;fel;" in report.replace("\r", "")
