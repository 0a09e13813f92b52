"""Exports in exactly the upload format, so that an export can be uploaded again.

Column names and order come from :mod:`adoption.formats`; vocabularies are
written as their codes (stages as their number 0-4, "." for not applicable,
empty for no answer). Free text that a spreadsheet would run as a formula is
neutralised with a leading apostrophe.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from adoption.formats import (
    FREE_TEXT_COLUMNS,
    INITIATIVE_COLUMNS,
    kind_name,
    stage_columns,
    survey_columns,
)
from adoption.store import Store
from adoption.vocab import NOT_APPLICABLE, NOT_APPLICABLE_TEXT, STRATEGY_CODES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"


def neutralise(text):
    """Text that starts like a formula gets a leading apostrophe (OWASP's advice)."""
    if isinstance(text, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, tuple)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _yes_no(value) -> str:
    return "" if _missing(value) else ("ja" if value else "nej")


def _decimal(value) -> str:
    """45 or 45,5: Swedish decimal comma, no thousands separator (safe to re-read)."""
    if _missing(value):
        return ""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return repr(round(value, 6)).replace(".", ",")


def _integer(value) -> str:
    return "" if _missing(value) else str(int(value))


def _codes(value) -> str:
    return "" if _missing(value) or value is None else ",".join(str(v) for v in value)


def _stage(value) -> str:
    if _missing(value):
        return ""
    return NOT_APPLICABLE_TEXT if int(value) == NOT_APPLICABLE else str(int(value))


def _text(value) -> str:
    return "" if _missing(value) else str(value)


def survey_frame(store: Store, version: int | None, ar: int | None = None) -> pd.DataFrame:
    """Survey responses of a data version as text cells in upload format A."""
    rows = store.responses(version, ar)
    out = pd.DataFrame(index=rows.index)
    out["ar"] = rows["ar"].map(_integer)
    for column in ("typ", "kommunkod", "kommun", "organisation", "organisationsnummer", "org_kategori"):
        out[column] = rows[column].map(_text)
    out["ai_strategi"] = rows["ai_strategi"].map(lambda v: "" if _missing(v) else STRATEGY_CODES[int(v)])
    out["riktlinjer_genai"] = rows["riktlinjer_genai"].map(_yes_no)
    out["antal_initiativ"] = rows["antal_initiativ"].map(_integer)
    out["antal_i_drift"] = rows["antal_i_drift"].map(_integer)
    out["andel_utbildad_personal"] = rows["andel_utbildad_personal"].map(_decimal)
    out["ai_budget_tkr"] = rows["ai_budget_tkr"].map(_decimal)
    out["hinder"] = rows["hinder"].map(_codes)
    out["deltar_kraftsamling"] = rows["deltar_kraftsamling"].map(_yes_no)
    for column in stage_columns():
        out[column] = rows[column].map(_stage)
    return _finish(out[list(survey_columns())])


def initiative_frame(store: Store, version: int | None, ar: int | None = None) -> pd.DataFrame:
    """Initiatives of a data version as text cells in upload format B."""
    rows = store.initiatives(version, ar)
    out = pd.DataFrame(index=rows.index)
    out["ar"] = rows["ar"].map(_integer)
    for column in ("kommunkod", "kommun", "organisation", "titel", "sektor", "teknik", "beskrivning", "kalla"):
        out[column] = rows[column].map(_text)
    out["mognad"] = rows["mognad"].map(_integer)
    out["nytta"] = rows["nytta"].map(_codes)
    out["utvarderad"] = rows["utvarderad"].map(_yes_no)
    out["samverkan"] = rows["samverkan"].map(_codes)
    return _finish(out[list(INITIATIVE_COLUMNS)])


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    for column in FREE_TEXT_COLUMNS & set(frame.columns):
        frame[column] = frame[column].map(neutralise)
    return frame.reset_index(drop=True)


def frame_for(kind: str, store: Store, version: int | None, ar: int | None = None) -> pd.DataFrame:
    if kind == "enkatsvar":
        return survey_frame(store, version, ar)
    if kind == "initiativ":
        return initiative_frame(store, version, ar)
    raise ValueError(kind)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8, ';' between cells, CRLF-free, every cell written as text."""
    return frame.to_csv(sep=CSV_DELIMITER, index=False, lineterminator="\n").encode("utf-8")


def to_xlsx_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet_name, index=False)
    return buffer.getvalue()


def write(kind: str, frame: pd.DataFrame, fmt: str, target: Path | None) -> bytes:
    data = to_csv_bytes(frame) if fmt == "csv" else to_xlsx_bytes(frame, kind_name(kind))
    if target is not None:
        # Write beside the target and rename, so a reader never sees half a file.
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return data
