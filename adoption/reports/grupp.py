"""The report of an SKR municipality group (A1..C9) or main group (A, B, C): the county report's layout
for the group's municipalities, on four A4 pages at most.

The group is the data version's own classification (``import-kommungrupper``),
named with its file. Figures come from :mod:`adoption.views.overview` (key
figures and their change), :mod:`adoption.views.sectors` (stages) and the
registry with ``Filter(grupp=...)``, by municipality for the map and, for a
main group, by group for its table.
"""

from __future__ import annotations

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n
from adoption.views import groups, mapping, overview

from .area import COMPARE_METRICS, MAP_METRIC, area_table, comparison, map_pair, stages
from .content import (
    Document,
    Frame,
    Scope,
    figure_cell,
    goal_blocks,
    group_members,
    initiative_block,
    key_figures,
    method_blocks,
    new_document,
    t,
    view_link,
)

# The most municipalities listed in the report's table: two columns of 30 keep a group's report to four
# pages (70 took five). A main group or a larger group links to Karta's table instead.
TABLE_MAX = 60


def is_main(code: str) -> bool:
    return len(code) == 1


def label(code: str, lang: str) -> str:
    """"Storstäder" (A1), "Storstäder och storstadsnära kommuner" (A): the vocabulary's name."""
    return i18n.label("huvudgrupp" if is_main(code) else "kommungrupp", code, lang)


def short_name(code: str, lang: str) -> str:
    """"A1 Storstäder", as the dashboard's group filter names a group."""
    return f"{code} {label(code, lang)}"


def document(store: Store, scope: Scope, fr: Frame, lang: str, base_url: str | None) -> Document:
    code = scope.code
    members = group_members(store, code, fr.version)
    year, file = groups.classification(store, fr.version)
    heading = short_name(code, lang)
    name = t("report.grupp.name_main" if is_main(code) else "report.grupp.name", lang, code=code,
             name=label(code, lang))
    if is_main(code):
        parts = sorted({g for g in store.municipality_groups(fr.version)["grupp"] if g[:1] == code})
        caption = i18n.tn("report.grupp.caption_main", len(members), lang, code=code, groups=", ".join(parts))
    else:
        caption = i18n.tn("report.grupp.caption", len(members), lang, code=code,
                          main=short_name(code[:1], lang))
    source = t("report.grupp.classification", lang, year=year, file=file)
    doc = new_document(scope, fr, lang, heading=heading, subheading=f"{caption} · {source}",
                       area=heading, name=name)
    flt = scope.filter

    doc.add("heading", text=t("overview.headlines", lang, year=fr.year))
    doc.add("cards", items=key_figures(store, flt, fr, overview.HEADLINE_METRICS, lang))

    doc.add("heading", text=t("report.compare", lang, year=fr.year))
    areas = [(heading, flt)]
    if not is_main(code):
        areas.append((short_name(code[:1], lang), Filter(grupp=code[:1])))
    areas.append((t("kommun.riket", lang), Filter()))
    doc.blocks.append(comparison(store, fr, tuple(areas), lang))
    doc.add("note", text=t("report.compare_note_area", lang))

    doc.add("heading", text=t("report.section.stages", lang, year=fr.year))
    doc.blocks.extend(stages(store, flt, fr, heading, lang))

    doc.add("heading", text=t("report.map.grupp", lang, metric=metrics.get(MAP_METRIC).label(lang), year=fr.year))
    doc.blocks.extend(_map(store, scope, fr, lang, base_url))
    if is_main(code):
        doc.add("heading", text=t("karta.heading.grupp", lang, metric=metrics.get(MAP_METRIC).label(lang),
                                  year=fr.year))
        doc.blocks.append(_by_group(store, scope, fr, lang))

    doc.blocks.extend(goal_blocks(store, fr, lang))

    doc.add("heading", text=t("report.section.initiatives", lang, year=fr.year))
    doc.blocks.extend(initiative_block(store, scope, fr, lang, base_url))

    classification = {"strong": t("om.source_name.groups", lang),
                      "text": f"{t('om.source.groups', lang)} {t('report.grupp.source', lang, year=year, file=file)} "
                              f"({t('om.licence.groups', lang)})"}
    shown = tuple(dict.fromkeys(COMPARE_METRICS + (MAP_METRIC, "sektor_fordelning")))
    doc.blocks.extend(method_blocks(fr, shown, lang, with_map=True, extra=(t("karta.rule_fixed", lang),),
                                    sources_extra=(classification,)))
    return doc


def _map(store: Store, scope: Scope, fr: Frame, lang: str, base_url: str | None) -> list[dict]:
    """The group's municipalities on the country's counties, and the same figures as a table; a main group
    (up to some two hundred municipalities) or a group of more than :data:`TABLE_MAX` links to Karta's table."""
    results = metrics.compute(store, MAP_METRIC, scope.filter.with_(ar=fr.year), version=fr.version, by="kommun")
    municipalities = store.municipalities()
    names = dict(zip(municipalities["kommunkod"], municipalities["name"]))
    data = mapping.layer_data(results, store.geometry("kommun"), names, metric_id=MAP_METRIC, level="kommun",
                              lang=lang)
    counties = store.geometry("lan")
    backdrop = tuple(zip(counties["code"], counties["geojson"]))
    blocks = [map_pair(data, lang, backdrop=backdrop, outside=t("report.map_outside", lang))]
    if is_main(scope.code) or len(results) > TABLE_MAX:
        link = view_link("/karta", scope, fr.year, lang, fr.version, base_url, matt=MAP_METRIC)
        blocks.append({"type": "note", "text": t("report.grupp.municipalities_link", lang, link=link)})
    else:
        blocks.append(area_table(results, names, "kommun", lang))
    return blocks


def _by_group(store: Store, scope: Scope, fr: Frame, lang: str) -> dict:
    """A main group's groups, each with its municipalities and figure."""
    results = metrics.compute(store, MAP_METRIC, scope.filter.with_(ar=fr.year), version=fr.version, by="grupp")
    rows = [[short_name(r.area, lang), formatting.number(len(group_members(store, r.area, fr.version)), lang),
             figure_cell(r, lang)] for r in sorted(results, key=lambda r: r.area)]
    return {"type": "table", "columns": [t("grupp.col_group", lang), t("grupp.col_municipalities", lang),
                                         metrics.get(MAP_METRIC).label(lang)],
            "rows": rows, "widths": [2.4, 1, 2.2], "align": ["left", "right", "right"]}
