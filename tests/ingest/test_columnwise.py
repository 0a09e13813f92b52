"""Column-wise validation gives what checking every row one by one gives.

Validation parses each distinct cell text once and runs the per-row rules only
on rows that may have a problem; these tests compare that with the same
validation where every row goes through the per-row rules.
"""

from __future__ import annotations

import importlib
import random

import pandas as pd
import pyarrow as pa
import pytest

from adoption.ingest import validate
from adoption.ingest.personal import personal_data_cells, personal_data_message
from adoption.store.survey import response_tables

from .conftest import luhn_digit

NINE = "811218987"
PNR = f"{NINE[:6]}-{NINE[6:]}{luhn_digit(NINE)}"
HEADER = ["ar", "typ", "kommunkod", "kommun", "organisation", "org_kategori", "ai_strategi", "antal_initiativ",
          "antal_i_drift", "andel_utbildad_personal", "hinder", "mognad_vard_omsorg", "mognad_miljo", "anteckning"]
CHOICES = {
    "ar": ["2024", "2024", "", "20x4", "1999"],
    "typ": ["kommun", "kommun", "civilsamhalle", "", "bolag"],
    "kommunkod": ["0114", "1280", "", "", "9999", "12a"],
    "kommun": ["", "", "Malmö", "Malmoe", "Örebro stad", "Ingenstans", "Upplands Väsby"],
    "organisation": ["", "", "", "Förening A", "förening a ", "x" * 205],
    "org_kategori": ["", "", "idrott", "okänd"],
    "ai_strategi": ["ja", "nej", "pågår", "", "kanske"],
    "antal_initiativ": ["3", "0", "", "-1", "2,5", "1 000"],
    "antal_i_drift": ["1", "0", "", "5", "x", "4"],
    "andel_utbildad_personal": ["12,5", "", "150", "50 %", "abc"],
    "hinder": ["juridik|data", "", "okänt", "data, data"],
    "mognad_vard_omsorg": ["0", "3", ".", "", "5", "pilot", "x", "3,0"],
    "mognad_miljo": ["1", "", "-1", "I drift"],
    "anteckning": ["", "", "", "ring " + PNR, "a@b.se"],
}


def _file(rows: list[list[str]]) -> bytes:
    return ("\r\n".join(";".join(r) for r in [HEADER, *rows]) + "\r\n").encode("utf-8")


def _key(problem):
    return (problem.row, problem.column, problem.value, problem.message, problem.severity)


def _every_row_checked(monkeypatch):
    """Validation with every row through the per-row rules (the reference for the shortcut)."""
    module = importlib.import_module("adoption.ingest.validate")
    monkeypatch.setattr(module, "_rule_suspects", lambda columns, kind, year, matcher: range(len(columns["ar"])))


def _outcome(result):
    frame = None if result.frame is None else result.frame.to_dict("split")
    return [_key(p) for p in result.problems], result.fuzzy_matches, frame, result.source_rows


@pytest.mark.parametrize("year", [None, 2024])
def test_shortcut_gives_what_checking_every_row_gives(municipalities, monkeypatch, year):
    rng = random.Random(11 if year else 7)
    codes = municipalities["kommunkod"].tolist()
    rows = []
    for i in range(250):
        # Mostly good rows with one or two cells drawn from the choices (bad ones included).
        row = ["2024", "kommun", codes[i], "", "", "", "ja", "3", "1", "12,5", "data", "1", "", ""]
        for _ in range(rng.choice([0, 1, 1, 2])):
            column = rng.randrange(len(HEADER))
            row[column] = rng.choice(CHOICES[HEADER[column]])
        rows.append(row)
    rows.append(list(rows[3]))  # a duplicate answer
    good = ["2024", "kommun", "", "", "", "", "ja", "3", "1", "12,5", "data", "1", "", ""]
    names = (("kommun", "Malmoe"), ("kommun", "Stokholm"), ("kommun", "Orebro stad"), ("kommun", "Ingenstans"),
             ("kommunkod", "9999"))  # fuzzy, fuzzy, folded, unknown, unknown code
    for column, value in names:
        rows.append([value if c == column else g for c, g in zip(HEADER, good)])
    rows.append(["2024", "kommun", "0114", "Malmö"] + good[4:])  # name of another municipality
    rows.append(["2024", "kommun", "0115", "", "", "idrott"] + good[6:])  # civil-society field for a kommun
    rows.append(["2024", "civilsamhalle", "0117", "", ""] + good[5:])  # organisation missing
    data = _file(rows)
    fast = validate(data, "svar.csv", "enkatsvar", municipalities, year=year)
    dated = _file([r for r in rows if r[0] in ("2024", "")])
    clean = validate(dated, "svar.csv", "enkatsvar", municipalities, year=2024)
    _every_row_checked(monkeypatch)
    assert _outcome(validate(data, "svar.csv", "enkatsvar", municipalities, year=year)) == _outcome(fast)
    assert len(fast.problems) > 50 and any(p.message.startswith("samma svar som rad") for p in fast.problems)
    assert _outcome(validate(dated, "svar.csv", "enkatsvar", municipalities, year=2024)) == _outcome(clean)


