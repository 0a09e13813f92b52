"""Survey rounds in the store: migration 4, a new upload's year is preliminary, publishing is a version."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import pytest

from adoption import bootstrap
from adoption.errors import AdoptionError
from adoption.store import Store, UploadRecord, latest_schema_version
from tests import builders as b

PRELIMINARY, PUBLISHED = "preliminar", "publicerad"


def _record(sha: str, added: int = 1) -> UploadRecord:
    return UploadRecord(filename="svar.csv", sha256=sha, kind="enkatsvar", uploaded_by="anna", rows_added=added,
                        rows_changed=0, rows_unchanged=0)


def _rows(ar: int, *codes: str) -> pd.DataFrame:
    return b.responses([b.response(ar=ar, kommunkod=code, utbildning=3) for code in codes])


@pytest.fixture
def store(tmp_db) -> Store:
    return b.initialised_store(tmp_db)


def test_migration_keeps_every_loaded_year_published_from_its_first_version(tmp_path):
    # A database as the program left it before migration 5: 2023 loaded in version 1, 2024 in version 2.
    path = b.old_database(
        tmp_path / "v4.duckdb", 4, ("0180",),
        "INSERT INTO response (row_id, valid_from, ar, typ, kommunkod, org_key, is_demo, lan_kod) "
        "VALUES (1, 1, 2023, 'kommun', '0180', '', false, '01'), (2, 2, 2024, 'kommun', '0180', '', false, '01')",
        versions=2,
    )

    store = Store(path)
    assert store.schema_version() == latest_schema_version() >= 4
    assert store.survey_rounds(2) == {2023: PUBLISHED, 2024: PUBLISHED}
    assert store.survey_rounds(1) == {2023: PUBLISHED}
    with store._connector.connect() as conn:
        assert conn.rows("SELECT ar, status, valid_from, valid_to FROM survey_round ORDER BY ar") == [
            (2023, PUBLISHED, 1, None), (2024, PUBLISHED, 2, None)]


def test_demo_years_are_published(demo_db_template):
    store = Store(demo_db_template)
    assert set(store.survey_rounds(store.current_version()).values()) == {PUBLISHED}


def test_a_new_year_from_an_upload_is_preliminary_and_a_known_year_keeps_its_status(store):
    b.add_survey(store, [b.response(ar=2025, kommunkod="0180", utbildning=2)])  # a complete set: published
    outcome = store.commit_upload(_record("a"), responses=_rows(2026, "0114", "0180"), description="d",
                                  expected_version=1)
    assert outcome.new_rounds == (2026,)
    assert store.survey_rounds(outcome.version) == {2025: PUBLISHED, 2026: PRELIMINARY}
    late = store.commit_upload(_record("b"), responses=_rows(2026, "0115"), description="d",
                               expected_version=outcome.version)
    corrected = store.commit_upload(_record("c"), responses=_rows(2025, "0114"), description="d",
                                    expected_version=late.version)
    assert late.new_rounds == () and corrected.new_rounds == ()
    assert store.survey_rounds(corrected.version) == {2025: PUBLISHED, 2026: PRELIMINARY}


def test_publishing_and_taking_back_are_data_versions_with_who_and_when(store):
    before = datetime.now(timezone.utc)
    upload = store.commit_upload(_record("a"), responses=_rows(2026, "0180"), description="d",
                                 expected_version=None)
    published = store.set_round_status(2026, PUBLISHED, created_by="admin (lösenord)")
    assert published == upload.version + 1
    info = store.versions()[-1]
    assert (info.version, info.action, info.created_by, info.description) == (
        published, "round_published", "admin (lösenord)", "Enkätår 2026 publicerat")
    assert info.created_at >= before
    assert store.set_round_status(2026, PUBLISHED, created_by="x") is None  # already published: no version
    taken_back = store.set_round_status(2026, PRELIMINARY, created_by="anna")
    assert store.versions()[-1].action == "round_unpublished"
    # Each version keeps the status it was made with (a pinned link does not change).
    assert store.survey_rounds(upload.version) == {2026: PRELIMINARY}
    assert store.survey_rounds(published) == {2026: PUBLISHED}
    assert store.survey_rounds(taken_back) == {2026: PRELIMINARY}


def test_publishing_a_year_without_answers_or_with_an_unknown_status_is_refused(store):
    store.commit_upload(_record("a"), responses=_rows(2026, "0180"), description="d", expected_version=None)
    with pytest.raises(AdoptionError, match="Enkätåret 2030 har inga svar"):
        store.set_round_status(2030, PUBLISHED, created_by="x")
    with pytest.raises(AdoptionError, match="Okänd status"):
        store.set_round_status(2026, "klar", created_by="x")
    assert store.current_version() == 1


def test_rollback_restores_the_statuses_of_the_version(store):
    upload = store.commit_upload(_record("a"), responses=_rows(2026, "0180"), description="d",
                                 expected_version=None)
    store.set_round_status(2026, PUBLISHED, created_by="x")
    restored = store.rollback(upload.version, created_by="x")
    assert store.survey_rounds(restored) == {2026: PRELIMINARY}


def test_a_year_whose_demo_answers_were_removed_starts_again_as_preliminary(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store)  # demo data, published
    store.remove_demo(created_by="x")
    outcome = store.commit_upload(_record("a"), responses=_rows(2025, "0180"), description="d",
                                  expected_version=store.current_version())
    assert outcome.new_rounds == (2025,)
    assert store.survey_rounds(outcome.version) == {2025: PRELIMINARY}
