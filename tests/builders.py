"""Helpers that build small, real stores for tests (no mocks).

``reference_store(path)`` gives a new DuckDB file with the real reference data
(290 municipalities, 21 counties, map shapes) from :mod:`adoption.ingest.reference`.
``response(**fields)`` and ``initiative(**fields)`` give one row of a canonical
frame (see :mod:`adoption.formats`) with every field None unless given;
``responses(...)`` / ``initiatives(...)`` turn a list of rows into the frames
``Store.add_survey`` takes. ``population(...)`` builds a frame for
``Store.replace_population``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from adoption.formats import INITIATIVE_COLUMNS, SURVEY_BASE_COLUMNS, stage_columns
from adoption.ingest import reference
from adoption.store import Store

AUTHOR = "test"


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
