"""The command line, run as administrators run it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from adoption import cli
from adoption.store import Store, latest_schema_version

FIXTURES = Path(__file__).parent / "fixtures" / "population"


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "adoption", *argv], capture_output=True, text=True, timeout=120)


def call(capsys, *argv: str) -> tuple[int, str, str]:
    """The same entry point in-process (faster); output captured."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_metric_and_export_agree_by_hand(tmp_db):
    """The issue's acceptance check, end to end in real processes."""
    assert run("init", "--db", tmp_db).returncode == 0
    result = run("metric", "andel_ai_aktivitet", "--ar", "2024", "--json", "--db", tmp_db)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    for key in ("metric", "value", "numerator", "denominator", "n", "ci_low", "ci_high", "data_version"):
        assert key in payload
    assert 0.85 <= payload["value"] <= 0.95
    assert payload["ci_low"] < payload["value"] < payload["ci_high"]

    exported = run("export", "enkatsvar", "--ar", "2024", "--db", tmp_db)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout), delimiter=";"))
    stage_columns = [c for c in rows[0] if c.startswith("mognad_")]
    answered = active = 0
    for row in rows:
        if row["typ"] != "kommun":
            continue
        stages = [int(row[c]) for c in stage_columns if row[c] not in ("", ".")]
        if stages:
            answered += 1
            active += max(stages) >= 1
    assert (active, answered) == (payload["numerator"], payload["denominator"])


def test_metric_text_output_is_swedish(capsys, demo_db_template):
    code, out, _ = call(capsys, "metric", "svarsfrekvens", "--ar", "2024", "--db", demo_db_template)
    assert code == 0
    assert out.startswith("Svarsfrekvens 2024: ") and " av 290" in out and "%" in out and "," in out


def test_metric_per_county_as_json(capsys, demo_db_template):
    code, out, _ = call(capsys, "metric", "andel_ai_i_drift", "--niva", "lan", "--json", "--db", demo_db_template)
    assert code == 0
    payload = json.loads(out)
    assert len(payload) == 21 and {p["area"] for p in payload} >= {"01", "25"}


def test_population_metric_says_why_it_has_no_value(capsys, demo_db_template):
    code, out, _ = call(capsys, "metric", "initiativ_per_10k", "--json", "--db", demo_db_template)
    assert code == 0
    payload = json.loads(out)
    assert payload["value"] is None and "befolkning" in payload["reason"].lower()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["metric", "finns_inte"], "Okänt mått"),
        (["metric", "andel_ai_aktivitet", "--kommun", "180x"], "Ogiltig kommunkod"),
        (["metric", "andel_ai_aktivitet", "--lan", "1"], "Ogiltig länskod"),
        (["metric", "andel_ai_aktivitet", "--sektor", "rymden"], "Okänd sektor"),
        (["metric", "andel_ai_aktivitet", "--version", "99"], "Dataversion 99 finns inte"),
        (["export", "initiativ", "--format", "xlsx"], "ange -o"),
        (["import-population", "finns-inte.csv"], "finns inte"),
    ],
)
def test_errors_are_plain_swedish_without_traceback(capsys, demo_db_template, argv, message):
    code, out, err = call(capsys, *argv, "--db", demo_db_template)
    assert code != 0
    assert message in err and err.startswith("Fel: ")
    assert "Traceback" not in err and out == ""


def test_usage_errors_exit_2_in_swedish():
    result = run("metric")
    assert result.returncode == 2 and "fel:" in result.stderr and "Traceback" not in result.stderr


def test_info_lists_schema_versions_and_counts(capsys, demo_db_template):
    code, out, _ = call(capsys, "info", "--db", demo_db_template)
    assert code == 0
    assert f"Schemaversion: {latest_schema_version()}" in out
    assert "1: " in out and "demo av demo" in out
    assert "kommuner 290" in out and "lan 21" in out


def test_population_import_and_refusal(capsys, demo_db):
    code, out, _ = call(capsys, "import-population", str(FIXTURES / "scb_be0101n1.csv"), "--db", demo_db)
    assert code == 0 and "dataversion 2" in out
    code, out, _ = call(capsys, "metric", "initiativ_per_10k", "--ar", "2024", "--json", "--db", demo_db)
    assert json.loads(out)["value"] > 0

    before = Store(demo_db).current_version()
    code, _, err = call(capsys, "import-population", str(FIXTURES / "scb_missing_municipality.csv"), "--db", demo_db)
    assert code == 1 and "9999" in err and "0114" in err
    assert Store(demo_db).current_version() == before


