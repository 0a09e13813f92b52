"""The command line and survey rounds: ingest starts a preliminary year, publicera-ar and avpublicera-ar,
``metric --json`` carries the round, an export of a preliminary year says so."""

from __future__ import annotations

import json

from adoption import cli
from adoption.store import Store
from tests import builders


def call(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_publish_a_new_round_from_the_command_line(demo_db, tmp_path, capsys):
    path = builders.first_answers(demo_db, tmp_path / "svar.csv")
    code, out, _ = call(capsys, "ingest", str(path), "--db", demo_db, "--av", "anna")
    assert code == 0 and "Enkätår 2026 är nytt och preliminärt" in out and "publicera-ar 2026" in out

    code, out, _ = call(capsys, "metric", "andel_ai_i_drift", "--db", demo_db, "--json")
    assert json.loads(out)["ar"] == 2025 and json.loads(out)["round_status"] == "publicerad"
    code, out, _ = call(capsys, "metric", "svarsfrekvens", "--ar", "2026", "--db", demo_db, "--json")
    payload = json.loads(out)
    assert (payload["round_status"], payload["numerator"], payload["denominator"]) == ("preliminar", 36, 290)
    code, out, _ = call(capsys, "metric", "svarsfrekvens", "--ar", "2026", "--db", demo_db)
    assert out.startswith("Svarsfrekvens 2026 (preliminärt): 12,4 %")
    code, _, err = call(capsys, "export", "enkatsvar", "--ar", "2026", "--db", demo_db, "-o", str(tmp_path / "x.csv"))
    assert code == 0 and "enkätår 2026 är preliminärt" in err

    code, out, _ = call(capsys, "publicera-ar", "2026", "--db", demo_db, "--av", "anna")
    assert code == 0 and out.startswith("Publicerade enkätår 2026 som dataversion")
    store = Store(demo_db)
    info = store.versions()[-1]
    assert (info.action, info.created_by) == ("round_published", "anna")
    code, out, _ = call(capsys, "publicera-ar", "2026", "--db", demo_db)
    assert code == 0 and "var redan publicerat" in out
    code, out, _ = call(capsys, "metric", "andel_ai_i_drift", "--db", demo_db, "--json")
    assert json.loads(out)["ar"] == 2026

    code, out, _ = call(capsys, "avpublicera-ar", "2026", "--db", demo_db)
    assert code == 0 and "åter preliminärt" in out
    code, out, _ = call(capsys, "info", "--db", demo_db)
    assert "2025 (publicerat), 2026 (preliminärt)" in out and "round_unpublished" in out


def test_publishing_a_year_without_answers_is_an_error(demo_db, capsys):
    code, _, err = call(capsys, "publicera-ar", "2031", "--db", demo_db)
    assert code == 1 and err.startswith("Fel: Enkätåret 2031 har inga svar")
