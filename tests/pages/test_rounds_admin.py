"""Ladda upp, the survey-year tab: an administrator publishes a preliminary year and takes it back."""

from __future__ import annotations

from adoption import cli
from adoption.store import Store
from tests import builders
from tests.pages.conftest import no_exceptions
from tests.pages.test_ladda_upp import _clean, _no_legacy_rerun, local, open_upload  # noqa: F401 - fixtures


def test_publish_and_take_back_on_the_upload_page(demo_db, tmp_path, monkeypatch, local, capsys):  # noqa: F811
    path = builders.first_answers(demo_db, tmp_path / "svar_2026.csv")
    assert cli.main(["ingest", str(path), "--db", demo_db]) == 0
    store = Store(demo_db)
    at = open_upload(demo_db, monkeypatch)
    table = next(d.value for d in at.dataframe if "Omgång" in d.value.columns)
    assert table.iloc[0].tolist() == [2026, "preliminär", "36 av 290 kommuner svarade"]
    assert at.selectbox(key="round_year").value == 2026
    button = at.button(key="round_button")
    assert button.label == "Publicera 2026" and button.disabled  # not before the confirmation
    at.checkbox(key="round_confirm").check().run()
    at.button(key="round_button").click().run()
    no_exceptions(at)
    info = store.versions()[-1]
    assert (info.action, info.created_by) == ("round_published", "lokal administratör")
    assert store.survey_rounds(store.current_version())[2026] == "publicerad"
    assert any("Enkätår 2026 är publicerat" in s.value for s in at.success)

    assert at.button(key="round_button").label == "Gör 2026 preliminärt igen"
    at.checkbox(key="round_confirm").check().run()
    at.button(key="round_button").click().run()
    assert store.survey_rounds(store.current_version())[2026] == "preliminar"
    assert store.versions()[-1].action == "round_unpublished"


def test_a_year_taken_back_can_be_published_again_in_english(demo_db, monkeypatch, local):  # noqa: F811
    Store(demo_db).set_round_status(2025, "preliminar", created_by="anna")
    at = open_upload(demo_db, monkeypatch, lang="en")
    no_exceptions(at)
    assert at.button(key="round_button").label == "Publish 2025"
