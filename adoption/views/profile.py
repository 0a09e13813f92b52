"""One municipality's profile: its own stages by sector and year, and registry figures to compare with.

The municipality's own stages are read from its response rows as given (no
arithmetic). Every comparison figure (the municipality, its county, the whole
country, the municipalities most like it) comes from the metric registry
through :func:`adoption.metrics.compute`; nothing here averages or sums
survey values.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.views.downloads import DECIMALS_ATTR
from adoption.vocab import NOT_APPLICABLE, sectors

# The scalar metrics the profile compares, over the years.
COMPARE_METRICS = ("mognadsindex", "andel_ai_i_drift")

# Status of one sector-and-year cell of the municipality's own answers.
CELL_OK = "ok"
CELL_NOT_APPLICABLE = "not_applicable"  # "." in the survey
CELL_NO_ANSWER = "no_answer"  # a response row for the year, but this sector left blank
CELL_NO_RESPONSE = "no_response"  # no response row at all for the year

# Areas of a comparison row.
AREA_KOMMUN = "kommun"
AREA_LAN = "lan"
AREA_RIKET = "riket"
AREA_LIKNANDE = "liknande"


@dataclass(frozen=True)
class Municipality:
    kommunkod: str
    name: str
    lan_kod: str
    lan_name: str


@dataclass(frozen=True)
class StageCell:
    sektor: str
    ar: int
    stage: int | None  # 0-4, None unless status is "ok"
    status: str  # ok | not_applicable | no_answer | no_response


@dataclass(frozen=True)
class Comparison:
    """One registry figure for one area and year."""

    metric: str
    ar: int
    area: str  # kommun | lan | riket | liknande
    code: str | None  # the municipality or county code; None for the country
    result: metrics.MetricResult


@dataclass(frozen=True)
class SectorComparison:
    """The municipality's stage in a sector, beside the county's and country's distributions.

    ``lan_same`` and ``riket_same`` are the registry's breakdown rows (as
    given) for the stage the municipality reported: the share of the county's
    or country's respondents at that same stage. ``lan`` and ``riket`` are the
    results of ``sektor_fordelning`` whose breakdown holds all stages.
    """

    sektor: str
    own: StageCell
    lan_same: dict | None
    riket_same: dict | None


def municipality(store: Store, kommunkod: str, *, version: int | None = None) -> Municipality | None:
    """Name and county of a municipality code (reference data); None when the code is unknown."""
    frame = store.municipalities()
    row = frame[frame["kommunkod"] == kommunkod]
    if row.empty:
        return None
    first = row.iloc[0]
    return Municipality(str(first["kommunkod"]), str(first["name"]), str(first["lan_kod"]), str(first["lan_name"]))


def _cell(sektor: str, ar: int, row) -> StageCell:
    if row is None:
        return StageCell(sektor, ar, None, CELL_NO_RESPONSE)
    value = row[f"mognad_{sektor}"]
    if value is None or pd.isna(value):
        return StageCell(sektor, ar, None, CELL_NO_ANSWER)
    value = int(value)
    if value == NOT_APPLICABLE:
        return StageCell(sektor, ar, None, CELL_NOT_APPLICABLE)
    return StageCell(sektor, ar, value, CELL_OK)


def stage_history(store: Store, kommunkod: str, *, version: int | None = None) -> tuple[StageCell, ...]:
    """The municipality's own stage in every sector and survey year (sector order, then year)."""
    version = store.resolve_version(version)
    years = store.survey_years(version)
    own = store.responses(version, typ="kommun", kommun=kommunkod)
    by_year = {int(row["ar"]): row for row in own.to_dict("records")}
    return tuple(_cell(s.code, year, by_year.get(year)) for s in sectors() for year in years)


def responded_years(cells: tuple[StageCell, ...]) -> tuple[int, ...]:
    return tuple(sorted({c.ar for c in cells if c.status != CELL_NO_RESPONSE}))


