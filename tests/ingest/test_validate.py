import pytest

from adoption.ingest import read, validate
from adoption.vocab import NOT_APPLICABLE

from .conftest import luhn_digit, xlsx_bytes

HEADER_A = ["År", "Typ", "Kommun", "Organisation", "Organisationsnummer", "Org kategori", "AI strategi",
            "Riktlinjer GenAI", "Antal initiativ", "Antal i drift", "Andel utbildad personal", "AI budget tkr",
            "Hinder", "Deltar kraftsamling", "Mognad vård omsorg", "Mognad kollektivtrafik"]
ORG9 = "802002123"
ORGNR = f"{ORG9[:6]}-{ORG9[6:]}{luhn_digit(ORG9)}"


def _row(frame, i):
    return {k: v for k, v in frame.iloc[i].to_dict().items()}


def _errors(result):
    return [p for p in result.problems if p.severity == "fel"]


def _csv(lines, delimiter=";"):
    def cell(c):
        return f'"{c}"' if delimiter in c and not c.startswith('"') else c

    return "\r\n".join(delimiter.join(cell(c) for c in cells) for cells in lines) + "\r\n"


GOOD_LINES = [
    HEADER_A,
    ["2024", "kommun", "Malmo", "", "", "", "Pågår", "j", "1 200", "12", "45,5 %", "1\u00a0200,5",
     "Juridik; kompetens", "x", "I drift", "."],
    ["2024", "Förening", "Orebro stad", "Örebro Schackklubb", ORGNR, "Idrott", "nej", "nej", "3", "0", "",
     "0", "", "", "", ""],
]


def _check_good(result):
    assert _errors(result) == [], result.problems
    frame = result.frame
    first = _row(frame, 0)
    assert first["ar"] == 2024 and first["typ"] == "kommun" and first["kommunkod"] == "1280"
    assert first["organisation"] is None and first["ai_strategi"] == 1 and first["riktlinjer_genai"] is True
    assert first["antal_initiativ"] == 1200 and first["antal_i_drift"] == 12
    assert first["andel_utbildad_personal"] == 45.5 and first["ai_budget_tkr"] == 1200.5
    assert first["hinder"] == ("juridik", "kompetens") and first["deltar_kraftsamling"] is True
    assert first["mognad_vard_omsorg"] == 3 and first["mognad_kollektivtrafik"] == NOT_APPLICABLE
    assert first["mognad_miljo"] is None
    second = _row(frame, 1)
    assert second["typ"] == "civilsamhalle" and second["kommunkod"] == "1880"
    assert second["organisation"] == "Örebro Schackklubb" and second["organisationsnummer"] == ORGNR
    assert second["org_kategori"] == "idrott" and second["ai_strategi"] == 0 and second["riktlinjer_genai"] is False
    assert second["andel_utbildad_personal"] is None and second["ai_budget_tkr"] == 0.0
    assert second["hinder"] is None and second["mognad_vard_omsorg"] is None
    assert list(frame.columns)[:3] == ["ar", "typ", "kommunkod"] and "kommun" not in frame.columns


def test_cp1252_semicolon_decimal_comma(municipalities):
    data = ("Enkät 2024\r\n" + _csv(GOOD_LINES)).encode("cp1252")
    result = validate(data, "svar.csv", "enkatsvar", municipalities)
    _check_good(result)
    assert result.source_rows == [3, 4]


def test_utf16_tab(municipalities):
    data = _csv(GOOD_LINES, "\t").encode("utf-16")
    _check_good(validate(data, "svar.txt", "enkatsvar", municipalities))


def test_utf8_bom_comma(municipalities):
    lines = [[f'"{c}"' if ("," in c or ";" in c) else c for c in line] for line in GOOD_LINES]
    data = ("\ufeff" + _csv(lines, ",")).encode("utf-8")
    _check_good(validate(data, "svar.csv", "enkatsvar", municipalities))


def test_xlsx_title_rows_numbers_as_numbers(municipalities):
    rows = [["Enkätsvar", None], [None], ["ar", "typ", "kommunkod", "antal_initiativ", "andel_utbildad_personal", None],
            [2024, "kommun", 114, 7, 45.5, None], [2024, "kommun", "0980", "1 200", "12 %", None], [None] * 6,
            [None] * 6]
    result = validate(xlsx_bytes(rows), "svar.xlsx", "enkatsvar", municipalities)
    assert _errors(result) == []
    assert result.frame["kommunkod"].tolist() == ["0114", "0980"]
    assert result.frame["antal_initiativ"].tolist() == [7, 1200]
    assert result.frame["andel_utbildad_personal"].tolist() == [45.5, 12.0]
    assert result.source_rows == [4, 5]


