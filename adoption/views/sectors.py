"""Sektorer: the stage of each sector this year against the previous survey, and the barriers named most often.

Every figure comes from the registry (``sektor_fordelning`` and
``hinder_topp``); this module only lays the results out as long frames (one
row per year, sector and stage, or per year and barrier), turns them into
tables with words in the reader's language, and describes the charts.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from adoption import metrics, vocab
from adoption.metrics.filters import Filter
from adoption.metrics.years import latest_and_previous
from adoption.store import Store
from adoption.text import formatting, i18n, present

# Five viridis steps (colour-blind safe, sequential, lightness rises with the
# stage): dark purple for "no activity" to yellow for "evaluated and scaled".
STAGE_COLOURS = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
# This year dark, the previous survey light: told apart by lightness alone.
YEAR_COLOURS = ("#08519c", "#9ecae1")

STAGE_COLUMNS = ("ar", "sektor", "sektor_sort", "mognad", "value", "numerator", "denominator", "ci_low",
                 "ci_high", "suppressed", "ej_tillampligt", "inget_svar", "status", "typ")
BARRIER_COLUMNS = ("ar", "hinder", "hinder_sort", "value", "numerator", "denominator", "ci_low", "ci_high",
                   "suppressed", "status", "typ")


def _years(store: Store, flt: Filter, version: int | None) -> list[int]:
    year, previous = latest_and_previous(store, flt.ar, version=version)
    return [y for y in (year, previous) if y is not None]


def _sector_status(row: dict) -> str:
    if row["suppressed"]:
        return "too_few"
    if not row["denominator"]:
        return "not_applicable" if row["ej_tillampligt"] and not row["inget_svar"] else "no_answer"
    return metrics.STATUS_OK


def stage_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """``sektor_fordelning`` for the filter's year and the previous survey year, one row per year, sector, stage.

    ``status`` per row: "ok"; "too_few" (civil society: fewer than 3
    answers, no numbers); "no_answer" / "not_applicable" (nobody answered the
    sector's stage); or the whole result's status when it has no breakdown.
    ``ej_tillampligt`` and ``inget_svar`` are counts of respondents outside
    the denominator (None when the whole result is suppressed).
    """
    order = {s.code: s.sort for s in vocab.sectors()}
    wanted = [s.code for s in vocab.sectors() if not flt.sektor or s.code in flt.sektor]
    out = []
    for year in _years(store, flt, version):
        result = metrics.compute(store, "sektor_fordelning", flt.with_(ar=year), version=version)
        if result.breakdown is None:
            for sector in wanted:
                for stage in vocab.stages():
                    out.append({
                        "ar": year, "sektor": sector, "sektor_sort": order[sector], "mognad": stage.value,
                        "value": None, "numerator": None, "denominator": None, "ci_low": None, "ci_high": None,
                        "suppressed": result.suppressed, "ej_tillampligt": None, "inget_svar": None,
                        "status": result.status, "typ": result.typ,
                    })
            continue
        for row in result.breakdown:
            out.append({**row, "ar": year, "sektor_sort": order[row["sektor"]], "status": _sector_status(row),
                        "typ": result.typ})
    frame = pd.DataFrame(out, columns=list(STAGE_COLUMNS))
    return frame.sort_values(["sektor_sort", "ar", "mognad"], ascending=[True, False, True], ignore_index=True)


def barrier_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """``hinder_topp`` for the filter's year and the previous survey year, one row per year and barrier."""
    order = {term.code: term.sort for term in vocab.terms("hinder")}
    out = []
    for year in _years(store, flt, version):
        result = metrics.compute(store, "hinder_topp", flt.with_(ar=year), version=version)
        if result.breakdown is None:
            for code in order:
                out.append({
                    "ar": year, "hinder": code, "hinder_sort": order[code], "value": None, "numerator": None,
                    "denominator": None, "ci_low": None, "ci_high": None, "suppressed": result.suppressed,
                    "status": result.status, "typ": result.typ,
                })
            continue
        for row in result.breakdown:
            status = "too_few" if row["suppressed"] else metrics.STATUS_OK
            out.append({**row, "ar": year, "hinder_sort": order.get(row["hinder"], 99), "status": status,
                        "typ": result.typ})
    return pd.DataFrame(out, columns=list(BARRIER_COLUMNS))



# -- words ------------------------------------------------------------------------


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA


def part(row) -> present.Figure:
    """A row of :func:`stage_rows` or :func:`barrier_rows` (a dict, Series or tuple) as the figure it holds."""
    get = row.get if isinstance(row, (dict, pd.Series)) else lambda key: getattr(row, key)
    return present.figure(get("value"), status=get("status"), numerator=get("numerator"),
                          denominator=get("denominator"), ci_low=get("ci_low"), ci_high=get("ci_high"),
                          typ=get("typ"))


def count_cell(value, status: str, lang: str = "sv") -> str:
    """A count of respondents, or the status word of the row it belongs to when it is hidden or missing."""
    if _missing(value):
        return present.status(status if status != metrics.STATUS_OK else "no_answer", lang)
    return formatting.number(value, lang)


def stage_table(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """One row per sector and year: the share at each stage, the base, and who is outside it."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    stage_names = {s.value: i18n.label("mognad", s.value, lang) for s in vocab.stages()}
    out = []
    for (_, sector, year), rows_of in rows.groupby(["sektor_sort", "sektor", "ar"], sort=False):
        first = rows_of.iloc[0]
        record = {t("common.sector"): i18n.label("sektor", sector, lang), t("filter.ar"): str(year)}
        for row in rows_of.itertuples(index=False):
            record[stage_names[row.mognad]] = present.value(part(row), lang)
        shown = first.status == metrics.STATUS_OK
        record[t("sektorer.col.svarande")] = count_cell(first.denominator if shown else None, first.status, lang)
        record[t("sektorer.col.ej_tillampligt")] = count_cell(first.ej_tillampligt, first.status, lang)
        record[t("sektorer.col.inget_svar")] = count_cell(first.inget_svar, first.status, lang)
        out.append(record)
    columns = [t("common.sector"), t("filter.ar"), *stage_names.values(), t("sektorer.col.svarande"),
               t("sektorer.col.ej_tillampligt"), t("sektorer.col.inget_svar")]
    return pd.DataFrame(out, columns=columns)


def stage_detail_table(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """Every share with its base and 95 % interval: one row per sector, year and stage."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("common.sector"): [i18n.label("sektor", s, lang) for s in rows["sektor"]],
        t("filter.ar"): [str(y) for y in rows["ar"]],
        t("common.stage"): [i18n.label("mognad", int(m), lang) for m in rows["mognad"]],
        t("sektorer.col.andel"): [present.value(part(r), lang) for r in rows.itertuples(index=False)],
        t("sektorer.col.bas"): [present.base(part(r), lang) for r in rows.itertuples(index=False)],
        t("common.confidence_interval"): [present.interval(part(r), lang) for r in rows.itertuples(index=False)],
    })


