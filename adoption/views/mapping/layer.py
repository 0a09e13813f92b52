"""The map's data: per area its value and base as text, its class and colour, and the legend.

:func:`build` reads the registry's results by area, the simplified boundaries
in the store and the area names; :func:`layer_data` turns them into a
:class:`MapData` (pure: no store), which the table (:mod:`.tables`) and the
deck (:mod:`.drawing`) are made from. Separate from those because this is where
each area's figure is decided; they only show it.

Small bases. An area whose figure rests on fewer than
``metrics.SMALL_BASE_N`` answers keeps its class colour but is marked with
a ring (a second layer: one point per area; diagonal hatching clipped to 290
coastlines cost 90 KB more per map, over the deck's payload budget), named in
the legend, the tooltip and the table, and left out of the "lowest /
highest" sentence: 0 of 4 is not "the lowest county". A municipality's own
answer on a municipality map is not an estimate of anything, so it is
neither marked nor given an interval;
for a yes/no metric such a map holds only 0 % and 100 %, and says so
(``MapData.binary``): its legend reads "nej (0 %)" / "ja (100 %)" and its
sentence counts the two instead of naming arbitrary ties.
A year still coming in (a preliminary round) is named in the legend and in
every tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.views.mapping import classes
from adoption.views.mapping.classes import (
    MARKER_COLOUR,
    MISSING_ORDER,
    MISSING_STYLE,
    WHITE,
)
from adoption.vocab import ROUND_PRELIMINARY

LEVELS = ("kommun", "lan")
# Statuses that hold for every area at once (the map has nothing to show).
BLOCKING = ("no_data", "no_year", "only_municipalities", "needs_population")


def mappable(metric_id: str) -> bool:
    """Distribution metrics (one value per sector or barrier) have no single value per area."""
    return metrics.get(metric_id).unit != "distribution"


def mappable_metrics() -> tuple[str, ...]:
    return tuple(m for m in metrics.REGISTRY if mappable(m))


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    value: float | None
    value_text: str  # "45,5 %", or the status word ("inget svar")
    base_text: str  # "3 av 5 svarande", or the status word
    interval_text: str  # "20,1–80,4 %", "inget intervall", or the status word
    caption: str  # the tooltip's line: the base, or the reason there is no value
    status: str
    class_index: int | None  # None: no value
    fill: tuple[int, int, int, int]
    line: tuple[int, int, int, int]
    n: int
    lan: str | None = None  # the county's name (municipalities only)
    # the registry's raw figures (None when suppressed or missing), for the download
    numerator: float | None = None
    denominator: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    small_base: bool = False  # a value on fewer than metrics.SMALL_BASE_N answers (marked with a ring)
    grupp: str | None = None  # the municipality's SKR group (municipalities only, when groups are loaded)


@dataclass(frozen=True)
class LegendEntry:
    key: str  # "class0".."class4", a status, or "small_base"
    label: str
    fill: tuple[int, int, int, int]
    line: tuple[int, int, int, int]
    count: int

    @property
    def hex(self) -> str:
        return "#{:02x}{:02x}{:02x}".format(*self.fill[:3])

    @property
    def line_hex(self) -> str:
        return "#{:02x}{:02x}{:02x}".format(*self.line[:3])


@dataclass(frozen=True)
class MapData:
    metric: str
    level: str
    lang: str
    year: int | None
    areas: tuple[Area, ...]
    legend: tuple[LegendEntry, ...]
    limits: tuple[float, ...]
    geometry: tuple[tuple[str, str], ...]  # (code, GeoJSON text) for the areas shown
    blocking_status: str | None = None  # set when no area can have a value (the reason applies to all)
    filters_ignored: tuple[str, ...] = ()  # filters the metric does not use (e.g. sektor)
    own_answers: bool = False  # each area is one respondent's own answer (municipalities by municipality)
    binary: bool = False  # own answers to a yes/no metric: every value is 0 % or 100 %
    round_note: str | None = None  # "Preliminära siffror: 36 av 290 kommuner har svarat hittills" for such a year

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas if a.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(a.code for a in self.areas)


def layer_data(results: list[metrics.MetricResult], geometry: pd.DataFrame, names: dict[str, str],
               *, metric_id: str, level: str, lang: str = "sv",
               county_of: dict[str, str] | None = None, group_of: dict[str, str] | None = None,
               answered: tuple[float, float] | None = None) -> MapData:
    """Areas, classes, legend and geometry from results by area (pure: no store).

    ``geometry``: columns code and geojson (``Store.geometry(level)``);
    ``names``: code -> name; ``county_of``: municipality code -> county name;
    ``group_of``: municipality code -> SKR group (A1..C9); ``answered``:
    (municipalities answered, all) in the year, for a preliminary year's note.
    Areas without geometry are left out of the map but kept in the table.
    """
    metric = metrics.get(metric_id)
    if not mappable(metric_id):
        raise ValueError(f"{metric_id} is a distribution and cannot be mapped")
    statuses = {r.status for r in results}
    blocking = next((s for s in BLOCKING if s in statuses), None)
    values = [r.value for r in results if r.value is not None]
    limits = classes.class_limits(metric.unit, values)
    colours = classes.palette(len(limits) - 1)
    own = own_answers(metric, next((r.typ for r in results), None), level)
    small_note = i18n.t("karta.small_base_note", lang, min_n=metrics.SMALL_BASE_N)
    areas = []
    for result in results:
        index = classes.class_index(result.value, limits)
        if index is not None:
            fill, line = colours[index], WHITE
        else:
            fill, line = MISSING_STYLE.get(result.status, MISSING_STYLE["no_answer"])
        base_text = present.base(result, lang)  # made once: a map words thousands of areas per view
        small = not own and result.value is not None and metrics.small_base(base_count(result))
        hidden = result.suppressed or own  # own answers have no interval (see the module docstring)
        areas.append(Area(
            code=result.area, name=names.get(result.area, result.area), value=result.value,
            value_text=present.value(result, lang), base_text=base_text,
            interval_text=present.interval(result, lang, estimate=not own),
            caption=(present.caption(result, lang) if present.missing(result)
                     else f"{base_text} · {small_note}" if small else base_text),
            status=result.status, class_index=index,
            fill=fill, line=line, n=result.n,
            lan=(county_of or {}).get(result.area) if level == "kommun" else None,
            numerator=None if result.suppressed else result.numerator,
            denominator=None if result.suppressed else result.denominator,
            ci_low=None if hidden else result.ci_low,
            ci_high=None if hidden else result.ci_high,
            small_base=small,
            grupp=(group_of or {}).get(result.area) if level == "kommun" else None,
        ))
    binary = own and metric.unit == "share"
    labels = classes.binary_labels(limits, lang) if binary else classes.class_labels(limits, metric.unit, lang)
    legend = [
        LegendEntry(f"class{i}", label, colours[i], WHITE, sum(1 for a in areas if a.class_index == i))
        for i, label in enumerate(labels)
    ]
    if binary:  # only "no" and "yes" can occur: the classes between them would be empty promises
        legend = [e for e in legend if e.count or e.key in ("class0", f"class{len(labels) - 1}")]
    for status in MISSING_ORDER:
        count = sum(1 for a in areas if a.class_index is None and classes.missing_kind(a.status) == status)
        if count:
            fill, line = MISSING_STYLE[status]
            legend.append(LegendEntry(status, present.status(status, lang), fill, line, count))
    small_count = sum(1 for a in areas if a.small_base)
    if small_count:
        legend.append(LegendEntry("small_base", small_note, WHITE, MARKER_COLOUR, small_count))
    round_status = next((r.round_status for r in results), None)
    note = None
    if round_status == ROUND_PRELIMINARY:
        n, total = answered or (0, 0)
        note = i18n.t("round.banner_short", lang).format(n=formatting.number(n, lang),
                                                         total=formatting.number(total, lang))
    shown = {a.code for a in areas}
    geo = tuple((c, g) for c, g in zip(geometry["code"], geometry["geojson"]) if c in shown)
    year = next((r.ar for r in results), None)
    ignored = next((r.filters_ignored for r in results), ())
    return MapData(metric_id, level, lang, year, tuple(areas), tuple(legend), limits, geo, blocking,
                   tuple(ignored), own_answers=own, binary=binary, round_note=note)


def own_answers(metric: metrics.Metric, typ: str | None, level: str) -> bool:
    """Whether each area's figure is one respondent's own answer: municipalities mapped by municipality.

    Initiatives are the exception: a municipality reports several, so their share is a share of many.
    """
    return level == "kommun" and (typ or "kommun") == "kommun" and metric.family != "evaluated_share"


def base_count(result: metrics.MetricResult) -> int | None:
    """How many answers a figure rests on: a share's denominator (a response rate's too: the
    municipalities asked), else the respondents (``n``)."""
    if result.unit == "share" and result.denominator is not None:
        return int(result.denominator)
    return result.n


def build(store: Store, metric_id: str, flt: Filter, level: str, lang: str = "sv", *,
          version: int | None = None) -> MapData:
    """The map of ``metric_id`` by municipality or county for a filter (``flt.kommun`` is ignored)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    results = metrics.compute(store, metric_id, flt.with_(kommun=None), version=version, by=level)
    municipalities = store.municipalities()
    group_of = None
    if level == "kommun":
        names = dict(zip(municipalities["kommunkod"], municipalities["name"]))
        county_of = dict(zip(municipalities["kommunkod"], municipalities["lan_name"]))
        groups = store.municipality_groups(store.resolve_version(version))
        group_of = dict(zip(groups["kommunkod"], groups["grupp"]))
    else:
        counties = store.counties()
        names, county_of = dict(zip(counties["lan_kod"], counties["name"])), None
    answered = None
    if any(r.round_status == ROUND_PRELIMINARY for r in results):  # only a preliminary year's note needs it
        rate = metrics.compute(store, "svarsfrekvens", Filter(ar=flt.ar), version=version)
        answered = (rate.numerator or 0, rate.denominator or 0)
    return layer_data(results, store.geometry(level), names, metric_id=metric_id, level=level, lang=lang,
                      county_of=county_of, group_of=group_of, answered=answered)
