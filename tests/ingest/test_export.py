"""Exports: upload format, missing-data codes kept apart, formulas neutralised."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption.ingest import export
from adoption.store import Store
from adoption.vocab import NOT_APPLICABLE
from tests import builders


@pytest.mark.parametrize(
    "text, expected",
    [("=SUM(A1)", "'=SUM(A1)"), ("+46 8", "'+46 8"), ("-1", "'-1"), ("@cmd", "'@cmd"),
     ("Malmö", "Malmö"), ("", ""), (None, None)],
)
def test_neutralise(text, expected):
    assert export.neutralise(text) == expected


@pytest.fixture
def store(tmp_db) -> Store:
    store = builders.initialised_store(tmp_db)
    store.add_survey(
        pd.DataFrame([
            {"ar": 2024, "typ": "civilsamhalle", "kommunkod": "1280", "organisation": "=HYPERLINK(\"x\")",
             "org_kategori": "idrott", "ai_strategi": 1, "riktlinjer_genai": False, "andel_utbildad_personal": 45.5,
             "ai_budget_tkr": 1200.0, "hinder": ("data", "etik"), "mognad_vard_omsorg": NOT_APPLICABLE,
             "mognad_utbildning": 2},
        ]),
        pd.DataFrame([
            {"ar": 2024, "kommunkod": "1280", "titel": "@Chattbot", "sektor": "utbildning", "mognad": 2,
             "nytta": ("tid",), "utvarderad": None, "samverkan": ("1281", "1282")},
        ]),
        action="upload", description="test", created_by="test",
    )
    return store


def test_survey_export_cells(store):
    row = export.survey_frame(store, 1).iloc[0].to_dict()
    assert row["organisation"] == "'=HYPERLINK(\"x\")"
    assert row["kommun"] == "Malmö"
    assert row["ai_strategi"] == "pagar" and row["riktlinjer_genai"] == "nej"
    assert row["andel_utbildad_personal"] == "45,5" and row["ai_budget_tkr"] == "1200"
    assert row["hinder"] == "data,etik"
    assert row["mognad_vard_omsorg"] == "." and row["mognad_utbildning"] == "2" and row["mognad_miljo"] == ""
    assert row["antal_initiativ"] == "" and row["deltar_kraftsamling"] == ""


def test_initiative_export_cells(store):
    row = export.initiative_frame(store, 1).iloc[0].to_dict()
    assert row["titel"] == "'@Chattbot"
    assert row["utvarderad"] == "" and row["samverkan"] == "1281,1282" and row["mognad"] == "2"


def test_csv_is_utf8_semicolon_without_bom(store):
    data = export.to_csv_bytes(export.survey_frame(store, 1))
    assert not data.startswith(b"\xef\xbb\xbf")
    header, first = data.decode("utf-8").splitlines()[:2]
    assert header.startswith("ar;typ;kommunkod;kommun;")
    assert ";Malmö;" in first
