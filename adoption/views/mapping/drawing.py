"""The map as deck.gl draws it: the GeoJSON layer, the small-base rings, the view that fits the areas, the tooltip.

Separate from the data (:mod:`.layer`) because this is only the drawing (and
reading a click back): pydeck, shapely and web-Mercator arithmetic.

Payload: the layer carries per feature only the geometry (already simplified,
WGS 84, four decimals) and six short properties, and the deck is serialised
without indentation (pydeck indents by default, which alone triples the size
of the coordinates). For the 290 municipalities this is about 190 KB.
"""

from __future__ import annotations

import json
import math

import pydeck as pdk
import shapely.geometry
from pydeck.bindings.json_tools import default_serialize

from adoption.views.mapping.classes import MARKER_COLOUR, WHITE
from adoption.views.mapping.layer import MapData
from adoption.views.mapping.tables import round_mark

LAYER_ID = "omraden"
MARKER_LAYER_ID = "liten_bas"
MARKER_RADIUS = 4  # pixels, whatever the zoom: as visible on a small municipality as on a county
MAX_PAYLOAD_BYTES = 250_000

SWEDEN_BOUNDS = (10.9, 55.3, 24.2, 69.1)  # lon_min, lat_min, lon_max, lat_max
DEFAULT_SIZE = (720, 600)  # the map's expected size in pixels, to choose the zoom
TILE_SIZE = 512  # deck.gl's world is 512 pixels wide at zoom 0


def features(data: MapData) -> dict:
    """A GeoJSON FeatureCollection with only what the map uses: c(ode), n(ame), v(alue text),
    b(ase text), f(ill) and l(ine colour). Feature i is ``data.areas`` with geometry, in order."""
    by_code = {a.code: a for a in data.areas}
    out = []
    for code, text in data.geometry:
        a = by_code[code]
        marks = round_mark(data, a)  # the caption already names a small base
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