def barrier_table(rows: pd.DataFrame, year: int | None, previous: int | None, lang: str = "sv") -> pd.DataFrame:
    """Barriers, most often named first: this year's share, base and interval, and the previous survey's share.

    A barrier missing from a year's registry result (nobody named it, or it
    was not asked) is no figure: an en dash for that year, not a computed 0 %.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    now = rows[rows["ar"] == year].copy()
    before = rows[rows["ar"] == previous].set_index("hinder") if previous is not None else None
    now["_sort"] = now["value"].astype("Float64").fillna(-1)
    now = now.sort_values(["_sort", "hinder_sort"], ascending=[False, True])
    only_before = before[~before.index.isin(now["hinder"])].sort_values("hinder_sort") if before is not None else None
    codes = [*now["hinder"], *(only_before.index if only_before is not None else [])]
    current = now.set_index("hinder")
    out = []
    for code in codes:
        row = part(current.loc[code]) if code in current.index else None
        record = {
            t("sektorer.col.hinder"): i18n.label("hinder", code, lang),
            t("sektorer.col.andel_ar").format(year=year):
                present.value(row, lang) if row is not None else present.NO_FIGURE,
            t("sektorer.col.bas"): present.base(row, lang) if row is not None else present.NO_FIGURE,
            t("common.confidence_interval"): present.interval(row, lang) if row is not None else present.NO_FIGURE,
        }
        if before is not None:
            old = part(before.loc[code]) if code in before.index else None
            record[t("sektorer.col.andel_ar").format(year=previous)] = (
                present.value(old, lang) if old is not None else present.NO_FIGURE)
        out.append(record)
    return pd.DataFrame(out)


# -- charts -----------------------------------------------------------------------


def _bar_label(sector: str, year: int, lang: str) -> str:
    return f"{i18n.label('sektor', sector, lang)} · {year}"


def _label_expr(rows: pd.DataFrame) -> str:
    """Axis labels: the sector's name and year on its first bar, only the year on the bar below it."""
    latest = rows["ar"].max() if len(rows) else None
    earlier = sorted({int(y) for y in rows["ar"] if y != latest})
    expr = "datum.label"
    for year in earlier:
        expr = f"indexof(datum.label, ' · {year}') >= 0 ? '{year}' : ({expr})"
    return expr


