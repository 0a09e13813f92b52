"""SKR's municipality groups as an upload (kind kommungrupper): the file, its checks, versions and template.

Every file is built here (tests/builders.py); the groups in them are constructed for the tests
(Stockholm, Göteborg and Malmö in A1, every other municipality in A2..C9 in turn), not SKR's.
"""

from __future__ import annotations

import csv
import io
import shutil

import openpyxl
import pytest

from adoption.ingest import groups_upload, pipeline, templates
from adoption.store import Store

from .. import builders

GROUPS = builders.constructed_groups()


def _validate(data: bytes, municipalities, filename: str = "kommungrupper.csv", **kwargs):
    return groups_upload.validate_groups(data, filename, municipalities, **kwargs)


def _messages(result) -> list[str]:
    return [str(p) for p in result.errors]


def _expected_frame(result) -> dict[str, str]:
    return dict(zip(result.frame["kommunkod"], result.frame["grupp"]))


@pytest.mark.parametrize("encoding, delimiter, title", [
    ("cp1252", ";", True),  # Excel "CSV (semikolonavgränsad)" on Swedish Windows, with SKR's title row
    ("utf-8-sig", ",", True),
    ("utf-8", ";", False),
    ("utf-16", "\t", True),  # Excel "Unicode text"
])
def test_csv_in_the_encodings_and_separators_the_upload_reads(municipalities, encoding, delimiter, title):
    result = _validate(builders.group_csv(GROUPS, encoding=encoding, delimiter=delimiter, title=title), municipalities)
    assert result.ok, _messages(result)
    assert len(result.frame) == 290 and _expected_frame(result) == GROUPS
    assert set(result.frame["ar"]) == {2023} and set(result.frame["source"]) == {"SKR kommungruppsindelning 2023"}
    assert result.problems == []


def test_skrs_workbook_is_read_from_its_list_sheet(municipalities):
    result = _validate(builders.group_xlsx(GROUPS), municipalities, "Kommungruppsindelning_2023.xlsx")
    assert result.ok, _messages(result)
    assert _expected_frame(result) == GROUPS  # kommunkod stored as numbers (180) get their leading zero back


def _rows(**changes):
    """SKR's rows for the constructed groups, with some rows changed: {kommunkod: [cells]} or None to drop."""
    rows = [row for row in builders.group_rows(GROUPS)]
    out = []
    for row in rows:
        change = changes.get(row[1], row)
        if change is not None:
            out.append(change)
    return out


def _line(result, code: str) -> int:
    """The file's line of a municipality (title row 1, header row 2)."""
    return 3 + sorted(GROUPS).index(code)


def test_every_municipality_must_be_there(municipalities):
    data = builders.group_csv(GROUPS, rows=_rows(**{"0114": None, "0115": None}))
    result = _validate(data, municipalities)
    assert not result.ok and result.frame is None
    assert _messages(result) == [
        "Kolumn ”Kommunkod”: 2 av Sveriges 290 kommuner saknas i filen: Upplands Väsby (0114), Vallentuna (0115). "
        "Kommungrupper läses bara in för alla kommuner på en gång."]


def test_a_municipality_twice_names_both_rows(municipalities):
    rows = _rows() + [["A1", "0180", "Stockholm", "Storstäder och storstadsnära kommuner", "Storstäder"]]
    result = _validate(builders.group_csv(GROUPS, rows=rows), municipalities)
    assert _messages(result) == [
        f"Rad 293, kolumn ”Kommunkod”: kommun Stockholm (0180) finns redan på rad {_line(result, '0180')}; "
        "varje kommun ska stå en gång"]


