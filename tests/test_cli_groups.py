"""The command line and municipality groups (issue 11): import, --grupp, --niva grupp, pooled --kommun."""

from __future__ import annotations

import json

from adoption import cli, metrics
from adoption.metrics.filters import Filter
from adoption.store import Store

from . import builders


def call(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_kommungrupper_is_a_recorded_upload(capsys, demo_db, tmp_path):
    path = tmp_path / "Kommungruppsindelning_2023.xlsx"
    path.write_bytes(builders.group_xlsx(builders.constructed_groups()))
    code, out, err = call(capsys, "import-kommungrupper", str(path), "--db", demo_db, "--av", "anna")
    assert code == 0, err
    version = Store(demo_db).current_version()
    assert out.splitlines() == [
        "Jämfört med nuvarande indelning: 290 nya, 0 ändrade, 0 oförändrade",
        f"Läste in kommungrupper 2023 för 290 kommuner (A1 3, A2 36, B3 36, B4 36, B5 36, C6 36, C7 36, C8 36, "
        f"C9 35) som dataversion {version}",
    ]
    code, out, _ = call(capsys, "import-kommungrupper", str(path), "--db", demo_db)
    assert code == 0 and "Ingenting ändrades" in out
    code, out, _ = call(capsys, "history", "--db", demo_db)
    assert "Kommungruppsindelning_2023.xlsx, kommungrupper" in out and "groups av anna" in out


def test_import_kommungrupper_refuses_a_bad_file_naming_row_and_column(capsys, demo_db, tmp_path):
    rows = [r for r in builders.group_rows(builders.constructed_groups()) if r[1] != "0114"]
    path = tmp_path / "grupper.csv"
    path.write_bytes(builders.group_csv({}, rows=rows))
    code, out, err = call(capsys, "import-kommungrupper", str(path), "--db", demo_db)
    assert code == 1
    assert "Upplands Väsby (0114)" in err and "Ingenting sparades: filen har fel." in err
    assert Store(demo_db).municipality_groups(Store(demo_db).current_version()).empty


def test_metric_by_group_and_for_a_group(capsys, demo_db):
    store = Store(demo_db)
    builders.load_groups(store)
    code, out, err = call(capsys, "metric", "andel_ai_i_drift", "--niva", "grupp", "--json", "--db", demo_db)
    assert code == 0, err
    payload = json.loads(out)
    expected = metrics.compute(store, "andel_ai_i_drift", Filter(), by="grupp")
    assert [(p["area"], p["value"]) for p in payload] == [(r.area, r.value) for r in expected]
    assert [p["area"] for p in payload] == ["A1", "A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9"]
    code, out, _ = call(capsys, "metric", "mognadsindex", "--grupp", "A", "--json", "--db", demo_db)
    assert json.loads(out)["value"] == metrics.compute(store, "mognadsindex", Filter(grupp="A")).value


def test_several_municipalities_pool_into_one_figure(capsys, demo_db_template):
    code, out, err = call(capsys, "metric", "andel_ai_i_drift", "--ar", "2024", "--kommun", "0180", "1480",
                          "1280", "--json", "--db", demo_db_template)
    assert code == 0, err
    expected = metrics.compute(Store(demo_db_template), "andel_ai_i_drift",
                               Filter(ar=2024, kommun=("0180", "1280", "1480")))
    payload = json.loads(out)
    assert (payload["numerator"], payload["denominator"], payload["ci_low"]) == (
        expected.numerator, expected.denominator, expected.ci_low)
    assert payload["denominator"] > 1


def test_grupp_is_checked_like_every_filter(capsys, demo_db_template):
    code, _, err = call(capsys, "metric", "mognadsindex", "--grupp", "A7", "--db", demo_db_template)
    assert code != 0 and "Okänd kommungrupp ”A7”" in err and "A1, A2" in err
    code, _, err = call(capsys, "metric", "mognadsindex", "--grupp", "A1", "--db", demo_db_template)
    assert code != 0 and "Inga kommungrupper är inlästa" in err and "import-kommungrupper" in err
    code, _, err = call(capsys, "metric", "mognadsindex", "--niva", "grupp", "--db", demo_db_template)
    assert code != 0 and "import-kommungrupper" in err
    code, _, err = call(capsys, "metric", "mognadsindex", "--kommun", "0180", "18", "--db", demo_db_template)
    assert code != 0 and "Ogiltig kommunkod ”18”" in err


def test_export_of_one_group_keeps_the_upload_format(capsys, demo_db, tmp_path):
    store = Store(demo_db)
    builders.load_groups(store)
    target = tmp_path / "A1.csv"
    code, _, err = call(capsys, "export", "enkatsvar", "--grupp", "A1", "-o", str(target), "--db", demo_db)
    assert code == 0, err
    lines = target.read_text(encoding="utf-8").splitlines()
    everything = tmp_path / "alla.csv"
    call(capsys, "export", "enkatsvar", "-o", str(everything), "--db", demo_db)
    assert lines[0] == everything.read_text(encoding="utf-8").splitlines()[0]  # the same columns
    codes = {line.split(";")[2] for line in lines[1:]}
    assert codes and codes <= {"0180", "1480", "1280"}
    code, _, err = call(capsys, "export", "enkatsvar", "--grupp", "Z", "--db", demo_db)
    assert code != 0 and "Okänd kommungrupp" in err
