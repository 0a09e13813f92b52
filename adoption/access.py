"""Who may administer (upload, restore, edit goals): pure decisions, no Streamlit.

Three ways, chosen by configuration (:meth:`AccessConfig.from_env_and_secrets`):

1. **OpenID Connect** when secrets hold an ``[auth]`` block (Streamlit's
   ``st.login``). Needs ``streamlit[auth]`` (Authlib); without it the admin
   pages are closed with a message saying so (never a crash, never a silent
   fallback to a weaker mode). Who is an administrator: the allow-list
   ``[adoption] admins = ["anna@kommun.se", "<subject>"]`` (e-mails compared
   case-insensitively, or OIDC subjects). Without an allow-list nobody is
   admitted; ``admins = ["*"]`` admits every user the provider logs in (only
   for a provider that admits nobody but the organisation's staff).
2. **Password** when ``ADOPTION_ADMIN_PASSWORD`` is set in the environment,
   or in secrets (top-level ``ADOPTION_ADMIN_PASSWORD`` or
   ``[adoption] admin_password``); the environment wins. Compared in constant
   time (both sides hashed first, then :func:`hmac.compare_digest`). Failed
   attempts are followed by a delay that doubles per failure (per client
   address, forgotten after a quiet :data:`FAILURE_WINDOW_S`), capped at
   :data:`MAX_DELAY_S`. A successful login is kept in the session as a flag,
   a time and a keyed fingerprint of the configured password (never the
   password): changing the password or restarting the server ends every
   session; a session also ends after :data:`SESSION_SECONDS`.
3. **Local only** when nothing is configured: admitted only when the
   connection comes from the machine itself (127.0.0.1 / ::1) and carries no
   proxy header (``X-Forwarded-For``, ``Forwarded``, ``X-Real-IP``): behind a
   reverse proxy on the same machine every request would look local, so a
   proxied request is never "local". An unknown address (None) is not local.

What the history records as the uploader (``uploaded_by``, ``changed_by``):
no personal data. OIDC: ``oidc:`` plus the first 10 hex digits of the
SHA-256 of the user's subject (or e-mail when the provider sends no
subject): the same person gets the same label, and whoever runs the
identity provider can find who it was, but the database holds no name or
e-mail. Password: ``admin (lösenord)``. Local: ``lokal administratör``.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import ipaddress
import secrets as _secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from adoption.text import i18n

PASSWORD_ENV = "ADOPTION_ADMIN_PASSWORD"
SECRETS_SECTION = "adoption"

OIDC = "oidc"
PASSWORD = "password"
LOCAL = "local"

# Why a request is (not) admitted; each has a text "access.reason.<code>" in i18n.
REASONS = (
    "oidc_ok", "oidc_login", "oidc_not_admin", "oidc_no_admins", "oidc_unavailable",
    "password_ok", "password_needed", "local_ok", "not_local",
)

LABEL_PASSWORD = "admin (lösenord)"
LABEL_LOCAL = "lokal administratör"

BASE_DELAY_S = 1.0
MAX_DELAY_S = 30.0
FAILURE_WINDOW_S = 15 * 60
SESSION_SECONDS = 8 * 60 * 60

PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")

# Keys this server process's password fingerprints: a restart ends sessions.
_PROCESS_KEY = _secrets.token_bytes(32)


def authlib_available() -> bool:
    """Whether ``st.login`` can work (Streamlit's OIDC support needs Authlib)."""
    return importlib.util.find_spec("authlib") is not None


def _get(mapping, key, default=None):
    try:
        return mapping.get(key, default) if mapping is not None else default
    except Exception:  # noqa: BLE001 - secrets objects raise their own errors
        return default


@dataclass(frozen=True)
class AccessConfig:
    password: str | None = field(default=None, repr=False)
    oidc: bool = False
    oidc_provider: str | None = None
    admins: tuple[str, ...] = ()
    authlib: bool = True

    @property
    def mode(self) -> str:
        if self.oidc:
            return OIDC
        if self.password:
            return PASSWORD
        return LOCAL

    @classmethod
    def from_env_and_secrets(cls, env: Mapping[str, str], secrets: Mapping | None, *,
                             authlib: bool | None = None) -> AccessConfig:
        """Read the configuration: ``env`` (os.environ) and ``secrets`` (st.secrets as a dict)."""
        section = _get(secrets, SECRETS_SECTION) or {}
        password = (env.get(PASSWORD_ENV) or _get(secrets, PASSWORD_ENV) or _get(section, "admin_password")
                    or None)
        if password is not None:
            password = str(password)
            if not password.strip():
                password = None
        auth = _get(secrets, "auth")
        oidc = isinstance(auth, Mapping) and len(auth) > 0
        admins = _get(section, "admins") or ()
        if isinstance(admins, str):
            admins = (admins,)
        provider = _get(section, "login_provider")
        return cls(
            password=password, oidc=oidc, oidc_provider=str(provider) if provider else None,
            admins=tuple(str(a).strip() for a in admins if str(a).strip()),
            authlib=authlib_available() if authlib is None else authlib,
        )


@dataclass(frozen=True)
class User:
    """What the identity provider said about the user (``st.user``)."""

    is_logged_in: bool = False
    email: str | None = None
    name: str | None = None
    sub: str | None = None

    @classmethod
    def from_mapping(cls, info: Mapping | None) -> User:
        info = info or {}
        return cls(bool(info.get("is_logged_in", False)), info.get("email") or None, info.get("name") or None,
                   info.get("sub") or None)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    mode: str
    reason: str
    label: str | None = None  # who acts, for the history (no personal data); None when not allowed

    def message(self, lang: str = "sv") -> str:
        return i18n.t(f"access.reason.{self.reason}", lang)


# -- the pieces ---------------------------------------------------------------------------


def check_password(given: str | None, configured: str | None) -> bool:
    """Constant-time comparison (the hashes have equal length, so length leaks nothing either)."""
    if not given or not configured:
        return False
    a = hashlib.sha256(str(given).encode("utf-8")).digest()
    b = hashlib.sha256(str(configured).encode("utf-8")).digest()
    return hmac.compare_digest(a, b)


def password_fingerprint(configured: str) -> str:
    """What a session keeps to prove an earlier login with the password now configured."""
    return hmac.new(_PROCESS_KEY, str(configured).encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class PasswordSession:
    """The session's record of a successful password login (no password in it)."""

    at: float
    fingerprint: str


def start_session(config: AccessConfig, now: float | None = None) -> PasswordSession:
    return PasswordSession(time.time() if now is None else now, password_fingerprint(config.password or ""))


def session_valid(config: AccessConfig, session: PasswordSession | None, now: float | None = None) -> bool:
    if not config.password or not isinstance(session, PasswordSession):
        return False
    now = time.time() if now is None else now
    if not 0 <= now - session.at <= SESSION_SECONDS:
        return False
    return hmac.compare_digest(session.fingerprint, password_fingerprint(config.password))


def is_local(client_ip: str | None, headers: Mapping[str, str] | None = None) -> bool:
    """A direct connection from this machine (loopback, no proxy header). Unknown: not local."""
    if not client_ip:
        return False
    try:
        address = ipaddress.ip_address(str(client_ip).split("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if not address.is_loopback:
        return False
    names = {str(k).lower() for k in (headers or {}).keys()}
    return not names & set(PROXY_HEADERS)


def oidc_label(user: User) -> str:
    """A stable pseudonym for the history: ``oidc:`` + 10 hex digits of SHA-256(subject or e-mail)."""
    ident = user.sub or (user.email or "").lower() or user.name or "?"
    return "oidc:" + hashlib.sha256(ident.encode("utf-8")).hexdigest()[:10]


def is_listed(config: AccessConfig, user: User) -> bool:
    allowed = {a.lower() for a in config.admins}
    if "*" in allowed:
        return True
    return bool((user.email and user.email.lower() in allowed) or (user.sub and user.sub.lower() in allowed))


def decide(config: AccessConfig, *, client_ip: str | None, password_session: PasswordSession | None = None,
           user: User | None = None, headers: Mapping[str, str] | None = None,
           now: float | None = None) -> Decision:
    """May this request administer? Called on every run and again right before every admin action."""
    user = user or User()
    if config.oidc:
        if not config.authlib:
            return Decision(False, OIDC, "oidc_unavailable")
        if not user.is_logged_in:
            return Decision(False, OIDC, "oidc_login")
        if not config.admins:
            return Decision(False, OIDC, "oidc_no_admins")
        if not is_listed(config, user):
            return Decision(False, OIDC, "oidc_not_admin")
        return Decision(True, OIDC, "oidc_ok", oidc_label(user))
    if config.password:
        if session_valid(config, password_session, now):
            return Decision(True, PASSWORD, "password_ok", LABEL_PASSWORD)
        return Decision(False, PASSWORD, "password_needed")
    if is_local(client_ip, headers):
        return Decision(True, LOCAL, "local_ok", LABEL_LOCAL)
    return Decision(False, LOCAL, "not_local")


# -- failed attempts ----------------------------------------------------------------------


def failure_delay(failures: int) -> float:
    """Seconds to wait after the ``failures``-th failed attempt in a row: 1, 2, 4, … capped at 30."""
    if failures <= 0:
        return 0.0
    return min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - 1))


class FailedAttempts:
    """Failed password attempts per key (client address), shared by all sessions of a process."""

    def __init__(self, window_s: float = FAILURE_WINDOW_S) -> None:
        self.window_s = window_s
        self._lock = threading.Lock()
        self._seen: dict[str, tuple[int, float]] = {}

    def count(self, key: str, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self._lock:
            count, last = self._seen.get(key, (0, now))
            if now - last > self.window_s:
                self._seen.pop(key, None)
                return 0
            return count

    def record_failure(self, key: str, now: float | None = None) -> float:
        """Count a failure; returns the delay to apply before answering."""
        now = time.monotonic() if now is None else now
        failures = self.count(key, now) + 1
        with self._lock:
            self._seen[key] = (failures, now)
        return failure_delay(failures)

    def reset(self, key: str) -> None:
        with self._lock:
            self._seen.pop(key, None)
