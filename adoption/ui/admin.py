"""The administrators' gate: who may upload, restore versions and edit goals.

The decisions are in :mod:`adoption.access` (pure, unit-tested); this module
reads the request (client address, headers, ``st.user``, secrets, the
session's login flag), draws the login controls and stops the page for
everyone else. Every admin action calls :func:`require` again right before
it writes: hiding controls is not the check, this is.

Client address: ``st.context.ip_address`` reports a loopback connection as
None, the same as "unknown" (AppTest, no session), so the raw address of the
session's connection is read from Streamlit's client context instead; when
that is unavailable the address is unknown, which is never local.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import streamlit as st

from adoption import access, formats, metrics
from adoption.errors import AdoptionError
from adoption.ingest import report_frame
from adoption.paths import read_only_from_env
from adoption.text import formatting, i18n, present

_SESSION_KEY = "_admin_password_session"
_FAILED_AT = "_admin_failed_at"


@dataclass(frozen=True)
class Admin:
    label: str  # for uploaded_by / changed_by: no personal data (see adoption.access)
    mode: str


def client_ip() -> str | None:
    """The raw remote address of this session's connection (loopback included); None when unknown."""
    try:
        from streamlit.runtime.context import _get_client_context

        client = _get_client_context()
    except Exception:  # noqa: BLE001 - internal API: unknown is the safe answer
        return None
    return getattr(client, "remote_ip", None) if client is not None else None


def request_headers() -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in st.context.headers.items()}
    except Exception:  # noqa: BLE001
        return {}


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # noqa: BLE001 - no secrets.toml: nothing configured there
        return {}


def config() -> access.AccessConfig:
    return access.AccessConfig.from_env_and_secrets(os.environ, _secrets())


def current_user() -> access.User:
    try:
        return access.User.from_mapping(st.user.to_dict())
    except Exception:  # noqa: BLE001 - no auth configured
        return access.User()


@st.cache_resource(show_spinner=False)
def _failures() -> access.FailedAttempts:
    return access.FailedAttempts()


def sleep(seconds: float) -> None:
    """The delay after a failed attempt (a function of its own so tests can replace it)."""
    time.sleep(seconds)


def decision(cfg: access.AccessConfig | None = None) -> access.Decision:
    cfg = cfg or config()
    return access.decide(
        cfg, client_ip=client_ip(), password_session=st.session_state.get(_SESSION_KEY),
        user=current_user() if cfg.oidc else None, headers=request_headers(),
    )


def may_administer() -> bool:
    """For app.py: list the upload page in the navigation only for an admitted request."""
    if read_only_from_env():
        return False  # a replica: nobody writes here, whoever asks
    try:
        return decision().allowed
    except Exception:  # noqa: BLE001 - the navigation must never fail over this
        return False


def _password_form(cfg: access.AccessConfig, lang: str) -> None:
    with st.form("admin_login", clear_on_submit=True):
        given = st.text_input(i18n.t("admin.password", lang), type="password", key="admin_password_input")
        submitted = st.form_submit_button(i18n.t("admin.login", lang))
    if not submitted:
        return
    key = client_ip() or "unknown"
    if access.check_password(given, cfg.password):
        _failures().reset(key)
        st.session_state[_SESSION_KEY] = access.start_session(cfg)
        st.rerun()
    delay = _failures().record_failure(key)
    sleep(delay)
    st.session_state[_FAILED_AT] = time.time()
    st.error(i18n.t("admin.wrong_password", lang), icon="🔒")


def gate(lang: str) -> Admin | None:
    """Draw the login controls when needed; the admin, or None (then the page must show nothing else)."""
    if read_only_from_env():
        st.info(i18n.t("admin.read_only", lang), icon="🔒")
        return None
    cfg = config()
    result = decision(cfg)
    if result.allowed:
        if result.mode == access.LOCAL:
            # The short note on every visit; how IT configures a shared server only when asked for.
            st.info(result.message(lang), icon="🖥️")
            with st.expander(i18n.t("admin.configure_heading", lang)):
                st.markdown(i18n.t("admin.configure_help", lang))
        elif result.mode == access.PASSWORD:
            if st.sidebar.button(i18n.t("admin.logout", lang), key="admin_logout"):
                st.session_state.pop(_SESSION_KEY, None)
                st.rerun()
        elif result.mode == access.OIDC:
            if st.sidebar.button(i18n.t("admin.logout", lang), key="admin_logout"):
                st.logout()
        return Admin(result.label or "", result.mode)

    st.warning(result.message(lang), icon="🔒")
    if result.reason == "password_needed":
        _password_form(cfg, lang)
    elif result.reason == "oidc_login":
        if st.button(i18n.t("admin.login", lang), key="admin_oidc_login"):
            if cfg.oidc_provider:
                st.login(cfg.oidc_provider)
            else:
                st.login()
    elif result.reason == "not_local":
        st.markdown(i18n.t("admin.configure_help", lang))
    return None


