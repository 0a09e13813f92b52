"""Ladda upp: the admin gate (local, password, OIDC), upload → preview → commit, history, goals."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from adoption import access, metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.ui import admin
from tests.pages.conftest import ROOT, TIMEOUT, no_exceptions

PAGE = "pages/ladda-upp.py"
GOOD = "ar;typ;kommun;ai_strategi;mognad_vard_omsorg\r\n2024;kommun;Malmö;ja;3\r\n2024;kommun;Göteborg;nej;0\r\n"
FUZZY = GOOD.replace("Malmö", "Malmoe")
BAD = "ar;typ;kommun;ai_strategi;mognad_vard_omsorg\r\n2024;kommun;Xyzzyville;ja;3\r\n2024;kommun;Göteborg;nej;9\r\n"
UNKNOWN_HEADER = GOOD.replace("kommun;ai", "Kommunen;ai")


@pytest.fixture
def empty_db(empty_db_template, tmp_path) -> str:
    target = tmp_path / "empty.duckdb"
    shutil.copy(empty_db_template, target)
    return str(target)


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    monkeypatch.delenv(access.PASSWORD_ENV, raising=False)
    admin._failures().reset("unknown")
    admin._failures().reset("203.0.113.5")
    yield


@pytest.fixture(autouse=True)
def _no_legacy_rerun(monkeypatch):
    """AppTest starts every run in Streamlit's legacy pages/ mode (it resets the
    process-wide flag), so leave_legacy_pages_mode() reruns every run and a
    button click or form submit is lost in that rerun. A real server leaves
    legacy mode once per process; do the same here."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def local(monkeypatch):
    monkeypatch.setattr(admin, "client_ip", lambda: "127.0.0.1")


def open_upload(db, monkeypatch, *, secrets=None, user=None, **query) -> AppTest:
    monkeypatch.setenv("ADOPTION_DB", db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if secrets:
        at.secrets.update(secrets)
    if user is not None:
        at.user = user
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE)
    at.run()
    no_exceptions(at)
    return at


def texts(at, kind) -> str:
    return "\n".join(str(e.value) for e in at.get(kind))


def admin_controls(at) -> int:
    return len(at.get("file_uploader")) + len(at.get("tabs")) + len([b for b in at.button if b.key == "upload_commit"])


def upload(at, content: str, name="svar.csv") -> AppTest:
    at.file_uploader[0].set_value((name, content.encode("utf-8"), "text/csv")).run()
    no_exceptions(at)
    return at


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def commit_button(at):
    return at.button(key="upload_commit")


# -- access -------------------------------------------------------------------------------------


def test_unknown_address_without_config_is_denied(empty_db, monkeypatch):
    """AppTest has no client address (None): that is never "local"."""
    at = open_upload(empty_db, monkeypatch)
    assert at.title[0].value == "Ladda upp"
    assert admin_controls(at) == 0
    assert "datorn där servern kör" in texts(at, "warning")
    assert "ADOPTION_ADMIN_PASSWORD" in texts(at, "markdown")