def _figure_texts(drawn: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """Each drawn row's share, base and interval as a chart's tooltip shows them (:func:`_figure_tooltips`)."""
    parts = [part(r) for r in drawn.itertuples(index=False)]
    return {"share_text": [present.value(p, lang) for p in parts],
            "base_text": [present.base(p, lang) for p in parts],
            "ci_text": [present.interval(p, lang) for p in parts]}


def _figure_tooltips(lang: str) -> list[alt.Tooltip]:
    """The tooltip's lines for :func:`_figure_texts`' columns."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return [alt.Tooltip("share_text:N", title=t("sektorer.col.andel")),
            alt.Tooltip("base_text:N", title=t("sektorer.col.bas")),
            alt.Tooltip("ci_text:N", title=t("common.confidence_interval"))]


def stage_chart(rows: pd.DataFrame, lang: str = "sv") -> alt.Chart | None:
    """Ordered stacked bars: one bar per sector and year, stages 0 to 4 from left to right.

    Only shares with a value are drawn (suppressed and unanswered ones are in
    the table); each bar sums to 100 % of those who answered the sector.
    None when there is nothing to draw.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    drawn = rows[(rows["status"] == metrics.STATUS_OK) & rows["value"].notna()]
    if drawn.empty:
        return None
    stage_names = [i18n.label("mognad", s.value, lang) for s in vocab.stages()]
    bars = [_bar_label(s, y, lang) for (_, s, y), _ in rows.groupby(["sektor_sort", "sektor", "ar"], sort=False)]
    data = pd.DataFrame({
        "bar": [_bar_label(r.sektor, r.ar, lang) for r in drawn.itertuples(index=False)],
        "stage": [i18n.label("mognad", int(r.mognad), lang) for r in drawn.itertuples(index=False)],
        "stage_order": drawn["mognad"].astype(int).tolist(),
        "share": drawn["value"].astype(float).tolist(),
        **_figure_texts(drawn, lang),
    })
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("share:Q", stack="zero", title=t("sektorer.col.andel"),
                    scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            y=alt.Y("bar:N", sort=bars, title=None,
                    axis=alt.Axis(labelLimit=400, labelOverlap=False, labelExpr=_label_expr(rows))),
            color=alt.Color("stage:N", title=t("common.stage"),
                            scale=alt.Scale(domain=stage_names, range=list(STAGE_COLOURS)),
                            legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=400)),
            order=alt.Order("stage_order:Q", sort="ascending"),
            tooltip=[
                alt.Tooltip("bar:N", title=t("common.sector")),
                alt.Tooltip("stage:N", title=t("common.stage")),
                *_figure_tooltips(lang),
            ],
        )
        .properties(height=alt.Step(20))
    )


