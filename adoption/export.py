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

from .formats import FREE_TEXT_COLUMNS, INITIATIVE_COLUMNS, stage_columns, survey_columns
from .store import Store
from .vocab import NOT_APPLICABLE, NOT_APPLICABLE_TEXT, STRATEGY_CODES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
KINDS = ("enkatsvar", "initiativ")
SHEET_NAMES = {"enkatsvar": "Enkätsvar", "initiativ": "Initiativ"}


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
    data = to_csv_bytes(frame) if fmt == "csv" else to_xlsx_bytes(frame, SHEET_NAMES[kind])
    if target is not None:
        # Write beside the target and rename, so a reader never sees half a file.
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return data


# -- downloads of the tables and charts the pages show ---------------------------
#
# Unlike the upload-format exports above, these files are for reading in a
# spreadsheet: numbers stay numbers (a real number cell in .xlsx; in CSV a
# Swedish decimal comma with ';' between cells, which is what Excel set to
# Swedish expects), every text cell is neutralised, and the file name says
# what was filtered, so two downloads never overwrite each other unnoticed.

import re as _re  # noqa: E402 - this section's own import
import unicodedata as _unicodedata  # noqa: E402

DOWNLOAD_DECIMAL = ","
_NAME_PART = _re.compile(r"[^a-z0-9_-]+")
# The filter keys written into a file name, in this order, after the metric and year.
_NAME_FILTERS = ("lan", "kommun", "sektor", "typ", "niva")
_USE_STATE = object()


def _name_part(value: object) -> str:
    """A file-name-safe piece: lower case ASCII letters, digits, '_' and '-'."""
    text = _unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii").lower()
    return _NAME_PART.sub("-", text).strip("-")


def download_stem(name: str, state, *, year: int | None = None, version: int | None = None,
                  metric=_USE_STATE) -> str:
    """The file name without extension: ``karta_andel_ai_aktivitet_2024_lan-01-12_v3``.

    ``name`` is the page or table name; ``state`` a :class:`adoption.filters.ViewState`.
    ``metric`` defaults to the state's metric; pass None to leave it out (a
    table that is not about one metric) or another metric id. ``year`` is the
    survey year shown (pages pass ``ctx.year``, the latest when the filter is
    empty; None leaves it out) and ``version`` the data version shown. Filters that are "all"
    are left out; English files end in ``_en`` (their headers differ).
    """
    flt = state.filter
    parts = [_name_part(name) or "tabell"]
    if metric is _USE_STATE:
        metric = state.matt
    if metric:
        parts.append(_name_part(metric))
    if year is not None:
        parts.append(str(int(year)))
    from .filters import DEFAULT_NIVA

    for key in _NAME_FILTERS:
        if key == "niva":
            value = state.niva if state.niva != DEFAULT_NIVA else None
        else:
            value = getattr(flt, key)
        if not value:
            continue
        values = value if isinstance(value, tuple) else (value,)
        parts.append(key + "-" + "-".join(_name_part(v) for v in values))
    if version is not None:
        parts.append(f"v{int(version)}")
    if state.lang != "sv":
        parts.append(_name_part(state.lang))
    return "_".join(p for p in parts if p)


def download_name(name: str, state, ext: str, **kwargs) -> str:
    """:func:`download_stem` plus ``.csv`` or ``.xlsx``."""
    if ext not in ("csv", "xlsx"):
        raise ValueError(ext)
    return f"{download_stem(name, state, **kwargs)}.{ext}"


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised; numbers and missing values untouched."""
    out = frame.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(neutralise).astype(object)
    return out


def table_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV for a Swedish spreadsheet: UTF-8 with BOM, ';', decimal comma, no index.

    The byte-order mark makes Excel read the file as UTF-8 (å, ä, ö intact);
    missing values are empty cells, never 0.
    """
    text = neutralise_frame(frame).to_csv(
        sep=CSV_DELIMITER, index=False, decimal=DOWNLOAD_DECIMAL, lineterminator="\r\n",
    )
    return text.encode("utf-8-sig")


def table_xlsx_bytes(frame: pd.DataFrame, sheet_name: str = "Data") -> bytes:
    """A table as .xlsx: numbers as number cells, text neutralised, missing values empty."""
    cleaned = "".join(" " if ch in '[]:*?/\\' else ch for ch in sheet_name)
    sheet = " ".join(cleaned.split()).strip("'")[:31] or "Data"
    return to_xlsx_bytes(neutralise_frame(frame), sheet)


def headline_table(headlines, lang: str = "sv") -> pd.DataFrame:
    """Översikt's headline figures as a plain table of numbers (for download).

    ``headlines``: :func:`adoption.overview.headlines`. Shares are in percent
    and their change in percentage points (45.5, not 0.455); a value that is
    missing or hidden is an empty cell with the reason in the status column.
    """
    from . import i18n

    def pct(x, unit):
        if x is None:
            return None
        return round(x * 100, 4) if unit == "share" else round(x, 4)

    rows = []
    for h in headlines:
        r = h.result
        shown = None if r.suppressed else r.value
        rows.append({
            i18n.t("download.col.metric", lang): h.metric.label(lang),
            i18n.t("download.col.metric_id", lang): h.metric.id,
            i18n.t("download.col.year", lang): r.ar,
            i18n.t("download.col.value", lang): pct(shown, r.unit),
            i18n.t("download.col.unit", lang): i18n.t(f"download.unit.{r.unit}", lang),
            i18n.t("download.col.numerator", lang): None if r.suppressed else r.numerator,
            i18n.t("download.col.denominator", lang): None if r.suppressed else r.denominator,
            i18n.t("download.col.n", lang): r.n,
            i18n.t("download.col.ci_low", lang): None if r.suppressed else pct(r.ci_low, r.unit),
            i18n.t("download.col.ci_high", lang): None if r.suppressed else pct(r.ci_high, r.unit),
            i18n.t("download.col.change", lang): pct(h.change, r.unit),
            i18n.t("download.col.previous_year", lang): h.previous.ar if h.previous is not None else None,
            i18n.t("download.col.status", lang): i18n.t(f"download.status.{r.status}", lang),
        })
    frame = pd.DataFrame(rows)
    for column in (i18n.t("download.col.year", lang), i18n.t("download.col.n", lang),
                   i18n.t("download.col.previous_year", lang)):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def headline_text_table(headlines, lang: str = "sv") -> pd.DataFrame:
    """The same headline figures as text a reader sees on the page (value, base, change)."""
    from . import i18n, overview

    return pd.DataFrame([
        {
            i18n.t("download.col.metric", lang): h.metric.label(lang),
            i18n.t("download.col.value", lang): overview.value_text(h.result, lang),
            i18n.t("download.col.base", lang): overview.base_text(h.result, lang),
            i18n.t("download.col.change", lang): overview.change_text(h, lang) or "–",
        }
        for h in headlines
    ])
