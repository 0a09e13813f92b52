"""Remembered column choices, demo rows per version, and the years each version wrote."""

from __future__ import annotations

import duckdb
import pytest

from adoption.store import Store
from tests.builders import add_survey, population, reference_store, response, responses


@pytest.fixture
def store(tmp_db) -> Store:
    return reference_store(tmp_db)


def test_choices_are_remembered_replaced_and_forgotten(store):
    assert store.column_mappings() == []
    assert store.remember_column_mappings("enkatsvar", {" Varav i drift ": "antal_i_drift", "Kommentar": ""},
                                          saved_by="anna") == 2
    store.remember_column_mappings("initiativ", {"Varav i drift": "titel"}, saved_by="bo")
    saved = {(m.kind, m.header): (m.target, m.saved_by) for m in store.column_mappings()}
    assert saved == {("enkatsvar", "Kommentar"): ("", "anna"), ("enkatsvar", "Varav i drift"): ("antal_i_drift", "anna"),
                     ("initiativ", "Varav i drift"): ("titel", "bo")}
    store.remember_column_mappings("enkatsvar", {"Varav i drift": "antal_initiativ"}, saved_by="bo")
    [changed] = [m for m in store.column_mappings("enkatsvar") if m.header == "Varav i drift"]
    assert (changed.target, changed.saved_by) == ("antal_initiativ", "bo")
    assert store.forget_column_mapping("enkatsvar", "Varav i drift") is True
    assert store.forget_column_mapping("enkatsvar", "Varav i drift") is False
    assert [m.header for m in store.column_mappings("enkatsvar")] == ["Kommentar"]
    assert store.current_version() is None  # settings, not data: no data version


def test_a_header_with_sql_in_it_is_only_a_value(store):
    header = "x'); DROP TABLE response; --"
    store.remember_column_mappings("enkatsvar", {header: "ar"}, saved_by="a")
    assert store.column_mappings("enkatsvar")[0].header == header
    assert store.forget_column_mapping("enkatsvar", header)
    assert store.row_counts(None)["enkatsvar"] == 0


def test_migration_4_adds_the_table_to_an_older_database(tmp_path):
    path = tmp_path / "v3.duckdb"
    Store.create_at_schema(path, upto=3)
    conn = duckdb.connect(str(path))
    tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    conn.close()
    assert "column_mapping" not in tables
    assert Store(path).column_mappings() == []


def test_demo_rows_per_version(store):
    demo = store.add_survey(responses([response(ar=2024, kommunkod="1280", miljo=1)]), None, action="demo",
                            description="demo", created_by="demo", is_demo=True)
    real = add_survey(store, [response(ar=2024, kommunkod="1280", miljo=3)])
    assert store.has_demo(demo) and not store.has_demo(real) and store.has_demo()
    store.remove_demo(created_by="a")
    assert not store.has_demo() and not store.has_demo(demo)


def test_the_years_each_version_wrote(store):
    first = add_survey(store, [response(ar=2024, kommunkod="1280"), response(ar=2025, kommunkod="1280")])
    second = add_survey(store, [response(ar=2026, kommunkod="0180")])
    store.replace_population(population({"0180": 1}, 2024, default=5), description="p", created_by="a")
    third = store.current_version()
    assert store.version_years() == {first: (2024, 2025), second: (2026,), third: (2024,)}
