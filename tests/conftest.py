"""Shared fixtures for all tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def tmp_db(tmp_path) -> str:
    """Path (as a string) of a database file in a per-test temporary folder."""
    return str(tmp_path / "test.duckdb")


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory) -> str:
    """A database made by ``init`` with demo data, built once per test session.

    Tests that only read may use it directly; tests that write copy it first
    (see ``demo_db``).
    """
    from adoption import bootstrap
    from adoption.store import Store

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    bootstrap.initialise(Store(path))
    return str(path)


@pytest.fixture
def demo_db(demo_db_template, tmp_path) -> str:
    """A private copy of the demo database for a test that writes."""
    import shutil

    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_template, target)
    return str(target)
