"""The map: one metric of the registry per municipality or county, as a choropleth.

Builds, from the registry's results by area, the simplified boundaries in the
store and the area names, everything a map needs: per area its value and
base as text, its class and colour, a legend with the class limits, a table
of the same data, and the ``pydeck.Deck`` itself. No Streamlit here.

Classes (why these limits):

* Shares (0-100 %) and the maturity index (0-100) use fixed limits at
  0, 20, 40, 60, 80 and 100. A fixed scale means the same colour means the
  same value in every year, county selection and metric, so two maps (or two
  years) can be compared by eye; quantile limits would move with every
  filter. Quantiles also degenerate here: per municipality most shares rest
  on one answer and are exactly 0 % or 100 %.
* Unbounded metrics (initiatives per 10,000 inhabitants) use five classes at
  the quintiles of the values shown, rounded to two significant digits
  (duplicates merged), so each colour holds about a fifth of the areas.

A limit belongs to the higher class (20 % is in "20-40 %"), except that
100 % is in the top class.

Colours: five steps of viridis, light (low) to dark (high): perceptually
uniform, readable for the common colour-vision deficiencies and in grey
scale. Areas without a value are never given a class colour: "no answer",
"not applicable" and "too few answers" each have their own grey tone and
outline (deck.gl polygons cannot be hatched), and each is named in the
legend, the tooltip and the table.

Small bases. An area whose figure rests on fewer than
``metrics.SMALL_BASE_N`` answers keeps its class colour but is marked with
a ring (a second layer: one point per area; diagonal hatching clipped to 290
coastlines cost 90 KB more per map, over the payload budget below), named in
the legend, the tooltip and the table, and left out of the "lowest /
highest" sentence: 0 of 4 is not "the lowest county". A municipality's own
answer on a municipality map is not an estimate of anything, so it is
neither marked nor given an interval;
for a yes/no metric such a map holds only 0 % and 100 %, and says so
(``MapData.binary``): its legend reads "nej (0 %)" / "ja (100 %)" and its
sentence counts the two instead of naming arbitrary ties.
A year still coming in (a preliminary round) is named in the legend and in
every tooltip.

Payload: the layer carries per feature only the geometry (already simplified,
WGS 84, four decimals) and six short properties, and the deck is serialised
without indentation (pydeck indents by default, which alone triples the size
of the coordinates). For the 290 municipalities this is about 190 KB.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import shapely.geometry
from pydeck.bindings.json_tools import default_serialize

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.vocab import ROUND_PRELIMINARY

LEVELS = ("kommun", "lan")
LAYER_ID = "omraden"
MARKER_LAYER_ID = "liten_bas"
MARKER_COLOUR = (20, 20, 20, 255)  # the ring on a small-base area: dark on every class colour
MARKER_RADIUS = 4  # pixels, whatever the zoom: as visible on a small municipality as on a county
MAX_PAYLOAD_BYTES = 250_000

# viridis at 0.9, 0.7, 0.5, 0.3, 0.1: light yellow-green (low) to dark purple-blue (high)
PALETTE: tuple[tuple[int, int, int, int], ...] = (
    (189, 223, 38, 255),
    (83, 197, 104, 255),
    (33, 145, 140, 255),
    (59, 82, 139, 255),
    (72, 36, 117, 255),
)
WHITE = (255, 255, 255, 255)
# Fill and outline for areas without a value; light, middle and pale-warm grey
# so that they differ from each other and from every class colour in lightness.
MISSING_STYLE: dict[str, tuple[tuple[int, int, int, int], tuple[int, int, int, int]]] = {
    "no_answer": ((217, 217, 217, 255), (150, 150, 150, 255)),
    "not_applicable": ((140, 140, 140, 255), WHITE),
    "too_few": ((244, 236, 222, 255), (110, 110, 110, 255)),
}
MISSING_ORDER = ("no_answer", "not_applicable", "too_few")
FIXED_LIMITS = {"share": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0), "index": (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)}
# Statuses that hold for every area at once (the map has nothing to show).
BLOCKING = ("no_data", "no_year", "only_municipalities", "needs_population")

SWEDEN_BOUNDS = (10.9, 55.3, 24.2, 69.1)  # lon_min, lat_min, lon_max, lat_max
DEFAULT_SIZE = (720, 600)  # the map's expected size in pixels, to choose the zoom
TILE_SIZE = 512  # deck.gl's world is 512 pixels wide at zoom 0


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


# -- classes -------------------------------------------------------------------


def _nice(x: float, digits: int = 2) -> float:
    if x == 0 or not math.isfinite(x):
        return 0.0
    scale = 10 ** (digits - 1 - math.floor(math.log10(abs(x))))
    return round(x * scale) / scale


def class_limits(unit: str, values: list[float], classes: int = len(PALETTE)) -> tuple[float, ...]:
    """Class limits (lowest to highest, classes + 1 numbers at most); see the module docstring."""
    if unit in FIXED_LIMITS:
        return FIXED_LIMITS[unit]
    finite = sorted(v for v in values if v is not None and math.isfinite(v))
    if not finite:
        return (0.0, 1.0)
    low, high = finite[0], finite[-1]
    if low == high:
        return (_nice(low), _nice(low) + (abs(_nice(low)) or 1.0))
    inner = [_nice(_quantile(finite, i / classes)) for i in range(1, classes)]
    limits = [math.floor(low * 10) / 10] + [x for x in inner if low < x < high] + [math.ceil(high * 10) / 10]
    out: list[float] = []
    for x in limits:
        if not out or x > out[-1]:
            out.append(x)
    return tuple(out)


def _quantile(sorted_values: list[float], q: float) -> float:
    position = q * (len(sorted_values) - 1)
    below = math.floor(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)


def class_index(value: float | None, limits: tuple[float, ...]) -> int | None:
    """The class of ``value``: a limit belongs to the higher class; the top limit to the top class."""
    if value is None or len(limits) < 2:
        return None
    classes = len(limits) - 1
    for index in range(classes):
        if value < limits[index + 1]:
            return index
    return classes - 1


def palette(classes: int) -> tuple[tuple[int, int, int, int], ...]:
    """``classes`` colours of the sequential scale, light to dark (spread over the five steps)."""
    if classes >= len(PALETTE):
        return PALETTE
    if classes <= 1:
        return (PALETTE[len(PALETTE) // 2],)
    step = (len(PALETTE) - 1) / (classes - 1)
    return tuple(PALETTE[round(i * step)] for i in range(classes))


def _limit_text(x: float, unit: str, lang: str) -> str:
    if unit == "share":
        return formatting.number(x * 100, lang)
    return formatting.number(x, lang, decimals=0 if float(x).is_integer() else 1)


def class_labels(limits: tuple[float, ...], unit: str, lang: str = "sv") -> tuple[str, ...]:
    """"0–20 %", "20–40 %" ... (the unit is written once, after the upper limit)."""
    suffix = {"share": " %" if lang != "en" else "%"}.get(unit, "")
    return tuple(
        f"{_limit_text(limits[i], unit, lang)}–{_limit_text(limits[i + 1], unit, lang)}{suffix}"
        for i in range(len(limits) - 1)
    )


# -- building the map ----------------------------------------------------------


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
    limits = class_limits(metric.unit, values)
    colours = palette(len(limits) - 1)
    own = own_answers(metric, next((r.typ for r in results), None), level)
    small_note = i18n.t("karta.small_base_note", lang, min_n=metrics.SMALL_BASE_N)
    areas = []
    for result in results:
        index = class_index(result.value, limits)
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
    labels = binary_labels(limits, lang) if binary else class_labels(limits, metric.unit, lang)
    legend = [
        LegendEntry(f"class{i}", label, colours[i], WHITE, sum(1 for a in areas if a.class_index == i))
        for i, label in enumerate(labels)
    ]
    if binary:  # only "no" and "yes" can occur: the classes between them would be empty promises
        legend = [e for e in legend if e.count or e.key in ("class0", f"class{len(labels) - 1}")]
    for status in MISSING_ORDER:
        count = sum(1 for a in areas if a.class_index is None and _missing_kind(a.status) == status)
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


def binary_labels(limits: tuple[float, ...], lang: str = "sv") -> tuple[str, ...]:
    """The class labels of a yes/no map: "nej (0 %)" for the lowest class, "ja (100 %)" for the highest."""
    labels = list(class_labels(limits, "share", lang))
    labels[0], labels[-1] = i18n.t("karta.binary.no", lang), i18n.t("karta.binary.yes", lang)
    return tuple(labels)


def _missing_kind(status: str) -> str:
    return status if status in MISSING_STYLE else "no_answer"


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
    rate = metrics.compute(store, "svarsfrekvens", Filter(ar=flt.ar), version=version)
    return layer_data(results, store.geometry(level), names, metric_id=metric_id, level=level, lang=lang,
                      county_of=county_of, group_of=group_of, answered=(rate.numerator or 0, rate.denominator or 0))


def table(data: MapData) -> pd.DataFrame:
    """The map's data as a table (missing values empty, their kind named in the class column).

    The value column holds the registry's value (a share as a fraction), so that it sorts as a
    number; the page shows each cell as :attr:`Area.value_text` (:func:`value_texts`), the words
    the tooltip uses, in the language's number format.
    """
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    labels = {e.key: e.label for e in data.legend}
    missing = {status: present.status(status, data.lang) for status in {a.status for a in data.areas}}
    # Column by column, words looked up once: per row and cell this took seconds for 100,000 areas.
    columns = {tr("common.name"): [a.name for a in data.areas],
               tr("common.code"): [a.code for a in data.areas]}
    if data.level == "kommun":
        columns[tr("filter.lan")] = [a.lan or "" for a in data.areas]
    columns[table_value_column(data)] = [a.value for a in data.areas]
    columns[tr("common.base")] = [a.base_text for a in data.areas]
    if any(notes := [note(data, a) for a in data.areas]):  # beside the base it qualifies
        columns[tr("karta.col.note")] = notes
    columns[tr("karta.col.interval")] = [a.interval_text for a in data.areas]
    columns[tr("karta.col.class")] = [labels.get(f"class{a.class_index}", "") if a.class_index is not None
                                      else missing[a.status] for a in data.areas]
    if not data.areas:
        return pd.DataFrame()
    return pd.DataFrame(columns)


def value_texts(data: MapData) -> list[str]:
    """The value column of :func:`table` as a reader sees it: "45,5 %", or the status word."""
    return [a.value_text for a in data.areas]


def table_value_column(data: MapData) -> str:
    unit = metrics.get(data.metric).unit
    key = {"share": "karta.col.share", "per_10k": "karta.col.value_per_10k"}.get(unit, "common.value")
    return i18n.t(key, data.lang)


def download_table(data: MapData) -> pd.DataFrame:
    """The map's data as numbers, for CSV and Excel: one row per area.

    Value and interval on the column's scale (shares in percent, 45.5),
    numerator, denominator and respondents as counts; a missing or hidden
    value is an empty cell and the status column says why (never 0).
    """
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    unit = metrics.get(data.metric).unit
    scale = 100.0 if unit == "share" else 1.0

    def scaled(x):
        return None if x is None else round(x * scale, 4)

    small = {True: tr("om.yes"), False: tr("om.no")}
    rows = []
    grouped = any(a.grupp for a in data.areas)
    for a in data.areas:
        row = {tr("common.name"): a.name, tr("common.code"): a.code}
        if data.level == "kommun":
            row[tr("filter.lan")] = a.lan or ""
        if grouped:
            row[tr("download.col.grupp")] = a.grupp or ""
        row[tr("filter.ar")] = data.year
        row[value_column(data)] = scaled(a.value)
        row[tr("download.col.numerator")] = None if unit == "index" else a.numerator  # a sum of scores, no count
        row[tr("download.col.denominator")] = a.denominator
        row[tr("download.col.n")] = None if a.value is None and a.status == "too_few" else a.n
        row[tr("download.col.ci_low")] = scaled(a.ci_low) if a.value is not None else None
        row[tr("download.col.ci_high")] = scaled(a.ci_high) if a.value is not None else None
        row[tr("common.status")] = present.status(a.status if a.value is None else "ok", data.lang)
        row[small_base_column(data.lang)] = small[a.small_base] if a.value is not None else None
        rows.append(row)
    frame = pd.DataFrame(rows)
    for key in ("filter.ar", "download.col.numerator", "download.col.denominator", "download.col.n"):
        if tr(key) in frame:
            frame[tr(key)] = whole_numbers(frame[tr(key)])
    return frame


def small_base_column(lang: str = "sv") -> str:
    """The download's column that marks a value on a small base ("ja" / "nej")."""
    return i18n.t("karta.col.small_base", lang, min_n=metrics.SMALL_BASE_N)


