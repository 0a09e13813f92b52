"""Numbered migrations: old databases upgrade in place, newer ones are refused."""

from __future__ import annotations

import duckdb
import pytest

from adoption.errors import SchemaTooNewError
from adoption.store import Store, latest_schema_version
from adoption.store.connection import migrations
from tests import builders as b


def test_migrations_are_numbered_without_gaps():
    numbers = [number for number, _, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert latest_schema_version() == numbers[-1] >= 2


def test_new_database_gets_the_latest_schema(tmp_db):
    assert Store(tmp_db).schema_version() == latest_schema_version()


def test_older_database_is_upgraded_in_place_and_keeps_its_data(tmp_db):
    Store.create_at_schema(tmp_db, upto=1)
    conn = duckdb.connect(tmp_db)
    conn.execute("INSERT INTO county VALUES ('01', 'Stockholms län', 6519.3)")
    conn.execute("SELECT 1").fetchall()
    tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    conn.close()
    assert "goal_revision" not in tables

    store = Store(tmp_db)
    assert store.schema_version() == latest_schema_version()
    assert store.counties().to_dict("records") == [{"lan_kod": "01", "name": "Stockholms län", "area_km2": 6519.3}]
    assert store.has_goals() is False  # the table from migration 2 now exists


def test_database_from_a_newer_program_is_refused(tmp_db):
    Store(tmp_db).schema_version()
    conn = duckdb.connect(tmp_db)
    conn.execute("INSERT INTO schema_migration VALUES (99, '0099_future.sql', now())")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="nyare version"):
        Store(tmp_db).schema_version()


def test_migration_3_copies_each_rows_county_from_the_reference(tmp_path):
    # A database as the program left it before migration 3: two survey rows
    # and an initiative, in Stockholm (0180, county 01) and Malmö (1280, county 12).
    path = b.old_database(
        tmp_path / "v2.duckdb", 2, ("0180", "1280"),
        "INSERT INTO response (row_id, valid_from, ar, typ, kommunkod, org_key, is_demo) "
        "VALUES (1, 1, 2024, 'kommun', '0180', '', false), (2, 1, 2024, 'kommun', '1280', '', false)",
        "INSERT INTO initiative (row_id, valid_from, ar, typ, kommunkod, titel, sektor, mognad, is_demo) "
        "VALUES (3, 1, 2024, 'kommun', '1280', 'Chatbot', 'utbildning', 3, false)",
    )

    store = Store(path)
    assert store.schema_version() == latest_schema_version() >= 3
    with store._connector.connect() as conn:
        assert conn.rows("SELECT kommunkod, lan_kod FROM response ORDER BY row_id") == [("0180", "01"), ("1280", "12")]
        assert conn.rows("SELECT kommunkod, lan_kod FROM initiative") == [("1280", "12")]
