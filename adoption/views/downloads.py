"""Tables as files for a reader: CSV and Excel downloads of what a page shows.

Unlike the upload-format exports (:mod:`adoption.ingest.export`), these files are for reading in a
spreadsheet: numbers stay numbers (a real number cell in .xlsx; in CSV a
Swedish decimal comma with ';' between cells, which is what Excel set to
Swedish expects), every text cell is neutralised, and the file name says
what was filtered, so two downloads never overwrite each other unnoticed.

A file for a memo (:func:`for_memo`, :class:`FileInfo`) also says what it is:

* A CSV file starts with :data:`INFO_ROWS` rows of two cells, a name and a
  value (source, page, file, data version, selection, date, demo data, link,
  how numbers are written), then one empty row, then the table with its
  header. No comment characters: every spreadsheet opens it as it is, and a
  program skips the first INFO_ROWS + 1 rows (:func:`read_csv`).
* An Excel file holds the table on its first sheet and the same rows on a
  second sheet, "Om filen" ("About the file").
* Counts are whole numbers. Any other number (a share in percent, an
  interval's bound, a change, an index) is rounded as the page shows it (one
  decimal unless the table says otherwise) and its value to four decimals is
  kept in a column of its own at the end, named after it ("Andel (%) (4
  decimaler)").
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from adoption.ingest.export import CSV_DELIMITER, neutralise, to_xlsx_bytes
from adoption.metrics.filters import DEFAULT_NIVA
from adoption.text import i18n, present
from adoption.views import overview
from adoption.views import rounds as rounds_view

DOWNLOAD_DECIMAL = ","
_NAME_PART = re.compile(r"[^a-z0-9_-]+")
# The filter keys written into a file name, in this order, after the metric and year.
_NAME_FILTERS = ("lan", "kommun", "grupp", "sektor", "typ", "niva")
STATE_METRIC = object()
PRELIMINARY_MARK = "prel"


def _name_part(value: object) -> str:
    """A file-name-safe piece: lower case ASCII letters, digits, '_' and '-'."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii").lower()
    return _NAME_PART.sub("-", text).strip("-")


def download_stem(name: str, state, *, year: int | None = None, version: int | None = None,
                  metric=STATE_METRIC, preliminary: bool = False) -> str:
    """The file name without extension: ``karta_andel_ai_aktivitet_2024_lan-01-12_grupp-a1_v3``.

    ``preliminary``: the year is a round not yet published; ``_prel`` follows the year
    (``karta_andel_ai_aktivitet_2026_prel_v5``), so the file cannot pass for final figures.

    ``name`` is the page or table name; ``state`` a :class:`adoption.metrics.filters.ViewState`.
    ``metric`` defaults to the state's metric; pass None to leave it out (a
    table that is not about one metric) or another metric id. ``year`` is the
    survey year shown (pages pass ``ctx.year``, the latest when the filter is
    empty; None leaves it out) and ``version`` the data version shown. Filters that are "all"
    are left out; English files end in ``_en`` (their headers differ).
    """
    flt = state.filter
    parts = [_name_part(name) or "tabell"]
    if metric is STATE_METRIC:
        metric = state.matt
    if metric:
        parts.append(_name_part(metric))
    if year is not None:
        parts.append(str(int(year)))
        if preliminary:
            parts.append(PRELIMINARY_MARK)
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