def comparisons(store: Store, kommunkod: str, lan_kod: str, similar: tuple[str, ...] = (),
                years: tuple[int, ...] = (), metric_ids: tuple[str, ...] = COMPARE_METRICS, *,
                version: int | None = None) -> tuple[Comparison, ...]:
    """Registry figures per survey year for the municipality, its county, the country and each
    municipality in ``similar`` (each on its own, not pooled: the registry has no filter for a set of
    municipalities). ``years`` empty means every survey year."""
    version = store.resolve_version(version)
    survey_years = store.survey_years(version)
    out = []
    for ar in (y for y in survey_years if not years or y in years):
        for metric_id in metric_ids:
            if similar:
                per_kommun = {
                    r.area: r
                    for r in metrics.compute(store, metric_id, Filter(ar=ar), version=version, by="kommun")
                }
                own = per_kommun[kommunkod]
            else:
                per_kommun = {}
                own = metrics.compute(store, metric_id, Filter(ar=ar, kommun=kommunkod), version=version)
            out.append(Comparison(metric_id, ar, AREA_KOMMUN, kommunkod, own))
            out.append(Comparison(metric_id, ar, AREA_LAN, lan_kod,
                                  metrics.compute(store, metric_id, Filter(ar=ar, lan=(lan_kod,)), version=version)))
            out.append(Comparison(metric_id, ar, AREA_RIKET, None,
                                  metrics.compute(store, metric_id, Filter(ar=ar), version=version)))
            for code in similar:
                if code in per_kommun:
                    out.append(Comparison(metric_id, ar, AREA_LIKNANDE, code, per_kommun[code]))
    return tuple(out)


def sector_comparison(store: Store, kommunkod: str, lan_kod: str, ar: int, *,
                      version: int | None = None) -> tuple[tuple[SectorComparison, ...],
                                                            metrics.MetricResult, metrics.MetricResult]:
    """Per sector: the municipality's stage in ``ar`` and the county's and country's share at that stage.

    Returns the rows and the two ``sektor_fordelning`` results (county, country) they were read from.
    """
    version = store.resolve_version(version)
    cells = {c.sektor: c for c in stage_history(store, kommunkod, version=version) if c.ar == ar}
    lan = metrics.compute(store, "sektor_fordelning", Filter(ar=ar, lan=(lan_kod,)), version=version)
    riket = metrics.compute(store, "sektor_fordelning", Filter(ar=ar), version=version)

    def same(result: metrics.MetricResult, cell: StageCell) -> dict | None:
        if cell.status != CELL_OK or not result.breakdown:
            return None
        for row in result.breakdown:
            if row["sektor"] == cell.sektor and row["mognad"] == cell.stage:
                return row
        return None

    rows = []
    for s in sectors():
        cell = cells.get(s.code, StageCell(s.code, ar, None, CELL_NO_RESPONSE))
        rows.append(SectorComparison(s.code, cell, same(lan, cell), same(riket, cell)))
    return tuple(rows), lan, riket


def initiatives(store: Store, kommunkod: str, *, version: int | None = None) -> pd.DataFrame:
    """The municipality's own reported initiatives (not those of civil-society organisations in it)."""
    version = store.resolve_version(version)
    own = store.initiatives(version, typ="kommun", kommun=kommunkod)
    return own.sort_values(["ar", "sektor", "titel"], ascending=[False, True, True]).reset_index(drop=True)


# -- words ----------------------------------------------------------------------

# A municipality's own answer is not an estimate of anything larger: its share
# is 0 % or 100 % of one answer, so its figures have no interval.
_OWN_AREAS = (AREA_KOMMUN, AREA_LIKNANDE)


def cell_text(cell: StageCell, lang: str = "sv") -> str:
    """The stage's name, or "inget svar" / "ej tillämplig" (never 0 for a missing answer)."""
    if cell.status == CELL_OK:
        return i18n.label("mognad", cell.stage, lang)
    if cell.status == CELL_NOT_APPLICABLE:
        return present.status("not_applicable", lang)
    return present.status("no_answer", lang)


def _part(row: dict, typ: str | None = None) -> present.Figure:
    """A row of a ``sektor_fordelning`` breakdown as the figure it holds."""
    return present.figure(row.get("value"), status="too_few" if row.get("suppressed") else None,
                          numerator=row.get("numerator"), denominator=row.get("denominator"),
                          ci_low=row.get("ci_low"), ci_high=row.get("ci_high"), typ=typ)


