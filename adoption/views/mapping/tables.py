"""The map in words and numbers: the table beside it, its download and the sentence that says what the colours say.

Separate from the layer (:mod:`.layer`) and the deck (:mod:`.drawing`): these
are the map's text equivalents, read by people who do not see
the colours, by screen readers and by whoever opens the file.
"""

from __future__ import annotations

import pandas as pd

from adoption import metrics
from adoption.text import formatting, i18n, present
from adoption.views.mapping.classes import MISSING_ORDER, missing_kind
from adoption.views.mapping.layer import Area, MapData


def table(data: MapData) -> pd.DataFrame:
    """The map's data as a table (missing values empty, their kind named in the class column).

    The value column holds the registry's value (a share as a fraction), so that it sorts as a
    number; the page shows each cell as :attr:`Area.value_text` (:func:`value_texts`), the words
    the tooltip uses, in the language's number format.
    """
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    labels = {e.key: e.label for e in data.legend}
    missing = {status: present.status(status, data.lang) for status in {a.status for a in data.areas}}
    # Column by column, words looked up once: per row and cell this took seconds for 100,000 areas.
    columns = {tr("common.name"): [a.name for a in data.areas],
               tr("common.code"): [a.code for a in data.areas]}
    if data.level == "kommun":
        columns[tr("filter.lan")] = [a.lan or "" for a in data.areas]
    columns[table_value_column(data)] = [a.value for a in data.areas]
    columns[tr("common.base")] = [a.base_text for a in data.areas]
    if any(notes := [note(data, a) for a in data.areas]):  # beside the base it qualifies
        columns[tr("karta.col.note")] = notes
    columns[tr("karta.col.interval")] = [a.interval_text for a in data.areas]
    columns[tr("karta.col.class")] = [labels.get(f"class{a.class_index}", "") if a.class_index is not None
                                      else missing[a.status] for a in data.areas]
    if not data.areas:
        return pd.DataFrame()
    return pd.DataFrame(columns)


def value_texts(data: MapData) -> list[str]:
    """The value column of :func:`table` as a reader sees it: "45,5 %", or the status word."""
    return [a.value_text for a in data.areas]


def table_value_column(data: MapData) -> str:
    unit = metrics.get(data.metric).unit
    key = {"share": "karta.col.share", "per_10k": "karta.col.value_per_10k"}.get(unit, "common.value")
    return i18n.t(key, data.lang)


def download_table(data: MapData) -> pd.DataFrame:
    """The map's data as numbers, for CSV and Excel: one row per area.

    Value and interval on the column's scale (shares in percent, 45.5),
    numerator, denominator and respondents as counts; a missing or hidden
    value is an empty cell and the status column says why (never 0).
    """
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    unit = metrics.get(data.metric).unit
    scale = 100.0 if unit == "share" else 1.0

    def scaled(x):
        return None if x is None else round(x * scale, 4)

    small = {True: tr("om.yes"), False: tr("om.no")}
    rows = []
    grouped = any(a.grupp for a in data.areas)
    for a in data.areas:
        row = {tr("common.name"): a.name, tr("common.code"): a.code}
        if data.level == "kommun":
            row[tr("filter.lan")] = a.lan or ""
        if grouped:
            row[tr("download.col.grupp")] = a.grupp or ""
        row[tr("filter.ar")] = data.year
        row[value_column(data)] = scaled(a.value)
        row[tr("download.col.numerator")] = None if unit == "index" else a.numerator  # a sum of scores, no count
        row[tr("download.col.denominator")] = a.denominator
        row[tr("download.col.n")] = None if a.value is None and a.status == "too_few" else a.n
        row[tr("download.col.ci_low")] = scaled(a.ci_low) if a.value is not None else None
        row[tr("download.col.ci_high")] = scaled(a.ci_high) if a.value is not None else None
        row[tr("common.status")] = present.status(a.status if a.value is None else "ok", data.lang)
        row[small_base_column(data.lang)] = small[a.small_base] if a.value is not None else None
        rows.append(row)
    frame = pd.DataFrame(rows)
    for key in ("filter.ar", "download.col.numerator", "download.col.denominator", "download.col.n"):
        if tr(key) in frame:
            frame[tr(key)] = whole_numbers(frame[tr(key)])
    return frame


