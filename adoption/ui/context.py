"""The store a running app uses, created once per server process and database path."""

from __future__ import annotations

import streamlit as st

from .. import bootstrap
from ..paths import resolve_db_path
from ..store import APP_KEEP_OPEN_SECONDS, Store


@st.cache_resource(show_spinner=False)
def _store_for(path: str) -> Store:
    current = Store(path, keep_open_seconds=APP_KEEP_OPEN_SECONDS)
    bootstrap.initialise(current, with_demo=False)
    return current


def store() -> Store:
    """The database named by $ADOPTION_DB (or the default), with reference data.

    Demo data is loaded by ``python -m adoption init`` (``make run`` does it),
    not here: an empty database must stay empty so the pages can say so.
    Keyed by path so that tests running several databases in one process each
    get their own.
    """
    return _store_for(str(resolve_db_path()))