def same_stage_text(row: dict | None, lang: str = "sv") -> str:
    """The county's or country's share at the municipality's stage, with its base ("22,2 % (4 av 18 svarande)").

    None (the municipality gave no stage, so there is nothing to compare) is no figure: an en dash.
    """
    if row is None:
        return present.NO_FIGURE
    figure = _part(row)
    if present.missing(figure):
        return present.value(figure, lang)
    return f"{present.value(figure, lang)} ({present.base(figure, lang)})"


# -- tables for the page ----------------------------------------------------------

# ColorBrewer YlGnBu, 5 classes (colour-blind safe), one per stage 0-4; text
# colour chosen for contrast. Missing answers have no fill and grey text.
STAGE_FILL = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
STAGE_TEXT = ("#000000", "#000000", "#000000", "#ffffff", "#ffffff")
MISSING_STYLE = "color: #595959; font-style: italic"


def stage_grid(cells: tuple[StageCell, ...], lang: str = "sv") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stage history as a table (sectors down, years across) and a same-shaped table of CSS styles."""
    years = sorted({c.ar for c in cells})
    order = [s.code for s in sectors()]
    index = [i18n.label("sektor", code, lang) for code in order]
    text = pd.DataFrame(index=index, columns=[str(y) for y in years], dtype=object)
    style = pd.DataFrame("", index=index, columns=[str(y) for y in years])
    names = dict(zip(order, index))
    for cell in cells:
        row, column = names[cell.sektor], str(cell.ar)
        text.loc[row, column] = cell_text(cell, lang)
        if cell.status == CELL_OK:
            style.loc[row, column] = f"background-color: {STAGE_FILL[cell.stage]}; color: {STAGE_TEXT[cell.stage]}"
        else:
            style.loc[row, column] = MISSING_STYLE
    text.index.name = i18n.t("common.sector", lang)
    return text, style


def distribution_table(results: list[tuple[str, metrics.MetricResult]], lang: str = "sv") -> pd.DataFrame:
    """``sektor_fordelning`` breakdowns as given, one row per area and sector, one column per stage."""
    from adoption.vocab import stages

    rows = []
    for area_name, result in results:
        for s in sectors():
            row = {i18n.t("kommun.col.area", lang): area_name, i18n.t("common.sector", lang):
                   i18n.label("sektor", s.code, lang)}
            for part in (result.breakdown or ()):
                if part["sektor"] != s.code:
                    continue
                row[i18n.label("mognad", part["mognad"], lang)] = same_stage_text(part, lang)
            if len(row) == 2:
                for stage in stages():
                    row[i18n.label("mognad", stage.value, lang)] = present.value(result, lang)
            rows.append(row)
    return pd.DataFrame(rows)


def _interval(comparison: Comparison, lang: str) -> str:
    return present.interval(comparison.result, lang, estimate=comparison.area not in _OWN_AREAS)


def _area_name(comparison: Comparison, names: dict[str, str], lang: str) -> str:
    if comparison.area == AREA_RIKET:
        return i18n.t("kommun.riket", lang)
    return names.get(comparison.code, comparison.code or "")


def comparison_table(comps: tuple[Comparison, ...], ar: int, names: dict[str, str], lang: str = "sv",
                     areas: tuple[str, ...] = (AREA_KOMMUN, AREA_LAN, AREA_RIKET, AREA_LIKNANDE)) -> pd.DataFrame:
    """One row per area for year ``ar``: for each compared metric its value, base and 95 % interval.

    ``names`` maps municipality and county codes to names.
    """
    col_kind, col_area = i18n.t("kommun.col.kind", lang), i18n.t("kommun.col.area", lang)
    rows: dict[tuple[str, str | None], dict] = {}
    for c in comps:
        if c.ar != ar or c.area not in areas:
            continue
        row = rows.setdefault((c.area, c.code), {
            col_kind: i18n.t(f"kommun.kind.{c.area}", lang), col_area: _area_name(c, names, lang),
        })
        label = metrics.get(c.metric).label(lang)
        row[label] = present.value(c.result, lang)
        row[f"{label}: {i18n.t('common.base', lang)}"] = present.base(c.result, lang)
        row[f"{label}: {i18n.t('common.ci', lang)}"] = _interval(c, lang)
    return pd.DataFrame(list(rows.values()))


def trend(comps: tuple[Comparison, ...], metric_id: str, names: dict[str, str], lang: str = "sv",
          areas: tuple[str, ...] = (AREA_KOMMUN, AREA_LAN, AREA_RIKET)) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A metric over the years: chart data (registry values, one column per area, year as index) and
    a table with the shown value, base and interval per year and area."""
    chosen = [c for c in comps if c.metric == metric_id and c.area in areas]
    years = sorted({c.ar for c in chosen})
    columns = []
    for area in areas:
        for c in chosen:
            if c.area == area:
                name = _area_name(c, names, lang)
                if name not in columns:
                    columns.append(name)
    chart = pd.DataFrame(index=pd.Index([str(y) for y in years], name=i18n.t("filter.ar", lang)),
                         columns=columns, dtype=float)
    rows = []
    for c in chosen:
        name = _area_name(c, names, lang)
        chart.loc[str(c.ar), name] = c.result.value if c.result.value is not None else float("nan")
        rows.append({
            i18n.t("filter.ar", lang): str(c.ar),
            i18n.t("kommun.col.area", lang): name,
            metrics.get(metric_id).label(lang): present.value(c.result, lang),
            i18n.t("common.base", lang): present.base(c.result, lang),
            i18n.t("common.ci", lang): _interval(c, lang),
        })
    return chart, pd.DataFrame(rows)


