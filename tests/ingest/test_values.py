import pytest

from adoption.ingest import values as v
from adoption.vocab import NOT_APPLICABLE


@pytest.mark.parametrize(
    "cell, expected",
    [("3", 3), ("i_drift", 3), ("I DRIFT", 3), ("i drift", 3), ("In production", 3), ("Planerad / utforskar", 1),
     ("PILOT", 2), ("skalad", 4), ("I drift, utvärderad och spridd", 4), ("i drift, utvarderad och spridd", 4),
     (".", NOT_APPLICABLE), ("", None), ("  ", None), ("0", 0), ("Ingen aktivitet", 0), ("2,0", 2)],
)
def test_stage(cell, expected):
    assert v.stage(cell) == expected


@pytest.mark.parametrize("cell", ["idrift", "5", "-1", "drift"])
def test_stage_refused(cell):
    with pytest.raises(v.CellError, match="mognadsnivå"):
        v.stage(cell)


@pytest.mark.parametrize("cell, expected", [("ja", True), ("J", True), ("Yes", True), ("TRUE", True), ("1", True),
                                            ("x", True), ("nej", False), ("n", False), ("no", False),
                                            ("false", False), ("0", False), ("", None)])
def test_yes_no(cell, expected):
    assert v.yes_no(cell) is expected


def test_yes_no_refused():
    with pytest.raises(v.CellError):
        v.yes_no("kanske")


@pytest.mark.parametrize("cell, expected", [("nej", 0), ("pagar", 1), ("Pågår", 1), ("ja", 2), ("0", 0), ("1", 1),
                                            ("2", 2), ("In progress", 1), ("No", 0), ("YES", 2), ("", None)])
def test_strategy(cell, expected):
    assert v.strategy(cell) == expected


def test_categories_and_types():
    assert v.term("Idrott", "org_kategori") == "idrott"
    assert v.term("Övrigt", "org_kategori") == "ovrigt"
    assert v.term("Förening", "typ") == "civilsamhalle"
    assert v.term("civilsamhälle", "typ") == "civilsamhalle"
    with pytest.raises(v.CellError):
        v.term("sport", "org_kategori")


@pytest.mark.parametrize("cell, expected", [("1 200", 1200), ("1\u00a0200", 1200), ("1\u202f200", 1200),
                                            ("12", 12), ("12,0", 12), ("", None)])
def test_integer(cell, expected):
    assert v.integer(cell) == expected


@pytest.mark.parametrize("cell", ["12,5", "tolv", "1.2.3"])
def test_integer_refused(cell):
    with pytest.raises(v.CellError):
        v.integer(cell)


@pytest.mark.parametrize("cell, expected", [("45", 45.0), ("45 %", 45.0), ("45,5", 45.5), ("45,5%", 45.5),
                                            ("45.5", 45.5)])
def test_percent(cell, expected):
    assert v.decimal(cell, percent=True) == expected


def test_decimal_thousands():
    assert v.decimal("1 200,5") == 1200.5
    assert v.decimal("1\u00a0200") == 1200.0
    with pytest.raises(v.CellError):
        v.decimal("45 %")  # percent sign only in percent columns


def test_lists():
    assert v.term_list("juridik; kompetens", "hinder") == ("juridik", "kompetens")
    assert v.term_list("Juridik,Säkerhet|data", "hinder") == ("juridik", "sakerhet", "data")
    assert v.term_list("", "hinder") is None
    with pytest.raises(v.CellError, match="”pengar”"):
        v.term_list("juridik;pengar", "hinder")


def test_kommunkod():
    assert v.kommunkod("114") == "0114"
    assert v.kommunkod("0114") == "0114"
    assert v.kommunkod("1280") == "1280"
    assert v.kommunkod_list("114, 1280") == ("0114", "1280")
    with pytest.raises(v.CellError):
        v.kommunkod("12345")


def test_organisationsnummer():
    from .conftest import luhn_digit

    nine = "802002123"
    good = nine + luhn_digit(nine)
    assert v.organisationsnummer(good) == f"{good[:6]}-{good[6:]}"
    assert v.organisationsnummer(f"{good[:6]}-{good[6:]}") == f"{good[:6]}-{good[6:]}"
    bad = nine + str((int(luhn_digit(nine)) + 1) % 10)
    with pytest.raises(v.CellError, match="kontrollsiffra"):
        v.organisationsnummer(bad)


def test_text_unneutralises_export_apostrophe():
    assert v.text("'=SUM(A1)") == "=SUM(A1)"
    assert v.text("'-minus") == "-minus"
    assert v.text("'citat'") == "'citat'"
    with pytest.raises(v.CellError, match="200"):
        v.text("x" * 201, max_length=200)
