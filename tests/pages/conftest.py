"""AppTest harness: the real app.py and pages against a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from adoption import bootstrap
from adoption.store import Store

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@pytest.fixture(scope="session")
def empty_db_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    bootstrap.initialise(Store(path), with_demo=False)
    return str(path)


def open_page(db: str, monkeypatch, page: str | None = None, **query) -> AppTest:
    """Run app.py (and switch to ``page``, e.g. "pages/karta.py") with URL parameters."""
    monkeypatch.setenv("ADOPTION_DB", db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if page is not None:
        # AppTest drops the query on switch_page, and switch_page needs one
        # run first: run the home page bare, switch, then set the URL.
        at.run()
        at.switch_page(page)
    return with_url(at, **query)


def with_url(at: AppTest, **query) -> AppTest:
    """Paste a link into the open page: the URL changes from outside, as on a first request."""
    for key in list(at.query_params):
        del at.query_params[key]
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def dropped_with_a_notice(at: AppTest, *values: str) -> None:
    """The page ran, and its warning names every URL value it dropped."""
    no_exceptions(at)
    notice = " ".join(w.value for w in at.warning)
    assert all(value in notice for value in values), notice


def says_there_are_no_answers(at: AppTest) -> None:
    """The page ran on a database without survey answers, and says so."""
    no_exceptions(at)
    assert any("inga enkätsvar" in i.value for i in at.info)