# -- downloads (numbers, not text) ---------------------------------------------------


def _integers(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Count columns as Int64 (missing stays missing; left as floats if any is not whole)."""
    for column in columns:
        if column not in frame:
            continue
        numbers = pd.to_numeric(frame[column], errors="coerce").astype("Float64")
        present = numbers.dropna()
        if not len(present) or bool((present == present.round()).all()):
            frame[column] = numbers.round().astype("Int64")
    return frame


def stage_download(cells: tuple[StageCell, ...], lang: str = "sv") -> pd.DataFrame:
    """The stage history as numbers: one row per sector and year, the stage 0-4 (empty when missing)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    status = {CELL_OK: "ok", CELL_NOT_APPLICABLE: "not_applicable", CELL_NO_ANSWER: "no_answer"}
    frame = pd.DataFrame([
        {
            t("common.sector"): i18n.label("sektor", c.sektor, lang),
            t("common.code"): c.sektor,
            t("filter.ar"): c.ar,
            t("download.col.stage_code"): c.stage if c.status == CELL_OK else None,
            t("common.stage"): cell_text(c, lang),
            t("common.status"): present.status(status.get(c.status, "no_answer"), lang),
        }
        for c in cells
    ], columns=[t("common.sector"), t("common.code"), t("filter.ar"),
                t("download.col.stage_code"), t("common.stage"), t("common.status")])
    return _integers(frame, [t("filter.ar"), t("download.col.stage_code")])


def comparison_download(comps: tuple[Comparison, ...], names: dict[str, str], lang: str = "sv", *,
                        years: tuple[int, ...] = (), metric_ids: tuple[str, ...] = (),
                        areas: tuple[str, ...] = (AREA_KOMMUN, AREA_LAN, AREA_RIKET, AREA_LIKNANDE)) -> pd.DataFrame:
    """Registry figures as numbers, one row per area, year and metric (for the comparison and the trend).

    Shares in percent; no interval for one municipality (as on the page); a
    hidden or missing value is an empty cell and the status says why.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for c in comps:
        if c.area not in areas or (years and c.ar not in years) or (metric_ids and c.metric not in metric_ids):
            continue
        r = c.result
        cells = present.cells(r, lang, estimate=c.area not in _OWN_AREAS)
        rows.append({
            t("kommun.col.kind"): t(f"kommun.kind.{c.area}"),
            t("kommun.col.area"): _area_name(c, names, lang),
            t("common.code"): c.code or "",
            t("filter.ar"): c.ar,
            t("filter.matt"): metrics.get(c.metric).label(lang),
            t("download.col.metric_id"): c.metric,
            t("common.value"): cells.number,
            t("common.unit"): t(f"unit.{r.unit}") if i18n.has(f"unit.{r.unit}") else r.unit,
            t("download.col.numerator"): cells.numerator,
            t("download.col.denominator"): cells.denominator,
            t("download.col.n"): cells.n,
            t("download.col.ci_low"): cells.ci_low,
            t("download.col.ci_high"): cells.ci_high,
            t("common.status"): cells.status,
        })
    frame = pd.DataFrame(rows)
    return _integers(frame, [t("filter.ar"), t("download.col.numerator"), t("download.col.denominator"),
                             t("download.col.n")])


def similar_download(similar, lang: str = "sv") -> pd.DataFrame:
    """The most similar municipalities (``similarity.Similar``) as numbers: distance and shared answers."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    frame = pd.DataFrame([
        {t("kommun.col.area"): s.name, t("common.code"): s.kommunkod, t("filter.lan"): s.lan_name,
         t("kommun.col.distance"): round(float(s.distance), 4), t("kommun.col.shared"): s.shared}
        for s in similar
    ], columns=[t("kommun.col.area"), t("common.code"), t("filter.lan"), t("kommun.col.distance"),
                t("kommun.col.shared")])
    frame = _integers(frame, [t("kommun.col.shared")])
    frame.attrs[DECIMALS_ATTR] = {t("kommun.col.distance"): 2}  # shown with two decimals on the page
    return frame


