"""The similar municipalities on Kommun: which factors count, each neighbour's distance split by factor.

Everything comes from :func:`adoption.metrics.similarity.most_similar`
(a :class:`~adoption.metrics.similarity.Likeness`); this module words it,
tabulates it and draws the breakdown chart. No Streamlit here.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from adoption.metrics import factors, similarity
from adoption.text import formatting, i18n
from adoption.views.downloads import DECIMALS_ATTR

# Okabe-Ito, one colour per factor in FACTORS order (colour-blind safe); the table names every part too.
FACTOR_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#D55E00", "#999999")


def factor_name(code: str, lang: str = "sv") -> str:
    return i18n.t(f"factor.name.{code}", lang)


def defaults_text(lang: str = "sv") -> str:
    """"Befolkning 3, Befolkningstäthet 2, ..." (the default weights, as the page states them)."""
    return ", ".join(f"{factor_name(code, lang)} {weight}" for code, weight in factors.DEFAULT_WEIGHTS)


def used_text(likeness: similarity.Likeness, lang: str = "sv") -> str:
    """"Befolkning (vikt 3), Yta (vikt 1), ..." for the factors the distance was built on; "–" for none."""
    weights = dict(likeness.weights)
    return ", ".join(i18n.t("kommun.factor_weight", lang).format(factor=factor_name(code, lang), weight=weights[code])
                     for code in likeness.used) or "–"


def missing_notes(likeness: similarity.Likeness, lang: str = "sv") -> list[str]:
    """One sentence per reason a weighted factor is not used, with how to load what is missing."""
    window = ", ".join(str(y) for y in likeness.years) or "–"
    notes = []
    for reason in dict.fromkeys(reason for _, reason in likeness.missing):
        notes.append(i18n.t(f"kommun.similar_missing.{reason}", lang).format(min=similarity.MIN_SHARED,
                                                                               years=window))
    return notes


def method_text(likeness: similarity.Likeness, lang: str = "sv") -> str:
    years = ", ".join(str(y) for y in likeness.years) or "–"
    year = likeness.years[-1] if likeness.years else "–"
    return i18n.t("kommun.similar_method", lang).format(years=years, year=year, min=similarity.MIN_SHARED)


def neighbour_table(likeness: similarity.Likeness, lang: str = "sv") -> pd.DataFrame:
    """One row per neighbour: name (code), county, total distance, and each used factor's part of it."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for s in likeness.similar:
        parts = dict(s.parts)
        row = {t("kommun.col.area"): f"{s.name} ({s.kommunkod})", t("filter.lan"): s.lan_name,
               t("kommun.col.total"): formatting.number(s.distance, lang, 3)}
        for code in likeness.used:
            part = parts.get(code)
            row[factor_name(code, lang)] = "–" if part is None else formatting.number(part, lang, 3)
        rows.append(row)
    return pd.DataFrame(rows)


def neighbour_download(likeness: similarity.Likeness, lang: str = "sv") -> pd.DataFrame:
    """The neighbours as numbers: distance, every factor's part (empty when unused) and weight, answers in common."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    weights = dict(likeness.weights)
    rows = []
    for rank, s in enumerate(likeness.similar, start=1):
        parts = dict(s.parts)
        row = {"#": rank, t("kommun.col.area"): s.name, t("common.code"): s.kommunkod,
               t("filter.lan"): s.lan_name, t("kommun.col.total"): round(s.distance, 6)}
        for code in factors.FACTOR_CODES:
            part = parts.get(code)
            row[factor_name(code, lang)] = None if part is None else round(part, 6)
        for code in factors.FACTOR_CODES:
            row[t("kommun.col.weight").format(factor=factor_name(code, lang))] = (
                weights[code] if code in likeness.used else 0)
        row[t("kommun.col.shared")] = s.shared
        rows.append(row)
    frame = pd.DataFrame(rows)
    # distances as the page shows them, two decimals (a memo's file keeps four beside them)
    frame.attrs[DECIMALS_ATTR] = {column: 2 for column in frame.columns
                                  if column == t("kommun.col.total") or column in
                                  {factor_name(code, lang) for code in factors.FACTOR_CODES}}
    return frame


def breakdown_chart(likeness: similarity.Likeness, lang: str = "sv") -> alt.Chart | None:
    """Stacked horizontal bars: each neighbour's distance, one segment per factor; None without neighbours."""
    if not likeness.similar:
        return None
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    # only the factors used, each in its own colour whatever the others' weights
    names = [factor_name(code, lang) for code in likeness.used]
    colours = [FACTOR_COLOURS[factors.FACTOR_CODES.index(code)] for code in likeness.used]
    records = []
    for s in likeness.similar:
        for order, (code, part) in enumerate(s.parts):
            if part is None:
                continue
            records.append({"kommun": f"{s.name} ({s.kommunkod})", "factor": factor_name(code, lang),
                            "order": order, "part": part, "part_text": formatting.number(part, lang, 3),
                            "total_text": formatting.number(s.distance, lang, 3)})
    if not records:
        return None
    frame = pd.DataFrame(records)
    order = [f"{s.name} ({s.kommunkod})" for s in likeness.similar]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("part:Q", stack="zero", title=t("kommun.col.total")),
            y=alt.Y("kommun:N", sort=order, title=None, axis=alt.Axis(labelLimit=300)),
            color=alt.Color("factor:N", title=None, scale=alt.Scale(domain=names, range=colours),
                            legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=300)),
            order=alt.Order("order:Q", sort="ascending"),
            tooltip=[alt.Tooltip("kommun:N", title=t("kommun.col.area")),
                     alt.Tooltip("factor:N", title=" "),
                     alt.Tooltip("part_text:N", title=t("kommun.col.part")),
                     alt.Tooltip("total_text:N", title=t("kommun.col.total"))],
        )
        .properties(height=alt.Step(26))
    )