def whole_numbers(series: pd.Series) -> pd.Series:
    """Counts as integers (Int64, missing stays missing); left as they are if any is not whole."""
    numbers = pd.to_numeric(series, errors="coerce").astype("Float64")
    present = numbers.dropna()
    if len(present) and not (present == present.round()).all():
        return numbers
    return numbers.round().astype("Int64")


def note(data: MapData, area: Area) -> str:
    """What an area's figure is marked with: a small base, a preliminary year; empty when nothing."""
    parts = []
    if area.small_base:
        parts.append(i18n.t("karta.small_base_note", data.lang, min_n=metrics.SMALL_BASE_N))
    parts.append(_round_mark(data, area))
    return "; ".join(p for p in parts if p)


def _round_mark(data: MapData, area: Area) -> str:
    """"preliminära siffror" on a value of a preliminary year, else empty."""
    return i18n.t("karta.preliminary_note", data.lang) if data.round_note and area.value is not None else ""


def value_column(data: MapData) -> str:
    unit = metrics.get(data.metric).unit
    key = {"share": "common.share_pct", "per_10k": "karta.col.value_per_10k"}.get(unit, "common.value")
    return i18n.t(key, data.lang)


def counts(data: MapData) -> dict[str, int]:
    """How many areas have a value, and of each missing kind."""
    out = {"ok": sum(1 for a in data.areas if a.value is not None)}
    for status in MISSING_ORDER:
        out[status] = sum(1 for a in data.areas if a.value is None and _missing_kind(a.status) == status)
    return out