def _same_columns(prefix: str, row: dict | None, lang: str) -> dict:
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    cells = present.cells(_part(row), lang) if row is not None else None  # None: nothing to compare
    return {
        f"{prefix} {t('common.share_pct')}": cells.number if cells else None,
        f"{prefix}: {t('download.col.numerator')}": cells.numerator if cells else None,
        f"{prefix}: {t('download.col.denominator')}": cells.denominator if cells else None,
        f"{prefix}: {t('common.status')}": cells.status if cells else "",
    }


def sector_download(rows: tuple[SectorComparison, ...], lan_name: str, lang: str = "sv") -> pd.DataFrame:
    """Per sector the municipality's stage (0-4) and the county's and country's share at that stage, as numbers."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for r in rows:
        record = {
            t("common.sector"): i18n.label("sektor", r.sektor, lang),
            t("common.code"): r.sektor,
            t("download.col.stage_code"): r.own.stage if r.own.status == CELL_OK else None,
            t("kommun.col.own"): cell_text(r.own, lang),
        }
        record.update(_same_columns(t("kommun.col.lan_same").format(lan=lan_name), r.lan_same, lang))
        record.update(_same_columns(t("kommun.col.riket_same"), r.riket_same, lang))
        out.append(record)
    frame = pd.DataFrame(out)
    counts = [c for c in frame.columns if c == t("download.col.stage_code")
              or c.endswith(t("download.col.numerator")) or c.endswith(t("download.col.denominator"))]
    return _integers(frame, counts)


def distribution_download(results: list[tuple[str, metrics.MetricResult]], lang: str = "sv") -> pd.DataFrame:
    """``sektor_fordelning`` breakdowns as numbers: one row per area, sector and stage (shares in percent)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for area_name, result in results:
        for part in (result.breakdown or ()):
            cells = present.cells(_part(part, result.typ), lang)
            out.append({
                t("kommun.col.area"): area_name,
                t("common.sector"): i18n.label("sektor", part["sektor"], lang),
                t("common.code"): part["sektor"],
                t("download.col.stage_code"): part["mognad"],
                t("common.stage"): i18n.label("mognad", part["mognad"], lang),
                t("common.share_pct"): cells.number,
                t("download.col.numerator"): cells.numerator,
                t("download.col.denominator"): cells.denominator,
                t("download.col.ci_low"): cells.ci_low,
                t("download.col.ci_high"): cells.ci_high,
                t("common.status"): cells.status,
            })
        if not result.breakdown:
            out.append({t("kommun.col.area"): area_name, t("common.status"): present.status(result, lang)})
    columns = [t("kommun.col.area"), t("common.sector"), t("common.code"), t("download.col.stage_code"),
               t("common.stage"), t("common.share_pct"), t("download.col.numerator"),
               t("download.col.denominator"), t("download.col.ci_low"), t("download.col.ci_high"),
               t("common.status")]
    frame = pd.DataFrame(out, columns=columns)
    return _integers(frame, [t("download.col.stage_code"), t("download.col.numerator"),
                             t("download.col.denominator")])


# -- the profile page's own tables (words, for the page) ----------------------------------


