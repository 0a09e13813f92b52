"""Line charts draw a series with a single observation: a point, inside an axis that covers every value.

Göteborg answered one survey year only: its maturity index on Kommun's "Över
åren" chart was a line of one value, so nothing was drawn, while the legend
still named it. A goal with one observed year is drawn the same way on Mål.
"""

from __future__ import annotations

import json
import shutil

import pyarrow as pa
import pytest

from ..builders import add_survey, response
from .conftest import no_exceptions, open_page

YEARS = (2022, 2023, 2024, 2025)


def _database(template: str, path, rows) -> str:
    from adoption.store import Store

    shutil.copy(template, path)
    add_survey(Store(path), rows)
    return str(path)


@pytest.fixture
def one_year_db(empty_db_template, tmp_path) -> str:
    """Göteborg (1480) answers in 2024 only, at stage 3; two other municipalities every year at stage 1."""
    rows = [response(ar=year, kommunkod=code, utbildning=1) for year in YEARS for code in ("1401", "0180")]
    rows.append(response(ar=2024, kommunkod="1480", utbildning=3))
    return _database(empty_db_template, tmp_path / "one_year.duckdb", rows)


def _charts(at) -> list[tuple[dict, list[dict]]]:
    """Every Vega-Lite chart of the page: its specification and its data rows."""
    out = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        rows = []
        for dataset in chart.proto.datasets:
            rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
        if chart.proto.data.data:
            rows += pa.ipc.open_stream(chart.proto.data.data).read_all().to_pylist()
        out.append((spec, rows))
    return out


def _marks(spec: dict) -> set[str]:
    layers = spec.get("layer", [spec])
    return {layer["mark"]["type"] if isinstance(layer.get("mark"), dict) else layer.get("mark") for layer in layers}


def test_a_municipality_with_one_answered_year_is_drawn_as_a_point(one_year_db, monkeypatch):
    at = open_page(one_year_db, monkeypatch, "pages/kommun.py", kommun="1480")
    no_exceptions(at)
    # the trend "Över åren" (years along x); the page also draws the neighbours' distances
    [(spec, rows)] = [(s, r) for s, r in _charts(at) if s.get("layer", [s])[0]["encoding"]["x"].get("field") == "ar"]
    assert "point" in _marks(spec)  # every value is a point, a line needs two
    own = [r for r in rows if r["area"] == "Göteborg"]
    assert [(r["ar"], r["varde"]) for r in own] == [("2024", 75.0)]
    # the y axis starts at 0 and Vega-Lite rounds its top up ("nice"), so every value lies inside it
    y = spec["layer"][0]["encoding"]["y"]
    assert y["scale"]["zero"] is True and y["scale"].get("nice", True) is True
    # the years without an answer keep their place: the county's line covers them
    assert {r["ar"] for r in rows} == {str(y) for y in YEARS}


def test_a_goal_with_one_observed_year_is_drawn_as_a_point(empty_db_template, monkeypatch, tmp_path):
    single = _database(empty_db_template, tmp_path / "single.duckdb",
                       [response(ar=2024, kommunkod="1480", utbildning=3, ai_strategi=1)])
    at = open_page(single, monkeypatch, "pages/mal.py")
    no_exceptions(at)
    drawn = _charts(at)
    assert drawn
    for spec, rows in drawn:
        assert "point" in _marks(spec)
        observed = [r for r in rows if r["serie"] == "observed"]
        assert [r["ar"] for r in observed] == [2024]
