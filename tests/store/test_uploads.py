"""Store.commit_upload: version, rows and upload row together, or nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption.store import Store, UploadRecord, VersionChangedError
from tests import builders


@pytest.fixture
def store(tmp_db) -> Store:
    return builders.initialised_store(tmp_db)


def _record(sha="abc", added=1, changed=0, unchanged=0, kind="enkatsvar"):
    return UploadRecord(filename="f.csv", sha256=sha, kind=kind, uploaded_by="test", rows_added=added,
                        rows_changed=changed, rows_unchanged=unchanged)


ROWS = pd.DataFrame([{"ar": 2024, "typ": "kommun", "kommunkod": "0180", "mognad_miljo": 2}])


def test_commit_writes_version_rows_and_upload_together(store):
    outcome = store.commit_upload(_record(), responses=ROWS, description="d", expected_version=None)
    assert (outcome.status, outcome.version, outcome.upload_id) == ("committed", 1, 1)
    [upload] = store.uploads()
    assert (upload.data_version, upload.sha256, upload.rows_added) == (1, "abc", 1)
    assert len(store.responses(1)) == 1 and store.versions()[0].action == "upload"


def test_duplicate_and_stale_version_write_nothing(store):
    store.commit_upload(_record(), responses=ROWS, description="d", expected_version=None)
    # the same file again, changing nothing now: a no-op
    again = store.commit_upload(_record(added=0, unchanged=1), responses=ROWS.iloc[0:0], description="d",
                                expected_version=1)
    assert again.status == "duplicate" and again.previous.data_version == 1
    with pytest.raises(VersionChangedError):
        store.commit_upload(_record(sha="other"), responses=ROWS, description="d", expected_version=None)
    assert store.current_version() == 1 and len(store.uploads()) == 1


def test_the_same_file_that_changes_rows_now_is_written(store):
    """A file uploaded before, while the data changed since, restores its values (a new version)."""
    store.commit_upload(_record(), responses=ROWS, description="d", expected_version=None)
    other = ROWS.assign(mognad_miljo=3)
    store.commit_upload(_record(sha="other", added=0, changed=1), responses=other, description="d", expected_version=1)
    again = store.commit_upload(_record(added=0, changed=1), responses=ROWS, description="d", expected_version=2)
    assert (again.status, again.version) == ("committed", 3)
    assert int(store.responses(3)["mognad_miljo"].iloc[0]) == 2 and len(store.uploads()) == 3


@pytest.mark.parametrize("point", ["after_version", "after_rows", "before_commit"])
def test_failure_inside_the_transaction_rolls_everything_back(store, point):
    def hook(where):
        if where == point:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.commit_upload(_record(), responses=ROWS, description="d", expected_version=None, hook=hook)
    assert store.current_version() is None and store.uploads() == [] and store.row_counts(None)["enkatsvar"] == 0


def test_no_changes_records_the_upload_without_a_version(store):
    outcome = store.commit_upload(_record(added=0, unchanged=3), responses=ROWS.iloc[0:0], description="d",
                                  expected_version=None)
    assert outcome.status == "no_changes" and outcome.version is None
    assert store.current_version() is None and store.uploads()[0].data_version is None
    history = store.history()
    assert len(history) == 1 and pd.isna(history.iloc[0]["version"])


def test_snapshot_is_a_consistent_copy(store, tmp_path):
    store.commit_upload(_record(), responses=ROWS, description="d", expected_version=None)
    store.snapshot_to(tmp_path / "copy.duckdb")
    copy = Store(tmp_path / "copy.duckdb")
    assert copy.current_version() == 1 and len(copy.responses(1)) == 1
