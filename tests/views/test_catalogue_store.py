"""The catalogue read a page at a time from the store (``Store.search_initiatives``,
``Store.same_kind_initiatives``, ``catalogue.find``): the same rows and ids as the
in-memory catalogue, at most ``limit`` of them, and how many match in all."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption.views import catalogue
from adoption.views.catalogue import Query

from ..builders import (
    add_survey,
    catalogue_initiatives,
    initiative,
    reference_store,
    response,
)

COLUMNS = ["id", "ar", "typ", "kommunkod", "kommun", "organisation", "titel", "sektor", "mognad", "teknik",
           "beskrivning", "utvarderad", "kalla", "lan_kod", "lan_name"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = reference_store(tmp_path_factory.mktemp("catalogue-store") / "catalogue.duckdb")
    rows = catalogue_initiatives(prognos_beskrivning=None) + [
        initiative(ar=2022, kommunkod="2480", titel="Översättning", sektor="utbildning", mognad=1,
                   teknik=None, beskrivning="Tolkstöd."),
    ]
    add_survey(db, [response(ar=2024, kommunkod="0180", utbildning=2)], rows)
    return db


@pytest.fixture(scope="module")
def frame(store):
    return catalogue.catalogue(store)


def _same(found: catalogue.Found, expected: pd.DataFrame) -> None:
    assert found.total == len(expected)
    got = found.rows[COLUMNS].astype(object).where(found.rows[COLUMNS].notna(), None)
    want = expected[COLUMNS].astype(object).where(expected[COLUMNS].notna(), None)
    assert got.values.tolist() == want.values.tolist()


@pytest.mark.parametrize("query", [
    Query(), Query(ar=2024), Query(ar=2023), Query(ar=2022), Query(ar=2024, typ="civilsamhalle"),
    Query(text="forskola"), Query(text="CHATTBOT"), Query(text="  potthal "), Query(text="(a+b)"),
    Query(text=".*"), Query(text="[länk]("), Query(text="oversattning"), Query(lan=("12",)),
    Query(kommun="0114"), Query(kommuner=("0114", "2480")), Query(kommuner=("0114",), ar=2024), Query(sektor=("kollektivtrafik",)), Query(mognad=(3, 4)), Query(teknik=("prediktion",)),
    Query(utvarderad=("ja",)), Query(utvarderad=("okant",)), Query(utvarderad=("nej", "okant"), ar=2024),
    Query(ar=2024, text="chattbot", kommun="0114", mognad=(3,)),
], ids=repr)
def test_find_gives_the_rows_and_ids_of_search(store, frame, query):
    _same(catalogue.find(store, query, limit=None), catalogue.search(frame, query))


def test_find_returns_at_most_limit_rows_and_counts_them_all(store, frame):
    expected = catalogue.search(frame, Query(ar=2024))
    found = catalogue.find(store, Query(ar=2024), limit=2)
    assert found.total == len(expected) == 5 and found.limited
    assert list(found.rows["id"]) == list(expected["id"][:2])
    assert catalogue.find(store, Query(ar=2024), limit=0).total == 5
    assert not catalogue.find(store, Query(ar=2024), limit=5).limited


def test_equal_keys_are_numbered_in_the_order_they_were_loaded(tmp_path):
    db = reference_store(tmp_path / "ties.duckdb")
    same = dict(ar=2024, kommunkod="0180", titel="Samma titel", sektor="utbildning", teknik="chattbot")
    add_survey(db, [], [initiative(**same, mognad=1, beskrivning="första"),
                        initiative(**same, mognad=2, beskrivning="andra")])
    expected = catalogue.catalogue(db)
    found = catalogue.find(db, Query(), limit=None)
    assert list(found.rows["beskrivning"]) == list(expected["beskrivning"]) == ["första", "andra"]
    assert list(found.rows["id"]) == [0, 1]


def test_find_same_kind_equals_same_kind(store, frame):
    for initiative_id in frame["id"]:
        row = frame[frame["id"] == initiative_id].iloc[0]
        expected = catalogue.same_kind(frame, int(initiative_id))
        found = catalogue.find_same_kind(store, row["sektor"], row["teknik"], row["kommunkod"], limit=None)
        assert found.total == len(expected)
        assert found.rows.astype(str).values.tolist() == expected.astype(str).values.tolist()


def test_find_same_kind_is_limited_and_counts_all(store, frame):
    row = frame[frame["titel"] == "Chattbot för FÖRSKOLA"].iloc[0]
    found = catalogue.find_same_kind(store, row["sektor"], row["teknik"], row["kommunkod"], limit=1)
    assert found.total == 2 and list(found.rows["kommunkod"]) == ["0114"] and found.limited


def test_store_search_takes_values_only_as_parameters(store):
    rows, total = store.search_initiatives(store.current_version(), needle="'; drop table initiative; --")
    assert total == 0 and rows.empty
    assert store.search_initiatives(store.current_version(), needle="")[1] == 7


def test_the_pages_search_download_and_titles(store, frame, monkeypatch):
    from adoption.metrics.filters import Filter

    query = catalogue.page_query(Filter(ar=2024, lan=("01",)), "bot", (2,), ("chattbot",), ("nej",))
    assert query == Query(text="bot", ar=2024, lan=("01",), mognad=(2,), teknik=("chattbot",), utvarderad=("nej",))
    everything = catalogue.page_query(Filter(ar=2024))
    found = catalogue.find(store, everything, 1)
    assert found.limited and catalogue.download_count(found) == found.total
    assert len(catalogue.download_rows(store, everything, found)) == found.total  # the file holds every match
    whole = catalogue.find(store, everything, None)
    assert catalogue.download_rows(store, everything, whole) is whole.rows
    monkeypatch.setattr(catalogue, "DOWNLOAD_LIMIT", 1)
    assert catalogue.download_count(found) == 1 and len(catalogue.download_rows(store, everything, found)) == 1

    titles = catalogue.titles(frame)
    first = frame.iloc[0]
    assert titles[int(first["id"])] == f"{first['titel']} – {first['kommun']} ({first['ar']})"
    one = catalogue.initiative(frame, int(first["id"]))
    assert one["titel"] == first["titel"]
    described = frame[frame["titel"] == "Översättning"].iloc[0]
    assert catalogue.description_text(described) == "Tolkstöd."
    assert catalogue.description_text(pd.Series({"beskrivning": None})) == "–"