@pytest.mark.parametrize("name, code", [("Malmo", "1280"), ("Goteborg", "1480"), ("Orebro stad", "1880"),
                                        ("Upplands-Väsby", "0114"), ("Region Gotland", "0980"),
                                        ("Habo", "0643"), ("Håbo", "0305")])
def test_names_without_diacritics(municipalities, name, code):
    data = _csv([["ar", "typ", "kommun"], ["2024", "kommun", name]]).encode()
    result = validate(data, "svar.csv", "enkatsvar", municipalities)
    assert _errors(result) == [] and result.frame["kommunkod"].tolist() == [code]
    assert result.fuzzy_matches == []


def test_fuzzy_match_listed_for_confirmation(municipalities):
    data = _csv([["ar", "typ", "kommun"], ["2024", "kommun", "Malmoe stad"]]).encode()
    result = validate(data, "svar.csv", "enkatsvar", municipalities)
    assert result.frame["kommunkod"].tolist() == ["1280"]
    [match] = result.fuzzy_matches
    assert (match.row, match.kommunkod, match.name) == (2, "1280", "Malmö")


def test_year_chosen_when_uploading(municipalities):
    data = _csv([["typ", "kommunkod"], ["kommun", "114"]]).encode()
    result = validate(data, "svar.csv", "enkatsvar", municipalities, year=2023)
    assert result.frame["ar"].tolist() == [2023]


def test_column_mapping(municipalities):
    data = _csv([["Verksamhetsår", "typ", "Kommun nr"], ["2024", "kommun", "114"]]).encode()
    result = validate(data, "svar.csv", "enkatsvar", municipalities,
                      column_mapping={"Verksamhetsår": "ar", "Kommun nr": "kommunkod"})
    assert result.frame["kommunkod"].tolist() == ["0114"]
    assert result.column_mapping == {"Verksamhetsår": "ar", "typ": "typ", "Kommun nr": "kommunkod"}


def test_initiatives(municipalities):
    data = _csv([["ar", "kommun", "titel", "sektor", "mognad", "teknik", "nytta", "utvarderad", "samverkan",
                  "beskrivning"],
                 ["2024", "Lund", "'=Chattbot", "Vård och omsorg", "pilot", "Chattbot", "tid|kvalitet", "ja",
                  "1280, 114", "Svarar på frågor"]]).encode()
    result = validate(data, "initiativ.csv", "initiativ", municipalities)
    assert _errors(result) == []
    row = _row(result.frame, 0)
    assert row == {"ar": 2024, "kommunkod": "1281", "organisation": None, "titel": "=Chattbot",
                   "sektor": "vard_omsorg", "mognad": 2, "teknik": "chattbot", "beskrivning": "Svarar på frågor",
                   "nytta": ("tid", "kvalitet"), "utvarderad": True, "samverkan": ("1280", "0114"), "kalla": None}


# --- bad files ----------------------------------------------------------------


def _bad(municipalities, lines, kind="enkatsvar", **kw):
    data = _csv(lines).encode()
    result = validate(data, "svar.csv", kind, municipalities, **kw)
    assert result.frame is None
    return _errors(result)


def test_empty_file(municipalities):
    result = validate(b"", "tom.csv", "enkatsvar", municipalities)
    assert result.frame is None and "tom" in result.problems[0].message and result.problems[0].row is None