def with_round(frame: pd.DataFrame, rounds: Mapping[int, str], year: int | None, lang: str = "sv") -> pd.DataFrame:
    """The table with the round status of its survey year(s) in a column "Omgång" ("preliminär"/"publicerad").

    Per row from the table's year column when it has one (a series over the
    years), else ``year`` for every row; unchanged when it has neither, or
    the column already.
    """
    column, year_column = i18n.t("round.col.status", lang), i18n.t("filter.ar", lang)
    if frame.empty or column in frame.columns:
        return frame
    if year_column in frame.columns:
        years = pd.to_numeric(frame[year_column], errors="coerce")
        words = [rounds_view.status_word(rounds.get(int(y)), lang) if pd.notna(y) else "" for y in years]
        at = list(frame.columns).index(year_column) + 1
    elif year is not None:
        words, at = [rounds_view.status_word(rounds.get(int(year)), lang)] * len(frame), len(frame.columns)
    else:
        return frame
    out = frame.copy()
    out.insert(at, column, words)
    return out


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised; numbers and missing values untouched."""
    out = frame.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(neutralise).astype(object)
    return out


# -- files for a memo: what the file is, and numbers as the page shows them --------------------

INFO_ROWS = 9  # rows before the empty row and the table in a CSV file
SHOWN_DECIMALS = 1  # as the pages show shares, indexes, intervals and changes
DECIMALS_ATTR = "decimals"  # frame.attrs[DECIMALS_ATTR] = {column: decimals} for a column shown otherwise
INFO_ATTR = "file_info"  # frame.attrs[INFO_ATTR]: the FileInfo a memo's file is written with


@dataclass(frozen=True)
class FileInfo:
    """What a downloaded table says about itself: the first rows of its CSV, a sheet of its Excel file."""

    page: str  # the page and metric the table is from, in words
    name: str  # the file name without its extension
    version: int | None
    selection: str  # the filters, in words (:func:`selection_text`)
    created: date
    demo: bool
    lang: str = "sv"
    link: str = ""

    def rows(self) -> list[tuple[str, str]]:
        t = lambda key: i18n.t(key, self.lang)  # noqa: E731
        return [
            (t("download.info.source"), t("download.info.source_text")),
            (t("download.info.page"), self.page),
            (t("download.info.file"), self.name),
            (t("download.info.version"), str(self.version) if self.version is not None else present.NO_FIGURE),
            (t("download.info.selection"), self.selection),
            (t("download.info.created"), self.created.isoformat()),
            (t("download.info.demo"), t("download.info.demo_yes") if self.demo else t("om.no")),
            (t("download.info.link"), self.link),
            (t("download.info.numbers"), t("download.info.numbers_text")),
        ]


def selection_text(state, lang: str = "sv", *, year: int | None = None, county_names=None,
                   municipality_names=None) -> str:
    """The view's filters in words: "År: 2024; Län: Skåne län; Typ: Civilsamhälle" (only what is chosen,
    the year always when given; "Hela landet" when nothing else is)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    flt = state.filter
    parts = [f"{t('filter.ar')}: {year}"] if year is not None else []
    if flt.lan:
        parts.append(f"{t('filter.lan')}: " + ", ".join((county_names or {}).get(c, c) for c in flt.lan))
    if flt.grupp:
        parts.append(f"{t('filter.grupp')}: {flt.grupp}")
    for code in flt.kommuner:
        parts.append(f"{t('filter.kommun')}: {(municipality_names or {}).get(code, code)} ({code})")
    if flt.sektor:
        parts.append(f"{t('filter.sektor')}: " + ", ".join(i18n.label("sektor", s, lang) for s in flt.sektor))
    if flt.typ:
        parts.append(f"{t('filter.typ')}: {i18n.label('typ', flt.typ, lang)}")
    if state.niva != DEFAULT_NIVA:
        parts.append(f"{t('filter.niva')}: {i18n.label('niva', state.niva, lang)}")
    if not any((flt.lan, flt.kommun)):
        parts.append(t("download.info.whole_country"))
    return "; ".join(parts)


def raw_column(column: str, lang: str = "sv") -> str:
    """The column that keeps ``column``'s value to four decimals: "Andel (%) (4 decimaler)"."""
    return i18n.t("download.col.raw", lang, column=column)


def for_memo(frame: pd.DataFrame, lang: str = "sv", info: FileInfo | None = None) -> pd.DataFrame:
    """The table as a memo quotes it: counts as whole numbers, every other number rounded as shown,
    with its value to four decimals in a column of its own at the end (see the module docstring).

    A column of numbers that are all whole is a count (Int64; a missing one stays empty). Decimals
    per column come from ``frame.attrs[DECIMALS_ATTR]`` (default :data:`SHOWN_DECIMALS`). ``info``
    travels with the table (``attrs[INFO_ATTR]``) into :func:`table_csv_bytes` and :func:`table_xlsx_bytes`.
    """
    decimals = dict(frame.attrs.get(DECIMALS_ATTR) or {})
    out = frame.copy()
    raw = {}
    for column in frame.columns:
        series = frame[column]
        if not pd.api.types.is_float_dtype(series.dtype):
            continue
        numbers = series.astype("Float64")
        present_values = numbers.dropna()
        if (present_values == present_values.round()).all():
            out[column] = numbers.round().astype("Int64")
            continue
        places = decimals.get(column, SHOWN_DECIMALS)
        out[column] = numbers.round(places).astype("float64")
        raw[raw_column(str(column), lang)] = numbers.round(4).astype("float64")
    for column, values in raw.items():
        out[column] = values
    if info is not None:
        out.attrs[INFO_ATTR] = info
    return out


def info_rows(info: FileInfo) -> pd.DataFrame:
    return pd.DataFrame(info.rows(), columns=["name", "value"])


