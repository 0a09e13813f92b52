"""Sektorer in AppTest: stage shares and barriers equal the registry's, filters from the URL, both languages."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting

from . import conftest
from .conftest import no_exceptions

PAGE = "pages/sektorer.py"


def open_sektorer(db: str, monkeypatch, **query) -> AppTest:
    return conftest.open_page(db, monkeypatch, PAGE, **query)


def _tables(at):
    return [d.value for d in at.dataframe]


def test_stage_table_matches_the_registry(demo_db_template, monkeypatch):
    at = open_sektorer(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    assert at.title[0].value == "Sektorer"
    stages, detail, barriers = _tables(at)
    store = Store(demo_db_template)
    for year in (2024, 2023):
        result = metrics.compute(store, "sektor_fordelning", Filter(ar=year))
        for b in result.breakdown:
            if b["sektor"] != "vard_omsorg":
                continue
            line = stages[(stages["Verksamhetsområde"] == "Vård och omsorg") & (stages["År"] == str(year))].iloc[0]
            assert line["Besvarat (N)"] == formatting.number(b["denominator"])
            assert line["Inget svar"] == formatting.number(b["inget_svar"])
            if b["mognad"] == 3:
                assert line["I drift"] == formatting.percent(b["value"])
    assert "Mognad per verksamhetsområde 2024 jämfört med 2023" in [s.value for s in at.subheader]
    assert len(at.get("vega_lite_chart")) == 2
    result = metrics.compute(store, "hinder_topp", Filter(ar=2024))
    top = max(result.breakdown, key=lambda b: b["value"])
    assert barriers.iloc[0]["Andel 2024"] == formatting.percent(top["value"])
    assert barriers.iloc[0]["Bas (n av N)"] == f"{top['numerator']} av {top['denominator']} svarande"
    captions = " ".join(c.value for c in at.caption)
    assert "ingår inte i nämnaren" in captions
    keys = {b.key for b in at.get("download_button")}
    assert {f"download_{kind}_{name}" for kind in ("csv", "xlsx")
            for name in ("sektorer_mognad", "sektorer_hinder")} == keys


def test_filters_from_the_url(demo_db_template, monkeypatch):
    at = open_sektorer(demo_db_template, monkeypatch, ar="2023", lan="12", typ="civilsamhalle",
                       sektor=["utbildning", "miljo"])
    no_exceptions(at)
    assert at.sidebar.multiselect[0].value == ["12"]
    assert sorted(at.sidebar.multiselect[1].value) == ["miljo", "utbildning"]
    stages = _tables(at)[0]
    assert set(stages["Verksamhetsområde"]) == {"Skola och förskola", "Miljö, energi, vatten och avfall"}
    flt = Filter(ar=2023, lan=("12",), typ="civilsamhalle", sektor=("utbildning",))
    b = [x for x in metrics.compute(Store(demo_db_template), "sektor_fordelning", flt).breakdown
         if x["mognad"] == 0][0]
    line = stages[(stages["Verksamhetsområde"] == "Skola och förskola") & (stages["År"] == "2023")].iloc[0]
    expected = "för få svar" if b["suppressed"] else formatting.percent(b["value"])
    assert line["Ingen aktivitet"] == expected
    assert any("Sektorfiltret påverkar inte hindren" in c.value for c in at.caption)


def test_suppressed_civil_society_figures(demo_db_template, monkeypatch):
    at = open_sektorer(demo_db_template, monkeypatch, ar="2022", lan="09", typ="civilsamhalle")
    no_exceptions(at)
    stages = _tables(at)[0]
    assert (stages["Ingen aktivitet"] == "för få svar").all()
    assert (stages["Besvarat (N)"] == "för få svar").all()
    assert any("färre än 3" in c.value for c in at.caption)


def test_english(demo_db_template, monkeypatch):
    at = open_sektorer(demo_db_template, monkeypatch, lang="en", ar="2024")
    no_exceptions(at)
    assert at.title[0].value == "Sectors"
    stages = _tables(at)[0]
    result = metrics.compute(Store(demo_db_template), "sektor_fordelning", Filter(ar=2024))
    b = [x for x in result.breakdown if x["sektor"] == "utbildning" and x["mognad"] == 4][0]
    line = stages[(stages["Sector"] == "Education") & (stages["Year"] == "2024")].iloc[0]
    assert line["In production, evaluated and scaled"] == formatting.percent(b["value"], "en")


def test_first_year_has_nothing_to_compare(demo_db_template, monkeypatch):
    at = open_sektorer(demo_db_template, monkeypatch, ar="2022")
    no_exceptions(at)
    assert set(_tables(at)[0]["År"]) == {"2022"}
    assert any("ingen tidigare enkät" in c.value for c in at.caption)


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_sektorer(demo_db_template, monkeypatch, ar="1999", lan="0180'; DROP TABLE x;--", sektor="nope",
                       typ="<script>")
    no_exceptions(at)
    notice = " ".join(w.value for w in at.warning)
    assert "1999" in notice and "lan" in notice and "nope" in notice and "typ" in notice
    assert _tables(at)[0]["År"].iloc[0] == str(max(Store(demo_db_template).survey_years(
        Store(demo_db_template).current_version())))


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_sektorer(empty_db_template, monkeypatch)
    no_exceptions(at)
    assert any("inga enkätsvar" in i.value for i in at.info)
    assert not at.dataframe