def test_local_request_without_config_is_allowed_and_says_so(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    assert len(at.get("file_uploader")) == 1
    info = texts(at, "info")
    assert "samma dator som servern" in info
    # how IT configures a shared server is not in the note on every visit, but one click away
    assert "ADOPTION_ADMIN_PASSWORD" not in info
    [it] = [e for e in at.expander if e.label.startswith("För IT")]
    assert "ADOPTION_ADMIN_PASSWORD" in texts(it, "markdown")
    assert "lokal administratör" in texts(at, "caption")


def test_password_wrong_is_delayed_right_is_admitted(empty_db, monkeypatch):
    monkeypatch.setenv(access.PASSWORD_ENV, "rätt-lösen")
    monkeypatch.setattr(admin, "client_ip", lambda: "203.0.113.5")
    slept = []
    monkeypatch.setattr(admin, "sleep", slept.append)
    at = open_upload(empty_db, monkeypatch)
    assert admin_controls(at) == 0 and "lösenordet" in texts(at, "warning")

    for _ in range(2):
        at.text_input(key="admin_password_input").input("fel")
        at.button[0].click().run()
        no_exceptions(at)
        assert "Fel lösenord" in texts(at, "error")
        assert admin_controls(at) == 0
    assert slept == [1.0, 2.0]

    at.text_input(key="admin_password_input").input("rätt-lösen")
    at.button[0].click().run()
    no_exceptions(at)
    assert len(at.get("file_uploader")) == 1
    assert "admin (lösenord)" in texts(at, "caption")
    # the password is nowhere in the session state
    state = at.session_state._state._state.filtered_state  # every key, widgets included
    assert state and not any("rätt-lösen" in repr(v) for v in state.values())
    # a changed password ends the session (server-side re-check on every run)
    monkeypatch.setenv(access.PASSWORD_ENV, "nytt-lösen")
    at.run()
    assert admin_controls(at) == 0


def test_password_in_secrets(empty_db, monkeypatch):
    at = open_upload(empty_db, monkeypatch, secrets={"adoption": {"admin_password": "s3"}})
    assert at.text_input(key="admin_password_input") is not None and admin_controls(at) == 0
    at.text_input(key="admin_password_input").input("s3")
    at.button[0].click().run()
    assert len(at.get("file_uploader")) == 1


OIDC = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "id",
                 "client_secret": "s", "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}}


def test_oidc_without_authlib_fails_with_a_message(empty_db, monkeypatch, local):
    monkeypatch.setattr(access, "authlib_available", lambda: False)
    at = open_upload(empty_db, monkeypatch, secrets=OIDC, user={"is_logged_in": True, "email": "a@b.se"})
    assert "Authlib" in texts(at, "warning")
    assert admin_controls(at) == 0  # not even from the local machine


def test_oidc_logged_in_admin_and_other_user(empty_db, monkeypatch):
    monkeypatch.setattr(access, "authlib_available", lambda: True)
    secrets = {**OIDC, "adoption": {"admins": ["anna@kommun.se"]}}
    at = open_upload(empty_db, monkeypatch, secrets=secrets,
                     user={"is_logged_in": True, "email": "anna@kommun.se", "name": "Anna", "sub": "s-1"})
    assert len(at.get("file_uploader")) == 1
    caption = texts(at, "caption")
    assert access.oidc_label(access.User(True, "anna@kommun.se", "Anna", "s-1")) in caption
    assert "anna@kommun.se" not in caption

    other = open_upload(empty_db, monkeypatch, secrets=secrets,
                        user={"is_logged_in": True, "email": "bo@kommun.se", "sub": "s-2"})
    assert admin_controls(other) == 0 and "listan över administratörer" in texts(other, "warning")
    logged_out = open_upload(empty_db, monkeypatch, secrets=secrets, user={"is_logged_in": False})
    assert admin_controls(logged_out) == 0
    assert any(b.key == "admin_oidc_login" for b in logged_out.button)


def test_english(empty_db, monkeypatch):
    at = open_upload(empty_db, monkeypatch, lang="en")
    assert at.title[0].value == "Upload"
    assert "only allowed from the computer the server runs on" in texts(at, "warning")


# -- upload ---------------------------------------------------------------------------------


def test_good_file_preview_commit_and_duplicate(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, GOOD)
    assert "Inga problem hittades" in texts(at, "success")
    counts = table_with(at, "Nya rader")
    assert list(counts["Nya rader"]) == ["2"] and list(counts["År"]) == ["2024"]
    assert "Svarsfrekvens" in " ".join(table_with(at, "Före").iloc[:, 0])
    assert commit_button(at).disabled is False
    assert Store(empty_db).current_version() is None

    commit_button(at).click().run()
    no_exceptions(at)
    store = Store(empty_db)
    assert store.current_version() == 1
    assert "dataversion 1" in texts(at, "success")
    running = metrics.compute(store, "svarsfrekvens", Filter(ar=2024))
    assert running.numerator == 2
    upload_row = store.uploads()[-1]
    assert (upload_row.uploaded_by, upload_row.filename, upload_row.rows_added) == ("lokal administratör", "svar.csv", 2)

    # the same file again: recognised, nothing to commit
    upload(at, GOOD)
    assert "laddats upp förut" in texts(at, "info")
    assert commit_button(at).disabled is True
    assert store.current_version() == 1 and len(store.uploads()) == 1


def test_fuzzy_match_needs_confirmation(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, FUZZY)
    labels = [s.label for s in at.selectbox if (s.key or "").startswith("fuzzy_")]
    assert len(labels) == 1 and "Malmoe" in labels[0] and "Malmö (1280)" in labels[0]
    assert commit_button(at).disabled is True
    assert "väntar på bekräftelse" in texts(at, "warning")

    box = next(s for s in at.selectbox if (s.key or "").startswith("fuzzy_"))
    box.select("1280").run()
    no_exceptions(at)
    assert commit_button(at).disabled is False
    commit_button(at).click().run()
    store = Store(empty_db)
    assert store.current_version() == 1
    assert sorted(store.responses(1)["kommunkod"]) == ["1280", "1480"]


def test_fuzzy_match_can_be_corrected(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, FUZZY)
    box = next(s for s in at.selectbox if (s.key or "").startswith("fuzzy_"))
    box.select("1281").run()  # Lund, not Malmö
    no_exceptions(at)
    assert commit_button(at).disabled is False
    commit_button(at).click().run()
    assert sorted(Store(empty_db).responses(1)["kommunkod"]) == ["1281", "1480"]


def test_bad_file_shows_every_problem_and_changes_nothing(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, BAD)
    assert "2 fel" in texts(at, "error")
    report = table_with(at, "Problem")
    assert sorted(report["Rad"].tolist()) == ["2", "3"]
    assert any("Xyzzyville" in v for v in report["Värde"])
    assert commit_button(at).disabled is True
    assert {b.key for b in at.get("download_button")} >= {"report_csv", "report_xlsx"}
    assert Store(empty_db).current_version() is None


def test_unknown_header_is_mapped_in_the_page(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, UNKNOWN_HEADER)
    mapping = [s for s in at.selectbox if (s.key or "").startswith("map_")]
    assert len(mapping) == 1 and "Kommunen" in mapping[0].label
    assert commit_button(at).disabled is True
    mapping[0].select("kommun").run()
    no_exceptions(at)
    assert commit_button(at).disabled is False
    assert [s.value for s in at.selectbox if (s.key or "").startswith("map_")] == ["kommun"]


# -- history, restore, goals ----------------------------------------------------------------


def test_rollback_makes_a_new_version(demo_db, monkeypatch, local):
    store = Store(demo_db)
    before = store.current_version()
    at = open_upload(demo_db, monkeypatch)
    at.selectbox(key="rollback_version").select(before).run()
    at.checkbox(key="rollback_confirm").check().run()
    at.button(key="rollback_button").click().run()
    no_exceptions(at)
    assert store.current_version() == before + 1
    assert store.versions()[-1].restored_from == before
    assert store.versions()[-1].created_by == "lokal administratör"


def test_goal_edit_creates_a_revision(demo_db, monkeypatch, local):
    store = Store(demo_db)
    m1 = store.goals().set_index("goal_id").loc["M1"]
    at = open_upload(demo_db, monkeypatch)
    at.text_input(key="goal_target_M1").input("80").run()
    at.text_input(key="goal_sv_M1").input("80 % av kommunerna har AI i drift").run()
    at.button(key="goal_save_M1").click().run()
    no_exceptions(at)
    now = store.goals().set_index("goal_id").loc["M1"]
    assert now["revision"] == m1["revision"] + 1
    assert now["target"] == pytest.approx(0.8) and now["label_sv"] == "80 % av kommunerna har AI i drift"
    assert now["changed_by"] == "lokal administratör"
    assert "revision" in texts(at, "success")
    history = store.goal_history()
    assert len(history[history["goal_id"] == "M1"]) == m1["revision"] + 1
