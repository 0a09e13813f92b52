"""adoption.access: who may administer, decided without Streamlit."""

from __future__ import annotations

import hmac

import pytest

from adoption import access
from adoption.access import AccessConfig, User, decide
from adoption.text import i18n

LOCAL_IP = "127.0.0.1"


def test_nothing_configured_allows_only_the_local_machine():
    cfg = AccessConfig.from_env_and_secrets({}, {}, authlib=False)
    assert cfg.mode == access.LOCAL
    for ip in ("127.0.0.1", "::1", "127.0.0.2", "::ffff:127.0.0.1"):
        result = decide(cfg, client_ip=ip)
        assert (result.allowed, result.mode, result.label) == (True, "local", access.LABEL_LOCAL), ip
    for ip in (None, "", "10.0.0.5", "203.0.113.9", "2001:db8::1", "localhost", "garbage"):
        result = decide(cfg, client_ip=ip)
        assert (result.allowed, result.reason, result.label) == (False, "not_local", None), ip


@pytest.mark.parametrize("header", ["X-Forwarded-For", "x-real-ip", "Forwarded"])
def test_a_proxied_request_is_never_local(header):
    cfg = AccessConfig()
    assert not decide(cfg, client_ip=LOCAL_IP, headers={header: "203.0.113.9"}).allowed
    assert decide(cfg, client_ip=LOCAL_IP, headers={"Host": "x"}).allowed


def test_password_from_env_wins_over_secrets_and_is_not_in_repr():
    cfg = AccessConfig.from_env_and_secrets({"ADOPTION_ADMIN_PASSWORD": "env-pw"},
                                            {"adoption": {"admin_password": "secret-pw"}}, authlib=False)
    assert cfg.password == "env-pw" and cfg.mode == access.PASSWORD
    assert "env-pw" not in repr(cfg)
    assert AccessConfig.from_env_and_secrets({}, {"adoption": {"admin_password": "s"}}).password == "s"
    assert AccessConfig.from_env_and_secrets({}, {"ADOPTION_ADMIN_PASSWORD": "t"}).password == "t"
    assert AccessConfig.from_env_and_secrets({"ADOPTION_ADMIN_PASSWORD": "  "}, {}).password is None


def test_password_mode_needs_a_valid_session_even_locally():
    cfg = AccessConfig(password="hemligt")
    assert decide(cfg, client_ip=LOCAL_IP).reason == "password_needed"
    session = access.start_session(cfg, now=1000.0)
    assert "hemligt" not in repr(session)
    ok = decide(cfg, client_ip=None, password_session=session, now=1001.0)
    assert (ok.allowed, ok.label) == (True, access.LABEL_PASSWORD)
    # expired, or the password changed since the login
    assert not decide(cfg, client_ip=None, password_session=session, now=1000.0 + access.SESSION_SECONDS + 1).allowed
    assert not decide(AccessConfig(password="nytt"), client_ip=None, password_session=session, now=1001.0).allowed
    # a forged record is not a session
    assert not decide(cfg, client_ip=None, password_session={"at": 1000.0}, now=1001.0).allowed


def test_check_password_uses_compare_digest(monkeypatch):
    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(access.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    assert access.check_password("rätt", "rätt")
    assert not access.check_password("fel", "rätt")
    assert not access.check_password("", "rätt") and not access.check_password("x", None)
    assert len(calls) == 2 and all(len(a) == len(b) == 32 for a, b in calls)


def test_failure_delay_doubles_and_is_capped():
    assert [access.failure_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_failed_attempts_are_counted_per_key_and_forgotten():
    tracker = access.FailedAttempts(window_s=60)
    assert tracker.record_failure("a", now=0) == 1
    assert tracker.record_failure("a", now=1) == 2
    assert tracker.record_failure("b", now=1) == 1
    assert tracker.count("a", now=2) == 2
    assert tracker.record_failure("a", now=100) == 1  # quiet for longer than the window
    tracker.reset("a")
    assert tracker.count("a", now=101) == 0


OIDC_SECRETS = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x",
                         "client_id": "id", "client_secret": "s",
                         "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}}


def test_oidc_without_authlib_is_closed_with_a_message():
    cfg = AccessConfig.from_env_and_secrets({"ADOPTION_ADMIN_PASSWORD": "pw"}, OIDC_SECRETS, authlib=False)
    assert cfg.mode == access.OIDC  # OIDC wins over the password: no silent fallback
    result = decide(cfg, client_ip=LOCAL_IP, user=User(True, "a@b.se"))
    assert (result.allowed, result.reason) == (False, "oidc_unavailable")
    assert "Authlib" in result.message("sv") and "Authlib" in result.message("en")


def test_oidc_allow_list():
    secrets = {**OIDC_SECRETS, "adoption": {"admins": ["Anna@Kommun.se", "sub-42"]}}
    cfg = AccessConfig.from_env_and_secrets({}, secrets, authlib=True)
    assert decide(cfg, client_ip=LOCAL_IP, user=User(False)).reason == "oidc_login"
    assert decide(cfg, client_ip=None, user=User(True, "anna@kommun.se")).allowed
    assert decide(cfg, client_ip=None, user=User(True, None, "X", "sub-42")).allowed
    assert decide(cfg, client_ip=None, user=User(True, "bo@kommun.se", sub="sub-7")).reason == "oidc_not_admin"
    # no allow-list: nobody; "*": everyone the provider logs in
    none = AccessConfig.from_env_and_secrets({}, OIDC_SECRETS, authlib=True)
    assert decide(none, client_ip=None, user=User(True, "anna@kommun.se")).reason == "oidc_no_admins"
    star = AccessConfig.from_env_and_secrets({}, {**OIDC_SECRETS, "adoption": {"admins": ["*"]}}, authlib=True)
    assert decide(star, client_ip=None, user=User(True, "vem@som.helst")).allowed


def test_oidc_label_holds_no_personal_data():
    user = User(True, "anna.andersson@kommun.se", "Anna Andersson", "sub-123")
    label = access.oidc_label(user)
    assert label.startswith("oidc:") and len(label) == 15
    assert "anna" not in label.lower() and "kommun" not in label
    assert label == access.oidc_label(User(True, "annat@kommun.se", "Anna", "sub-123"))  # by subject
    assert access.oidc_label(User(True, "A@B.se")) == access.oidc_label(User(True, "a@b.se"))


def test_every_reason_has_texts_in_both_languages():
    for reason in access.REASONS:
        for lang in ("sv", "en"):
            assert i18n.t(f"access.reason.{reason}", lang)
