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

from . import formatting, i18n, metrics
from .filters import Filter
from .store import Store
from .vocab import NOT_APPLICABLE, sectors

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
    responses = store.responses(version)
    own = responses[(responses["typ"] == "kommun") & (responses["kommunkod"] == kommunkod)]
    by_year = {int(row["ar"]): row for _, row in own.iterrows()}
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
    frame = store.initiatives(version)
    own = frame[(frame["typ"] == "kommun") & (frame["kommunkod"] == kommunkod)]
    return own.sort_values(["ar", "sektor", "titel"], ascending=[False, True, True]).reset_index(drop=True)


# -- words ----------------------------------------------------------------------


def cell_text(cell: StageCell, lang: str = "sv") -> str:
    """The stage's name, or "inget svar" / "ej tillämplig" (never 0 for a missing answer)."""
    if cell.status == CELL_OK:
        return i18n.label("mognad", cell.stage, lang)
    if cell.status == CELL_NOT_APPLICABLE:
        return i18n.t("value.not_applicable", lang)
    return i18n.t("value.no_answer", lang)


def result_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """A registry value as shown, or why there is none."""
    if result.suppressed:
        return i18n.t("value.too_few", lang)
    if result.value is None:
        if result.status == "not_applicable":
            return i18n.t("value.not_applicable", lang)
        if result.status == "no_answer":
            return i18n.t("value.no_answer", lang)
        return "–"
    if result.unit == "share":
        return formatting.percent(result.value, lang)
    return formatting.number(result.value, lang, decimals=1)


def interval_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """The 95 % interval, "" when there is none."""
    if result.value is None or result.ci_low is None or result.ci_high is None:
        return ""
    if result.unit == "share":
        return f"{formatting.percent(result.ci_low, lang)}–{formatting.percent(result.ci_high, lang)}"
    return f"{formatting.number(result.ci_low, lang, 1)}–{formatting.number(result.ci_high, lang, 1)}"


def base_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """The base of a share ("3 av 18"), or the number of answers behind a mean."""
    if result.value is None:
        return ""
    if result.unit == "share":
        return i18n.t("kommun.base_share", lang).format(
            numerator=formatting.number(result.numerator, lang), denominator=formatting.number(result.denominator, lang)
        )
    return i18n.t("kommun.base_n", lang).format(n=formatting.number(result.n, lang))


def same_stage_text(row: dict | None, lang: str = "sv") -> str:
    """The county's or country's share at the municipality's stage, with its base ("22,2 % (4 av 18)")."""
    if row is None:
        return "–"
    if row.get("suppressed") or row.get("value") is None:
        return i18n.t("value.too_few", lang) if row.get("suppressed") else "–"
    return i18n.t("kommun.same_stage_value", lang).format(
        share=formatting.percent(row["value"], lang),
        numerator=formatting.number(row["numerator"], lang),
        denominator=formatting.number(row["denominator"], lang),
    )


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
    text.index.name = i18n.t("kommun.col_sector", lang)
    return text, style


def distribution_table(results: list[tuple[str, metrics.MetricResult]], lang: str = "sv") -> pd.DataFrame:
    """``sektor_fordelning`` breakdowns as given, one row per area and sector, one column per stage."""
    from .vocab import stages

    rows = []
    for area_name, result in results:
        for s in sectors():
            row = {i18n.t("kommun.col_area", lang): area_name, i18n.t("kommun.col_sector", lang):
                   i18n.label("sektor", s.code, lang)}
            for part in (result.breakdown or ()):
                if part["sektor"] != s.code:
                    continue
                label = i18n.label("mognad", part["mognad"], lang)
                if part.get("suppressed"):
                    row[label] = i18n.t("value.too_few", lang)
                else:
                    row[label] = same_stage_text(part, lang)
            if len(row) == 2:
                for stage in stages():
                    row[i18n.label("mognad", stage.value, lang)] = result_text(result, lang)
            rows.append(row)
    return pd.DataFrame(rows)


def _interval(comparison: Comparison, lang: str) -> str:
    """No interval for a single municipality: its share is 0 % or 100 % of one answer, not an estimate."""
    if comparison.area in (AREA_KOMMUN, AREA_LIKNANDE):
        return ""
    return interval_text(comparison.result, lang)


def _area_name(comparison: Comparison, names: dict[str, str], lang: str) -> str:
    if comparison.area == AREA_RIKET:
        return i18n.t("kommun.riket", lang)
    return names.get(comparison.code, comparison.code or "")


def comparison_table(comps: tuple[Comparison, ...], ar: int, names: dict[str, str], lang: str = "sv",
                     areas: tuple[str, ...] = (AREA_KOMMUN, AREA_LAN, AREA_RIKET, AREA_LIKNANDE)) -> pd.DataFrame:
    """One row per area for year ``ar``: for each compared metric its value, base and 95 % interval.

    ``names`` maps municipality and county codes to names.
    """
    col_kind, col_area = i18n.t("kommun.col_kind", lang), i18n.t("kommun.col_area", lang)
    rows: dict[tuple[str, str | None], dict] = {}
    for c in comps:
        if c.ar != ar or c.area not in areas:
            continue
        row = rows.setdefault((c.area, c.code), {
            col_kind: i18n.t(f"kommun.kind_{c.area}", lang), col_area: _area_name(c, names, lang),
        })
        label = i18n.metric_label(c.metric, lang)
        row[label] = result_text(c.result, lang)
        row[f"{label}: {i18n.t('kommun.col_base', lang)}"] = base_text(c.result, lang)
        row[f"{label}: {i18n.t('kommun.col_ci', lang)}"] = _interval(c, lang)
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
    chart = pd.DataFrame(index=pd.Index([str(y) for y in years], name=i18n.t("kommun.col_year", lang)),
                         columns=columns, dtype=float)
    rows = []
    for c in chosen:
        name = _area_name(c, names, lang)
        chart.loc[str(c.ar), name] = c.result.value if c.result.value is not None else float("nan")
        rows.append({
            i18n.t("kommun.col_year", lang): str(c.ar),
            i18n.t("kommun.col_area", lang): name,
            i18n.metric_label(metric_id, lang): result_text(c.result, lang),
            i18n.t("kommun.col_base", lang): base_text(c.result, lang),
            i18n.t("kommun.col_ci", lang): _interval(c, lang),
        })
    return chart, pd.DataFrame(rows)
