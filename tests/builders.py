"""Helpers that build small, real stores for tests (no mocks).

``reference_store(path)`` gives a new DuckDB file with the real reference data
(290 municipalities, 21 counties, map shapes) from :mod:`adoption.ingest.reference`;
``initialised_store(path)`` one as ``init`` leaves it without demo data, and
``old_database(...)`` a file at an older schema for the migration tests.
``response(**fields)`` and ``initiative(**fields)`` give one row of a canonical
frame (see :mod:`adoption.formats`) with every field None unless given;
``responses(...)`` / ``initiatives(...)`` turn a list of rows into the frames
``Store.add_survey`` takes. ``population(...)`` builds a frame for
``Store.replace_population``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from adoption import bootstrap
from adoption.formats import INITIATIVE_COLUMNS, SURVEY_BASE_COLUMNS, stage_columns
from adoption.ingest import reference
from adoption.store import Store

AUTHOR = "test"


def initialised_store(path: str | Path) -> Store:
    """A new database as ``init`` leaves it without demo data: schema, reference data, regions, goals."""
    store = Store(path)
    bootstrap.initialise(store, with_demo=False)
    return store


def old_database(path: str | Path, upto: int, kommunkoder: Iterable[str], *inserts: str,
                 versions: int = 1) -> Path:
    """A database file as the program left it at schema ``upto``, for a migration test.

    It holds the real counties and municipalities of ``kommunkoder``, data
    versions 1 to ``versions``, and then ``inserts`` (rows in that schema's
    columns). Opening it with ``Store`` migrates it.
    """
    import duckdb

    Store.create_at_schema(path, upto=upto)
    towns = reference.municipalities().set_index("kommunkod").loc[list(kommunkoder)]
    counties = reference.counties().set_index("lan_kod").loc[sorted(set(towns["lan_kod"]))]
    conn = duckdb.connect(str(path))
    try:
        for lan, county in counties.iterrows():
            conn.execute("INSERT INTO county VALUES (?, ?, ?)", [lan, county["name"], float(county["area_km2"])])
        for code, town in towns.iterrows():
            conn.execute("INSERT INTO municipality VALUES (?, ?, ?, ?)",
                         [code, town["name"], town["lan_kod"], float(town["area_km2"])])
        for version in range(1, versions + 1):
            conn.execute("INSERT INTO data_version VALUES (?, now(), 'test', 'upload', ?, NULL)",
                         [version, f"version {version}"])
        for statement in inserts:
            conn.execute(statement)
    finally:
        conn.close()
    return Path(path)


def reference_store(path: str | Path) -> Store:
    """A new database at ``path`` with the schema and the real reference data loaded."""
    store = Store(path)
    store.load_reference(
        reference.municipalities(),
        reference.counties(),
        {level: reference.simplified_geometry(level) for level in ("kommun", "lan")},
    )
    return store


def response(**fields) -> dict:
    """One survey row: ``typ`` defaults to "kommun", everything else to None.

    Stage answers can be given as ``mognad_<sector>=...`` or, shorter, as
    ``<sector>=...`` (e.g. ``utbildning=3``); -1 is ".", None is no answer.
    """
    row = {column: None for column in SURVEY_BASE_COLUMNS + stage_columns()}
    row["typ"] = "kommun"
    stage_of = {column.removeprefix("mognad_"): column for column in stage_columns()}
    for key, value in fields.items():
        column = stage_of.get(key, key)
        if column not in row:
            raise KeyError(f"unknown survey column {key!r}")
        row[column] = value
    return row


def initiative(**fields) -> dict:
    """One initiative row, every field None unless given."""
    row = {column: None for column in INITIATIVE_COLUMNS}
    for key, value in fields.items():
        if key not in row:
            raise KeyError(f"unknown initiative column {key!r}")
        row[key] = value
    return row


def responses(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(SURVEY_BASE_COLUMNS + stage_columns()), dtype=object)


def initiatives(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(INITIATIVE_COLUMNS), dtype=object)


def add_survey(store: Store, response_rows: list[dict] = (), initiative_rows: list[dict] = (), *,
               description: str = "test", created_by: str = AUTHOR) -> int:
    """Load rows as one new data version (action "upload"); returns the version."""
    return store.add_survey(
        responses(list(response_rows)), initiatives(list(initiative_rows)),
        action="upload", description=description, created_by=created_by,
    )


def population(values: dict[str, int], ar: int, *, default: int | None = None,
               source: str = "test") -> pd.DataFrame:
    """A population frame for one year: ``values`` per kommunkod, ``default`` for every other municipality."""
    codes = reference.municipalities()["kommunkod"].tolist() if default is not None else sorted(values)
    return pd.DataFrame(
        {
            "kommunkod": codes,
            "ar": [ar] * len(codes),
            "population": [values.get(code, default) for code in codes],
            "source": [source] * len(codes),
        }
    )


def catalogue_initiatives(prognos_beskrivning: str | None = "Elevprognoser.") -> list[dict]:
    """Seven initiatives in four municipalities, two years and both kinds, for the catalogue tests:
    mixed case and diacritics, markup and pattern characters in the texts, one of each technique."""
    return [
        initiative(ar=2024, kommunkod="0180", titel="Chattbot för FÖRSKOLA", sektor="utbildning", mognad=2,
                   teknik="chattbot", beskrivning="Svarar föräldrar (a+b) dygnet runt.", utvarderad=True,
                   nytta=["tid", "kvalitet"]),
        initiative(ar=2024, kommunkod="0180", titel="Bildanalys av gator", sektor="kollektivtrafik", mognad=3,
                   teknik="bildanalys", beskrivning="Hittar potthål.", utvarderad=False),
        initiative(ar=2023, kommunkod="0114", titel="Skolchatt", sektor="utbildning", mognad=1,
                   teknik="chattbot", beskrivning="Pilot i grundskolan."),
        initiative(ar=2024, kommunkod="0114", titel="Läxhjälp", sektor="utbildning", mognad=3,
                   teknik="chattbot", beskrivning="Chattbot för läxor.", utvarderad=False),
        initiative(ar=2024, kommunkod="1280", titel="Elevbot", sektor="utbildning", mognad=4,
                   teknik="chattbot", beskrivning="<script>alert(1)</script> [länk](http://example.com)"),
        initiative(ar=2024, kommunkod="1280", titel="Prognos", sektor="utbildning", mognad=2,
                   teknik="prediktion", beskrivning=prognos_beskrivning),
        initiative(ar=2024, kommunkod="0380", organisation="Läxföreningen", titel="Föreningens förskolebot",
                   sektor="utbildning", mognad=1, teknik="chattbot", beskrivning="Ideell."),
    ]


# -- a correction (issue 17) ----------------------------------------------------------------

# Malmö and Lund answered every one of the nine stage questions in 2026 (Malmö's answers below).
MALMO_STAGES_2026 = dict(zip(stage_columns(), [2, 3, 1, 2, -1, 3, 1, 2, 4]))
# The correction: three of the nine stage columns, for Malmö only. Vård och omsorg goes from Pilot
# to I drift, Socialtjänst stays I drift, and Skola och förskola is emptied on purpose.
CORRECTION_2026 = ("ar;typ;kommun;mognad_vard_omsorg;mognad_socialtjanst;mognad_utbildning\r\n"
                   "2026;kommun;Malmö;3;3;\r\n")


def full_answers_2026(*, hinder: bool = True) -> str:
    """Malmö's and Lund's whole answers of 2026 as CSV text (``hinder``: with a barriers column)."""
    barriers = (["hinder"], ["juridik"], [""]) if hinder else ([], [], [])
    rows = (["ar", "typ", "kommun", "ai_strategi", "antal_initiativ", *barriers[0], *stage_columns()],
            ["2026", "kommun", "Malmö", "ja", "12", *barriers[1], "2", "3", "1", "2", ".", "3", "1", "2", "4"],
            ["2026", "kommun", "Lund", "nej", "3", *barriers[2], *["1"] * 9])
    return "".join(";".join(row) + "\r\n" for row in rows)


# -- municipality groups (issue 11) ------------------------------------------------------

GROUP_COLUMNS = ("Gruppkod", "Kommunkod", "Kommun", "Huvudgrupp", "Kommungrupp 2023")
_CYCLE = ("A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9")


def constructed_groups(municipalities: pd.DataFrame | None = None) -> dict[str, str]:
    """A group for every municipality, made up for tests (NOT SKR's classification): Stockholm,
    Göteborg and Malmö in A1, every other municipality in A2..C9 in turn by code."""
    frame = municipalities if municipalities is not None else reference.municipalities()
    codes = sorted(frame["kommunkod"])
    others = [c for c in codes if c not in ("0180", "1480", "1280")]
    groups = {code: _CYCLE[i % len(_CYCLE)] for i, code in enumerate(others)}
    groups.update({"0180": "A1", "1480": "A1", "1280": "A1"})
    return groups


def group_rows(groups: dict[str, str], municipalities: pd.DataFrame | None = None) -> list[list[str]]:
    """SKR's columns for ``groups`` (kommunkod -> group): code, kommunkod, name, main group and group in words."""
    from adoption.vocab import terms

    frame = municipalities if municipalities is not None else reference.municipalities()
    names = dict(zip(frame["kommunkod"], frame["name"]))
    group_names = {t.code: t.label_sv for t in terms("kommungrupp")}
    main_names = {t.code: t.label_sv for t in terms("huvudgrupp")}
    return [[group, code, names[code], main_names[group[0]], group_names[group]]
            for code, group in sorted(groups.items())]


def group_csv(groups: dict[str, str], *, encoding: str = "cp1252", delimiter: str = ";",
              title: bool = True, rows: list[list[str]] | None = None) -> bytes:
    """A CSV with SKR's columns (a title row first, as in SKR's sheet), in a Windows encoding by default."""
    lines = [f"Kommungruppsindelning 2023{delimiter * 4}"] if title else []
    lines.append(delimiter.join(GROUP_COLUMNS))
    lines += [delimiter.join(row) for row in (rows if rows is not None else group_rows(groups))]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def group_xlsx(groups: dict[str, str], *, numbers: bool = True) -> bytes:
    """A workbook shaped like SKR's "Kommungruppsindelning 2023": an introduction sheet first, then the
    sheet "Bilaga1 Lista alla kommuner" with a title row and the list (kommunkod as numbers, as Excel
    keeps them, when ``numbers``)."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Inledning"
    book.active.append(["Kommungruppsindelning 2023 (testfil byggd i testerna)"])
    sheet = book.create_sheet("Bilaga1 Lista alla kommuner")
    sheet.append(["Bilaga 1. Lista över alla kommuner och deras kommungrupp"])
    sheet.append(list(GROUP_COLUMNS))
    for group, code, name, main, words in group_rows(groups):
        sheet.append([group, int(code) if numbers else code, name, main, words])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def load_groups(store: Store, groups: dict[str, str] | None = None, *, filename: str = "kommungrupper.csv") -> int:
    """Import ``groups`` (default :func:`constructed_groups`) through the upload pipeline; returns the version."""
    from adoption.ingest import pipeline

    prepared = pipeline.prepare(group_csv(groups or constructed_groups()), filename, "kommungrupper", store,
                                headline=False)
    assert prepared.ok, [str(p) for p in prepared.result.errors]
    return pipeline.commit(prepared, store, uploaded_by=AUTHOR).version


def grouped_copy(db: str | Path, target: str | Path) -> Store:
    """A copy of the database file ``db`` at ``target``, with the constructed groups loaded (:func:`load_groups`)."""
    shutil.copy(db, target)
    store = Store(target)
    load_groups(store)
    return store


def first_answers(db: str | Path, target: str | Path, *, year: int = 2026, n: int = 36,
                  from_year: int = 2025) -> Path:
    """The first batch of a new survey round as an upload file (CSV, upload format): the answers of
    the first ``n`` municipalities of ``from_year`` in ``db``, dated ``year``."""
    from adoption.ingest import export

    store = Store(db)
    frame = export.frame_for("enkatsvar", store, store.current_version(), from_year)
    batch = frame[frame["typ"] == "kommun"].head(n).copy()
    batch["ar"] = str(year)
    target = Path(target)
    export.write("enkatsvar", batch, "csv", target)
    return target


def falling_store(path: str | Path) -> Store:
    """Every headline figure falls, certainly, from 2024 to 2025 on comparable bases: all 290
    municipalities answered 2024 at stage 4 with a strategy, 210 answered 2025 at stage 0 without;
    20 organisations from stage 3 to 0; 30 evaluated initiatives, then 30 not evaluated."""
    store = reference_store(path)
    codes = reference.municipalities()["kommunkod"].tolist()
    rows = [response(ar=2024, kommunkod=k, utbildning=4, ai_strategi=2) for k in codes]
    rows += [response(ar=2025, kommunkod=k, utbildning=0, ai_strategi=0) for k in codes[:210]]
    for ar, stage in ((2024, 3), (2025, 0)):
        rows += [response(ar=ar, typ="civilsamhalle", kommunkod=codes[i], organisation=f"Förening {i}",
                          utbildning=stage) for i in range(20)]
    inits = [initiative(ar=ar, kommunkod=codes[i], titel=f"Initiativ {i}", sektor="utbildning", mognad=3,
                        utvarderad=evaluated)
             for ar, evaluated in ((2024, True), (2025, False)) for i in range(30)]
    add_survey(store, rows, inits)
    return store
