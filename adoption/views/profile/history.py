"""A municipality's own answers: its stages by sector and year, beside its county's and the country's.

The stages are read from the municipality's response rows as given (no
arithmetic); the county's and country's share at the same stage are the
registry's ``sektor_fordelning`` breakdown rows, as given. Here too the
words and tables the page shows of them (the stage grid, the sector table,
the distributions). Separate from :mod:`.figures`, which holds the
registry figures over the years, and from :mod:`.downloads`, the same as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import i18n, present
from adoption.vocab import NOT_APPLICABLE, sectors

# Status of one sector-and-year cell of the municipality's own answers.
CELL_OK = "ok"
CELL_NOT_APPLICABLE = "not_applicable"  # "." in the survey
CELL_NO_ANSWER = "no_answer"  # a response row for the year, but this sector left blank
CELL_NO_RESPONSE = "no_response"  # no response row at all for the year


@dataclass(frozen=True)
class Municipality:
    kommunkod: str
    name: str
    lan_kod: str
    lan_name: str
    grupp: str | None = None  # its SKR municipality group in the version, when groups are loaded


@dataclass(frozen=True)
class StageCell:
    sektor: str
    ar: int
    stage: int | None  # 0-4, None unless status is "ok"
    status: str  # ok | not_applicable | no_answer | no_response


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
    """Name, county and group of a municipality code; None when the code is unknown."""
    frame = store.municipalities()
    row = frame[frame["kommunkod"] == kommunkod]
    if row.empty:
        return None
    first = row.iloc[0]
    groups = store.municipality_groups(store.resolve_version(version))
    group = groups.loc[groups["kommunkod"] == kommunkod, "grupp"]
    return Municipality(str(first["kommunkod"]), str(first["name"]), str(first["lan_kod"]), str(first["lan_name"]),
                        str(group.iloc[0]) if len(group) else None)


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


def missing_years(cells: tuple[StageCell, ...]) -> tuple[int, ...]:
    """Survey years in which the municipality sent no response."""
    answered = responded_years(cells)
    return tuple(y for y in sorted({c.ar for c in cells}) if y not in answered)


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


def cell_text(cell: StageCell, lang: str = "sv") -> str:
    """The stage's name, or "inget svar" / "ej tillämplig" (never 0 for a missing answer)."""
    if cell.status == CELL_OK:
        return i18n.label("mognad", cell.stage, lang)
    if cell.status == CELL_NOT_APPLICABLE:
        return present.status("not_applicable", lang)
    return present.status("no_answer", lang)


def part_figure(row: dict, typ: str | None = None) -> present.Figure:
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
    figure = part_figure(row)
    if present.missing(figure):
        return present.value(figure, lang)
    return f"{present.value(figure, lang)} ({present.base(figure, lang)})"


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
