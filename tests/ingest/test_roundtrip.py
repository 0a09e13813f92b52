"""The whole demo export validates with zero errors and loads back to the same export."""

import pytest

from adoption import bootstrap
from adoption.ingest import export, validate
from adoption.store import Store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("rt") / "demo.duckdb")
    bootstrap.initialise(store, with_demo=True)
    return store


def test_demo_export_round_trips(demo_store, tmp_path):
    ref = demo_store.municipalities()
    version = demo_store.current_version()
    frames, texts = {}, {}
    for kind in ("enkatsvar", "initiativ"):
        texts[kind] = export.to_csv_bytes(export.frame_for(kind, demo_store, version))
        result = validate(texts[kind], f"{kind}.csv", kind, ref)
        assert result.errors == [], result.errors[:5]
        assert result.fuzzy_matches == []
        frames[kind] = result.frame

    fresh = Store(tmp_path / "fresh.duckdb")
    bootstrap.initialise(fresh, with_demo=False)
    new_version = fresh.add_survey(frames["enkatsvar"], frames["initiativ"], action="upload",
                                   description="test", created_by="test")
    for kind in ("enkatsvar", "initiativ"):
        again = export.to_csv_bytes(export.frame_for(kind, fresh, new_version))
        assert again == texts[kind], kind


def test_formula_text_round_trips(demo_store, municipalities):
    import pandas as pd

    frame = export.initiative_frame(demo_store, demo_store.current_version()).head(1).copy()
    frame["titel"] = export.neutralise("=HYPERLINK(\"x\")")
    frame["beskrivning"] = export.neutralise("-minus först")
    result = validate(export.to_csv_bytes(frame), "i.csv", "initiativ", municipalities)
    assert result.errors == []
    assert result.frame.loc[0, "titel"] == '=HYPERLINK("x")'
    assert result.frame.loc[0, "beskrivning"] == "-minus först"
    assert isinstance(result.frame, pd.DataFrame)
