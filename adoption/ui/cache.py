"""Cached reads for the pages, keyed by database path and data version.

A new upload makes a new data version, so a key that holds the version can
never serve stale figures; only "which version is current" is read afresh on
every run (one small query).
"""

from __future__ import annotations

import streamlit as st

from .. import metrics
from ..filters import Filter, Known
from ..store import Store


def current_version(db: Store) -> int | None:
    return db.current_version()


@st.cache_data(show_spinner=False, max_entries=64)
def _known(path: str, requested: int | None, current: int | None, _db: Store) -> Known:
    return Known.from_store(_db, requested)


def known(db: Store, requested: int | None, current: int | None) -> Known:
    return _known(str(db.path), requested, current, db)


@st.cache_data(show_spinner=False)
def _county_names(path: str, _db: Store) -> dict[str, str]:
    frame = _db.counties()
    return dict(zip(frame["lan_kod"], frame["name"]))


def county_names(db: Store) -> dict[str, str]:
    return _county_names(str(db.path), db)


@st.cache_data(show_spinner=False)
def _municipalities(path: str, _db: Store):
    return _db.municipalities()


def municipalities(db: Store):
    """kommunkod, name, lan_kod, lan_name, area_km2 (reference data: not versioned)."""
    return _municipalities(str(db.path), db)


def municipality_names(db: Store) -> dict[str, str]:
    frame = municipalities(db)
    return dict(zip(frame["kommunkod"], frame["name"]))


@st.cache_data(show_spinner=False, max_entries=64)
def _has_demo(path: str, version: int, _db: Store) -> bool:
    return _db.has_demo()


def has_demo(db: Store, version: int) -> bool:
    return _has_demo(str(db.path), version, db)


@st.cache_data(show_spinner=False, max_entries=4096)
def _metric(path: str, version: int | None, metric_id: str, flt: Filter, by: str | None, _db: Store):
    return metrics.compute(_db, metric_id, flt, version=version, by=by)


def metric(db: Store, version: int | None, metric_id: str, flt: Filter, by: str | None = None):
    """``metrics.compute`` through the cache (same arguments, same result)."""
    return _metric(str(db.path), version, metric_id, flt, by, db)


@st.cache_data(show_spinner=False, max_entries=1024)
def _call(name: str, path: str, version: int | None, args: tuple, _fn, _db: Store):
    return _fn(_db, *args, version=version)


def call(fn, db: Store, version: int | None, *args):
    """``fn(db, *args, version=version)`` through the cache, keyed by function, database and version.

    For domain functions of ``adoption`` that read only from the store: the
    data version in the key is what keeps their results from going stale.
    """
    return _call(f"{fn.__module__}.{fn.__qualname__}", str(db.path), version, args, fn, db)
