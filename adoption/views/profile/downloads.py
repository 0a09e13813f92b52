"""The profile's downloads: the stage history, the comparisons, the trend and the distributions as numbers.

Numbers, not text: shares in percent, counts as whole numbers, a hidden or
missing value an empty cell with a status that says why. Separate from the
page's tables (:mod:`.history`, :mod:`.figures`), which show the same
figures in words.
"""

from __future__ import annotations

import pandas as pd

from adoption import metrics
from adoption.text import i18n, present
from adoption.views.profile.figures import (
    AREAS,
    OWN_AREAS,
    TREND_AREAS,
    Comparison,
    area_label,
    kind_text,
)
from adoption.views.profile.history import (
    CELL_NO_ANSWER,
    CELL_NOT_APPLICABLE,
    CELL_OK,
    SectorComparison,
    StageCell,
    cell_text,
    part_figure,
)


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
                        areas: tuple[str, ...] = AREAS) -> pd.DataFrame:
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
        cells = present.cells(r, lang, estimate=c.area not in OWN_AREAS)
        rows.append({
            t("kommun.col.kind"): kind_text(c, lang),
            t("kommun.col.area"): area_label(c, names, lang),
            t("common.code"): c.code or "; ".join(c.members),
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


def _same_columns(prefix: str, row: dict | None, lang: str) -> dict:
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    cells = present.cells(part_figure(row), lang) if row is not None else None  # None: nothing to compare
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
            cells = present.cells(part_figure(part, result.typ), lang)
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


def trend_download(comps: tuple[Comparison, ...], metric_id: str, names: dict[str, str],
                   lang: str = "sv") -> pd.DataFrame:
    """The trend's series as numbers: the municipality, its group, its county and the country over the years."""
    return comparison_download(comps, names, lang, metric_ids=(metric_id,), areas=TREND_AREAS)
