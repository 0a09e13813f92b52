"""The survey readers narrow by respondent type and municipality in SQL, with the rows the
unfiltered read gives (the profile page reads one municipality this way)."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption.store import Store

from ..builders import add_survey, initiative, reference_store, response


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    db = reference_store(tmp_path_factory.mktemp("reads") / "reads.duckdb")
    add_survey(db, [
        response(ar=2023, kommunkod="0180", vard_omsorg=1, utbildning=-1),
        response(ar=2024, kommunkod="0180", vard_omsorg=2),
        response(ar=2024, kommunkod="0114", vard_omsorg=4, miljo=3),
        response(ar=2024, typ="civilsamhalle", kommunkod="0180", organisation="Föreningen", vard_omsorg=0),
    ], [
        initiative(ar=2024, kommunkod="0180", titel="Bot", sektor="utbildning", mognad=2, teknik="chattbot"),
        initiative(ar=2023, kommunkod="0180", titel="Schema", sektor="utbildning", mognad=3),
        initiative(ar=2024, kommunkod="0180", organisation="Föreningen", titel="Föreningsbot",
                   sektor="kultur_fritid", mognad=1),
        initiative(ar=2024, kommunkod="0114", titel="Annan", sektor="miljo", mognad=1),
    ])
    # A second version changes Stockholm's 2024 answer: each version reads its own rows.
    add_survey(db, [response(ar=2024, kommunkod="0180", vard_omsorg=3, miljo=1)])
    return db


def _pick(frame: pd.DataFrame, **equal) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    for column, value in equal.items():
        keep &= frame[column] == value
    return frame[keep].reset_index(drop=True)


def _same(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """Same columns and values (an all-empty column may get another dtype in a narrower read)."""
    assert list(left.columns) == list(right.columns)
    assert len(left) == len(right) > 0
    return left.to_json(orient="records") == right.to_json(orient="records")


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("ar", [None, 2024])
def test_responses_of_one_municipality_equal_the_filtered_whole(store, version, ar):
    whole = store.responses(version, ar)
    own = store.responses(version, ar, typ="kommun", kommun="0180")
    assert _same(own, _pick(whole, typ="kommun", kommunkod="0180"))
    assert set(own["kommunkod"]) == {"0180"} and set(own["typ"]) == {"kommun"}


def test_filtered_responses_keep_their_own_stages(store):
    own = store.responses(2, typ="kommun", kommun="0180").set_index("ar")
    assert own.loc[2023, "mognad_vard_omsorg"] == 1 and own.loc[2023, "mognad_utbildning"] == -1
    assert own.loc[2024, "mognad_vard_omsorg"] == 3 and own.loc[2024, "mognad_miljo"] == 1
    assert pd.isna(own.loc[2024, "mognad_utbildning"])
    assert store.responses(1, typ="kommun", kommun="0180").set_index("ar").loc[2024, "mognad_vard_omsorg"] == 2
    civil = store.responses(2, typ="civilsamhalle", kommun="0180")
    assert civil["organisation"].tolist() == ["Föreningen"] and civil["mognad_vard_omsorg"].tolist() == [0]
    assert store.responses(2, typ="kommun", kommun="9999").empty


@pytest.mark.parametrize("ar", [None, 2024])
def test_initiatives_of_one_municipality_equal_the_filtered_whole(store, ar):
    whole = store.initiatives(2, ar)
    own = store.initiatives(2, ar, typ="kommun", kommun="0180")
    assert _same(own, _pick(whole, typ="kommun", kommunkod="0180"))
    assert sorted(store.initiatives(2, typ="kommun", kommun="0180")["titel"]) == ["Bot", "Schema"]
    assert store.initiatives(2, typ="civilsamhalle", kommun="0180")["titel"].tolist() == ["Föreningsbot"]