def summary(data: MapData) -> str:
    """A sentence that says what the colours say (the text equivalent of the map)."""
    tr = lambda key, **values: i18n.t(key, data.lang, **values)  # noqa: E731
    c = counts(data)
    parts = [i18n.tn(
        f"karta.summary.{data.level}", len(data.areas), data.lang,
        shown=formatting.number(c["ok"], data.lang), total=formatting.number(len(data.areas), data.lang),
        metric=metrics.get(data.metric).label(data.lang),
    )]
    for entry in data.legend:
        if entry.key.startswith("class") or entry.key == "small_base" or entry.count == 0:
            continue
        parts.append(f"{entry.label}: {formatting.number(entry.count, data.lang)}")
    valued = [a for a in data.areas if a.value is not None]
    if data.binary:  # every value is 0 % or 100 %: count them; a "lowest" would be an arbitrary tie
        labels = {e.key: e.label for e in data.legend}
        top = f"class{len(data.limits) - 2}"
        yes = sum(1 for a in valued if a.class_index == len(data.limits) - 2)
        parts.append(f"{labels[top]}: {formatting.number(yes, data.lang)}; "
                     f"{labels['class0']}: {formatting.number(len(valued) - yes, data.lang)}")
        return ". ".join(parts) + "."
    ranked = [a for a in valued if not a.small_base]
    small = len(valued) - len(ranked)
    if ranked:
        low = min(ranked, key=lambda a: a.value)
        top = max(ranked, key=lambda a: a.value)
        parts.append(tr("karta.summary_range", low=_extreme(data, ranked, low), high=_extreme(data, ranked, top)))
    if small:
        parts.append(i18n.tn("karta.summary_small", small, data.lang, n=formatting.number(small, data.lang),
                             min_n=metrics.SMALL_BASE_N))
    return ". ".join(parts) + "."


