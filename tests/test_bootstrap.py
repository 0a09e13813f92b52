"""init: schema, reference data, goals and demo data, idempotent."""

from __future__ import annotations

import json

import shapely.geometry

from adoption import bootstrap
from adoption.store import Store, latest_schema_version


def test_init_fills_reference_goals_and_demo_once(tmp_db):
    store = Store(tmp_db)
    first = bootstrap.initialise(store)
    assert first.schema_version == latest_schema_version()
    assert first.reference_loaded and first.goals_loaded == 5 and first.demo_version == 1

    second = bootstrap.initialise(store)
    assert not second.reference_loaded and second.goals_loaded == 0 and second.demo_version is None
    assert [v.version for v in store.versions()] == [1]


def test_reference_tables_in_the_database(demo_db_template):
    store = Store(demo_db_template)
    municipalities = store.municipalities()
    assert len(municipalities) == 290 and municipalities["kommunkod"].is_unique
    assert len(store.counties()) == 21
    row = municipalities.set_index("kommunkod").loc["0980"]
    assert row["name"] == "Gotland" and row["lan_kod"] == "09"
    for level, count in (("kommun", 290), ("lan", 21)):
        geometry = store.geometry(level)
        assert len(geometry) == count
        shapes = [shapely.geometry.shape(json.loads(text)) for text in geometry["geojson"]]
        assert all(s.is_valid and not s.is_empty for s in shapes)


def test_no_demo_leaves_the_database_empty(tmp_db):
    store = Store(tmp_db)
    report = bootstrap.initialise(store, with_demo=False)
    assert report.demo_version is None and store.current_version() is None
    assert store.has_reference()