def missing_years(cells: tuple[StageCell, ...]) -> tuple[int, ...]:
    """Survey years in which the municipality sent no response."""
    answered = responded_years(cells)
    return tuple(y for y in sorted({c.ar for c in cells}) if y not in answered)


def similar_table(similar, lang: str = "sv") -> pd.DataFrame:
    """The most similar municipalities (``similarity.Similar``): name, county, distance and shared answers."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame([
        {t("kommun.col.area"): f"{s.name} ({s.kommunkod})", t("filter.lan"): s.lan_name,
         t("kommun.col.distance"): formatting.number(s.distance, lang, 2),
         t("kommun.col.shared"): formatting.number(s.shared, lang)} for s in similar
    ])


def sector_table(rows: tuple[SectorComparison, ...], lan_name: str, lang: str = "sv") -> pd.DataFrame:
    """Per sector the municipality's stage and the county's and country's share at that same stage."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame([
        {t("common.sector"): i18n.label("sektor", r.sektor, lang),
         t("kommun.col.own"): cell_text(r.own, lang),
         t("kommun.col.lan_same").format(lan=lan_name): same_stage_text(r.lan_same, lang),
         t("kommun.col.riket_same"): same_stage_text(r.riket_same, lang)} for r in rows
    ])


def distribution_areas(lan_name: str, lan: metrics.MetricResult, riket: metrics.MetricResult,
                       lang: str = "sv") -> list[tuple[str, metrics.MetricResult]]:
    """The county's and the country's ``sektor_fordelning`` by area name, for the distribution table and file."""
    return [(lan_name, lan), (i18n.t("kommun.riket", lang), riket)]


def trend_download(comps: tuple[Comparison, ...], metric_id: str, names: dict[str, str],
                   lang: str = "sv") -> pd.DataFrame:
    """The trend's series as numbers: the municipality, its county and the country over the years."""
    return comparison_download(comps, names, lang, metric_ids=(metric_id,), areas=(AREA_KOMMUN, AREA_LAN, AREA_RIKET))


# -- the trend chart ------------------------------------------------------------------

# Okabe-Ito colours with at least 3:1 against white (municipality, county, country); each line
# also has its own dash and marker, so none is told by colour alone.
TREND_COLOURS = ("#0072B2", "#D55E00", "#009E73")
TREND_DASHES = ([1, 0], [8, 4], [2, 3])
TREND_SHAPES = ("circle", "square", "triangle-up")


def trend_chart(chart: pd.DataFrame, value_title: str, lang: str = "sv"):
    """:func:`trend`'s chart data (years as index, one column per area) as lines with markers.

    Drawn with Altair rather than ``st.line_chart``, whose hover layer is an
    unlabelled SVG group (axe-core's ``svg-img-alt``) and whose tooltip shows
    the raw field names. None when there is nothing to draw.
    """
    import altair as alt  # only the page draws charts

    year_title = chart.index.name or i18n.t("filter.ar", lang)
    long = chart.reset_index(names="ar").melt(id_vars="ar", var_name="area", value_name="varde").dropna()
    if long.empty:
        return None
    areas = list(chart.columns)[: len(TREND_COLOURS)]
    long = long[long["area"].isin(areas)]
    long = long.assign(value_text=[formatting.number(v, lang, decimals=1) for v in long["varde"]])

    def scale(values) -> alt.Scale:
        return alt.Scale(domain=areas, range=list(values[: len(areas)]))

    legend = alt.Legend(title=None, orient="bottom")
    base = alt.Chart(long).encode(
        x=alt.X("ar:O", title=year_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("varde:Q", title=value_title, scale=alt.Scale(zero=True)),
        color=alt.Color("area:N", scale=scale(TREND_COLOURS), legend=legend),
        tooltip=[alt.Tooltip("area:N", title=i18n.t("kommun.col.area", lang)),
                 alt.Tooltip("ar:O", title=year_title),
                 alt.Tooltip("value_text:N", title=value_title)],
    )
    lines = base.mark_line(strokeWidth=2.5).encode(strokeDash=alt.StrokeDash("area:N", scale=scale(TREND_DASHES),
                                                                             legend=legend))
    points = base.mark_point(size=70, filled=True).encode(shape=alt.Shape("area:N", scale=scale(TREND_SHAPES),
                                                                          legend=legend))
    return (lines + points).properties(height=300)
