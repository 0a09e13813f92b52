"""The views of issue 11: metrics per group, the map's download with groups, file names, the neighbours'
breakdown and the reference sets on Om data. The groups are constructed for the tests."""

from __future__ import annotations

import pytest

from adoption import metrics
from adoption.metrics import factors, similarity
from adoption.metrics.filters import Filter, ViewState
from adoption.store import Store
from adoption.views import about, downloads, groups, likeness, mapping

from .. import builders


@pytest.fixture(scope="module")
def store(demo_db_template, tmp_path_factory) -> Store:
    return builders.grouped_copy(demo_db_template, tmp_path_factory.mktemp("views-groups") / "groups.duckdb")


def test_per_group_the_registry_ordered_highest_first(store):
    data = groups.build(store, "andel_ai_i_drift", Filter(ar=2024), "sv")
    results = {r.area: r for r in metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024), by="grupp")}
    assert {r.code for r in data.rows} == set(results) and len(data.rows) == 9
    valued = [r.value for r in data.rows if r.value is not None]
    assert valued == sorted(valued, reverse=True)
    for row in data.rows:
        assert (row.value, row.numerator, row.denominator, row.ci_low) == (
            results[row.code].value, results[row.code].numerator, results[row.code].denominator,
            results[row.code].ci_low)
    assert data.rows[0].name == row_name(data.rows[0].code)
    assert data.classification == 2023 and data.file == "kommungrupper.csv"
    assert sum(r.municipalities for r in data.rows) == 290


def row_name(code: str) -> str:
    from adoption.text import i18n

    return i18n.label("kommungrupp", code, "sv")


def test_per_group_within_a_county_and_a_main_group(store):
    data = groups.build(store, "mognadsindex", Filter(ar=2024, lan=("01",), grupp="A"), "sv")
    assert {r.main for r in data.rows} == {"A"}
    sizes = {r.code: r.municipalities for r in data.rows}
    groups_of = builders.constructed_groups()
    stockholm = [c for c in store.municipalities().query("lan_kod == '01'")["kommunkod"]]
    assert sizes == {g: sum(1 for c in stockholm if groups_of[c] == g) for g in sizes}
    expected = metrics.compute(store, "mognadsindex", Filter(ar=2024, lan=("01",), grupp="A1"))
    assert next(r for r in data.rows if r.code == "A1").value == expected.value


def test_chart_table_and_download_of_the_groups(store):
    data = groups.build(store, "andel_ai_i_drift", Filter(ar=2024), "en")
    spec = groups.chart(data).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "rule"]
    table = groups.table(data)
    assert list(table.columns)[:2] == ["Municipality group", "Municipalities in the group"]
    frame = groups.download_table(data)
    first = frame.iloc[0]
    assert first["Municipality group"] == data.rows[0].code
    assert first["Share (%)"] == pytest.approx(round(data.rows[0].value * 100, 4))
    assert str(frame["Numerator"].dtype) == "Int64"


def test_without_groups_the_group_view_says_so(demo_db_template):
    data = groups.build(Store(demo_db_template), "mognadsindex", Filter(), "sv")
    assert data.blocking_status == "no_groups" and data.rows == ()


def test_the_maps_download_carries_each_municipalitys_group(store):
    data = mapping.build(store, "mognadsindex", Filter(ar=2024), "kommun", "sv")
    frame = mapping.download_table(data).set_index("Kod")
    assert frame.loc["0180", "Kommungrupp"] == "A1" and frame.loc["0114", "Kommungrupp"] == "A2"
    assert "Kommungrupp" not in mapping.download_table(mapping.build(store, "mognadsindex", Filter(ar=2024), "lan"))


def test_file_names_carry_the_group():
    state = ViewState(Filter(ar=2024, grupp="A1", lan=("01",)), niva="grupp")
    assert downloads.download_name("karta", state, "csv", year=2024, version=3) == (
        "karta_mognadsindex_2024_lan-01_grupp-a1_niva-grupp_v3.csv")  # the default metric


def test_neighbour_table_download_and_chart(store):
    found = similarity.most_similar(store, "0180", 2024, factors.normalise({"svar": 0}))
    assert found.used == ("yta", "grupp", "fa") and found.missing[0] == ("befolkning", "population")
    table = likeness.neighbour_table(found, "sv")
    assert list(table.columns) == ["Område", "Län", "Avstånd (0–1)", "Yta", "Kommungrupp", "FA-region"]
    assert list(table["Område"]) == [f"{s.name} ({s.kommunkod})" for s in found.similar]
    frame = likeness.neighbour_download(found, "en")
    assert list(frame["Code"]) == [s.kommunkod for s in found.similar]
    assert frame["Population"].isna().all() and frame["Survey answers: weight"].eq(0).all()
    assert frame["Municipality group: weight"].eq(2).all()
    for s, (_, row) in zip(found.similar, frame.iterrows()):
        assert row["Distance (0-1)"] == pytest.approx(s.distance, abs=1e-6)
        assert row["Area"] + row["Municipality group"] + row["FA region"] == pytest.approx(s.distance, abs=1e-5)
    spec = likeness.breakdown_chart(found, "sv").to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x"]["stack"] == "zero"
    assert likeness.used_text(found, "en") == "Area (weight 1), Municipality group (weight 2), FA region (weight 1)"
    assert any("import-population" in note for note in likeness.missing_notes(found, "sv"))


def test_reference_sets_name_file_checksum_and_version(store):
    from adoption.ingest import reference

    table = about.reference_table(store, "en", version=store.current_version()).set_index("Reference set")
    kommun = reference.reference_file("kommun")
    assert table.loc["Municipality boundaries", "SHA-256"] == kommun.sha256
    assert table.loc["Municipality boundaries", "File"] == "kommun.parquet"
    assert table.loc["FA regions", "Source"].startswith("Tillväxtanalys FA15")
    assert table.loc["Municipality groups", "File"] == "kommungrupper.csv"
    assert table.loc["Population", "Version"] == "not loaded"
    status = about.data_status(store)
    assert "groups" not in status.missing and status.groups_source == "SKR kommungruppsindelning 2023"
    assert "Kommungrupper: SKR kommungruppsindelning 2023." in about.summary_lines(status, "sv")
