"""Charts of a report as vector graphics: Vega-Lite specifications drawn to SVG by vl-convert (no browser).

The Sektorer page's chart specification is reused as it is, with print sizes
and the report's font; the municipality's stage grid and the map are drawn from
the same colours as the Kommun page and the Karta page.
"""

from __future__ import annotations

import copy
import json
import math
from functools import lru_cache

from adoption.text import i18n
from adoption.views import mapping, profile
from adoption.vocab import sectors, stages

from .fonts import FAMILY, font_dir

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
INK = "#1f2933"
MUTED = "#595959"
MISSING_FILL = "#f2f2f2"
BACKDROP_FILL = "#eceff1"  # paler than the map's "no answer" grey, so that it does not read as one
# Sizes in SVG pixels; the report places charts at about one pixel per point.
FONT_SIZE = 8.5
CONFIG = {
    "font": FAMILY,
    "background": "white",
    "view": {"stroke": None},
    "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "labelColor": INK, "titleColor": INK,
             "titleFontWeight": 600},
    "legend": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "labelColor": INK, "titleColor": INK,
               "labelLimit": 400, "symbolType": "square"},
    "text": {"font": FAMILY},
}


@lru_cache(maxsize=1)
def _converter():
    import vl_convert

    vl_convert.register_font_directory(str(font_dir()))
    return vl_convert


def svg(spec: dict) -> str:
    """The chart as SVG text (its labels stay text, in the report's font)."""
    return _converter().vegalite_to_svg(spec)


def for_print(spec: dict, *, width: int, step: int = 13) -> dict:
    """A page's chart specification at print size in the report's font (the page's own spec is not changed)."""
    out = copy.deepcopy(spec)
    out["width"] = width
    if isinstance(out.get("height"), dict) and "step" in out["height"]:
        out["height"] = {"step": step}
    out["config"] = {**out.get("config", {}), **CONFIG}
    return out


def stage_grid(cells: tuple[profile.StageCell, ...], lang: str = "sv") -> dict:
    """The Kommun page's stage grid as a chart: sectors down, survey years across, each cell coloured by
    the stage (0-4) with its number in it; missing answers in grey with their word."""
    order = [i18n.label("sektor", s.code, lang) for s in sectors()]
    values = []
    for cell in cells:
        ok = cell.status == profile.CELL_OK
        values.append({
            "sector": i18n.label("sektor", cell.sektor, lang),
            "year": str(cell.ar),
            "text": str(cell.stage) if ok else profile.cell_text(cell, lang),
            "fill": profile.STAGE_FILL[cell.stage] if ok else MISSING_FILL,
            "ink": profile.STAGE_TEXT[cell.stage] if ok else MUTED,
        })
    years = sorted({c.ar for c in cells})
    return {
        "$schema": SCHEMA,
        "width": 250,  # the same size whatever the number of years, so the text keeps its size
        "height": {"step": 17},
        "data": {"values": values},
        "encoding": {
            "y": {"field": "sector", "type": "nominal", "sort": order, "title": None,
                  "axis": {"labelLimit": 230, "domain": False, "ticks": False, "labelPadding": 6}},
            "x": {"field": "year", "type": "ordinal", "title": None, "sort": [str(y) for y in years],
                  "axis": {"orient": "top", "labelAngle": 0, "domain": False, "ticks": False,
                           "labelFontWeight": 600}},
        },
        "layer": [
            {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
             "encoding": {"color": {"field": "fill", "type": "nominal", "scale": None}}},
            {"mark": {"type": "text", "fontSize": FONT_SIZE},
             "encoding": {"text": {"field": "text"}, "color": {"field": "ink", "type": "nominal", "scale": None}}},
        ],
        "config": CONFIG,
    }


def stage_legend(lang: str = "sv") -> list[dict]:
    """The grid's colours with the stages' names, for the report's legend."""
    return [{"fill": profile.STAGE_FILL[s.value], "line": profile.STAGE_FILL[s.value],
             "label": f"{s.value} {i18n.label('mognad', s.value, lang)}"} for s in stages()]


def area_map(data: mapping.MapData, *, width: int = 300, backdrop: tuple[tuple[str, str], ...] = ()) -> dict:
    """The areas of a map in their class colours (the Karta page's), in a transverse Mercator projection
    centred on Sweden (as SWEREF 99 TM), fitted to the areas shown.

    ``backdrop``: (code, GeoJSON) of areas drawn first in a pale grey, cut at the map's edge. A municipality
    group's members lie apart: without the country around them three cities would float on white, and
    fitted to the whole country they would be specks.
    """
    colours = {a.code: a for a in data.areas}
    features = []
    for code, geojson in data.geometry:
        area = colours[code]
        features.append({"type": "Feature", "geometry": json.loads(geojson),
                         "properties": {"fill": _hex(area.fill), "line": _hex(area.line), "name": area.name}})
    west, south, east, north = mapping.bounds(data)
    if backdrop:  # a margin, so that an area at the edge is seen whole with some of its surroundings
        pad_x, pad_y = max((east - west) * 0.08, 0.3), max((north - south) * 0.08, 0.3)
        west, south, east, north = west - pad_x, south - pad_y, east + pad_x, north + pad_y
    middle = math.radians((south + north) / 2)
    aspect = (north - south) / max((east - west) * math.cos(middle), 1e-6)
    height = int(min(max(width * aspect, 200), 420))
    areas = {
        "data": {"values": {"type": "FeatureCollection", "features": features}, "format": {"property": "features"}},
        "mark": {"type": "geoshape", "strokeWidth": 0.6},
        "encoding": {
            "color": {"field": "properties.fill", "type": "nominal", "scale": None},
            "stroke": {"field": "properties.line", "type": "nominal", "scale": None},
        },
    }
    projection = {"type": "transverseMercator", "rotate": [-15, 0, 0]}
    spec = {"$schema": SCHEMA, "width": width, "height": height, "projection": projection, "config": CONFIG}
    if not backdrop:
        return {**spec, **areas}
    corners = [[west, south], [east, south], [east, north], [west, north]]
    projection["fit"] = {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": corners},
                         "properties": {}}
    projection["clipExtent"] = [[0, 0], [width, height]]
    context = [{"type": "Feature", "geometry": json.loads(geojson), "properties": {}} for _, geojson in backdrop]
    pale = {
        "data": {"values": {"type": "FeatureCollection", "features": context}, "format": {"property": "features"}},
        "mark": {"type": "geoshape", "fill": BACKDROP_FILL, "stroke": "white", "strokeWidth": 0.6},
    }
    return {**spec, "layer": [pale, areas]}


def _hex(rgba: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgba[:3])
