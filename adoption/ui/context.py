"""The store a running app uses, created once per server process and database path.

Three ways to run (docs/deploy.md):

* the default: the file named by $ADOPTION_DB (or the default path), read-write;
* ``ADOPTION_READ_ONLY=1``: the same file, opened read-only (many processes may serve it at once);
* ``ADOPTION_PUBLISHED=DIR`` (a replica): the snapshot ``DIR/current`` names, read-only,
  chosen again on every rerun, and an older snapshot for a link pinned to an older version.
"""

from __future__ import annotations

import streamlit as st

from .. import bootstrap
from ..paths import published_dir, read_only_from_env, resolve_db_path
from ..store import APP_KEEP_OPEN_SECONDS, Store
from ..store.snapshots import choose

# Nobody waits for a read-only file, so a replica keeps it open much longer (a
# reopen costs 15-30 ms and forgets the store's memoised metadata); the idle
# timeout only closes snapshots that stopped being asked for.
READ_ONLY_KEEP_OPEN_SECONDS = 300.0


@st.cache_resource(show_spinner=False)
def _store_for(path: str) -> Store:
    current = Store(path, keep_open_seconds=APP_KEEP_OPEN_SECONDS)
    bootstrap.initialise(current, with_demo=False)
    return current


# Bounded: each publication is a new file, and a replica runs for months.
@st.cache_resource(show_spinner=False, max_entries=16)
def _read_only_store_for(path: str) -> Store:
    return Store(path, keep_open_seconds=READ_ONLY_KEEP_OPEN_SECONDS, read_only=True)


def store() -> Store:
    """The database named by $ADOPTION_DB (or the default), with reference data.

    Demo data is loaded by ``python -m adoption init`` (``make run`` does it),
    not here: an empty database must stay empty so the pages can say so.
    Keyed by path so that tests running several databases in one process each
    get their own. A replica gets the current published snapshot.
    """
    folder = published_dir()
    if folder is not None:
        return _read_only_store_for(str(choose(folder).snapshot.path))
    path = str(resolve_db_path())
    return _read_only_store_for(path) if read_only_from_env() else _store_for(path)


def source(requested: int | None) -> tuple[Store, int | None]:
    """The store that serves data version ``requested`` (None: the current one), and the current version.

    On a replica the current version is the published one, which an older
    snapshot serving a pinned link does not know about.
    """
    folder = published_dir()
    if folder is None:
        db = store()
        return db, db.current_version()
    choice = choose(folder, requested)
    return _read_only_store_for(str(choice.snapshot.path)), choice.current.version
