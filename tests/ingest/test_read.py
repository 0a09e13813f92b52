import pytest

from adoption.errors import InputError, UnreadableFileError
from adoption.ingest import read
from adoption.ingest.headers import known_names, normalise

from .conftest import xlsx_bytes

KNOWN = known_names("enkatsvar")


def score(row):
    return sum(1 for c in row if normalise(c) in KNOWN)


def test_cp1252_semicolon_with_title_rows():
    text = "Enkät om AI 2024\r\n\r\nÅr;Typ;Kommun;Andel utbildad personal\r\n2024;kommun;Malmö;45,5\r\n"
    table = read.read_table(text.encode("cp1252"), "svar.csv", score)
    assert table.encoding == "cp1252" and table.delimiter == ";"
    assert table.header == ["År", "Typ", "Kommun", "Andel utbildad personal"]
    assert table.rows == [["2024", "kommun", "Malmö", "45,5"]]
    assert table.row_numbers == [4] and table.header_row == 3


def test_utf16_tab():
    text = "ar\ttyp\tkommunkod\r\n2024\tkommun\t114\r\n"
    table = read.read_table(text.encode("utf-16"), "svar.txt", score)
    assert table.delimiter == "\t" and table.rows == [["2024", "kommun", "114"]]


def test_utf8_bom_comma_quoted():
    text = '\ufeffar,typ,kommun,hinder\n2024,kommun,"Malmö","juridik,data"\n'
    table = read.read_table(text.encode("utf-8"), "svar.csv", score)
    assert table.encoding == "utf-8-sig" and table.rows == [["2024", "kommun", "Malmö", "juridik,data"]]


def test_mixed_delimiters_name_the_row():
    text = "ar;typ;kommun\n2024;kommun;Malmö\n2024,kommun,Lund\n"
    with pytest.raises(InputError, match="rad 3"):
        read.read_table(text.encode(), "svar.csv", score)


def test_xlsx_title_rows_numbers_trailing_empties():
    data = xlsx_bytes([["Enkätsvar 2024"], [None], ["ar", "typ", "kommunkod", None], [2024, "kommun", 114, None],
                       [2024.0, "kommun", 1280, None], [None, None, None, None]])
    table = read.read_table(data, "svar.xlsx", score)
    assert table.header == ["ar", "typ", "kommunkod"]
    assert table.rows == [["2024", "kommun", "114"], ["2024", "kommun", "1280"]]
    assert table.row_numbers == [4, 5]


def test_xlsx_named_sheet_preferred():
    data = xlsx_bytes([["annat"]], sheet="Info", extra_sheets=[("ENKATSVAR", [["ar", "typ"], [2024, "kommun"]])])
    table = read.read_table(data, "svar.xlsx", score)
    assert table.sheet == "ENKATSVAR" and table.rows == [["2024", "kommun"]]


def test_unreadable_files():
    with pytest.raises(UnreadableFileError, match="tom"):
        read.read_table(b"", "tom.csv", score)
    with pytest.raises(UnreadableFileError, match="junk.csv"):
        read.read_table(bytes(range(256)) * 20, "junk.csv", score)
    with pytest.raises(UnreadableFileError, match="Excel"):
        read.read_table(b"PK\x03\x04" + b"trasig" * 100, "trasig.xlsx", score)
    good = xlsx_bytes([["ar"], [2024]])
    with pytest.raises(UnreadableFileError):
        read.read_table(good[: len(good) // 2], "halv.xlsx", score)


def test_limits(monkeypatch):
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 100)
    with pytest.raises(InputError, match="största tillåtna storlek"):
        read.read_table(b"ar;typ\n" + b"2024;kommun\n" * 20, "stor.csv", score)
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 10**6)
    monkeypatch.setattr(read, "MAX_ROWS", 5)
    with pytest.raises(InputError, match="rader"):
        read.read_table(b"ar;typ\n" + b"2024;kommun\n" * 20, "lang.csv", score)
    with pytest.raises(InputError, match="rader"):
        read.read_table(xlsx_bytes([["ar", "typ"]] + [[2024, "kommun"]] * 20), "lang.xlsx", score)
    monkeypatch.setattr(read, "MAX_COLUMNS", 3)
    with pytest.raises(InputError, match="kolumner"):
        read.read_table(b"ar;typ;a;b;c\n2024;kommun;1;2;3\n", "bred.csv", score)


def test_zip_bomb_refused(monkeypatch):
    monkeypatch.setattr(read, "MAX_XLSX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(InputError, match="uppackad"):
        read.read_table(xlsx_bytes([["ar", "typ"], [2024, "kommun"]]), "bomb.xlsx", score)


def test_no_header_row():
    with pytest.raises(InputError, match="rubrikrad"):
        read.read_table(b"a;b;c\n1;2;3\n", "x.csv", score)