@pytest.mark.parametrize("row, message", [
    (["A3", "0114", "Upplands Väsby", "A", "Storstäder"],
     "kolumn ”Gruppkod”: okänd gruppkod; giltiga koder: A1, A2, B3, B4, B5, C6, C7, C8, C9"),
    (["", "0114", "Upplands Väsby", "", ""], "kolumn ”Gruppkod”: gruppkod saknas"),
    (["A2", "0114", "Vallentuna", "A", "Pendlingskommun nära storstad"],
     "kolumn ”Kommun”: kommunnamnet passar inte kommunkod Upplands Väsby (0114): det är namnet på Vallentuna "
     "(0115). Rätta koden eller namnet i filen"),
    (["A2", "0114", "Grönköping", "A", "Pendlingskommun nära storstad"],
     "kolumn ”Kommun”: kommunnamnet passar inte kommunkod Upplands Väsby (0114). Rätta koden eller namnet i filen"),
    (["A2", "0114", "Upplands Väsby", "Större städer och kommuner nära större stad", "Pendlingskommun nära storstad"],
     "kolumn ”Huvudgrupp”: huvudgruppen passar inte gruppkod A2, som hör till huvudgrupp A (Storstäder och "
     "storstadsnära kommuner)"),
    (["A2", "0114", "Upplands Väsby", "A", "Storstäder"],
     "kolumn ”Kommungrupp 2023”: gruppens namn passar inte gruppkod A2 (Pendlingskommun nära storstad)"),
    (["A2", "0114", "Upplands Väsby", "A", "B4 Pendlingskommun nära större stad"],
     "kolumn ”Kommungrupp 2023”: gruppens namn passar inte gruppkod A2 (Pendlingskommun nära storstad)"),
    (["A2", "9999", "Påhittad", "A", "Pendlingskommun nära storstad"], "kolumn ”Kommunkod”: okänd kommunkod 9999"),
    (["A2", "0114", "anna@example.se", "A", "Pendlingskommun nära storstad"], "kolumn ”Kommun”: cellen innehåller "
     "en e-postadress"),
])
def test_a_bad_row_is_reported_with_its_row_and_column_and_nothing_is_guessed(municipalities, row, message):
    result = _validate(builders.group_csv(GROUPS, rows=_rows(**{"0114": row})), municipalities)
    assert not result.ok and result.frame is None
    first = next(p for p in result.errors if p.row == _line(result, "0114"))
    assert message in str(first), str(first)
    assert "anna@example.se" not in " ".join(_messages(result))  # personal data is masked


def test_words_and_codes_in_the_group_columns_are_accepted_in_their_usual_spellings(municipalities):
    rows = _rows(**{
        "0114": ["a2", "114", "Upplands-Väsby kommun", "A", "A2 Pendlingskommun nära storstad"],
        "0115": ["A2", "0115", "VALLENTUNA", "A. Storstäder och storstadsnära kommuner", "Pendlingskommun nära storstad (A2)"],
        "0117": ["B3", "0117", "Osteraker", "Larger towns", "Medium-sized town"],
        "0980": ["C9", "0980", "Region Gotland", "C", "C9"],
    })
    groups = {**GROUPS, "0117": "B3", "0980": "C9"}
    result = _validate(builders.group_csv(groups, rows=rows), municipalities)
    assert not result.ok  # "Larger towns" is not a main group's name
    assert [p.row for p in result.errors] == [_line(result, "0117")]
    rows[sorted(GROUPS).index("0117")][3] = "B"
    result = _validate(builders.group_csv(groups, rows=rows), municipalities)
    assert result.ok, _messages(result)
    assert _expected_frame(result)["0117"] == "B3" and _expected_frame(result)["0980"] == "C9"


def test_a_near_spelling_is_a_warning_and_a_footnote_row_is_skipped(municipalities):
    rows = _rows(**{"0114": ["A2", "0114", "Upplands Vässby", "A", "Pendlingskommun nära storstad"]})
    rows.append(["Källa: SKR", "", "", "", ""])
    result = _validate(builders.group_csv(GROUPS, rows=rows), municipalities)
    assert result.ok, _messages(result)
    assert [(p.row, p.column) for p in result.warnings] == [(_line(result, "0114"), "Kommun"), (293, None)]
    assert "stavningen avviker från Upplands Väsby (0114)" in str(result.warnings[0])


@pytest.mark.parametrize(("header", "changed", "message"), [
    (b"Kommungrupp 2023", b"Kommungrupp",
     "Filen kommungrupper.csv säger inte vilket års indelning den är: kolumnen ska heta ”Kommungrupp 2023” som "
     "i SKR:s fil, eller välj året vid uppladdningen (--ar)."),
    (b"Gruppkod", b"Grupperna",
     "Filen kommungrupper.csv saknar kolumnerna gruppkod. SKR:s fil har kolumnerna Gruppkod, Kommunkod, Kommun, "
     "Huvudgrupp, Kommungrupp 2023 på bladet ”Bilaga1 Lista alla kommuner”."),
], ids=["no year in the header", "a column missing"])
def test_a_file_without_its_year_or_a_column_says_what_it_lacks(municipalities, header, changed, message):
    result = _validate(builders.group_csv(GROUPS).replace(header, changed), municipalities)
    assert _messages(result) == [message]


def test_the_year_comes_from_the_header_or_the_upload(municipalities):
    plain = builders.group_csv(GROUPS).replace(b"Kommungrupp 2023", b"Kommungrupp")
    result = _validate(plain, municipalities, year=2023)
    assert result.ok and set(result.frame["ar"]) == {2023}


