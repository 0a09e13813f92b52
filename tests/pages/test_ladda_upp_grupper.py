"""Ladda upp with the kind Kommungrupper (issue 11): the same report, preview, commit and history as the
other loads. The groups are constructed for the tests (tests/builders.py)."""

from __future__ import annotations

from adoption.store import Store
from tests import builders
from tests.pages.conftest import no_exceptions
from tests.pages.test_ladda_upp import (  # noqa: F401 - fixtures used by name
    _clean,
    _no_legacy_rerun,
    commit_button,
    empty_db,
    local,
    open_upload,
    table_with,
    texts,
)

GROUPS = builders.constructed_groups()


def _upload(at, data: bytes, name: str):
    at.radio(key="upload_kind").set_value("kommungrupper").run()
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    no_exceptions(at)
    return at


def test_groups_file_preview_commit_and_history(empty_db, monkeypatch, local):  # noqa: F811
    at = open_upload(empty_db, monkeypatch)
    assert at.radio(key="upload_kind").options == ["Enkätsvar", "Initiativ", "Befolkning", "Kommungrupper"]
    _upload(at, builders.group_csv(GROUPS), "Kommungruppsindelning_2023.csv")
    assert "Inga problem hittades" in texts(at, "success")
    counts = table_with(at, "Nya rader")
    assert counts.iloc[0].tolist() == ["2023", "Kommungrupper", "290", "0", "0"]
    assert commit_button(at).disabled is False
    commit_button(at).click().run()
    no_exceptions(at)
    store = Store(empty_db)
    assert "dataversion 1" in texts(at, "success")
    groups = store.municipality_groups(1)
    assert dict(zip(groups["kommunkod"], groups["grupp"])) == GROUPS
    assert store.uploads()[-1].kind == "kommungrupper" and store.versions()[-1].action == "groups"


def test_groups_file_with_errors_shows_them_and_saves_nothing(empty_db, monkeypatch, local):  # noqa: F811
    rows = [r for r in builders.group_rows(GROUPS) if r[1] != "0114"]
    rows[0] = ["A2", "0115", "Upplands Väsby", "A", "Pendlingskommun nära storstad"]  # 0115 is Vallentuna
    at = open_upload(empty_db, monkeypatch)
    _upload(at, builders.group_csv(GROUPS, rows=rows), "grupper.csv")
    assert "2 fel" in texts(at, "error")
    report = table_with(at, "Problem")
    assert "Upplands Väsby" in " ".join(report["Värde"].astype(str))
    assert any("0114" in p for p in report["Problem"])
    assert commit_button(at).disabled is True
    assert Store(empty_db).current_version() is None
