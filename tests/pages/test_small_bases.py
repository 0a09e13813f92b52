"""Small bases are flagged (issue 16, item 5): marked on maps, in legends and tables, left out of rankings;
a municipality's own yes or no is not offered as a share map without a note; Karta opens on a graded metric."""

from __future__ import annotations

import json

import pytest
import shapely.geometry

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.views import mapping
from tests import builders

from .conftest import no_exceptions, open_page

KARTA = "pages/karta.py"
BLEKINGE, GOTLAND = "10", "09"


@pytest.fixture(scope="module")
def small_counties(tmp_path_factory) -> str:
    """2024: Blekinge 0 of 4 municipalities with AI in production, Gotland 1 of 1; Stockholm 3 of 6 and
    Skåne 2 of 6 (enough answers to be ranked)."""
    path = tmp_path_factory.mktemp("small") / "small.duckdb"
    store = builders.reference_store(path)
    rows = [builders.response(ar=2024, kommunkod=k, utbildning=0) for k in ("1060", "1080", "1081", "1082")]
    rows.append(builders.response(ar=2024, kommunkod="0980", utbildning=3))
    rows += [builders.response(ar=2024, kommunkod=k, utbildning=3 if i < 3 else 1)
             for i, k in enumerate(("0114", "0115", "0117", "0120", "0123", "0125"))]
    rows += [builders.response(ar=2024, kommunkod=k, utbildning=4 if i < 2 else 2)
             for i, k in enumerate(("1214", "1230", "1231", "1233", "1256", "1257"))]
    builders.add_survey(store, rows)
    return str(path)


def _deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_county_map_leaves_small_counties_out_of_lowest_and_highest(small_counties, monkeypatch):
    """"Lägst: Blekinge län 0,0 %" was 0 of 4; Gotland (1 of 1, interval 0-79 %) sat in a class like any other."""
    at = open_page(small_counties, monkeypatch, ar="2024")  # Översikt's county map
    no_exceptions(at)
    captions = _captions(at)
    assert "Lägst: Skåne län 33,3 %; högst: Stockholms län 50,0 %" in captions
    assert "Blekinge län 0,0 %" not in captions and "Gotlands län 100,0 %" not in captions
    assert "2 områden med färre än 5 svar är inte med bland lägst och högst" in captions

    # On the map: a ring inside each of the two counties, in a layer of its own.
    deck = _deck(at)
    rings = next(layer for layer in deck["layers"] if layer["id"] == mapping.MARKER_LAYER_ID)
    features = deck["layers"][0]["data"]["features"]
    geometry = {f["properties"]["c"]: shapely.geometry.shape(f["geometry"]) for f in features}
    points = [shapely.geometry.Point(d["p"]) for d in rings["data"]]
    assert len(points) == 2
    assert {code for code, shape in geometry.items() if any(shape.contains(p) for p in points)} == {BLEKINGE, GOTLAND}
    # ... in the tooltip, the legend and the table.
    tooltip = {f["properties"]["c"]: f["properties"]["b"] for f in features}
    assert tooltip[BLEKINGE] == "0 av 4 svarande · färre än 5 svar, osäker siffra (ring på kartan)"
    assert "färre än 5" not in tooltip["01"]
    legend = "\n".join(m.value for m in at.markdown)
    assert "färre än 5 svar, osäker siffra (ring på kartan) (2 st)</li>" in legend
    table = next(d.value for d in at.dataframe if "Anmärkning" in d.value.columns).set_index("Kod")
    assert table.loc[BLEKINGE, "Anmärkning"] == table.loc[GOTLAND, "Anmärkning"] != ""
    assert table.loc["01", "Anmärkning"] == ""


def test_the_same_in_english(small_counties, monkeypatch):
    at = open_page(small_counties, monkeypatch, KARTA, ar="2024", niva="lan", matt="andel_ai_i_drift", lang="en")
    no_exceptions(at)
    captions = _captions(at)
    assert "Lowest: Skåne län 33.3%; highest: Stockholms län 50.0%" in captions
    assert "2 areas with fewer than 5 answers are left out of lowest and highest" in captions
    table = at.dataframe[0].value.set_index("Code")
    assert table.loc[BLEKINGE, "Note"] == "fewer than 5 answers, an uncertain figure (ringed on the map)"


def test_municipality_map_of_a_yes_no_metric_says_so_and_ranks_no_ties(demo_db_template, monkeypatch):
    """"Lägst: Alingsås 0,0 %; högst: Överkalix 100,0 %" picked arbitrary ties among 0 % and 100 %."""
    at = open_page(demo_db_template, monkeypatch, KARTA, ar="2024", matt="andel_ai_aktivitet")
    no_exceptions(at)
    notes = "\n".join(i.value for i in at.info)
    assert "Ja eller nej per kommun" in notes and "Mognadsindex" in notes
    captions = _captions(at)
    assert "Lägst" not in captions and "högst" not in captions
    results = metrics.compute(Store(demo_db_template), "andel_ai_aktivitet", Filter(ar=2024), by="kommun")
    yes = sum(1 for r in results if r.value == 1.0)
    no = sum(1 for r in results if r.value == 0.0)
    assert yes + no == sum(1 for r in results if r.value is not None)
    assert f"ja (100 %): {yes}; nej (0 %): {no}." in captions
    legend = "\n".join(m.value for m in at.markdown)
    assert "nej (0 %)" in legend and "ja (100 %)" in legend and "20–40 %" not in legend
    # One municipality's own answer is not an estimate: no interval, and no ring.
    assert set(at.dataframe[0].value["95 % intervall"]) <= {"inget intervall", "inget svar", "ej tillämplig"}
    assert [layer["id"] for layer in _deck(at)["layers"]] == [mapping.LAYER_ID]


def test_county_map_of_the_same_metric_has_no_note(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, KARTA, ar="2024", matt="andel_ai_aktivitet", niva="lan")
    no_exceptions(at)
    assert not any("Ja eller nej" in i.value for i in at.info)
    assert "Lägst:" in _captions(at)


def test_karta_opens_on_the_maturity_index(demo_db_template, monkeypatch):
    """The default Karta metric was a yes/no per municipality, painting Sweden in two colours."""
    at = open_page(demo_db_template, monkeypatch, KARTA, ar="2024")
    no_exceptions(at)
    assert at.sidebar.selectbox(key="w_matt").value == "mognadsindex"
    assert "Mognadsindex per kommun 2024" in "\n".join(s.value for s in at.subheader)
    assert not any("Ja eller nej" in i.value for i in at.info)
    legend = "\n".join(m.value for m in at.markdown)
    classes = [label for label in mapping.class_labels(mapping.FIXED_LIMITS["index"], "index") if label in legend]
    assert len(classes) == 5
    counts = {e.key: e.count for e in mapping.build(Store(demo_db_template), "mognadsindex",
                                                     Filter(ar=2024), "kommun").legend}
    assert sum(1 for i in range(5) if counts[f"class{i}"]) >= 4  # graded: more than two colours in use
    # Ties are named as ties, not as one arbitrary municipality.
    captions = _captions(at)
    assert "Lägst: 0,0 (" in captions and "kommuner, bland dem" in captions
