"""The map's small bases and own answers (issue 16, item 5), on synthetic results and the demo store."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import shapely.geometry

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.views import mapping

from .test_mapping import CIVIL, _result, _square


def _layer(results, metric_id="andel_ai_i_drift", level="kommun") -> mapping.MapData:
    codes = [r.area for r in results]
    geometry = pd.DataFrame({"code": codes, "geojson": [_square(14 + i, 58 + i) for i in range(len(codes))]})
    return mapping.layer_data(results, geometry, {c: f"Område {c}" for c in codes}, metric_id=metric_id,
                              level=level)


def test_a_share_on_fewer_than_five_answers_is_marked_and_not_ranked():
    data = _layer([
        _result("0001", 0.5, numerator=3, denominator=6, n=6, typ=CIVIL),
        _result("0002", 0.0, numerator=0, denominator=4, n=4, typ=CIVIL),  # "lowest" if ranked
        _result("0003", 1.0, numerator=1, denominator=1, n=1, typ=CIVIL),  # "highest" if ranked
        _result("0004", 0.8, numerator=4, denominator=5, n=5, typ=CIVIL),
    ])
    assert [a.small_base for a in data.areas] == [False, True, True, False]
    assert metrics.SMALL_BASE_N == 5
    assert data.areas[1].class_index == 0  # keeps its class colour: the value is shown, and marked
    legend = {e.key: e for e in data.legend}
    assert legend["small_base"].count == 2
    text = mapping.summary(data)
    assert "Lägst: Område 0001 50,0 %; högst: Område 0004 80,0 %" in text
    assert "2 områden med färre än 5 svar är inte med bland lägst och högst" in text
    points = [shapely.geometry.Point(m["p"]) for m in mapping.markers(data)]
    squares = {code: shapely.geometry.shape(json.loads(g)) for code, g in data.geometry}
    assert [[c for c, s in squares.items() if s.contains(p)] for p in points] == [["0002"], ["0003"]]
    download = mapping.download_table(data).set_index("Kod")
    assert download["Färre än 5 svar"].tolist() == ["nej", "ja", "ja", "nej"]


def test_only_small_areas_means_no_ranking():
    data = _layer([_result("0001", 0.0, numerator=0, denominator=2, n=2, typ=CIVIL),
                   _result("0002", 1.0, numerator=3, denominator=3, n=3, typ=CIVIL)])
    text = mapping.summary(data)
    assert "Lägst" not in text and "2 områden med färre än 5 svar" in text


def test_a_response_rate_rests_on_the_municipalities_asked():
    """Svarsfrekvens 2 of 5 is a census of five municipalities, not a figure on two answers."""
    data = _layer([
        _result("10", 0.4, numerator=2, denominator=5, n=2, metric="svarsfrekvens"),
        _result("09", 1.0, numerator=1, denominator=1, n=1, metric="svarsfrekvens"),
    ], metric_id="svarsfrekvens", level="lan")
    assert [a.small_base for a in data.areas] == [False, True]


def test_own_answers_are_neither_marked_nor_given_an_interval():
    results = [_result("0001", 1.0, numerator=1, denominator=1, n=1, low=0.21, high=1.0),
               _result("0002", 0.0, numerator=0, denominator=1, n=1, low=0.0, high=0.79)]
    data = _layer(results)
    assert data.own_answers and data.binary
    assert not any(a.small_base for a in data.areas) and mapping.markers(data) == []
    assert {a.interval_text for a in data.areas} == {"inget intervall"}
    assert [e.label for e in data.legend] == ["nej (0 %)", "ja (100 %)"]
    assert mapping.summary(data).endswith("ja (100 %): 1; nej (0 %): 1.")
    # Initiatives are many per municipality: their share is not one answer.
    initiatives = _layer([_result("0001", 0.5, numerator=1, denominator=2, n=2, metric="andel_utvarderade")],
                         metric_id="andel_utvarderade")
    assert not initiatives.own_answers and initiatives.areas[0].small_base
    # The maturity index is graded: own answers, but not yes or no.
    index = _layer([_result("0001", 37.5, numerator=37.5, denominator=1, n=1, unit="index", metric="mognadsindex")],
                   metric_id="mognadsindex")
    assert index.own_answers and not index.binary


def test_ties_are_named_as_ties():
    data = _layer([_result(c, v, numerator=v * 5, denominator=5, n=5, typ=CIVIL)
                   for c, v in (("0001", 0.2), ("0002", 0.2), ("0003", 0.6), ("0004", 0.2))])
    assert "Lägst: 20,0 % (3 kommuner, bland dem Område 0001); högst: Område 0003 60,0 %" in mapping.summary(data)


def test_rings_keep_the_map_within_its_payload(demo_db_template):
    data = mapping.build(Store(demo_db_template), "andel_utvarderade", Filter(ar=2024), "kommun")
    everywhere = dataclasses.replace(data, areas=tuple(dataclasses.replace(a, small_base=True) for a in data.areas))
    deck = mapping.deck(everywhere)
    assert len(deck.to_json().encode("utf-8")) <= mapping.MAX_PAYLOAD_BYTES
    assert len(json.loads(deck.to_json())["layers"][1]["data"]) == 290