def test_a_file_that_is_no_table(municipalities):
    result = _validate(b"\x00\x01\x02 binary", municipalities, "x.csv")
    assert result.unreadable and not result.ok


def test_the_kind_is_recognised_from_the_columns(municipalities):
    assert pipeline.guess_kind(builders.group_csv(GROUPS), "lista.csv") == "kommungrupper"
    assert pipeline.guess_kind(builders.group_xlsx(GROUPS), "Kommungruppsindelning_2023.xlsx") == "kommungrupper"


# -- versioning, like every other load --------------------------------------------------


@pytest.fixture
def store(demo_db_template, tmp_path) -> Store:
    path = tmp_path / "groups.duckdb"
    shutil.copy(demo_db_template, path)
    return Store(path)


def test_groups_are_a_versioned_upload_with_a_preview(store):
    before = store.current_version()
    prepared = pipeline.prepare(builders.group_csv(GROUPS), "kommungrupper.csv", "kommungrupper", store)
    assert prepared.can_commit
    assert [(c.ar, c.typ, c.added, c.changed, c.unchanged) for c in prepared.preview.counts] == [
        (2023, "kommungrupper", 290, 0, 0)]
    outcome = pipeline.commit(prepared, store, uploaded_by="anna")
    assert outcome.status == "committed" and outcome.version == before + 1
    assert store.versions()[-1].action == "groups"
    groups = store.municipality_groups(outcome.version)
    assert dict(zip(groups["kommunkod"], groups["grupp"])) == GROUPS
    assert set(groups["sha256"]) == {prepared.sha256}
    assert store.municipality_groups(before).empty  # the version before has none

    # the same file again changes nothing
    again = pipeline.prepare(builders.group_csv(GROUPS), "kommungrupper.csv", "kommungrupper", store)
    assert again.duplicate_of is not None and not again.can_commit

    # a new classification: two municipalities change group, the rest stay
    changed = {**GROUPS, "0114": "B3", "0115": "C9"}
    prepared = pipeline.prepare(builders.group_csv(changed), "ny.csv", "kommungrupper", store, headline=False)
    assert [(c.added, c.changed, c.unchanged) for c in prepared.preview.counts] == [(0, 2, 288)]
    newer = pipeline.commit(prepared, store, uploaded_by="anna").version
    assert dict(zip(*store.municipality_groups(newer)[["kommunkod", "grupp"]].T.values)) == changed
    assert dict(zip(*store.municipality_groups(outcome.version)[["kommunkod", "grupp"]].T.values)) == GROUPS

    # a rollback brings the first classification back, still naming its file
    restored = store.rollback(outcome.version, created_by="anna")
    rows = store.municipality_groups(restored)
    assert dict(zip(rows["kommunkod"], rows["grupp"])) == GROUPS and set(rows["sha256"]) == {
        pipeline.sha256(builders.group_csv(GROUPS))}


def test_groups_with_errors_are_not_saved(store):
    prepared = pipeline.prepare(builders.group_csv(GROUPS, rows=_rows(**{"0114": None})), "fel.csv",
                                "kommungrupper", store)
    assert not prepared.ok
    with pytest.raises(Exception, match="1 fel"):
        pipeline.commit(prepared, store, uploaded_by="anna")
    assert store.municipality_groups(store.current_version()).empty


# -- the template ----------------------------------------------------------------------


def test_template_has_skrs_columns_and_only_the_municipalities_filled_in(municipalities):
    rows = list(csv.reader(io.StringIO(templates.template_csv("kommungrupper").decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(builders.GROUP_COLUMNS)
    assert len(rows) == 291 and rows[1][:3] == ["", "0114", "Upplands Väsby"] and not any(r[0] for r in rows[1:])
    book = openpyxl.load_workbook(io.BytesIO(templates.template_xlsx("kommungrupper")))
    sheet = book["Kommungrupper"]
    assert [c.value for c in sheet[1]] == list(builders.GROUP_COLUMNS)
    validation = sheet.data_validations.dataValidation[0]
    assert str(validation.sqref).startswith("A2")
    lists = book["Listor"]
    assert [lists.cell(row=r, column=1).value for r in range(2, 11)] == ["A1", "A2", "B3", "B4", "B5", "C6", "C7",
                                                                         "C8", "C9"]
    # an untouched template is refused: it has no groups
    result = _validate(templates.template_csv("kommungrupper"), municipalities, "mall_kommungrupper.csv", year=2023)
    assert not result.ok and "gruppkod saknas" in _messages(result)[0]