def _extreme(data: MapData, ranked: list[Area], area: Area) -> str:
    """"Alingsås 12,5 %", or, when several areas share the value, "0,0 % (14 kommuner, bland dem Ale)"."""
    tied = sorted(a.name for a in ranked if a.value == area.value)
    if len(tied) == 1:
        return f"{area.name} {area.value_text}"
    return i18n.tn(f"karta.summary_tied.{data.level}", len(tied), data.lang, value=area.value_text,
                   n=formatting.number(len(tied), data.lang), name=tied[0])


# -- the deck ------------------------------------------------------------------


def features(data: MapData) -> dict:
    """A GeoJSON FeatureCollection with only what the map uses: c(ode), n(ame), v(alue text),
    b(ase text), f(ill) and l(ine colour). Feature i is ``data.areas`` with geometry, in order."""
    by_code = {a.code: a for a in data.areas}
    out = []
    for code, text in data.geometry:
        a = by_code[code]
        marks = _round_mark(data, a)  # the caption already names a small base
        out.append({
            "type": "Feature",
            "geometry": json.loads(text),
            "properties": {"c": a.code, "n": a.name, "v": a.value_text,
                           "b": f"{a.caption} · {marks}" if marks else a.caption,
                           "f": list(a.fill), "l": list(a.line)},
        })
    return {"type": "FeatureCollection", "features": out}


