"""The map's domain: classes, colours, missing kinds, texts, payload, view and clicks."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting
from adoption.views import mapping

PROPERTIES = {"c", "n", "v", "b", "f", "l"}
CIVIL = "civilsamhalle"


def _result(area, value=None, status="ok", *, numerator=None, denominator=None, n=0, unit="share",
            metric="andel_ai_i_drift", typ="kommun", low=None, high=None) -> metrics.MetricResult:
    return metrics.MetricResult(
        metric=metric, value=value, numerator=numerator, denominator=denominator, n=n, ci_low=low,
        ci_high=high, data_version=1, ar=2024, typ=typ, unit=unit, area=area, status=status,
        suppressed=status == "too_few",
    )


def _square(x: float, y: float) -> str:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return json.dumps({"type": "MultiPolygon", "coordinates": [[ring]]})


@pytest.fixture
def synthetic() -> mapping.MapData:
    """Civil society by municipality: each area's share is one of several organisations' answers."""
    results = [
        _result("0001", 0.6, numerator=3, denominator=5, n=5, low=0.23, high=0.88, typ=CIVIL),
        _result("0002", 0.2, numerator=1, denominator=5, n=5, low=0.04, high=0.62, typ=CIVIL),
        _result("0003", status="no_answer", typ=CIVIL),
        _result("0004", status="not_applicable", typ=CIVIL),
        _result("0005", status="too_few", n=2, typ=CIVIL),
        _result("0006", 1.0, numerator=2, denominator=2, n=2, low=0.34, high=1.0, typ=CIVIL),
    ]
    geometry = pd.DataFrame({"code": [f"000{i}" for i in range(1, 7)],
                             "geojson": [_square(14 + i, 58 + i) for i in range(6)]})
    names = {f"000{i}": f"Kommun {i}" for i in range(1, 7)}
    return mapping.layer_data(results, geometry, names, metric_id="andel_ai_i_drift", level="kommun",
                              county_of={"0001": "Testlän"})


# -- classes and colours -----------------------------------------------------------


def test_shares_and_the_index_use_fixed_limits():
    assert mapping.class_limits("share", [0.1, 0.15]) == (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    assert mapping.class_limits("index", [55.0]) == (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)


def test_a_limit_belongs_to_the_higher_class_and_100_to_the_top():
    limits = mapping.FIXED_LIMITS["share"]
    assert [mapping.class_index(v, limits) for v in (0.0, 0.1999, 0.2, 0.4, 0.79, 0.8, 1.0)] == [0, 0, 1, 2, 3, 4, 4]
    assert mapping.class_index(None, limits) is None


def test_unbounded_metrics_use_rounded_quintiles():
    values = [0.5, 1.23, 2.7, 3.1, 4.44, 5.9, 7.02, 8.8, 12.6, 20.1]
    limits = mapping.class_limits("per_10k", values)
    assert limits[0] <= min(values) and limits[-1] >= max(values)
    assert list(limits) == sorted(set(limits)) and 3 <= len(limits) <= 6
    for inner in limits[1:-1]:  # two significant digits
        assert inner == float(f"{inner:.2g}")
    assert mapping.class_limits("per_10k", [3.0, 3.0]) == (3.0, 6.0)
    assert mapping.class_limits("per_10k", []) == (0.0, 1.0)


def test_palette_is_sequential_and_missing_kinds_are_distinct():
    lightness = [0.299 * r + 0.587 * g + 0.114 * b for r, g, b, _ in mapping.PALETTE]
    assert lightness == sorted(lightness, reverse=True)  # light (low) to dark (high)
    fills = [fill for fill, _ in mapping.MISSING_STYLE.values()]
    assert len(set(fills)) == 3
    assert not set(fills) & set(mapping.PALETTE)
    assert len(mapping.palette(3)) == 3 and mapping.palette(3)[0] == mapping.PALETTE[0]


def test_class_labels_per_language():
    assert mapping.class_labels(mapping.FIXED_LIMITS["share"], "share", "sv")[:2] == ("0–20 %", "20–40 %")
    assert mapping.class_labels(mapping.FIXED_LIMITS["share"], "share", "en")[-1] == "80–100%"
    assert mapping.class_labels((0.0, 1.5, 3.0), "per_10k", "sv") == ("0–1,5", "1,5–3")


# -- areas, legend, table --------------------------------------------------------------


def test_values_and_missing_kinds(synthetic):
    by_code = {a.code: a for a in synthetic.areas}
    assert by_code["0001"].value_text == "60,0 %" and by_code["0001"].base_text == "3 av 5 organisationer"
    assert by_code["0001"].class_index == 3 and by_code["0001"].fill == mapping.PALETTE[3]
    assert by_code["0002"].class_index == 1
    assert by_code["0006"].class_index == 4
    assert by_code["0001"].interval_text == "23,0–88,0 %"
    for code, status, label in (("0003", "no_answer", "inget svar"), ("0004", "not_applicable", "ej tillämplig"),
                                ("0005", "too_few", "för få svar")):
        area = by_code[code]
        assert area.class_index is None and area.value_text == label
        assert area.fill == mapping.MISSING_STYLE[status][0]  # never a class colour: not counted as 0
    assert by_code["0001"].lan == "Testlän"


def test_legend_names_limits_and_every_missing_kind(synthetic):
    legend = {e.key: e for e in synthetic.legend}
    assert [legend[f"class{i}"].label for i in range(5)] == ["0–20 %", "20–40 %", "40–60 %", "60–80 %",
                                                            "80–100 %"]
    assert legend["class3"].count == 1 and legend["class0"].count == 0
    assert (legend["no_answer"].label, legend["not_applicable"].label, legend["too_few"].label) == (
        "inget svar", "ej tillämplig", "för få svar")
    assert legend["no_answer"].hex == "#d9d9d9"


def test_table_is_sortable_and_names_missing_kinds(synthetic):
    frame = mapping.table(synthetic)
    assert list(frame.columns) == ["Namn", "Kod", "Län", "Andel", "Bas", "Anmärkning", "95 % intervall", "Klass"]
    # The value as a number (it sorts as one); the page shows it as the tooltip's words.
    assert frame.loc[frame["Kod"] == "0001", "Andel"].item() == 0.6
    assert mapping.value_texts(synthetic)[0] == "60,0 %" and mapping.value_texts(synthetic)[2] == "inget svar"
    assert pd.isna(frame.loc[frame["Kod"] == "0003", "Andel"].item())
    assert frame.loc[frame["Kod"] == "0004", "Klass"].item() == "ej tillämplig"
    assert frame.sort_values("Andel")["Kod"].tolist()[:3] == ["0002", "0001", "0006"]


def test_summary_says_what_the_colours_say(synthetic):
    text = mapping.summary(synthetic)
    assert "3 av 6 kommuner har ett värde" in text
    assert "inget svar: 1" in text and "ej tillämplig: 1" in text and "för få svar: 1" in text
    assert "Lägst: Kommun 2 20,0 %" in text


def test_distributions_cannot_be_mapped():
    assert not mapping.mappable("hinder_topp") and not mapping.mappable("sektor_fordelning")
    assert "andel_ai_i_drift" in mapping.mappable_metrics() and "hinder_topp" not in mapping.mappable_metrics()
    with pytest.raises(ValueError):
        mapping.layer_data([], pd.DataFrame({"code": [], "geojson": []}), {}, metric_id="hinder_topp",
                           level="kommun")


# -- the deck --------------------------------------------------------------------------


def test_features_carry_only_what_the_map_uses(synthetic):
    fc = mapping.features(synthetic)
    assert len(fc["features"]) == 6
    assert all(set(f["properties"]) == PROPERTIES for f in fc["features"])
    first = fc["features"][0]["properties"]
    assert first == {"c": "0001", "n": "Kommun 1", "v": "60,0 %", "b": "3 av 5 organisationer",
                     "f": list(mapping.PALETTE[3]), "l": [255, 255, 255, 255]}


def test_deck_has_no_basemap_a_tooltip_and_a_pickable_layer(synthetic):
    deck = mapping.deck(synthetic)
    spec = json.loads(deck.to_json())
    assert "mapProvider" not in spec  # map_provider=None: no tiles, no network
    assert "mapbox" not in deck.to_json() and "carto" not in deck.to_json()
    layer = spec["layers"][0]
    assert layer["@@type"] == "GeoJsonLayer" and layer["pickable"] and layer["id"] == mapping.LAYER_ID
    assert layer["getFillColor"] == "@@=properties.f"
    assert deck._tooltip["html"].count("{") == 3 and "{n}" in deck._tooltip["html"]
    assert "\n" not in deck.to_json()  # compact: pydeck's indentation would triple the size


def test_selected_code_reads_the_feature_or_the_index(synthetic):
    feature = mapping.features(synthetic)["features"][1]
    assert mapping.selected_code(synthetic, {"selection": {"indices": {"omraden": [1]},
                                                           "objects": {"omraden": [feature]}}}) == "0002"
    assert mapping.selected_code(synthetic, {"selection": {"indices": {"omraden": [4]}, "objects": {}}}) == "0005"
    assert mapping.selected_code(synthetic, {"selection": {"indices": {}, "objects": {}}}) is None
    forged = {"properties": {"c": "9999"}}
    assert mapping.selected_code(synthetic, {"selection": {"indices": {"omraden": [99]},
                                                           "objects": {"omraden": [forged]}}}) is None
    assert mapping.selected_code(synthetic, None or {}) is None


def test_view_fits_sweden_and_projects_points_inside():
    view = mapping.fit_view(mapping.SWEDEN_BOUNDS, (720, 600))
    assert 3 < view["zoom"] < 4.5 and 15 < view["longitude"] < 19 and 61 < view["latitude"] < 65
    for lon, lat in ((11.0, 55.4), (24.1, 69.0), (20.2, 67.9)):
        x, y = mapping.project(lon, lat, view, (720, 600))
        assert 0 <= x <= 720 and 0 <= y <= 600
    x, y = mapping.project(view["longitude"], view["latitude"], view, (720, 600))
    assert (round(x), round(y)) == (360, 300)


# -- on the demo database -------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(demo_db_template) -> Store:
    return Store(demo_db_template)


def test_build_equals_the_registry(demo_store):
    data = mapping.build(demo_store, "andel_ai_i_drift", Filter(ar=2024), "kommun")
    results = metrics.compute(demo_store, "andel_ai_i_drift", Filter(ar=2024), by="kommun")
    assert len(data.areas) == len(data.geometry) == 290
    for area, result in zip(data.areas, results):
        assert area.code == result.area and area.value == result.value and area.status == result.status
        assert area.value_text == (formatting.percent(result.value) if result.value is not None else "inget svar")
    kiruna = data.area("2584")
    assert kiruna.name == "Kiruna" and kiruna.lan == "Norrbottens län"


def test_payload_for_290_municipalities_is_small(demo_store):
    for metric_id in ("andel_ai_i_drift", "mognadsindex", "civil_ai_i_drift"):
        data = mapping.build(demo_store, metric_id, Filter(ar=2024), "kommun", "en")
        deck = mapping.deck(data)
        size = len(deck.to_json().encode("utf-8"))  # the spec Streamlit sends to the browser
        assert size <= mapping.MAX_PAYLOAD_BYTES, f"{metric_id}: {size} bytes"
        features = json.loads(deck.to_json())["layers"][0]["data"]["features"]
        assert len(features) == 290 and all(set(f["properties"]) == PROPERTIES for f in features)


def test_counties_and_filters(demo_store):
    data = mapping.build(demo_store, "andel_strategi", Filter(ar=2023, lan=("12", "25")), "lan", "en")
    assert data.codes == ("12", "25") and data.level == "lan"
    expected = metrics.compute(demo_store, "andel_strategi", Filter(ar=2023, lan=("12", "25")), by="lan")
    assert [a.value for a in data.areas] == [r.value for r in expected]
    assert data.areas[0].base_text.endswith("respondents")
    west, south, east, north = mapping.bounds(data)
    assert 12 < west < 14 and 55 < south < 56 and north > 67


def test_civil_society_shows_too_few_and_sector_filter_is_reported(demo_store):
    data = mapping.build(demo_store, "civil_ai_i_drift", Filter(ar=2024), "kommun")
    assert any(e.key == "too_few" and e.count > 0 for e in data.legend)
    ignored = mapping.build(demo_store, "andel_strategi", Filter(ar=2024, sektor=("utbildning",)), "lan")
    assert ignored.filters_ignored == ("sektor",)


def test_a_status_for_every_area_blocks_the_map():
    results = [_result(code, status="needs_population", metric="initiativ_per_10k", unit="per_10k")
               for code in ("0001", "0002")]
    geometry = pd.DataFrame({"code": ["0001", "0002"], "geojson": [_square(15, 60), _square(16, 61)]})
    data = mapping.layer_data(results, geometry, {}, metric_id="initiativ_per_10k", level="kommun")
    assert data.blocking_status == "needs_population"
    assert all(a.value is None and a.class_index is None for a in data.areas)


def test_download_table_holds_the_registry_numbers(demo_db_template):
    """Numbers, not text: shares in percent, counts as integers, interval; missing values empty with a status."""
    store = Store(demo_db_template)
    flt = Filter(ar=2024, lan=("12",))
    data = mapping.build(store, "andel_ai_i_drift", flt, "kommun")
    frame = mapping.download_table(data).set_index("Kod")
    results = metrics.compute(store, "andel_ai_i_drift", flt, by="kommun")
    assert len(frame) == len(results) == 33
    assert frame["Andel (%)"].dtype.kind == "f" and str(frame["Täljare"].dtype) == "Int64"
    assert set(frame["År"]) == {2024}
    for r in results:
        row = frame.loc[r.area]
        if r.value is None:
            assert pd.isna(row["Andel (%)"]) and pd.isna(row["Täljare"]) and row["Status"] == "inget svar"
        else:
            assert row["Andel (%)"] == pytest.approx(r.value * 100, abs=1e-4)
            assert (row["Täljare"], row["Bas (nämnare)"], row["Antal svarande"]) == (r.numerator, r.denominator, r.n)
            # A municipality's own answer is not an estimate: no interval (see the county map below).
            assert pd.isna(row["95 % KI, nedre"]) and pd.isna(row["95 % KI, övre"])
            assert row["Status"] == "ok"
    counties = mapping.download_table(mapping.build(store, "andel_ai_i_drift", flt, "lan")).set_index("Kod")
    skane = metrics.compute(store, "andel_ai_i_drift", flt, by="lan")[0]
    assert counties.loc["12", "95 % KI, nedre"] == pytest.approx(skane.ci_low * 100, abs=1e-4)
    assert counties.loc["12", "95 % KI, övre"] == pytest.approx(skane.ci_high * 100, abs=1e-4)
    english = mapping.download_table(mapping.build(store, "andel_ai_i_drift", flt, "lan", "en"))
    assert list(english.columns)[:3] == ["Name", "Code", "Year"] and "Share (%)" in english.columns


def test_download_table_hides_suppressed_civil_society_figures(demo_db_template):
    store = Store(demo_db_template)
    data = mapping.build(store, "civil_ai_i_drift", Filter(ar=2024, typ="civilsamhalle"), "lan")
    frame = mapping.download_table(data)
    for r in metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024, typ="civilsamhalle"), by="lan"):
        row = frame[frame["Kod"] == r.area].iloc[0]
        if r.suppressed:
            assert row["Status"] == "för få svar"
            assert pd.isna(row["Andel (%)"]) and pd.isna(row["Täljare"]) and pd.isna(row["95 % KI, nedre"])