def small_base_column(lang: str = "sv") -> str:
    """The download's column that marks a value on a small base ("ja" / "nej")."""
    return i18n.t("karta.col.small_base", lang, min_n=metrics.SMALL_BASE_N)


def whole_numbers(series: pd.Series) -> pd.Series:
    """Counts as integers (Int64, missing stays missing); left as they are if any is not whole."""
    numbers = pd.to_numeric(series, errors="coerce").astype("Float64")
    present = numbers.dropna()
    if len(present) and not (present == present.round()).all():
        return numbers
    return numbers.round().astype("Int64")


def note(data: MapData, area: Area) -> str:
    """What an area's figure is marked with: a small base, a preliminary year; empty when nothing."""
    parts = []
    if area.small_base:
        parts.append(i18n.t("karta.small_base_note", data.lang, min_n=metrics.SMALL_BASE_N))
    parts.append(round_mark(data, area))
    return "; ".join(p for p in parts if p)


def round_mark(data: MapData, area: Area) -> str:
    """"preliminära siffror" on a value of a preliminary year, else empty."""
    return i18n.t("karta.preliminary_note", data.lang) if data.round_note and area.value is not None else ""


def value_column(data: MapData) -> str:
    unit = metrics.get(data.metric).unit
    key = {"share": "common.share_pct", "per_10k": "karta.col.value_per_10k"}.get(unit, "common.value")
    return i18n.t(key, data.lang)


def counts(data: MapData) -> dict[str, int]:
    """How many areas have a value, and of each missing kind."""
    out = {"ok": sum(1 for a in data.areas if a.value is not None)}
    for status in MISSING_ORDER:
        out[status] = sum(1 for a in data.areas if a.value is None and missing_kind(a.status) == status)
    return out


def summary(data: MapData) -> str:
    """A sentence that says what the colours say (the text equivalent of the map)."""
    tr = lambda key, **values: i18n.t(key, data.lang, **values)  # noqa: E731
    c = counts(data)
    parts = [i18n.tn(
        f"karta.summary.{data.level}", len(data.areas), data.lang,
        shown=formatting.number(c["ok"], data.lang), total=formatting.number(len(data.areas), data.lang),
        metric=metrics.get(data.metric).label(data.lang),
    )]
    for entry in data.legend:
        if entry.key.startswith("class") or entry.key == "small_base" or entry.count == 0:
            continue
        parts.append(f"{entry.label}: {formatting.number(entry.count, data.lang)}")
    valued = [a for a in data.areas if a.value is not None]
    if data.binary:  # every value is 0 % or 100 %: count them; a "lowest" would be an arbitrary tie
        labels = {e.key: e.label for e in data.legend}
        top = f"class{len(data.limits) - 2}"
        yes = sum(1 for a in valued if a.class_index == len(data.limits) - 2)
        parts.append(f"{labels[top]}: {formatting.number(yes, data.lang)}; "
                     f"{labels['class0']}: {formatting.number(len(valued) - yes, data.lang)}")
        return ". ".join(parts) + "."
    ranked = [a for a in valued if not a.small_base]
    small = len(valued) - len(ranked)
    if ranked:
        low = min(ranked, key=lambda a: a.value)
        top = max(ranked, key=lambda a: a.value)
        parts.append(tr("karta.summary_range", low=_extreme(data, ranked, low), high=_extreme(data, ranked, top)))
    if small:
        parts.append(i18n.tn("karta.summary_small", small, data.lang, n=formatting.number(small, data.lang),
                             min_n=metrics.SMALL_BASE_N))
    return ". ".join(parts) + "."


def _extreme(data: MapData, ranked: list[Area], area: Area) -> str:
    """"Alingsås 12,5 %", or, when several areas share the value, "0,0 % (14 kommuner, bland dem Ale)"."""
    tied = sorted(a.name for a in ranked if a.value == area.value)
    if len(tied) == 1:
        return f"{area.name} {area.value_text}"
    return i18n.tn(f"karta.summary_tied.{data.level}", len(tied), data.lang, value=area.value_text,
                   n=formatting.number(len(tied), data.lang), name=tied[0])
