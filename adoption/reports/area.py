"""The county and the country reports: Översikt's key figures, Sektorer's stages and Karta's map, on four
A4 pages at most.

Figures come from :mod:`adoption.views.overview` (key figures, their change
and the comparison with the country), :mod:`adoption.views.sectors` (stage per
sector, this year and the previous survey) and the registry by area, drawn
with :mod:`adoption.views.mapping`'s classes and colours.
"""

from __future__ import annotations

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting
from adoption.views import mapping, overview, sectors

from . import charts
from .content import (
    Document,
    Frame,
    Scope,
    figure_cell,
    goal_blocks,
    initiative_block,
    key_figures,
    method_blocks,
    new_document,
    t,
)

# The map's metric: graded per municipality (a share of one answer is 0 % or 100 %).
MAP_METRIC = "mognadsindex"
# The comparison table: Översikt's key figures and the maturity index.
COMPARE_METRICS = overview.HEADLINE_METRICS + ("mognadsindex",)


def document(store: Store, scope: Scope, fr: Frame, lang: str, base_url: str | None) -> Document:
    counties = store.counties()
    if scope.kind == "lan":
        name = str(counties.loc[counties["lan_kod"] == scope.code, "name"].iloc[0])
        municipalities = store.municipalities()
        count = int((municipalities["lan_kod"] == scope.code).sum())
        doc = new_document(scope, fr, lang, heading=name,
                           subheading=t("report.lan.caption", lang, code=scope.code,
                                        n=formatting.number(count, lang)),
                           area=f"{name} ({scope.code})")
    else:
        name = t("kommun.riket", lang)
        doc = new_document(scope, fr, lang, heading=name, subheading=t("report.riket.caption", lang),
                           area=name)
    flt = scope.filter

    doc.add("heading", text=t("overview.headlines", lang, year=fr.year))
    doc.add("cards", items=key_figures(store, flt, fr, overview.HEADLINE_METRICS, lang))

    if scope.kind == "lan":
        doc.add("heading", text=t("report.compare", lang, year=fr.year))
        doc.blocks.append(comparison(store, fr, ((name, flt), (t("kommun.riket", lang), Filter())), lang))
        doc.add("note", text=t("report.compare_note_area", lang))

    doc.add("heading", text=t("report.section.stages", lang, year=fr.year))
    doc.blocks.extend(stages(store, flt, fr, name, lang))

    doc.add("heading", text=t(f"report.map.{scope.kind}", lang,
                              metric=metrics.get(MAP_METRIC).label(lang), year=fr.year))
    doc.blocks.extend(_map(store, scope, fr, name, lang))

    doc.blocks.extend(goal_blocks(store, fr, lang))

    doc.add("heading", text=t("report.section.initiatives", lang, year=fr.year))
    doc.blocks.extend(initiative_block(store, scope, fr, lang, base_url))

    shown = tuple(dict.fromkeys(COMPARE_METRICS + (MAP_METRIC, "sektor_fordelning")))
    doc.blocks.extend(method_blocks(fr, shown, lang, with_map=True, extra=(t("karta.rule_fixed", lang),)))
    return doc


def comparison(store: Store, fr: Frame, areas: tuple[tuple[str, Filter], ...], lang: str) -> dict:
    """The report's area beside others (the country, a main group), each figure with its base and interval."""
    columns = [overview.headlines(store, flt.with_(ar=fr.year), fr.version, COMPARE_METRICS) for _, flt in areas]
    rows = [[cells[0].metric.label(lang), *(figure_cell(c.result, lang) for c in cells)] for cells in zip(*columns)]
    return {"type": "table", "columns": [t("filter.matt", lang), *(name for name, _ in areas)], "rows": rows,
            "widths": [1.8] + [2.2] * len(areas), "align": ["left"] + ["right"] * len(areas)}


def stages(store: Store, flt: Filter, fr: Frame, name: str, lang: str) -> list[dict]:
    rows = sectors.stage_rows(store, flt.with_(ar=fr.year), version=fr.version)
    chart = sectors.stage_chart(rows, lang)
    blocks = []
    if chart is not None:
        years = ", ".join(str(y) for y in (fr.year, fr.previous) if y is not None)
        blocks.append({"type": "figure", "spec": charts.for_print(chart.to_dict(), width=400, step=11),
                       "width": 1.0, "alt": t("report.stage_chart_alt", lang, area=name, years=years)})
    table = sectors.stage_table(rows[rows["ar"] == fr.year], lang)
    table = table.drop(columns=[t("filter.ar", lang)])
    blocks.append({"type": "table", "columns": list(table.columns),
                   "rows": [[str(v) for v in row] for row in table.itertuples(index=False)],
                   "widths": [2.6] + [1] * (len(table.columns) - 1),
                   "align": ["left"] + ["right"] * (len(table.columns) - 1), "small": True})
    blocks.append({"type": "note", "text": t("report.stages_note", lang, year=fr.year)})
    return blocks


def _map(store: Store, scope: Scope, fr: Frame, name: str, lang: str) -> list[dict]:
    """The map of the county's municipalities (the country's counties) and the same figures as a table."""
    level = "kommun" if scope.kind == "lan" else "lan"
    results = metrics.compute(store, MAP_METRIC, scope.filter.with_(ar=fr.year), version=fr.version, by=level)
    municipalities = store.municipalities()
    if level == "kommun":
        names = dict(zip(municipalities["kommunkod"], municipalities["name"]))
    else:
        counties = store.counties()
        names = dict(zip(counties["lan_kod"], counties["name"]))
    data = mapping.layer_data(results, store.geometry(level), names, metric_id=MAP_METRIC, level=level, lang=lang)
    return [map_pair(data, lang), area_table(results, names, level, lang)]


def map_pair(data: mapping.MapData, lang: str, *, backdrop: tuple[tuple[str, str], ...] = (),
             outside: str = "") -> dict:
    """The map beside its legend and the sentence that says what the colours say; ``backdrop`` areas are
    drawn pale under the map (see :func:`.charts.area_map`) and named ``outside`` in the legend."""
    legend = [{"fill": e.hex, "line": e.line_hex,
               "label": f"{e.label} ({t('karta.legend_count', lang, count=formatting.number(e.count, lang))})"}
              for e in data.legend]
    if backdrop:
        legend.append({"fill": charts.BACKDROP_FILL, "line": charts.BACKDROP_FILL, "label": outside})
    figure = {"type": "figure", "spec": charts.area_map(data, backdrop=backdrop), "width": 1.0,
              "alt": t("report.map_alt", lang, summary=mapping.summary(data))}
    side = [{"type": "legend", "title": t("karta.legend", lang), "items": legend},
            {"type": "note", "text": mapping.summary(data)}]
    return {"type": "pair", "widths": [3, 2], "left": [figure], "right": side}


def area_table(results: list[metrics.MetricResult], names: dict[str, str], level: str, lang: str) -> dict:
    """The map's figures by area name, each with its base (two columns side by side for a long list)."""
    rows = []
    for result in sorted(results, key=lambda r: names.get(r.area, r.area)):
        cell = figure_cell(result, lang)
        rows.append([names.get(result.area, result.area), cell["main"], cell["sub"]])
    return {"type": "table", "columns": [t(f"filter.{level}", lang), metrics.get(MAP_METRIC).label(lang),
                                         t("common.base", lang)],
            "rows": rows, "widths": [1.6, 0.9, 2.2], "align": ["left", "right", "left"],
            "small": True, "split": 2 if len(rows) > 24 else 1}
