"""The store's layout: one module per area, Store as the one front that inherits them."""

from __future__ import annotations

from pathlib import Path

import adoption.store as store_package
from adoption.store import Store
from adoption.store.area import Area

AREA_MODULES = ("schemas", "area", "reference", "versions", "survey", "initiatives", "population", "uploads",
                "goals", "groups", "mappings", "rounds", "__init__")


def test_the_names_callers_import_are_still_there():
    from adoption.store import (  # noqa: F401
        APP_KEEP_OPEN_SECONDS,
        Store,
        UploadInfo,
        UploadOutcome,
        UploadRecord,
        VersionChangedError,
        VersionInfo,
        latest_schema_version,
        org_key,
    )


def test_no_area_hides_another_areas_method():
    # With mixins a name defined in two areas would silently resolve to the first: forbid it.
    areas = [c for c in Store.__mro__ if issubclass(c, Area) and c not in (Store, Area)]
    assert len(areas) == 11  # reference, versions, survey, initiatives, population, uploads, goals, groups, effect,
    # mappings, rounds
    seen: dict[str, str] = {}
    for area in areas:
        for name in vars(area):
            if name.startswith("__"):
                continue
            assert name not in seen, f"{name} is defined in {seen[name]} and {area.__name__}"
            assert name not in vars(Store), f"Store redefines {area.__name__}.{name}"
            seen[name] = area.__name__


def test_area_modules_stay_small():
    folder = Path(store_package.__file__).parent
    sizes = {name: len((folder / f"{name}.py").read_text(encoding="utf-8").splitlines()) for name in AREA_MODULES}
    assert max(sizes.values()) < 400, sizes


def test_org_key_is_the_key_responses_are_replaced_by():
    from adoption.store import org_key

    assert org_key("kommun", "802002-1234", "Förening") == ""
    assert org_key("civilsamhalle", "802002-1234", "Förening") == "802002-1234"
    assert org_key("civilsamhalle", None, "  Förening ") == "förening"
