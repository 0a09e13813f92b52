"""Low response on the map (issues 12 and 16): a small base ringed on the area, named in the legend,
tooltip and table; a preliminary year named in the legend and every tooltip."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.views import mapping


def _result(area, value, n, *, typ="kommun", round_status="publicerad") -> metrics.MetricResult:
    return metrics.MetricResult(
        metric="andel_ai_i_drift", value=value, numerator=value * n, denominator=n, n=n, ci_low=0.1, ci_high=0.9,
        data_version=1, ar=2024, typ=typ, unit="share", area=area, round_status=round_status,
    )


def _square(x: float, y: float) -> str:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return json.dumps({"type": "MultiPolygon", "coordinates": [[ring]]})


GEOMETRY = pd.DataFrame({"code": ["01", "09"], "geojson": [_square(17, 59), _square(18, 57)]})
NAMES = {"01": "Stockholms län", "09": "Gotlands län"}


def _counties(round_status="publicerad", lang="sv") -> mapping.MapData:
    results = [_result("01", 0.5, 24, round_status=round_status), _result("09", 1.0, 1, round_status=round_status)]
    return mapping.layer_data(results, GEOMETRY, NAMES, metric_id="andel_ai_i_drift", level="lan", lang=lang,
                              answered=(36, 290))


SMALL = "färre än 5 svar, osäker siffra (ring på kartan)"


def test_a_county_with_few_respondents_is_marked_not_just_coloured():
    data = _counties()
    gotland = data.area("09")
    assert gotland.small_base and not data.area("01").small_base and metrics.SMALL_BASE_N == 5
    legend = {e.key: e for e in data.legend}
    assert legend["small_base"].label == SMALL and legend["small_base"].count == 1
    tooltips = {f["properties"]["c"]: f["properties"]["b"] for f in mapping.features(data)["features"]}
    assert tooltips == {"01": "12 av 24 svarande", "09": f"1 av 1 svarande · {SMALL}"}
    spec = json.loads(mapping.deck(data).to_json())
    [rings] = [layer for layer in spec["layers"] if layer["id"] == mapping.MARKER_LAYER_ID]
    assert rings["@@type"] == "ScatterplotLayer" and len(rings["data"]) == 1
    x, y = rings["data"][0]["p"]
    assert 18 < x < 19 and 57 < y < 58  # inside Gotland's square
    table = mapping.table(data).set_index("Kod")
    assert table.loc["09", "Anmärkning"] == SMALL and table.loc["01", "Anmärkning"] == ""
    download = mapping.download_table(data).set_index("Kod")
    assert download.loc["09", "Färre än 5 svar"] == "ja"


def test_one_answer_per_municipality_is_not_marked_as_small():
    empty = pd.DataFrame({"code": [], "geojson": []})
    own = mapping.layer_data([_result("0180", 1.0, 1)], empty, {}, metric_id="andel_ai_i_drift", level="kommun")
    civil = mapping.layer_data([replace(_result("0114", 1.0, 3), typ="civilsamhalle")], empty, {},
                               metric_id="andel_ai_i_drift", level="kommun")
    # a municipality's own answer is not marked; organisations in one municipality can be few
    assert not own.area("0180").small_base and civil.area("0114").small_base


def test_a_preliminary_year_is_named_in_the_legend_and_every_tooltip():
    data = _counties("preliminar")
    assert data.round_note == "Preliminära siffror: 36 av 290 kommuner har svarat hittills"
    tooltips = {f["properties"]["c"]: f["properties"]["b"] for f in mapping.features(data)["features"]}
    assert tooltips["01"] == "12 av 24 svarande · preliminära siffror"
    assert tooltips["09"] == f"1 av 1 svarande · {SMALL} · preliminära siffror"
    table = mapping.table(data).set_index("Kod")
    assert table.loc["09", "Anmärkning"] == f"{SMALL}; preliminära siffror"
    assert table.loc["01", "Anmärkning"] == "preliminära siffror"
    english = _counties("preliminar", "en")
    assert english.round_note == "Preliminary figures: 36 of 290 municipalities have answered so far"
    assert _counties().round_note is None


def test_demo_counties_below_five_respondents(demo_db_template):
    data = mapping.build(Store(demo_db_template), "andel_ai_i_drift", Filter(ar=2025), "lan")
    small = {a.name for a in data.areas if a.small_base}
    assert "Gotlands län" in small and all(a.n < 5 for a in data.areas if a.small_base)
    assert all(a.n >= 5 for a in data.areas if not a.small_base and a.value is not None)
