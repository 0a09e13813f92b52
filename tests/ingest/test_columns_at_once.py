"""Every missing and unmapped column and every bad cell in one report; names that match nothing
come with the closest names to pick from."""

from __future__ import annotations

import pytest

from adoption.ingest import reference
from adoption.ingest.validate import validate


@pytest.fixture(scope="module")
def municipalities():
    return reference.municipalities()


def test_missing_and_unmapped_columns_and_bad_cells_in_one_round(municipalities):
    data = ("Kommun;Typ av svarande;Kommentar;Mognad miljö;Epost\r\n"
            "Malmö;kommun;x;idrift;anna@kommun.se\r\n").encode()
    result = validate(data, "x.csv", "enkatsvar", municipalities)
    assert result.missing_columns == ["ar", "typ"] and result.frame is None
    messages = [str(p) for p in result.problems]
    missing = next(m for m in messages if m.startswith("Obligatoriska kolumner saknas: ar, typ."))
    assert "”Typ av svarande”, ”Kommentar”, ”Epost”" in missing
    assert any(m.startswith("Rad 2, kolumn ”Mognad miljö”: ”idrift” är inte en mognadsnivå") for m in messages)
    assert any(m.startswith("Rad 2, kolumn ”Epost”") and "e-post" in m for m in messages)
    assert "anna@kommun.se" not in " ".join(messages)


def test_columns_in_file_and_chosen_headers(municipalities):
    data = "År;Typ av svarande;Kommun;Varav i drift\r\n2026;kommun;Malmö;2\r\n".encode()
    result = validate(data, "x.csv", "enkatsvar", municipalities,
                      column_mapping={"Typ av svarande": "typ", "Varav i drift": "antal_i_drift"})
    assert result.ok and result.chosen_headers == ["Typ av svarande", "Varav i drift"]
    assert result.columns_in_file == ("ar", "typ", "kommunkod", "antal_i_drift")
    chosen_year = validate("typ;kommun\r\nkommun;Malmö\r\n".encode(), "x.csv", "enkatsvar", municipalities, year=2026)
    assert chosen_year.columns_in_file == ("ar", "typ", "kommunkod")


def test_an_unknown_name_lists_the_closest_names(municipalities):
    result = validate("ar;typ;kommun\r\n2026;kommun;Strömsås\r\n".encode(), "x.csv", "enkatsvar", municipalities)
    [unknown] = result.unknown_names
    assert (unknown.row, unknown.value) == (2, "Strömsås")
    assert [code for code, _name, _score in unknown.candidates] == ["1486", "0488", "0834"]


def test_the_stage_message_names_the_templates_words(municipalities):
    result = validate("ar;typ;kommun;mognad_miljo\r\n2026;kommun;Malmö;idrift\r\n".encode(), "x.csv", "enkatsvar",
                      municipalities)
    [problem] = result.errors
    assert "”Pilot”, ”I drift” eller ”I drift, utvärderad och spridd”" in problem.message
    assert "(i_drift)" not in problem.message and "3 (" not in problem.message
