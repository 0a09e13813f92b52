"""Upload templates: drop-down lists, instructions, and a filled-in template that validates and loads."""

from __future__ import annotations

import io

import openpyxl
import pytest

from adoption.formats import INITIATIVE_COLUMNS, survey_columns
from adoption.ingest import pipeline, reference, templates
from tests import builders


@pytest.fixture(scope="module")
def municipalities():
    return reference.municipalities()


def _book(kind, municipalities):
    return openpyxl.load_workbook(io.BytesIO(templates.template_xlsx(kind, municipalities)))


@pytest.mark.parametrize("kind, sheet, header", [("enkatsvar", "Enkätsvar", survey_columns()),
                                                 ("initiativ", "Initiativ", INITIATIVE_COLUMNS),
                                                 ("befolkning", "Befolkning", ("kommunkod", "kommun", "ar", "befolkning"))])
def test_xlsx_has_header_instructions_and_dropdowns(kind, sheet, header, municipalities):
    book = _book(kind, municipalities)
    assert book.sheetnames[0] == sheet and "Instruktioner" in book.sheetnames
    data = book[sheet]
    assert tuple(c.value for c in data[1]) == header
    assert "Mall för" in book["Instruktioner"]["A1"].value
    validations = {str(dv.sqref).split(":")[0][:-1]: dv for dv in data.data_validations.dataValidation}
    letters = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(header)}
    assert validations[letters["ar"]].type == "whole"
    if kind == "befolkning":
        assert data.max_row == 291 and data["A2"].value == "0114" and data["B2"].value == "Upplands Väsby"
        return
    lists = book["Listor"]
    assert lists.sheet_state == "hidden"

    def allowed(column):
        dv = validations[letters[column]]
        assert dv.type == "list"
        ref = dv.formula1.split("!")[1].replace("$", "")
        return [c.value for row in lists[ref] for c in row]

    assert len(allowed("kommun")) == 290
    if kind == "enkatsvar":
        assert allowed("typ") == ["Kommun", "Civilsamhälle"]
        assert allowed("ai_strategi") == ["Nej", "Pågår", "Ja"]
        assert allowed("mognad_miljo")[-1] == "." and len(allowed("mognad_miljo")) == 6
        assert allowed("riktlinjer_genai") == ["ja", "nej"]
    else:
        assert len(allowed("sektor")) == 9 and len(allowed("mognad")) == 4 and "Chattbot" in allowed("teknik")


def test_csv_templates(municipalities):
    text = templates.template_csv("enkatsvar").decode("utf-8-sig")
    assert text == ";".join(survey_columns()) + "\r\n"
    assert templates.template_csv("initiativ").decode("utf-8-sig").startswith("ar;kommunkod;kommun;organisation;titel")
    population = templates.template_csv("befolkning", municipalities).decode("utf-8-sig").splitlines()
    assert population[0] == "kommunkod;kommun;ar;befolkning" and len(population) == 291


def _fill(book, sheet, rows):
    data = book[sheet]
    header = [c.value for c in data[1]]
    for offset, row in enumerate(rows, start=2):
        for key, value in row.items():
            data.cell(row=offset, column=header.index(key) + 1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_filled_templates_validate_and_load(tmp_db, municipalities):
    store = builders.initialised_store(tmp_db)

    # every drop-down value must be accepted: fill one row per allowed value
    book = _book("enkatsvar", municipalities)
    stage_labels = ["Ingen aktivitet", "Planerad / utforskar", "Pilot", "I drift", "I drift, utvärderad och spridd", "."]
    rows = []
    for i, label in enumerate(stage_labels):
        rows.append({"ar": 2024, "typ": "Kommun", "kommun": ["Malmö", "Lund", "Ale", "Kiruna", "Umeå", "Visby"][i]
                     if i < 5 else "Gotland", "ai_strategi": ["Nej", "Pågår", "Ja"][i % 3],
                     "riktlinjer_genai": "ja", "mognad_miljo": label, "mognad_vard_omsorg": "Pilot"})
    rows.append({"ar": 2024, "typ": "Civilsamhälle", "kommun": "Lund", "organisation": "IK Lund",
                 "org_kategori": "Idrott", "deltar_kraftsamling": "nej"})
    prepared = pipeline.prepare(_fill(book, "Enkätsvar", rows), "mall_enkatsvar.xlsx", "enkatsvar", store)
    assert prepared.ok and prepared.result.errors == [], prepared.result.problems
    assert list(prepared.result.frame["mognad_miljo"]) == [0, 1, 2, 3, 4, -1, None]
    assert pipeline.commit(prepared, store, uploaded_by="mall").version == 1

    book = _book("initiativ", municipalities)
    data = _fill(book, "Initiativ", [{"ar": 2024, "kommun": "Lund", "titel": "Chattbot", "sektor": "Kultur och fritid",
                                      "mognad": "I drift, utvärderad och spridd", "teknik": "Chattbot",
                                      "utvarderad": "ja"}])
    prepared = pipeline.prepare(data, "mall_initiativ.xlsx", "initiativ", store)
    assert prepared.ok, prepared.result.problems
    assert prepared.result.frame.iloc[0][["sektor", "mognad", "teknik"]].tolist() == ["kultur_fritid", 4, "chattbot"]

    book = _book("befolkning", municipalities)
    data = _fill(book, "Befolkning", [{"ar": 2024, "befolkning": 1000 + i} for i in range(290)])
    prepared = pipeline.prepare(data, "mall_befolkning.xlsx", "befolkning", store)
    assert prepared.ok, prepared.result.problems
    assert pipeline.commit(prepared, store, uploaded_by="mall").version == 2
    assert store.population(2).iloc[0]["population"] == 1000