def barrier_chart(rows: pd.DataFrame, year: int | None, previous: int | None,
                  lang: str = "sv") -> alt.LayerChart | None:
    """Horizontal bars per barrier, most often named first; this year dark, the previous survey light,
    with a line for this year's 95 % interval. None when there is nothing to draw."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    drawn = rows[(rows["status"] == metrics.STATUS_OK) & rows["value"].notna()]
    if drawn[drawn["ar"] == year].empty:
        return None
    now = drawn[drawn["ar"] == year].sort_values(["value", "hinder_sort"], ascending=[False, True])
    order = [i18n.label("hinder", h, lang) for h in now["hinder"]]
    years = [str(y) for y in (year, previous) if y is not None]
    data = pd.DataFrame({
        "barrier": [i18n.label("hinder", r.hinder, lang) for r in drawn.itertuples(index=False)],
        "year": [str(y) for y in drawn["ar"]],
        "share": drawn["value"].astype(float).tolist(),
        "low": drawn["ci_low"].astype(float).tolist(),
        "high": drawn["ci_high"].astype(float).tolist(),
        **_figure_texts(drawn, lang),
    })
    data = data[data["barrier"].isin(order)]
    y = alt.Y("barrier:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    tooltip = [
        alt.Tooltip("barrier:N", title=t("sektorer.col.hinder")),
        alt.Tooltip("year:N", title=t("filter.ar")),
        *_figure_tooltips(lang),
    ]
    base = alt.Chart(data).encode(y=y, yOffset=alt.YOffset("year:N", sort=years))
    bars = base.mark_bar().encode(
        x=alt.X("share:Q", title=t("sektorer.col.andel"), axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("year:N", title=t("filter.ar"), sort=years,
                        scale=alt.Scale(domain=years, range=list(YEAR_COLOURS[: len(years)])),
                        legend=alt.Legend(orient="bottom")),
        tooltip=tooltip,
    )
    intervals = base.transform_filter(alt.datum.year == str(year)).mark_rule(color="#000000").encode(
        x="low:Q", x2="high:Q", tooltip=tooltip)
    return alt.layer(bars, intervals).properties(height=alt.Step(14))


# -- downloads (numbers, not text) --------------------------------------------------


def count_number(value):
    return None if _missing(value) else value


def integer_columns(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Count columns as Int64 (missing stays missing; a column with a non-whole number stays Float64)."""
    for column in columns:
        numbers = pd.to_numeric(frame[column], errors="coerce").astype("Float64")
        present = numbers.dropna()
        whole = not len(present) or bool((present == present.round()).all())
        frame[column] = numbers.round().astype("Int64") if whole else numbers
    return frame


def stage_download(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`stage_rows` as numbers for CSV / Excel: one row per sector, year and stage.

    Share and interval in percent (45.5), counts as integers; a hidden or
    missing share is an empty cell and the status column says why.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for r in rows.itertuples(index=False):
        out.append({
            t("common.sector"): i18n.label("sektor", r.sektor, lang),
            t("common.code"): r.sektor,
            t("filter.ar"): r.ar,
            t("download.col.stage_code"): r.mognad,
            t("common.stage"): i18n.label("mognad", int(r.mognad), lang),
            **_share_cells(r, lang),
            t("sektorer.col.ej_tillampligt"): count_number(r.ej_tillampligt),
            t("sektorer.col.inget_svar"): count_number(r.inget_svar),
            t("common.status"): present.status(r.status, lang),
        })
    columns = [t("common.sector"), t("common.code"), t("filter.ar"), t("download.col.stage_code"),
               t("common.stage"), *_share_columns(lang),
               t("sektorer.col.ej_tillampligt"), t("sektorer.col.inget_svar"), t("common.status")]
    frame = pd.DataFrame(out, columns=columns)
    return integer_columns(frame, [t("filter.ar"), t("download.col.stage_code"), t("download.col.numerator"),
                           t("download.col.denominator"), t("sektorer.col.ej_tillampligt"),
                           t("sektorer.col.inget_svar")])


def _share_columns(lang: str) -> list[str]:
    """The columns of :func:`_share_cells`, in order."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return [t("common.share_pct"), t("download.col.numerator"), t("download.col.denominator"),
            t("download.col.ci_low"), t("download.col.ci_high")]


def _share_cells(r, lang: str) -> dict:
    """Share, base and interval of a row as numbers; empty when hidden or missing."""
    cells = present.cells(part(r), lang)
    return dict(zip(_share_columns(lang), (cells.number, cells.numerator, cells.denominator, cells.ci_low,
                                           cells.ci_high)))


def barrier_download(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`barrier_rows` as numbers: one row per year and barrier (this year first, most named first)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    ordered = rows.assign(_sort=rows["value"].astype("Float64").fillna(-1)).sort_values(
        ["ar", "_sort", "hinder_sort"], ascending=[False, False, True])
    out = []
    for r in ordered.itertuples(index=False):
        out.append({
            t("sektorer.col.hinder"): i18n.label("hinder", r.hinder, lang),
            t("common.code"): r.hinder,
            t("filter.ar"): r.ar,
            **_share_cells(r, lang),
            t("common.status"): present.status(r.status, lang),
        })
    columns = [t("sektorer.col.hinder"), t("common.code"), t("filter.ar"), *_share_columns(lang), t("common.status")]
    frame = pd.DataFrame(out, columns=columns)
    return integer_columns(frame, [t("filter.ar"), t("download.col.numerator"), t("download.col.denominator")])
