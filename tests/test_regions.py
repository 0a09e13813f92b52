"""Functional analysis regions assigned by geometry at init, and the record of the reference files (issue 11)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from adoption import bootstrap
from adoption.ingest import reference
from adoption.store import Store, latest_schema_version


def test_every_municipality_gets_exactly_one_region_and_every_region_a_municipality():
    regions = reference.regions()
    assert len(regions) == 290 and regions["kommunkod"].is_unique
    assert set(regions["kommunkod"]) == set(reference.municipalities()["kommunkod"])
    assert regions["fa_kod"].nunique() == reference.REGION_COUNT
    by_code = regions.set_index("kommunkod")
    assert by_code.loc["0180", "fa_name"] == by_code.loc["0184", "fa_name"] == "Stockholm"
    assert by_code.loc["1480", "fa_name"] == "Göteborg" and by_code.loc["1280", "fa_name"] == "Malmö-Lund"
    assert by_code.loc["0980", "fa_name"] == "Gotland"
    # Öckerö's islands lie mostly outside the generalised FA boundary: still one clear region
    assert by_code.loc["1407", "fa_name"] == "Göteborg"


def test_an_unclear_or_missing_assignment_is_refused():
    frame = pd.DataFrame({"kommunkod": ["0114", "0115", "0115"], "fa_kod": ["23", "23", "24"],
                          "share": [0.6, 0.9, 0.1]})
    with pytest.raises(ValueError) as raised:
        reference.check_regions(frame, {"0114", "0115", "0117"}, {"23", "24", "25"})
    message = str(raised.value)
    assert "kommuner i flera regioner: 0115" in message and "kommuner utan region: 0117" in message
    assert "ingen region täcker 75 % av ytan: 0114, 0115" in message and "regioner utan kommun: 25" in message


def test_init_assigns_regions_and_records_every_reference_file(tmp_db):
    store = Store(tmp_db)
    report = bootstrap.initialise(store, with_demo=False)
    assert report.regions_loaded and len(store.regions()) == 290
    sets = store.reference_sets().set_index("name")
    assert list(sets.index) == ["fa", "kommun", "lan"]
    for name in sets.index:
        expected = reference.reference_file(name)
        assert (sets.at[name, "filename"], sets.at[name, "sha256"], sets.at[name, "data_version"]) == (
            expected.filename, expected.sha256, expected.data_version)
    again = bootstrap.initialise(store, with_demo=False)
    assert not again.regions_loaded and not again.reference_loaded


def test_a_database_from_before_the_record_loads_its_reference_again(tmp_path):
    # Schema 3 with boundaries loaded: the file they came from was never recorded.
    path = tmp_path / "v3.duckdb"
    Store.create_at_schema(path, upto=3)
    old = Store(path)
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO county VALUES ('01', 'Stockholms län', 6519.3)")
    conn.execute("INSERT INTO municipality VALUES ('0180', 'Stockholm', '01', 188.0)")
    conn.close()
    assert old.schema_version() == latest_schema_version()  # upgraded in place
    assert old.has_reference() and old.reference_sets().empty and old.regions().empty
    report = bootstrap.initialise(old, with_demo=False)
    assert report.reference_loaded and report.regions_loaded
    assert len(old.municipalities()) == 290 and set(old.reference_sets()["name"]) == {"fa", "kommun", "lan"}
