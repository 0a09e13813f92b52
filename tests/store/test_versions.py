"""Data versions: every load is a version, old versions stay readable, rollback copies."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption import bootstrap
from adoption.errors import AdoptionError, UnknownVersionError
from adoption.ingest import export
from adoption.store import Store
from tests import builders


def _response(kommunkod: str, stage: int | None, **extra) -> dict:
    return {"ar": 2024, "typ": "kommun", "kommunkod": kommunkod, "mognad_utbildning": stage, **extra}


@pytest.fixture
def store(tmp_db) -> Store:
    return builders.initialised_store(tmp_db)


def test_empty_database_has_no_version(store):
    assert store.current_version() is None
    assert store.resolve_version(None) is None
    assert store.versions() == []


def test_each_load_is_a_new_version_and_old_versions_stay_readable(store):
    v1 = store.add_survey(pd.DataFrame([_response("0180", 1), _response("0114", 0)]), None,
                          action="upload", description="första", created_by="test")
    v2 = store.add_survey(pd.DataFrame([_response("0180", 3)]), None,
                          action="upload", description="andra", created_by="test")
    assert (v1, v2) == (1, 2)
    assert [v.action for v in store.versions()] == ["upload", "upload"]

    old = store.responses(v1).set_index("kommunkod")["mognad_utbildning"].to_dict()
    new = store.responses(v2).set_index("kommunkod")["mognad_utbildning"].to_dict()
    assert old == {"0114": 0, "0180": 1}
    assert new == {"0114": 0, "0180": 3}  # 0180 replaced, 0114 kept


def test_rollback_makes_a_new_version_equal_to_the_old_one(store):
    store.add_survey(pd.DataFrame([_response("0180", 1, hinder=("data",))]), None,
                     action="upload", description="första", created_by="test")
    store.add_survey(pd.DataFrame([_response("0180", 4), _response("1280", 2)]), None,
                     action="upload", description="andra", created_by="test")
    restored = store.rollback(1, created_by="admin")
    assert restored == 3
    assert store.versions()[-1].restored_from == 1
    before = export.to_csv_bytes(export.survey_frame(store, 1))
    after = export.to_csv_bytes(export.survey_frame(store, 3))
    assert before == after
    # Nothing was deleted: version 2 still reads as it did.
    assert sorted(store.responses(2)["kommunkod"]) == ["0180", "1280"]


def test_a_failed_load_leaves_no_version_and_no_rows(store):
    store.add_survey(pd.DataFrame([_response("0180", 1)]), None,
                     action="upload", description="ok", created_by="test")
    with pytest.raises(AdoptionError):
        store.add_survey(pd.DataFrame([_response("0114", 1), _response("1280", 9)]), None,
                         action="upload", description="trasig", created_by="test")
    assert store.current_version() == 1
    assert store.row_counts(1)["enkatsvar"] == 1
    with pytest.raises(UnknownVersionError):
        store.resolve_version(2)


def test_unknown_version_is_refused(store):
    with pytest.raises(UnknownVersionError, match="Dataversion 7"):
        store.resolve_version(7)


def test_demo_rows_are_marked_and_removed_in_one_step(demo_db):
    store = Store(demo_db)
    assert store.has_demo()
    counts = store.row_counts(store.current_version())
    assert counts["enkatsvar"] == counts["enkatsvar_demo"] > 0

    version, removed = store.remove_demo(created_by="test")
    assert version == 2 and removed > 0
    assert not store.has_demo()
    assert store.row_counts(version)["enkatsvar"] == 0
    assert store.row_counts(version)["initiativ"] == 0
    # Initialising again must not bring the demo back: the database is not empty.
    assert bootstrap.initialise(store).demo_version is None
    assert store.remove_demo(created_by="test") == (None, 0)


def test_population_load_is_versioned(store):
    frame = pd.DataFrame({"kommunkod": ["0180", "0114"], "ar": [2024, 2024], "population": [1000, 200],
                          "source": ["test", "test"]})
    v1 = store.replace_population(frame, description="pop", created_by="test")
    v2 = store.replace_population(frame.assign(population=[1100, 210]), description="pop", created_by="test")
    assert store.population_years(v1) == [2024]
    assert store.row_counts(v1)["befolkning"] == store.row_counts(v2)["befolkning"] == 2


def test_a_new_reference_load_moves_survey_rows_with_their_municipality(tmp_path):
    # Survey rows carry their municipality's county (migration 3); when the
    # reference data moves a municipality to another county, the metrics follow.
    from adoption import metrics
    from adoption.ingest import reference
    from adoption.metrics.filters import Filter

    store = builders.reference_store(tmp_path / "moved.duckdb")
    builders.add_survey(store, [builders.response(ar=2024, kommunkod="0180", utbildning=2)],
                        [builders.initiative(ar=2024, kommunkod="0180", titel="Chatbot", sektor="utbildning",
                                             mognad=3, utvarderad=True)])
    assert metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024, lan=("01",))).n == 1
    assert metrics.compute(store, "andel_utvarderade", Filter(ar=2024, lan=("01",))).denominator == 1

    moved = reference.municipalities()
    moved.loc[moved["kommunkod"] == "0180", "lan_kod"] = "03"
    store.load_reference(moved, reference.counties(),
                         {level: reference.simplified_geometry(level) for level in ("kommun", "lan")})
    assert metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024, lan=("01",))).n == 0
    assert metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024, lan=("03",))).n == 1
    assert metrics.compute(store, "andel_utvarderade", Filter(ar=2024, lan=("03",))).denominator == 1
    by_county = {r.area: r.n for r in metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024), by="lan")}
    assert by_county["03"] == 1 and by_county["01"] == 0