def test_population_import_is_a_recorded_upload_and_the_same_file_again_changes_nothing(capsys, demo_db):
    import hashlib

    path = FIXTURES / "scb_be0101n1.csv"
    code, out, _ = call(capsys, "import-population", str(path), "--db", demo_db, "--av", "anna")
    assert code == 0 and "dataversion 2" in out
    store = Store(demo_db)
    [upload] = store.uploads()
    assert (upload.filename, upload.kind, upload.uploaded_by, upload.data_version) == (
        "scb_be0101n1.csv", "befolkning", "anna", 2)
    assert upload.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert upload.rows_added == 2 * 290 and upload.rows_changed == upload.rows_unchanged == 0
    assert store.versions()[-1].action == "population"

    code, again, err = call(capsys, "import-population", str(path), "--db", demo_db)
    assert code == 0 and err == ""
    assert again.startswith("Samma fil (scb_be0101n1.csv, SHA-256 ") and "dataversion 2" in again
    assert "Ingenting ändrades." in again
    assert store.current_version() == 2 and len(store.uploads()) == 1
    # The same words as a duplicate of any other kind through ``ingest``.
    code, through_ingest, _ = call(capsys, "ingest", str(path), "--kind", "befolkning", "--db", demo_db)
    assert code == 0 and again.strip() in through_ingest

    code, out, _ = call(capsys, "history", "--db", demo_db)
    assert "[fil scb_be0101n1.csv, befolkning, SHA-256 " in out


def test_demo_remove(capsys, demo_db):
    code, out, _ = call(capsys, "demo", "--remove", "--db", demo_db)
    assert code == 0 and "Tog bort" in out
    code, out, _ = call(capsys, "metric", "andel_ai_aktivitet", "--json", "--db", demo_db)
    assert json.loads(out)["value"] is None
    code, out, _ = call(capsys, "demo", "--remove", "--db", demo_db)
    assert "inga demorader" in out


