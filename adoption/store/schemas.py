"""The shapes the store writes and returns: Arrow schemas of incoming rows, the
records of versions and uploads, and the key a response row is replaced by.

Incoming frames reach DuckDB as Arrow tables of these schemas (registered,
never spliced into SQL), so a value's type is fixed here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import pyarrow as pa

RESPONSE_SCHEMA = pa.schema(
    [
        ("row_id", pa.int64()),
        ("ar", pa.int16()),
        ("typ", pa.string()),
        ("kommunkod", pa.string()),
        ("org_key", pa.string()),
        ("organisation", pa.string()),
        ("organisationsnummer", pa.string()),
        ("org_kategori", pa.string()),
        ("ai_strategi", pa.int8()),
        ("riktlinjer_genai", pa.bool_()),
        ("antal_initiativ", pa.int32()),
        ("antal_i_drift", pa.int32()),
        ("andel_utbildad_personal", pa.float64()),
        ("ai_budget_tkr", pa.float64()),
        ("hinder", pa.list_(pa.string())),
        ("deltar_kraftsamling", pa.bool_()),
    ]
)
STAGE_SCHEMA = pa.schema([("row_id", pa.int64()), ("sector", pa.string()), ("stage", pa.int8())])
INITIATIVE_SCHEMA = pa.schema(
    [
        ("row_id", pa.int64()),
        ("ar", pa.int16()),
        ("typ", pa.string()),
        ("kommunkod", pa.string()),
        ("organisation", pa.string()),
        ("titel", pa.string()),
        ("sektor", pa.string()),
        ("mognad", pa.int8()),
        ("teknik", pa.string()),
        ("beskrivning", pa.string()),
        ("nytta", pa.list_(pa.string())),
        ("utvarderad", pa.bool_()),
        ("samverkan", pa.list_(pa.string())),
        ("kalla", pa.string()),
    ]
)


def org_key(typ: str, organisationsnummer, organisation) -> str:
    """Who a response row belongs to within a municipality and year.

    A new answer replaces the current one with the same (ar, typ, kommunkod,
    org_key); the upload preview compares by the same key, so both use this.
    """
    if typ == "kommun":
        return ""
    if organisationsnummer:
        return str(organisationsnummer)
    return str(organisation or "").strip().lower()


@dataclass(frozen=True)
class VersionInfo:
    version: int
    created_at: datetime
    created_by: str
    action: str
    description: str
    restored_from: int | None


UPLOAD_FIELDS = (
    "upload_id, uploaded_at, uploaded_by, filename, sha256, kind, rows_added, rows_changed, "
    "rows_unchanged, data_version"
)


@dataclass(frozen=True)
class UploadInfo:
    """One row of the ``upload`` table."""

    upload_id: int
    uploaded_at: datetime
    uploaded_by: str
    filename: str
    sha256: str
    kind: str
    rows_added: int
    rows_changed: int
    rows_unchanged: int
    data_version: int | None


@dataclass(frozen=True)
class UploadRecord:
    """What ``commit_upload`` records about an upload (no file contents)."""

    filename: str
    sha256: str
    kind: str
    uploaded_by: str
    rows_added: int
    rows_changed: int
    rows_unchanged: int


@dataclass(frozen=True)
class UploadOutcome:
    status: str  # "committed", "no_changes" or "duplicate"
    version: int | None
    upload_id: int | None
    previous: UploadInfo | None  # the earlier upload of the same file, for "duplicate"
    new_rounds: tuple[int, ...] = ()  # survey years the upload began, each preliminary


# -- frames to Arrow -------------------------------------------------------------


def none_if_missing(value):
    """pandas NA/NaN become None so Arrow gets a real null."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        return list(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def column_values(frame: pd.DataFrame, name: str) -> list:
    """``none_if_missing`` of every value, a column at a time (an upload has 100,000 rows)."""
    if name not in frame.columns:
        return [None] * len(frame)
    series = frame[name]
    values = series.tolist()
    for i in series.isna().to_numpy().nonzero()[0]:
        values[i] = None
    if series.dtype == object and any(issubclass(t, (tuple, list)) for t in set(map(type, values))):
        values = [list(v) if isinstance(v, (tuple, list)) else v for v in values]
    return values


def arrow_column(frame: pd.DataFrame, name: str, type_: pa.DataType) -> pa.Array:
    """The column as Arrow, as ``pa.array(column_values(frame, name), type_)`` but without a Python list per cell."""
    if name not in frame.columns:
        return pa.nulls(len(frame), type_)
    if not pa.types.is_list(type_):
        return pa.array(frame[name], type_, from_pandas=True)
    try:
        # A list column (hinder) holds a few distinct tuples: convert each once.
        codes, distinct = pd.factorize(frame[name])
    except TypeError:  # unhashable cells (lists, arrays)
        return pa.array(column_values(frame, name), type_)
    values = pa.array([none_if_missing(v) for v in distinct], type_)
    return values.take(pa.array(codes, mask=codes < 0))
