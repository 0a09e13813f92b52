"""The municipality report: the Kommun page's profile on two A4 pages.

Figures come from :mod:`adoption.views.profile` (the municipality's own
stages, registry comparisons with its county and the country),
:mod:`adoption.views.overview` (key figures and their change) and
:mod:`adoption.metrics.similarity` (the municipalities most like it).
"""

from __future__ import annotations

from adoption import metrics
from adoption.metrics import similarity
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n
from adoption.views import profile

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

# The municipality's own figures (svarsfrekvens and civil society say little about one municipality).
METRICS = ("mognadsindex", "andel_ai_aktivitet", "andel_ai_i_drift", "andel_strategi", "andel_riktlinjer",
           "andel_utvarderade")
# The similar municipalities' figures shown beside their distance.
SIMILAR_METRICS = ("mognadsindex", "andel_ai_i_drift")


def document(store: Store, scope: Scope, fr: Frame, lang: str, base_url: str | None) -> Document:
    place = profile.municipality(store, scope.code, version=fr.version)
    doc = new_document(scope, fr, lang, heading=place.name,
                       subheading=t("kommun.caption", lang, code=place.kommunkod, lan=place.lan_name),
                       area=f"{place.name} ({place.kommunkod}), {place.lan_name}")

    doc.add("heading", text=t("overview.headlines", lang, year=fr.year))
    doc.add("cards", items=key_figures(store, scope.filter, fr, METRICS, lang, single_municipality=True))
    doc.add("note", text=t("report.kommun.cards_note", lang))

    likeness = similarity.most_similar(store, place.kommunkod, fr.year, version=fr.version)
    comps = profile.comparisons(store, place.kommunkod, place.lan_kod, (), (fr.year,), METRICS,
                                version=fr.version)
    doc.add("heading", text=t("report.compare", lang, year=fr.year))
    doc.blocks.append(_comparison(comps, place, lang))
    doc.add("note", text=t("report.compare_note", lang))

    doc.add("heading", text=t("report.section.stages", lang, year=fr.year))
    doc.blocks.extend(_stages(store, place, fr, lang))

    doc.add("heading", text=t("report.section.similar", lang))
    doc.blocks.extend(_similar(store, likeness, fr, lang))

    doc.blocks.extend(goal_blocks(store, fr, lang))

    doc.add("heading", text=t("report.section.initiatives", lang, year=fr.year))
    doc.blocks.extend(initiative_block(store, scope, fr, lang, base_url))

    doc.blocks.extend(method_blocks(fr, METRICS, lang, with_map=False))
    return doc


def _comparison(comps: tuple[profile.Comparison, ...], place: profile.Municipality, lang: str) -> dict:
    areas = (profile.AREA_KOMMUN, profile.AREA_LAN, profile.AREA_RIKET)
    by_key = {(c.metric, c.area): c.result for c in comps}
    rows = []
    for metric_id in METRICS:
        row = [metrics.get(metric_id).label(lang)]
        for area in areas:
            row.append(figure_cell(by_key[(metric_id, area)], lang,
                                   single_municipality=area == profile.AREA_KOMMUN))
        rows.append(row)
    columns = [t("filter.matt", lang), place.name, place.lan_name, t("kommun.riket", lang)]
    return {"type": "table", "columns": columns, "rows": rows, "widths": [1.7, 1.1, 2, 2],
            "align": ["left", "right", "right", "right"]}


def _stages(store: Store, place: profile.Municipality, fr: Frame, lang: str) -> list[dict]:
    """Every survey year's stage per sector as the Kommun page's grid, then this year's stage beside the
    share of the county and of the country at the same stage."""
    cells = profile.stage_history(store, place.kommunkod, version=fr.version)
    if not profile.responded_years(cells):
        return [{"type": "note", "text": t("kommun.never", lang)}]
    rows, _, _ = profile.sector_comparison(store, place.kommunkod, place.lan_kod, fr.year, version=fr.version)
    table_rows = [[i18n.label("sektor", r.sektor, lang), profile.cell_text(r.own, lang),
                   profile.same_stage_text(r.lan_same, lang), profile.same_stage_text(r.riket_same, lang)]
                  for r in rows]
    columns = [t("common.sector", lang), t("report.kommun.own_stage", lang, year=fr.year),
               t("kommun.col.lan_same", lang, lan=place.lan_name), t("kommun.col.riket_same", lang)]
    years = sorted({c.ar for c in cells})
    blocks = [
        {"type": "pair", "widths": [3.4, 1], "left": [
            {"type": "figure", "spec": charts.stage_grid(cells, lang), "width": 1.0,
             "alt": t("report.stage_grid_alt", lang, name=place.name, years=f"{years[0]}–{years[-1]}")}],
         "right": [{"type": "legend", "title": t("kommun.col.own", lang), "items": charts.stage_legend(lang)}]},
        {"type": "table", "columns": columns, "rows": table_rows, "widths": [1.9, 1.5, 2, 2],
         "align": ["left"] * len(columns), "small": True},
        {"type": "note", "text": t("kommun.sectors_help", lang)},
    ]
    missing = [y for y in years if y not in profile.responded_years(cells)]
    if missing:
        blocks.append({"type": "note", "text": t("kommun.no_response_years", lang,
                                                 years=", ".join(str(y) for y in missing))})
    return blocks


def _similar(store: Store, likeness: similarity.Likeness, fr: Frame, lang: str) -> list[dict]:
    window = ", ".join(str(y) for y in likeness.years)
    if not likeness.similar:
        return [{"type": "note", "text": t("kommun.no_similar", lang, years=window or "–")}]
    # Each similar municipality on its own (the page pools them into one figure; the report lists them).
    values = {(s.kommunkod, m): metrics.compute(store, m, Filter(ar=fr.year, kommun=s.kommunkod), version=fr.version)
              for s in likeness.similar for m in SIMILAR_METRICS}
    rows = []
    for s in likeness.similar:
        row = [f"{s.name} ({s.kommunkod})", s.lan_name, formatting.number(s.distance, lang, 2),
               formatting.number(s.shared, lang)]
        row += [figure_cell(values[(s.kommunkod, m)], lang, single_municipality=True)["main"]
                for m in SIMILAR_METRICS]
        rows.append(row)
    columns = [t("kommun.col.area", lang), t("filter.lan", lang), t("kommun.col.distance", lang),
               t("kommun.col.shared", lang)]
    columns += [f"{metrics.get(m).label(lang)} {fr.year}" for m in SIMILAR_METRICS]
    return [
        {"type": "table", "columns": columns, "rows": rows, "widths": [2, 2, 1, 1, 1, 1.1],
         "align": ["left", "left", "right", "right", "right", "right"], "small": True},
        {"type": "note", "text": t("kommun.likeness", lang, year=likeness.years[-1], years=window,
                                   min=similarity.MIN_SHARED)},
    ]