def test_export_xlsx_and_csv_have_the_upload_columns(capsys, demo_db_template, tmp_path):
    from adoption.formats import INITIATIVE_COLUMNS, survey_columns

    target = tmp_path / "initiativ.xlsx"
    code, _, _ = call(capsys, "export", "initiativ", "--format", "xlsx", "-o", str(target), "--db", demo_db_template)
    assert code == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Initiativ"
    assert tuple(c.value for c in sheet[1]) == INITIATIVE_COLUMNS

    target = tmp_path / "enkat.csv"
    code, _, _ = call(capsys, "export", "enkatsvar", "--ar", "2023", "-o", str(target), "--db", demo_db_template)
    frame = pd.read_csv(target, sep=";", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == survey_columns()
    assert set(frame["ar"]) == {"2023"}
    assert frame["kommunkod"].str.fullmatch(r"\d{4}").all()


# --- validate, ingest, history, rollback -------------------------------------------------

UPLOAD = "ar;typ;kommun;mognad_miljo\r\n2024;kommun;Malmoe stad;pilot\r\n2024;kommun;Lund;0\r\n"


def test_validate_exit_codes_and_report(capsys, demo_db_template, tmp_path):
    good = tmp_path / "svar.csv"
    good.write_text(UPLOAD, encoding="utf-8")
    code, out, _ = call(capsys, "validate", str(good), "--db", demo_db_template)
    assert code == 0 and "rad 2, kolumn kommun: ”Malmoe stad”" in out and "Malmö (1280)" in out
    # In the demo data Malmö answered 2024 and Lund did not: one row changes, one is new.
    assert "Jämfört med dataversion 1" in out and "2024 kommun: 1 nya, 1 ändrade" in out
    assert "Andel med AI-aktivitet (planerad eller mer) 2024" in out

    bad = tmp_path / "fel.csv"
    bad.write_text(UPLOAD.replace("pilot", "idrift"), encoding="utf-8")
    report = tmp_path / "rapport.xlsx"
    code, out, _ = call(capsys, "validate", str(bad), "--kind", "enkatsvar", "--report", str(report),
                        "--db", demo_db_template)
    assert code == 1 and "fel: rad 2, kolumn mognad_miljo: ”idrift”" in out
    sheet = openpyxl.load_workbook(report).active
    assert [c.value for c in sheet[1]] == ["Rad", "Kolumn", "Värde", "Allvarlighet", "Problem"]

    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a zip")
    code, _, err = call(capsys, "validate", str(junk), "--kind", "enkatsvar", "--db", demo_db_template)
    assert code == 2
    code, _, err = call(capsys, "validate", str(tmp_path / "saknas.csv"), "--db", demo_db_template)
    assert code == 2 and "finns inte" in err


def test_ingest_history_rollback(capsys, demo_db, tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(UPLOAD, encoding="utf-8")
    code, out, err = call(capsys, "ingest", str(path), "--db", demo_db)
    assert code == 1 and "inte bekräftade" in err and Store(demo_db).current_version() == 1
    code, out, _ = call(capsys, "ingest", str(path), "--accept-fuzzy", "--av", "anna", "--db", demo_db)
    assert code == 0 and "Ny dataversion: 2" in out
    code, out, _ = call(capsys, "ingest", str(path), "--accept-fuzzy", "--db", demo_db)
    assert code == 0 and "Samma fil" in out and Store(demo_db).current_version() == 2

    code, out, _ = call(capsys, "history", "--db", demo_db)
    assert code == 0
    line = [x for x in out.splitlines() if x.startswith("2: ")][0]
    assert "av anna" in line and "svar.csv" in line and "1 nya, 1 ändrade, 0 oförändrade" in line
    import hashlib

    assert hashlib.sha256(UPLOAD.encode()).hexdigest() in line

    code, out, _ = call(capsys, "rollback", "1", "--db", demo_db)
    assert code == 0 and "ny dataversion 3" in out
    code, _, err = call(capsys, "rollback", "9", "--db", demo_db)
    assert code == 1 and "Dataversion 9 finns inte" in err


def test_ingest_population_scb_and_year_option(capsys, demo_db, tmp_path):
    code, out, _ = call(capsys, "ingest", str(FIXTURES / "scb_be0101n1.csv"), "--db", demo_db)
    assert code == 0 and "Ny dataversion: 2" in out
    code, out, _ = call(capsys, "ingest", str(FIXTURES / "kolada_n01951.json"), "--kind", "befolkning", "--db", demo_db)
    assert code == 0 and "ändrar inga rader" in out  # same 2023 values as the SCB file


def test_cli_waits_for_a_running_app(demo_db, tmp_path):
    """Another process holds the database (like the app in the middle of a query): ingest waits, then commits."""
    import textwrap

    path = tmp_path / "svar.csv"
    path.write_text(UPLOAD.replace("Malmoe stad", "Malmö"), encoding="utf-8")
    hold = textwrap.dedent("""
        import sys, time, duckdb
        conn = duckdb.connect(sys.argv[1]); print("holding", flush=True); time.sleep(8); conn.close()
    """)
    holder = subprocess.Popen([sys.executable, "-c", hold, demo_db], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    result = run("ingest", str(path), "--db", demo_db)
    holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert "väntar på min tur" in result.stderr and "Ny dataversion: 2" in result.stdout


# ------------------------------------------------------------------ effekt


def test_effekt_prints_the_same_numbers_as_the_page(capsys, demo_db_template):
    from adoption.views import effect as effect_view

    code, out, err = call(capsys, "effekt", "--json", "--db", demo_db_template)
    assert code == 0, err
    payload = json.loads(out)
    page = effect_view.effect_view(Store(demo_db_template), "mognadsindex", cli.Filter()).result
    assert payload["att"]["estimate"] == pytest.approx(page.att.estimate, abs=1e-12)
    assert payload["att"]["ci_low"] == pytest.approx(page.att.ci_low, abs=1e-12)
    assert payload["pretrend_p"] == pytest.approx(page.pretrend_p, abs=1e-12)
    assert (payload["participants"], payload["controls"]) == (page.summary.participants, page.summary.controls)
    assert payload["dataversion"] == page.data_version and payload["verdict"] == "effect"
    assert payload["library"].startswith("pyfixest ") and "Sun & Abraham" in payload["estimator"]
    code, out, _ = call(capsys, "effekt", "--db", demo_db_template)
    assert code == 0
    assert "Utlåtande: Tecken på effekt" in out
    assert effect_view.headline(page).replace("**", "") in out
    assert "Test av lika trender före inträdet: p = " in out and "pyfixest" in out


def test_effekt_exits_1_with_a_swedish_message_on_too_little_data(capsys, demo_db_template, tmp_path):
    code, out, err = call(capsys, "effekt", "--lan", "09", "--db", demo_db_template)
    assert code == 1
    assert "Utlåtande: För lite data" in out
    assert err.startswith("Fel: För lite data för att skatta effekten.") and "Traceback" not in err
    code, _, err = call(capsys, "effekt", "--matt", "svarsfrekvens", "--db", demo_db_template)
    assert code == 1 and "kan inte användas som utfall" in err
    assert run("init", "--no-demo", "--db", str(tmp_path / "e.duckdb")).returncode == 0
    empty = run("effekt", "--db", str(tmp_path / "e.duckdb"))
    assert empty.returncode == 1 and "För lite data" in empty.stderr


# -- replicas: read-only and publish -------------------------------------------------------------


def test_publish_command_and_its_retention(capsys, demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "published"
    code, out, _ = call(capsys, "publish", "--db", demo_db, "--to", str(folder))
    assert code == 0 and f"Publicerade dataversion 1 som {folder / 'adoption-v1.duckdb'}" in out
    assert (folder / "current").read_text(encoding="utf-8") == "adoption-v1.duckdb\n"
    code, out, _ = call(capsys, "publish", "--db", demo_db, "--to", str(folder))
    assert code == 0 and "redan publicerad" in out

    # ingest publishes by itself when a publish folder is configured, and --keep prunes
    monkeypatch.setenv("ADOPTION_PUBLISH_DIR", str(folder))
    path = tmp_path / "svar.csv"
    path.write_text(UPLOAD.replace("Malmoe stad", "Malmö"), encoding="utf-8")
    code, out, err = call(capsys, "ingest", str(path), "--db", demo_db)
    assert code == 0, err
    assert "Ny dataversion: 2" in out and "Publicerade dataversion 2" in out
    code, out, _ = call(capsys, "rollback", "1", "--db", demo_db)
    assert code == 0 and "Publicerade dataversion 3" in out
    code, out, _ = call(capsys, "publish", "--db", demo_db, "--keep", "1")  # the folder from the environment
    assert code == 0 and "Tog bort 2 äldre" in out
    assert sorted(p.name for p in folder.glob("*.duckdb")) == ["adoption-v3.duckdb"]

    code, _, err = call(capsys, "publish", "--db", demo_db, "--keep", "0")
    assert code == 1 and "minst 1" in err
    monkeypatch.delenv("ADOPTION_PUBLISH_DIR")
    code, _, err = call(capsys, "publish", "--db", demo_db)
    assert code == 1 and "--to MAPP" in err


def test_a_failed_publication_after_ingest_says_the_data_is_saved(capsys, demo_db, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ADOPTION_PUBLISH_DIR", str(blocked))
    path = tmp_path / "svar.csv"
    path.write_text(UPLOAD.replace("Malmoe stad", "Malmö"), encoding="utf-8")
    code, out, err = call(capsys, "ingest", str(path), "--db", demo_db)
    assert code == 1 and "Ny dataversion: 2" in out
    assert "ändringen är sparad" in err and "publish --to" in err
    assert Store(demo_db).current_version() == 2


def test_read_only_commands_and_refused_writes(capsys, demo_db, tmp_path, monkeypatch):
    import os

    os.chmod(demo_db, 0o444)
    for argv in (("metric", "svarsfrekvens", "--ar", "2024"), ("info",), ("history",),
                 ("export", "initiativ", "--ar", "2024", "-o", str(tmp_path / "i.csv"))):
        code, _, err = call(capsys, *argv, "--read-only", "--db", demo_db)
        assert code == 0, (argv, err)
    path = tmp_path / "svar.csv"
    path.write_text(UPLOAD.replace("Malmoe stad", "Malmö"), encoding="utf-8")
    code, out, _ = call(capsys, "validate", str(path), "--read-only", "--db", demo_db)
    assert code == 0 and "Filen kan sparas" in out

    monkeypatch.setenv("ADOPTION_READ_ONLY", "1")
    for argv in (("ingest", str(path)), ("rollback", "1"), ("demo", "--remove")):
        code, _, err = call(capsys, *argv, "--db", demo_db)
        assert code == 1 and "skrivskyddad" in err and "ingenting sparades" in err, argv
    code, _, err = call(capsys, "publish", "--db", demo_db, "--to", str(tmp_path / "p"))
    assert code == 1 and "publicera från skrivaren" in err
    assert Store(demo_db, read_only=True).current_version() == 1


def test_on_a_replica_reading_commands_read_the_published_snapshot(capsys, demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "published"
    assert call(capsys, "publish", "--db", demo_db, "--to", str(folder))[0] == 0
    monkeypatch.setenv("ADOPTION_PUBLISHED", str(folder))
    monkeypatch.setenv("ADOPTION_DB", str(tmp_path / "elsewhere.duckdb"))
    code, out, _ = call(capsys, "info")
    assert code == 0 and f"Databas: {folder / 'adoption-v1.duckdb'}" in out
    assert not (tmp_path / "elsewhere.duckdb").exists()
