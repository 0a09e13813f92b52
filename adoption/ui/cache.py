"""Cached reads for the pages, keyed by database path and data version.

A new upload makes a new data version, so a key that holds the version can
never serve stale figures; only "which version is current" is read afresh on
every run (one small query).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import streamlit as st

from adoption.metrics.filters import Filter, Known

from .. import metrics
from ..store import Store


def current_version(db: Store) -> int | None:
    return db.current_version()


# Shared, not copied: ``Known`` is frozen, and with 100,000 municipalities unpickling
# its copy (st.cache_data) cost ~50 ms on every rerun of every page.
@st.cache_resource(show_spinner=False, max_entries=64)
def _known(path: str, requested: int | None, current: int | None, _db: Store) -> Known:
    return Known.from_store(_db, requested)


def known(db: Store, requested: int | None, current: int | None) -> Known:
    return _known(str(db.path), requested, current, db)


# Name lookups are shared read-only mappings: building a dict of 100,000 names from
# a copied frame took ~250 ms on every rerun of a page with a municipality filter.
@st.cache_resource(show_spinner=False)
def _names(path: str, level: str, _db: Store) -> Mapping[str, str]:
    frame, code = (_db.counties(), "lan_kod") if level == "lan" else (_db.municipalities(), "kommunkod")
    return MappingProxyType(dict(zip(frame[code], frame["name"])))


def county_names(db: Store) -> Mapping[str, str]:
    """lan_kod -> name (reference data: not versioned; read-only)."""
    return _names(str(db.path), "lan", db)


def municipality_names(db: Store) -> Mapping[str, str]:
    """kommunkod -> name (reference data: not versioned; read-only)."""
    return _names(str(db.path), "kommun", db)


@st.cache_data(show_spinner=False, max_entries=64)
def _has_demo(path: str, version: int, _db: Store) -> bool:
    return _db.has_demo(version)


def has_demo(db: Store, version: int) -> bool:
    """Whether the version shown holds demo rows (the banner)."""
    return _has_demo(str(db.path), version, db)


def forget_demo() -> None:
    """After demo rows were deleted: they went from every version, so no cached answer holds."""
    _has_demo.clear()


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


@st.cache_data(show_spinner=False, max_entries=512)
def _derived(name: str, args: tuple, _fn):
    return _fn(*args)


def derived(fn, *args):
    """``fn(*args)`` through the cache, keyed by the function and the values of ``args``.

    For pure functions of a page's small results (rows of a few hundred lines,
    the language): tables with every cell formatted, chart specifications.
    Streamlit hashes the arguments, which costs far less than formatting them
    again on every rerun.
    """
    return _derived(f"{fn.__module__}.{fn.__qualname__}", args, fn)
