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

Low response is marked, not just coloured (issue 12). An area whose figure
rests on fewer than :data:`FEW_RESPONDENTS` respondents (a county such as
Gotland) gets "n = 3" written on the map, a line in the tooltip, an entry in
the legend and a note in the table. Where every area rests on one answer (a
municipality's own answer on the municipal map) the mark would say nothing
and is left out. A year still coming in (a preliminary round) is named in the
legend and in every tooltip.

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
from pydeck.bindings.json_tools import default_serialize

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.vocab import ROUND_PRELIMINARY

LEVELS = ("kommun", "lan")
LAYER_ID = "omraden"
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
# An area's figure resting on fewer respondents than this is marked (see the module docstring).
FEW_RESPONDENTS = 5
LABEL_LAYER_ID = "fa-svarande"
LABEL_COLOUR = (33, 33, 33, 255)
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
    few: bool = False  # a value on fewer than FEW_RESPONDENTS respondents (marked on the map)


@dataclass(frozen=True)
class LegendEntry:
    key: str  # "class0".."class4" or a status
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


def is_few(result: metrics.MetricResult, level: str) -> bool:
    """A value on fewer than FEW_RESPONDENTS respondents, where areas can have more than one."""
    if result.value is None or result.n >= FEW_RESPONDENTS:
        return False
    return not (level == "kommun" and result.typ == "kommun")  # a municipality's own answer: always one


def layer_data(results: list[metrics.MetricResult], geometry: pd.DataFrame, names: dict[str, str],
               *, metric_id: str, level: str, lang: str = "sv",
               county_of: dict[str, str] | None = None, answered: tuple[float, float] | None = None) -> MapData:
    """Areas, classes, legend and geometry from results by area (pure: no store).

    ``geometry``: columns code and geojson (``Store.geometry(level)``);
    ``names``: code -> name; ``county_of``: municipality code -> county name;
    ``answered``: (municipalities answered, all) in the year, for a preliminary year's note.
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
    areas = []
    for result in results:
        index = class_index(result.value, limits)
        if index is not None:
            fill, line = colours[index], WHITE
        else:
            fill, line = MISSING_STYLE.get(result.status, MISSING_STYLE["no_answer"])
        base_text = present.base(result, lang)  # made once: a map words thousands of areas per view
        areas.append(Area(
            code=result.area, name=names.get(result.area, result.area), value=result.value,
            value_text=present.value(result, lang), base_text=base_text, interval_text=present.interval(result, lang),
            caption=present.caption(result, lang) if present.missing(result) else base_text,
            status=result.status, class_index=index,
            fill=fill, line=line, n=result.n,
            lan=(county_of or {}).get(result.area) if level == "kommun" else None,
            numerator=None if result.suppressed else result.numerator,
            denominator=None if result.suppressed else result.denominator,
            ci_low=None if result.suppressed else result.ci_low,
            ci_high=None if result.suppressed else result.ci_high,
            few=is_few(result, level),
        ))
    legend = [
        LegendEntry(f"class{i}", label, colours[i], WHITE, sum(1 for a in areas if a.class_index == i))
        for i, label in enumerate(class_labels(limits, metric.unit, lang))
    ]
    for status in MISSING_ORDER:
        count = sum(1 for a in areas if a.class_index is None and _missing_kind(a.status) == status)
        if count:
            fill, line = MISSING_STYLE[status]
            legend.append(LegendEntry(status, present.status(status, lang), fill, line, count))
    few = sum(1 for a in areas if a.few)
    if few:
        legend.append(LegendEntry("few", i18n.t("karta.few_legend", lang).format(min_n=FEW_RESPONDENTS),
                                  WHITE, LABEL_COLOUR, few))
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
                   tuple(ignored), note)


def _missing_kind(status: str) -> str:
    return status if status in MISSING_STYLE else "no_answer"


def build(store: Store, metric_id: str, flt: Filter, level: str, lang: str = "sv", *,
          version: int | None = None) -> MapData:
    """The map of ``metric_id`` by municipality or county for a filter (``flt.kommun`` is ignored)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    results = metrics.compute(store, metric_id, flt.with_(kommun=None), version=version, by=level)
    municipalities = store.municipalities()
    if level == "kommun":
        names = dict(zip(municipalities["kommunkod"], municipalities["name"]))
        county_of = dict(zip(municipalities["kommunkod"], municipalities["lan_name"]))
    else:
        counties = store.counties()
        names, county_of = dict(zip(counties["lan_kod"], counties["name"])), None
    rate = metrics.compute(store, "svarsfrekvens", Filter(ar=flt.ar), version=version)
    return layer_data(results, store.geometry(level), names, metric_id=metric_id, level=level, lang=lang,
                      county_of=county_of, answered=(rate.numerator or 0, rate.denominator or 0))


def table(data: MapData) -> pd.DataFrame:
    """The map's data as a table (sortable by value; missing values empty, their kind named)."""
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    unit = metrics.get(data.metric).unit
    scale = 100.0 if unit == "share" else 1.0
    labels = {e.key: e.label for e in data.legend}
    missing = {status: present.status(status, data.lang) for status in {a.status for a in data.areas}}
    # Column by column, words looked up once: per row and cell this took seconds for 100,000 areas.
    columns = {tr("common.name"): [a.name for a in data.areas],
               tr("common.code"): [a.code for a in data.areas]}
    if data.level == "kommun":
        columns[tr("filter.lan")] = [a.lan or "" for a in data.areas]
    columns[value_column(data)] = [None if a.value is None else round(a.value * scale, 1) for a in data.areas]
    columns[tr("karta.col.shown")] = [a.value_text for a in data.areas]
    columns[tr("common.base")] = [a.base_text for a in data.areas]
    columns[tr("karta.col.interval")] = [a.interval_text for a in data.areas]
    columns[tr("karta.col.class")] = [labels.get(f"class{a.class_index}", "") if a.class_index is not None
                                      else missing[a.status] for a in data.areas]
    if any(notes := [note(data, a) for a in data.areas]):
        columns[tr("karta.col_note")] = notes
    if not data.areas:
        return pd.DataFrame()
    return pd.DataFrame(columns)


def download_table(data: MapData) -> pd.DataFrame:
    """The map's data as numbers, for CSV and Excel: one row per area.

    Value and interval on the column's scale (shares in percent, 45.5),
    numerator, denominator and respondents as counts; a missing or hidden
    value is an empty cell and the status column says why (never 0).
    """
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    scale = 100.0 if metrics.get(data.metric).unit == "share" else 1.0

    def scaled(x):
        return None if x is None else round(x * scale, 4)

    rows = []
    for a in data.areas:
        row = {tr("common.name"): a.name, tr("common.code"): a.code}
        if data.level == "kommun":
            row[tr("filter.lan")] = a.lan or ""
        row[tr("filter.ar")] = data.year
        row[value_column(data)] = scaled(a.value)
        row[tr("download.col.numerator")] = a.numerator
        row[tr("download.col.denominator")] = a.denominator
        row[tr("download.col.n")] = None if a.value is None and a.status == "too_few" else a.n
        row[tr("download.col.ci_low")] = scaled(a.ci_low) if a.value is not None else None
        row[tr("download.col.ci_high")] = scaled(a.ci_high) if a.value is not None else None
        row[tr("common.status")] = present.status(a.status if a.value is None else "ok", data.lang)
        if any(area.few for area in data.areas):
            row[tr("karta.col_few").format(min_n=FEW_RESPONDENTS)] = tr("om.yes") if a.few else tr("om.no")
        rows.append(row)
    frame = pd.DataFrame(rows)
    for key in ("filter.ar", "download.col.numerator", "download.col.denominator", "download.col.n"):
        if tr(key) in frame:
            frame[tr(key)] = whole_numbers(frame[tr(key)])
    return frame


def whole_numbers(series: pd.Series) -> pd.Series:
    """Counts as integers (Int64, missing stays missing); left as they are if any is not whole."""
    numbers = pd.to_numeric(series, errors="coerce").astype("Float64")
    present = numbers.dropna()
    if len(present) and not (present == present.round()).all():
        return numbers
    return numbers.round().astype("Int64")


def note(data: MapData, area: Area) -> str:
    """What an area's figure is marked with: few respondents, a preliminary year; empty when nothing."""
    parts = []
    if area.few:
        parts.append(i18n.t("karta.few_note", data.lang).format(min_n=FEW_RESPONDENTS))
    if data.round_note and area.value is not None:
        parts.append(i18n.t("karta.preliminary_note", data.lang))
    return "; ".join(parts)


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
    tr = lambda key: i18n.t(key, data.lang)  # noqa: E731
    c = counts(data)
    parts = [i18n.tn(
        f"karta.summary.{data.level}", len(data.areas), data.lang,
        shown=formatting.number(c["ok"], data.lang), total=formatting.number(len(data.areas), data.lang),
        metric=metrics.get(data.metric).label(data.lang),
    )]
    for entry in data.legend:
        if entry.key.startswith("class") or entry.count == 0:
            continue
        parts.append(f"{entry.label}: {formatting.number(entry.count, data.lang)}")
    valued = [a for a in data.areas if a.value is not None]
    if valued:
        top = max(valued, key=lambda a: (a.value, a.name))
        low = min(valued, key=lambda a: (a.value, a.name))
        parts.append(tr("karta.summary_range").format(low=f"{low.name} {low.value_text}",
                                                       high=f"{top.name} {top.value_text}"))
    return ". ".join(parts) + "."


# -- the deck ------------------------------------------------------------------


def features(data: MapData) -> dict:
    """A GeoJSON FeatureCollection with only what the map uses: c(ode), n(ame), v(alue text),
    b(ase text), f(ill) and l(ine colour). Feature i is ``data.areas`` with geometry, in order."""
    by_code = {a.code: a for a in data.areas}
    out = []
    for code, text in data.geometry:
        a = by_code[code]
        marks = note(data, a)
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
    view = fit_view(bounds(data), size)
    layers = [layer]
    labels = few_labels(data)
    if labels:
        # "n = 3" on each area with few respondents: a mark that does not depend on telling colours apart.
        layers.append(pdk.Layer(
            "TextLayer", id=LABEL_LAYER_ID, data=labels, get_position="p", get_text="t", get_size=13,
            get_color=list(LABEL_COLOUR), background=True, get_background_color=[255, 255, 255, 220],
            background_padding=[3, 1], pickable=False,
        ))
    return CompactDeck(
        layers=layers, initial_view_state=pdk.ViewState(**view, min_zoom=2, max_zoom=11),
        map_provider=None, tooltip={"html": tooltip_html(),
                                    "style": {"fontSize": "0.85rem", "maxWidth": "22rem", **TOOLTIP_COLOURS}},
        height=size[1],
    )


def few_labels(data: MapData) -> list[dict]:
    """One label per area with few respondents: its base ("n = 3") at a point inside the area."""
    from shapely.geometry import shape

    few = {a.code: a for a in data.areas if a.few}
    out = []
    for code, text in data.geometry:
        if code in few:
            point = shape(json.loads(text)).representative_point()
            out.append({"p": [round(point.x, 4), round(point.y, 4)], "t": f"n = {few[code].n}"})
    return out


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