def table_csv_bytes(frame: pd.DataFrame, info: FileInfo | None = None) -> bytes:
    """A table as CSV for a Swedish spreadsheet: UTF-8 with BOM, ';', decimal comma, no index.

    The byte-order mark makes Excel read the file as UTF-8 (å, ä, ö intact);
    missing values are empty cells, never 0. With ``info`` (by default the
    table's own, see :func:`for_memo`) the file starts with its
    :data:`INFO_ROWS` rows and an empty row.
    """
    info = info if info is not None else frame.attrs.get(INFO_ATTR)
    text = neutralise_frame(frame).to_csv(
        sep=CSV_DELIMITER, index=False, decimal=DOWNLOAD_DECIMAL, lineterminator="\r\n",
    )
    if info is not None:
        head = neutralise_frame(info_rows(info)).to_csv(sep=CSV_DELIMITER, index=False, header=False,
                                                        lineterminator="\r\n")
        text = head + "\r\n" + text
    return text.encode("utf-8-sig")


def read_csv(data: bytes) -> tuple[dict[str, str], pd.DataFrame]:
    """A downloaded CSV file back as (its information rows, its table): what a program reading one does."""
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    if len(lines) <= INFO_ROWS or lines[INFO_ROWS] != "":
        raise ValueError("not a downloaded table: no empty row after the information rows")
    info = {name: value for name, value in csv.reader(lines[:INFO_ROWS], delimiter=CSV_DELIMITER)}
    table = pd.read_csv(io.StringIO("\r\n".join(lines[INFO_ROWS + 1:])), sep=CSV_DELIMITER,
                        decimal=DOWNLOAD_DECIMAL, dtype_backend="numpy_nullable")
    return info, table


def _sheet_name(name: str) -> str:
    cleaned = "".join(" " if ch in '[]:*?/\\' else ch for ch in name)
    return " ".join(cleaned.split()).strip("'")[:31] or "Data"


def table_xlsx_bytes(frame: pd.DataFrame, sheet_name: str = "Data", info: FileInfo | None = None) -> bytes:
    """A table as .xlsx: numbers as number cells, text neutralised, missing values empty; with ``info``
    (by default the table's own) a second sheet "Om filen" holds the file's information rows."""
    info = info if info is not None else frame.attrs.get(INFO_ATTR)
    sheet = _sheet_name(sheet_name)
    if info is None:
        return to_xlsx_bytes(neutralise_frame(frame), sheet)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise_frame(frame).to_excel(writer, sheet_name=sheet, index=False)
        about = _sheet_name(i18n.t("download.info.sheet", info.lang))
        neutralise_frame(info_rows(info)).to_excel(writer, sheet_name=about, index=False, header=False)
    return buffer.getvalue()


def headline_table(headlines, lang: str = "sv") -> pd.DataFrame:
    """Översikt's headline figures as a plain table of numbers (for download).

    ``headlines``: :func:`adoption.views.overview.headlines`. Shares are in percent
    and their change in percentage points (45.5, not 0.455); a value that is
    missing or hidden is an empty cell with its status word in the status column.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for h in headlines:
        r = h.result
        cells = present.cells(r, lang)
        rows.append({
            t("filter.matt"): h.metric.label(lang),
            t("download.col.metric_id"): h.metric.id,
            t("filter.ar"): r.ar,
            t("common.value"): cells.number,
            t("common.unit"): t(f"unit.{r.unit}"),
            t("download.col.numerator"): cells.numerator,
            t("download.col.denominator"): cells.denominator,
            t("download.col.n"): cells.n,
            t("download.col.ci_low"): cells.ci_low,
            t("download.col.ci_high"): cells.ci_high,
            t("download.col.change"): present.scaled(h.change.value, r.unit),
            t("download.col.change_low"): present.scaled(h.change.ci_low, r.unit),
            t("download.col.change_high"): present.scaled(h.change.ci_high, r.unit),
            t("download.col.change_certain"): (t("om.yes") if h.change.certain else t("om.no"))
            if h.change.shown else None,
            t("download.col.change_rule"): present.change_rule(h.change, lang),
            t("download.col.panel_n"): h.change.n_panel if h.change.rule == "panel" else None,
            t("download.col.previous_year"): h.previous.ar if h.previous is not None else None,
            t("common.status"): cells.status,
        })
    frame = pd.DataFrame(rows)
    for column in (t("filter.ar"), t("download.col.n"), t("download.col.previous_year"),
                   t("download.col.panel_n")):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def headline_text_table(headlines, lang: str = "sv") -> pd.DataFrame:
    """The same headline figures as text a reader sees on the page (value, base, change)."""
    return pd.DataFrame([
        {
            i18n.t("filter.matt", lang): h.metric.label(lang),
            i18n.t("common.value", lang): present.value(h.result, lang),
            i18n.t("common.base", lang): present.caption(h.result, lang),
            i18n.t("download.col.change", lang): overview.change_text(h, lang) or present.NO_FIGURE,
        }
        for h in headlines
    ])
