"""The pages as a replica runs them (read-only, published snapshots) and as the writer publishes."""

from __future__ import annotations

import os
import shutil

import pytest

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.store.publish import publish
from adoption.store.snapshots import read_pointer
from adoption.text import formatting
from adoption.ui import admin
from tests.builders import add_survey, response
from tests.pages.conftest import no_exceptions, open_page
from tests.pages.test_ladda_upp import (  # noqa: F401 - the two fixtures apply here too
    GOOD,
    _clean,
    _no_legacy_rerun,
    commit_button,
    open_upload,
    texts,
    upload,
)

METRIC = "andel_ai_aktivitet"
LABEL = "Andel med AI-aktivitet"


@pytest.fixture
def local(monkeypatch):
    monkeypatch.setattr(admin, "client_ip", lambda: "127.0.0.1")  # would be an admin, were it not read-only


def _headline(at) -> str:
    return next(str(m.value) for m in at.metric if m.label.startswith(LABEL))


def _shown(store: Store, version: int | None = None) -> str:
    result = metrics.compute(store, METRIC, Filter(), version=version)
    return formatting.percent(result.value)


def _raise_every_municipality(primary: str, year: int) -> int:
    """A new version where 40 more municipalities report AI activity: the headline moves."""
    codes = Store(primary).municipalities()["kommunkod"].tolist()[:40]
    return add_survey(Store(primary), [response(ar=year, kommunkod=c, ai_strategi=2, vard_omsorg=4) for c in codes])


def test_read_only_app_hides_and_refuses_the_upload_page(demo_db, monkeypatch, local):
    os.chmod(demo_db, 0o444)
    monkeypatch.setenv("ADOPTION_READ_ONLY", "1")
    assert not admin.may_administer()
    at = open_upload(demo_db, monkeypatch)
    assert "skrivskyddad replik" in texts(at, "info")
    assert len(at.get("file_uploader")) == 0 and len(at.get("tabs")) == 0
    home = open_page(demo_db, monkeypatch)
    no_exceptions(home)
    assert _headline(home) == _shown(Store(demo_db, read_only=True))


def test_a_replica_follows_the_pointer_on_the_next_rerun_and_keeps_pinned_links(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "published"
    publish(Store(demo_db), folder)
    monkeypatch.setenv("ADOPTION_PUBLISHED", str(folder))
    at = open_page(str(tmp_path / "unused.duckdb"), monkeypatch)  # ADOPTION_DB is not read on a replica
    no_exceptions(at)
    old = _headline(at)
    assert old == _shown(Store(demo_db), 1)

    new_version = _raise_every_municipality(demo_db, metrics.compute(Store(demo_db), METRIC).ar)
    publish(Store(demo_db), folder)
    at.run()  # one rerun
    no_exceptions(at)
    assert _headline(at) == _shown(Store(demo_db), new_version) != old

    pinned = open_page(str(tmp_path / "unused.duckdb"), monkeypatch, v="1")
    no_exceptions(pinned)
    assert _headline(pinned) == old
    assert f"Senaste version är {new_version}" in texts(pinned, "info")
    assert not (tmp_path / "unused.duckdb").exists()


def test_the_upload_page_publishes_after_a_commit(empty_db_template, tmp_path, monkeypatch, local):
    db = tmp_path / "writer.duckdb"
    shutil.copy(empty_db_template, db)
    add_survey(Store(db), [response(ar=2024, kommunkod="0180", ai_strategi=1)])
    folder = tmp_path / "published"
    monkeypatch.setenv("ADOPTION_PUBLISH_DIR", str(folder))
    at = open_upload(str(db), monkeypatch)
    upload(at, GOOD)
    commit_button(at).click().run()
    no_exceptions(at)
    assert "dataversion 2" in texts(at, "success")
    assert "Publicerade dataversion 2" in texts(at, "info")
    assert read_pointer(folder).name == "adoption-v2.duckdb"
