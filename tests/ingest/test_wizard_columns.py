"""The wizard's column choices (suggested, remembered, confirmed) and picked names, against real checks."""

from __future__ import annotations

import pytest

from adoption.ingest import pipeline, wizard
from adoption.store import Store
from tests import builders

OWN = "År;Typ av svarande;Kommun;Varav i drift;Kommentar\r\n2026;kommun;Malmö;2;x\r\n".encode()


@pytest.fixture
def store(tmp_db) -> Store:
    return builders.initialised_store(tmp_db)


def _check(store, data, made):
    return pipeline.prepare(data, "f.csv", "enkatsvar", store, column_mapping=made.column_mapping,
                            name_corrections=made.name_corrections, headline=False)


def test_suggestions_apply_at_once_and_wait_for_a_confirmation(store):
    seen = wizard.FileSeen(wizard.file_id(OWN), "enkatsvar")
    first = _check(store, OWN, wizard.choices(seen, {}, {}))
    assert first.result.missing_columns == ["typ"]
    seen = seen.seeing(first.result)
    assert seen.headers == ("Typ av svarande", "Varav i drift", "Kommentar")
    assert dict(seen.suggested) == {"Typ av svarande": "typ", "Varav i drift": "antal_i_drift"}
    made = wizard.choices(seen, {}, {})  # widgets not drawn yet: their defaults
    assert made.column_mapping == {"Typ av svarande": "typ", "Varav i drift": "antal_i_drift"}
    second = _check(store, OWN, made)
    assert second.ok
    ready = wizard.readiness(second, made)
    assert (ready.ready, ready.waiting, ready.reason) == (False, True, "columns")
    assert wizard.readiness(second, made, columns_confirmed=True).ready
    assert dict(made.to_remember) == {"Typ av svarande": "typ", "Varav i drift": "antal_i_drift"}


def test_remembered_choices_apply_before_the_first_check_and_can_be_changed(store):
    remembered = {"Typ av svarande": "typ", "Varav i drift": "antal_i_drift", "Kommentar": ""}
    seen = wizard.FileSeen(wizard.file_id(OWN), "enkatsvar")
    made = wizard.choices(seen, {}, {}, remembered=remembered)
    first = _check(store, OWN, made)
    assert first.ok
    seen = seen.seeing(first.result)
    # listed, so they can be changed; "Kommentar" is ignored as remembered (and still reported as not read)
    assert set(seen.headers) == {"Typ av svarande", "Varav i drift", "Kommentar"}
    assert seen.defaults(remembered) == {seen.headers.index(h): t for h, t in remembered.items()}
    made = wizard.choices(seen, {}, {}, remembered=remembered)
    assert made.guessed == () and made.to_remember == ()
    assert wizard.readiness(first, made).ready  # nothing to confirm
    # ignoring a remembered column overrides it, and is remembered in its place
    index = seen.headers.index("Varav i drift")
    changed = wizard.choices(seen, {index: ""}, {}, remembered=remembered)
    assert changed.column_mapping["Varav i drift"] == "" and dict(changed.to_remember) == {"Varav i drift": ""}
    assert _check(store, OWN, changed).result.frame["antal_i_drift"].tolist() == [None]


def test_an_unknown_name_is_picked(store):
    data = "ar;typ;kommun\r\n2026;kommun;Strömsås\r\n".encode()
    seen = wizard.FileSeen(wizard.file_id(data), "enkatsvar")
    first = _check(store, data, wizard.choices(seen, {}, {}))
    seen = seen.seeing(first.result)
    [unknown] = seen.unknown_names
    names = {"1486": "Strömstad", "0488": "Trosa", "0834": "Torsås", "0180": "Stockholm", "1280": "Malmö"}
    assert wizard.name_options(unknown, names) == ["1486", "0488", "0834", "1280", "0180"]
    assert seen.name_key(2) == f"name_{seen.sha}_2"
    made = wizard.choices(seen, {}, {}, {2: "1486"})
    assert made.name_corrections == {2: "1486"}
    second = _check(store, data, made)
    assert second.ok and seen.seeing(second.result).unknown_names == seen.unknown_names
    assert wizard.readiness(second, made).ready