def test_shortcut_for_initiatives(municipalities, monkeypatch):
    lines = ["ar;kommunkod;kommun;organisation;titel;sektor;mognad;samverkan"]
    rng = random.Random(3)
    for i in range(200):
        cells = ["2024", rng.choice(["0114", "1280", "", "9999"]), rng.choice(["", "Malmö", "Malmoe", "Nowhere"]),
                 rng.choice(["", "", "Förening"]), rng.choice(["Bot", "bot", "", f"Bot {i}"]),
                 rng.choice(["skola", "", "bogus", "vard_omsorg"]), rng.choice(["1", "4", "", "0", "pilot"]),
                 rng.choice(["", "0114", "0114,9999"])]
        lines.append(";".join(cells))
    data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    fast = validate(data, "initiativ.csv", "initiativ", municipalities)
    _every_row_checked(monkeypatch)
    assert _outcome(validate(data, "initiativ.csv", "initiativ", municipalities)) == _outcome(fast)
    assert len(fast.problems) > 50


def test_clean_rows_get_the_rule_corrections(municipalities):
    # Name only (exact and folded), year from the upload: no problems, codes and years filled in.
    rows = [["", "kommun", "", "Malmö", "", "", "ja", "2", "1", "10", "data", "1", "", ""],
            ["", "kommun", "", "orebro", "", "", "nej", "", "", "", "", "", "", ""]]
    result = validate(_file(rows), "svar.csv", "enkatsvar", municipalities, year=2024)
    assert [p for p in result.problems if p.severity == "fel"] == []
    assert result.frame["kommunkod"].tolist() == ["1280", "1880"]
    assert result.frame["ar"].tolist() == [2024, 2024]


def test_initiative_rows_of_text_only_are_checked(municipalities):
    # A row whose parsed values are all text or empty (pandas 3 made such a row a text
    # Series with NaN in the duplicate check, which then failed on .lower()).
    data = ("ar;kommunkod;organisation;titel;sektor;mognad\r\n"
            "abc;0114;;Chattbot;skola;9\r\n"
            "2024;0114;;chattbot;skola;2\r\n"
            "2024;0114;;Chattbot;skola;2\r\n").encode("utf-8")
    result = validate(data, "initiativ.csv", "initiativ", municipalities)
    messages = [(p.row, p.message) for p in result.problems]
    assert any(row == 2 and "heltal" in message for row, message in messages)
    assert any(row == 4 and message.startswith("samma titel som rad 3") for row, message in messages)


def test_personal_data_cells_matches_the_cell_check():
    cells = ["", "x", "a@b.se", PNR, f"tel {PNR} ", "19" + PNR.replace("-", ""), "802002-1234", "\x00@\x00",
             "١٢٣٤٥٦٧٨٩٠", "1234567890", "12345\x0067890", "a@b.se", "text", PNR[:-1]] * 3
    expected = {i: personal_data_message(c) for i, c in enumerate(cells) if personal_data_message(c)}
    assert personal_data_cells(cells) == expected
    assert personal_data_cells(["1", "2", ""]) == {}


def test_response_tables_keep_missing_values_and_lists(tmp_path):
    frame = pd.DataFrame({
        "ar": pd.array([2024, 2024, 2024], dtype="Int64"),
        "typ": ["kommun", "civilsamhalle", "civilsamhalle"],
        "kommunkod": ["0114", "0114", "1280"],
        "organisation": [None, " Förening ", float("nan")],
        "organisationsnummer": [None, None, "802002-1234"],
        "hinder": [("juridik", "data"), None, ["teknik"]],
        "andel_utbildad_personal": [float("nan"), 1.5, None],
        "riktlinjer_genai": [True, pd.NA, False],
        "mognad_vard_omsorg": pd.array([1, None, -1], dtype="Int8"),
        "mognad_miljo": [2.0, float("nan"), None],
    }, dtype=object).astype({"mognad_vard_omsorg": "Int8"})
    responses, stages = response_tables(frame, 10)
    assert responses.column("row_id").to_pylist() == [10, 11, 12]
    assert responses.column("org_key").to_pylist() == ["", "förening", "802002-1234"]
    assert responses.column("organisation").to_pylist() == [None, " Förening ", None]
    assert responses.column("hinder").to_pylist() == [["juridik", "data"], None, ["teknik"]]
    assert responses.column("andel_utbildad_personal").to_pylist() == [None, 1.5, None]
    assert responses.column("riktlinjer_genai").to_pylist() == [True, None, False]
    assert responses.column("ai_budget_tkr").to_pylist() == [None, None, None]
    rows = sorted(zip(*(stages.column(c).to_pylist() for c in ("row_id", "sector", "stage"))))
    assert rows == [(10, "miljo", 2), (10, "vard_omsorg", 1), (12, "vard_omsorg", -1)]
    assert stages.schema.field("stage").type == pa.int8()
    empty_responses, empty_stages = response_tables(frame.iloc[0:0], 1)
    assert empty_responses.num_rows == 0 and empty_stages.num_rows == 0