def test_header_only(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun"]])
    assert "inga datarader" in error.message


def test_binary_junk(municipalities):
    result = validate(bytes(range(256)) * 50, "junk.csv", "enkatsvar", municipalities)
    assert result.frame is None and "junk.csv" in result.problems[0].message


def test_corrupt_xlsx(municipalities):
    good = xlsx_bytes([["ar"], [2024]])
    result = validate(good[:300], "trasig.xlsx", "enkatsvar", municipalities)
    assert result.frame is None and "trasig.xlsx" in result.problems[0].message


def test_over_row_limit(municipalities, monkeypatch):
    monkeypatch.setattr(read, "MAX_ROWS", 3)
    errors = _bad(municipalities, [["ar", "typ", "kommunkod"]] + [["2024", "kommun", "114"]] * 20)
    assert "3 rader" in errors[0].message or "3 rader" in errors[0].message.replace("\u00a0", " ")


def test_unknown_municipality_with_suggestion(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun"], ["2024", "kommun", "Malmöhus"]])
    assert error.row == 2 and error.message.startswith("Okänd kommun ”Malmöhus”. Menade du: Malmö (1280)")


def test_ambiguous_name(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun"], ["2024", "kommun", "Hbo"]])
    assert "Habo (0643)" in error.message and "Håbo (0305)" in error.message


def test_unknown_code(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommunkod"], ["2024", "kommun", "9999"]])
    assert "9999" in error.message


def test_missing_required_column(municipalities):
    [error] = _bad(municipalities, [["ar", "kommun"], ["2024", "Lund"]])
    assert error.row is None and "typ" in error.message
    errors = _bad(municipalities, [["ar", "kommun", "titel"], ["2024", "Lund", "x"]], kind="initiativ")
    assert "sektor" in errors[0].message and "mognad" in errors[0].message


def test_out_of_range_and_all_rows_reported(municipalities):
    errors = _bad(municipalities, [
        ["ar", "typ", "kommunkod", "andel_utbildad_personal", "ai_budget_tkr", "antal_initiativ", "antal_i_drift"],
        ["2014", "kommun", "114", "45", "", "", ""],
        ["2024", "kommun", "115", "101 %", "-5", "", ""],
        ["2024", "kommun", "117", "50", "", "3", "4"],
        ["2024", "kommun", "120", "abc", "", "", ""],
    ])
    found = {(e.row, e.column) for e in errors}
    assert found == {(2, "ar"), (3, "andel_utbildad_personal"), (3, "ai_budget_tkr"), (4, "antal_i_drift"),
                     (5, "andel_utbildad_personal")}
    assert any("2015" in e.message for e in errors if e.row == 2)
    assert any("större än antal initiativ" in e.message for e in errors if e.row == 4)


def test_duplicate_municipality_year_names_both_rows(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun"], ["2024", "kommun", "Malmö"], ["2024", "kommun", "Lund"],
                                    ["2024", "kommun", "1280"]])
    assert error.row == 4 and "rad 2" in error.message and "Malmö (1280)" in error.message


def test_duplicate_organisation(municipalities):
    errors = _bad(municipalities, [["ar", "typ", "kommun", "organisation", "organisationsnummer"],
                                   ["2024", "förening", "Lund", "IK Lund", ORGNR],
                                   ["2024", "förening", "Malmö", "IK Lund (nytt namn)", ORGNR],
                                   ["2024", "förening", "Lund", "Kören", ""],
                                   ["2024", "förening", "Lund", "kören", ""]])
    assert [(e.row, "rad 2" in e.message or "rad 4" in e.message) for e in errors] == [(3, True), (5, True)]


def test_civil_society_needs_organisation(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun"], ["2024", "civilsamhälle", "Lund"]])
    assert error.column == "organisation"


def test_email_cell(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun", "kontakt"],
                                    ["2024", "kommun", "Lund", "anna.svensson@lund.se"]])
    assert (error.row, error.column) == (2, "kontakt") and "e-postadress" in error.message
    assert "anna.svensson" not in error.value


def test_personnummer_cell(municipalities):
    nine = "811218987"
    pnr = f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"
    [error] = _bad(municipalities, [["ar", "typ", "kommun", "organisation"],
                                    ["2024", "kommun", "Lund", f"Kontakt {pnr}"]])
    assert (error.row, error.column) == (2, "organisation") and "personnummer" in error.message
    assert pnr not in error.value and pnr not in error.message


def test_idrift_refused(municipalities):
    [error] = _bad(municipalities, [["ar", "typ", "kommun", "mognad_miljo"], ["2024", "kommun", "Lund", "idrift"]])
    assert (error.row, error.column, error.value) == (2, "mognad_miljo", "idrift")


def test_initiative_stage_zero_refused(municipalities):
    errors = _bad(municipalities, [["ar", "kommun", "titel", "sektor", "mognad"], ["2024", "Lund", "X", "miljo", "0"]],
                  kind="initiativ")
    assert [(e.row, e.column) for e in errors] == [(2, "mognad")]


def test_unknown_columns_warning_only(municipalities):
    data = _csv([["ar", "typ", "kommun", "Kommentar", "Kontaktperson"], ["2024", "kommun", "Lund", "bra", "Anna"]])
    result = validate(data.encode(), "svar.csv", "enkatsvar", municipalities)
    assert result.frame is not None and result.unknown_columns == ["Kommentar", "Kontaktperson"]
    [warning] = result.problems
    assert warning.severity == "varning" and "Kommentar" in warning.message


def test_habo_and_habo_are_different(municipalities):
    data = _csv([["ar", "typ", "kommun"], ["2024", "kommun", "Habo"], ["2024", "kommun", "Håbo kommun"]]).encode()
    result = validate(data, "svar.csv", "enkatsvar", municipalities)
    assert result.frame["kommunkod"].tolist() == ["0643", "0305"] and _errors(result) == []


def test_mixed_delimiters(municipalities):
    result = validate(b"ar;typ;kommun\n2024;kommun;Lund\n2024,kommun,Lund\n", "x.csv", "enkatsvar", municipalities)
    assert result.frame is None and "rad 3" in result.problems[0].message
