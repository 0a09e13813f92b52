"""The upload wizard's state and decisions (adoption.ingest.wizard), against real checks of real files."""

from __future__ import annotations

import datetime

import pytest

from adoption.ingest import pipeline, wizard
from adoption.ingest.report import FuzzyMatch
from adoption.store import Store
from tests import builders

GOOD = "ar;typ;kommun;ai_strategi;mognad_vard_omsorg\r\n2024;kommun;Malmö;ja;3\r\n2024;kommun;Göteborg;nej;0\r\n"
FUZZY = GOOD.replace("Malmö", "Malmoe").encode()
UNKNOWN_HEADER = GOOD.replace("kommun;ai", "Kommunen;ai").encode()


@pytest.fixture
def store(tmp_db) -> Store:
    return builders.initialised_store(tmp_db)


def _check(store, data: bytes, seen: wizard.FileSeen, made: wizard.Choices) -> pipeline.Prepared:
    return pipeline.prepare(data, "svar.csv", seen.kind, store, column_mapping=made.column_mapping,
                            name_corrections=made.name_corrections)


def test_years_offered_run_from_next_year_down_to_the_first_survey_year():
    options = wizard.year_options(datetime.date(2025, 6, 1))
    assert options[:3] == [None, 2026, 2025] and options[-1] == 2015


def test_file_id_and_widget_keys():
    sha = wizard.file_id(b"abc")
    assert sha == pipeline.sha256(b"abc")[:12]
    seen = wizard.FileSeen(sha, "enkatsvar")
    assert seen.header_key(2) == f"map_{sha}_2" and seen.fuzzy_key(5) == f"fuzzy_{sha}_5"


def test_fuzzy_match_waits_then_is_confirmed(store):
    seen = wizard.FileSeen(wizard.file_id(FUZZY), "enkatsvar")
    made = wizard.choices(seen, {}, {})
    prepared = _check(store, FUZZY, seen, made)
    seen = seen.seeing(prepared.result)
    assert [(m.row, m.kommunkod) for m in seen.fuzzy] == [(2, "1280")]
    ready = wizard.readiness(prepared, made)
    assert ready.waiting and not ready.ready and len(ready.unconfirmed) == 1

    made = wizard.choices(seen, {}, {2: "1280"})  # the suggestion chosen: a confirmation, not a correction
    assert made.confirmed == {2} and made.name_corrections is None
    assert wizard.readiness(prepared, made).ready  # the same check still holds: nothing to check again


def test_a_correction_needs_a_new_check_and_the_match_stays_listed(store):
    seen = wizard.FileSeen(wizard.file_id(FUZZY), "enkatsvar")
    first = _check(store, FUZZY, seen, wizard.choices(seen, {}, {}))
    seen = seen.seeing(first.result)
    made = wizard.choices(seen, {}, {2: "1281"})  # Lund, not Malmö
    assert made.name_corrections == {2: "1281"} and made.confirmed == frozenset()
    assert wizard.request(seen, made, None, None) != wizard.request(seen, wizard.choices(seen, {}, {}), None, None)
    second = _check(store, FUZZY, seen, made)
    assert second.result.fuzzy_matches == []
    assert seen.seeing(second.result).fuzzy == seen.fuzzy  # still listed, so the choice can be changed back
    assert wizard.readiness(second, made).ready


def test_an_unknown_header_is_mapped(store):
    seen = wizard.FileSeen(wizard.file_id(UNKNOWN_HEADER), "enkatsvar")
    first = _check(store, UNKNOWN_HEADER, seen, wizard.choices(seen, {}, {}))
    seen = seen.seeing(first.result)
    assert seen.headers == ("Kommunen",) and not wizard.readiness(first, wizard.choices(seen, {}, {})).ready
    assert wizard.choices(seen, {0: ""}, {}).column_mapping is None  # "ignore the column"
    made = wizard.choices(seen, {0: "kommun"}, {})
    assert made.column_mapping == {"Kommunen": "kommun"}
    second = _check(store, UNKNOWN_HEADER, seen, made)
    assert second.ok and seen.seeing(second.result).headers == ("Kommunen",)
    # "Kommunen" is as close to kommun as to kommunkod: no suggestion, so nothing waits for a confirmation
    assert seen.suggested == () and made.guessed == ()
    assert wizard.readiness(second, made).ready


def test_the_wizard_keeps_one_check_and_forgets_everything_after_a_commit(store):
    data = GOOD.encode()
    state = wizard.Wizard()
    seen = state.file(wizard.file_id(data), "enkatsvar")
    made = wizard.choices(seen, {}, {})
    key = wizard.request(seen, made, None, store.current_version())
    assert state.cached(key) is None
    prepared = _check(store, data, seen, made)
    state = state.with_prepared(key, prepared).with_file(seen.seeing(prepared.result))
    assert state.cached(key) is prepared
    assert state.cached(wizard.request(seen, made, 2024, None)) is None  # another year: check again
    assert state.file(seen.sha, "enkatsvar") == seen.seeing(prepared.result)
    assert state.file(seen.sha, "initiativ") == wizard.FileSeen(seen.sha, "initiativ")

    outcome = pipeline.commit(prepared, store, uploaded_by="test")
    after = state.committed(outcome)
    assert after.uploader_key == "upload_file_1" and after.seen == () and after.prepared is None
    done, shown = after.take_done()
    assert (done.status, done.version, done.added) == ("committed", 1, 2)
    assert shown.done is None and shown.round == 1


def test_the_duplicate_of_a_committed_file_cannot_be_committed(store):
    data = GOOD.encode()
    seen = wizard.FileSeen(wizard.file_id(data), "enkatsvar")
    made = wizard.choices(seen, {}, {})
    pipeline.commit(_check(store, data, seen, made), store, uploaded_by="test")
    again = _check(store, data, seen, made)
    assert again.duplicate_of is not None
    ready = wizard.readiness(again, made)
    assert not ready.ready and not ready.waiting


def test_fuzzy_options_put_the_suggestion_first_then_names_in_order():
    match = FuzzyMatch(row=2, column="kommun", value="Malmoe", kommunkod="1280", name="Malmö", score=91.0)
    names = {"0180": "Stockholm", "1280": "Malmö", "1281": "Lund", "0114": "Upplands Väsby"}
    assert wizard.fuzzy_options(match, names) == ["1280", "1281", "0180", "0114"]