def bounds(data: MapData) -> tuple[float, float, float, float]:
    """lon_min, lat_min, lon_max, lat_max of the areas shown (Sweden when none)."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords) -> None:
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords:
                walk(c)

    for _, text in data.geometry:
        walk(json.loads(text)["coordinates"])
    if not xs:
        return SWEDEN_BOUNDS
    return min(xs), min(ys), max(xs), max(ys)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(box: tuple[float, float, float, float], size: tuple[int, int] = DEFAULT_SIZE,
             padding: float = 0.92) -> dict:
    """longitude, latitude, zoom that fit ``box`` in ``size`` pixels (web Mercator, deck.gl's 512-px world)."""
    lon_min, lat_min, lon_max, lat_max = box
    width, height = size
    x_span = max(math.radians(lon_max - lon_min), 1e-6)
    y_min, y_max = _mercator_y(lat_min), _mercator_y(lat_max)
    y_span = max(y_max - y_min, 1e-6)
    world = min(width * padding * 2 * math.pi / x_span, height * padding * 2 * math.pi / y_span)
    zoom = min(math.log2(world / TILE_SIZE), 9.0)
    lat_centre = math.degrees(2 * math.atan(math.exp((y_min + y_max) / 2)) - math.pi / 2)
    return {"longitude": round((lon_min + lon_max) / 2, 4), "latitude": round(lat_centre, 4),
            "zoom": round(zoom, 3)}


def project(lon: float, lat: float, view: dict, size: tuple[int, int]) -> tuple[float, float]:
    """Pixel (x, y) of a point in a map of ``size`` pixels showing ``view`` (no pitch or bearing)."""
    scale = TILE_SIZE * 2 ** view["zoom"] / (2 * math.pi)
    x = size[0] / 2 + (math.radians(lon) - math.radians(view["longitude"])) * scale
    y = size[1] / 2 - (_mercator_y(lat) - _mercator_y(view["latitude"])) * scale
    return x, y


def markers(data: MapData) -> list[dict]:
    """A point inside every small-base area (lon, lat; four decimals), where the map draws its ring."""
    small = {a.code for a in data.areas if a.small_base}
    points = []
    for code, text in data.geometry:
        if code in small:
            point = shapely.geometry.shape(json.loads(text)).representative_point()
            points.append({"p": [round(point.x, 4), round(point.y, 4)]})
    return points


# deck.gl's default tooltip text (#a0a7b4 on #29323c) is 5.4:1, and its base line at 80 % opacity
# 4.0:1; white on the same background is 12.6:1 (WCAG 1.4.3).
TOOLTIP_COLOURS = {"color": "#ffffff", "backgroundColor": "#29323c"}


def tooltip_html() -> str:
    return "<b>{n}</b><br/>{v}<br/><span style='opacity:0.8'>{b}</span>"


def deck(data: MapData, size: tuple[int, int] = DEFAULT_SIZE):
    """The ``pydeck.Deck``: no basemap (``map_provider=None``, no network), pickable, a tooltip
    with name, value and base; serialised compactly (:class:`CompactDeck`)."""
    layer = pdk.Layer(
        "GeoJsonLayer", id=LAYER_ID, data=features(data), pickable=True, stroked=True, filled=True,
        get_fill_color="properties.f", get_line_color="properties.l", line_width_min_pixels=0.6,
        get_line_width=0, auto_highlight=True,
        highlight_color=[255, 140, 0, 200],
    )
    # Outlines are drawn but not picked: picking the 290 outlines (a PathLayer) made a click take
    # longer than deck.gl's tap limit in software-rendered Chromium, so clicks were lost.
    layer._sub_layer_props = {"polygons-stroke": {"pickable": False}}
    layers = [layer]
    rings = markers(data)
    if rings:
        layers.append(pdk.Layer(
            "ScatterplotLayer", id=MARKER_LAYER_ID, data=rings, get_position="p", get_radius=0,
            radius_min_pixels=MARKER_RADIUS, stroked=True, filled=True, get_fill_color=list(WHITE),
            get_line_color=list(MARKER_COLOUR), line_width_min_pixels=2, pickable=False,
        ))
    view = fit_view(bounds(data), size)
    return CompactDeck(
        layers=layers, initial_view_state=pdk.ViewState(**view, min_zoom=2, max_zoom=11),
        map_provider=None, tooltip={"html": tooltip_html(),
                                    "style": {"fontSize": "0.85rem", "maxWidth": "22rem", **TOOLTIP_COLOURS}},
        height=size[1],
    )



class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (Streamlit sends ``deck.to_json()`` as it is).

    The text is made on the first call and kept: a deck is not changed after it
    is drawn, and the pages draw one cached deck on every rerun.
    """

    def to_json(self) -> str:
        text = self.__dict__.get("_compact_json")
        if text is None:
            text = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
            self.__dict__["_compact_json"] = text
        return text


def selected_code(data: MapData, selection) -> str | None:
    """The area code of a map click (``st.pydeck_chart(..., on_select=...)``'s value), validated.

    The selection holds the clicked feature (geometry included) and its index;
    the code is read from the feature's properties, else looked up by index,
    and returned only when it is an area of this map.
    """
    try:
        sel = selection["selection"] if "selection" in selection else selection
        objects = (sel.get("objects") or {}).get(LAYER_ID) or []
        indices = (sel.get("indices") or {}).get(LAYER_ID) or []
    except (TypeError, AttributeError, KeyError):
        return None
    codes = [c for c, _ in data.geometry]
    code = None
    if objects and isinstance(objects[0], dict):
        code = (objects[0].get("properties") or {}).get("c")
    if code is None and indices and isinstance(indices[0], int) and 0 <= indices[0] < len(codes):
        code = codes[indices[0]]
    return code if code in codes else None