def require(lang: str) -> Admin:
    """The server-side re-check right before an admin action: stops the run when not admitted."""
    if read_only_from_env():
        st.error(i18n.t("admin.denied_action", lang) + " " + i18n.t("admin.read_only", lang), icon="🔒")
        st.stop()
    result = decision()
    if not result.allowed:
        st.error(i18n.t("admin.denied_action", lang) + " " + result.message(lang), icon="🔒")
        st.stop()
    return Admin(result.label or "", result.mode)


_PUBLISHED = "_admin_published"


def publish_after_write(store) -> None:
    """After a write on the writer: publish to $ADOPTION_PUBLISH_DIR when it is set.

    The outcome is kept for :func:`show_published`, since the page reruns right
    after a write. A failed publication leaves the write saved and says so.
    """
    from adoption.paths import publish_dir
    from adoption.store.publish import publish_if_configured

    try:
        result = publish_if_configured(store)
    except AdoptionError as error:
        st.session_state[_PUBLISHED] = ("failed", str(error), str(publish_dir()))
        return
    if result is not None:
        st.session_state[_PUBLISHED] = ("published", result.message(), "")


def show_published(lang: str) -> None:
    outcome = st.session_state.pop(_PUBLISHED, None)
    if outcome is None:
        return
    status, text, folder = outcome
    if status == "published":
        st.info(i18n.t("ladda_upp.published", lang).format(message=text), icon="📤")
    else:
        st.error(i18n.t("ladda_upp.publish_failed", lang).format(error=text, folder=folder), icon="⚠️")


# -- tables for the upload page (pure: frames in, frames out; no Streamlit calls) -----------


def counts_table(preview, lang: str):
    """Rows added / changed / unchanged per year and kind (typ) of the preview."""
    import pandas as pd

    t = lambda key: i18n.t(key, lang)  # noqa: E731
    kinds = {"kommun": i18n.label("typ", "kommun", lang), "civilsamhalle": i18n.label("typ", "civilsamhalle", lang),
             "befolkning": formats.kind_name("befolkning", lang)}
    n = lambda value: formatting.number(value, lang)  # noqa: E731 - "40 290", as in every message
    rows = [{t("filter.ar"): str(c.ar), t("ladda_upp.col.typ"): kinds.get(c.typ, c.typ),
             t("ladda_upp.col.added"): n(c.added), t("ladda_upp.col.changed"): n(c.changed),
             t("ladda_upp.col.unchanged"): n(c.unchanged)} for c in (preview.counts if preview else [])]
    columns = [t(k) for k in ("filter.ar", "ladda_upp.col.typ", "ladda_upp.col.added",
                              "ladda_upp.col.changed", "ladda_upp.col.unchanged")]
    return pd.DataFrame(rows, columns=columns)


def headline_table(preview, lang: str):
    """The headline figures per year before and after the commit, in words (a missing one by its status)."""
    import pandas as pd

    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for h in (preview.headline if preview else []):
        try:
            label = metrics.get(h.metric).label(lang)
        except AdoptionError:
            label = h.label
        rows.append({t("ladda_upp.col.metric"): label, t("filter.ar"): str(h.ar),
                     t("ladda_upp.col.before"): present.value(
                         present.figure(h.before, unit=h.unit, status=h.before_status), lang),
                     t("ladda_upp.col.after"): present.value(
                         present.figure(h.after, unit=h.unit, status=h.after_status), lang)})
    columns = [t(k) for k in ("ladda_upp.col.metric", "filter.ar", "ladda_upp.col.before",
                              "ladda_upp.col.after")]
    return pd.DataFrame(rows, columns=columns)


def report_table(result, lang: str):
    """The validation report (messages stay Swedish, as in the downloads); headers translated."""
    frame = report_frame(result)
    if lang == "en":
        frame = frame.rename(columns={"Rad": "Row", "Kolumn": "Column", "Värde": "Value",
                                      "Allvarlighet": "Severity", "Problem": "Problem"})
    return frame
