"""Kommun in AppTest: the profile of one municipality, figures equal to the registry's."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from adoption import metrics
from adoption.metrics import similarity
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import i18n, present
from adoption.ui import view
from adoption.views import profile

from . import conftest
from .conftest import no_exceptions

PAGE = "pages/kommun.py"


def open_page(db: str, monkeypatch, page: str = PAGE, **query) -> AppTest:
    return conftest.open_page(db, monkeypatch, page, **query)


def _frames(at) -> list:
    return [d.value for d in at.dataframe]


def _comparison(at, label: str):
    for frame in _frames(at):
        if label in frame.columns and "Område" in frame.columns and "Jämförelse" in frame.columns:
            return frame
        if label in frame.columns and "Area" in frame.columns and "Comparison" in frame.columns:
            return frame
    raise AssertionError("no comparison table")


@pytest.fixture(scope="module")
def store(demo_db_template) -> Store:
    return Store(demo_db_template)


def test_profile_of_stockholm_matches_the_registry(demo_db_template, store, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, kommun="0180", ar="2024")
    no_exceptions(at)
    assert at.title[0].value == "Stockholm"
    assert any("Kommunkod 0180 · Stockholms län" in c.value for c in at.caption)

    # the stage grid is the municipality's own answers as given
    grid = _frames(at)[0]
    for cell in profile.stage_history(store, "0180"):
        assert grid.loc[i18n.label("sektor", cell.sektor), str(cell.ar)] == profile.cell_text(cell)

    # comparisons: municipality, county, country and the similar municipalities, from the registry
    table = _comparison(at, "Mognadsindex")
    by_area = {row["Område"]: row for _, row in table.iterrows()}
    for area, flt in (("Stockholm", Filter(ar=2024, kommun="0180")), ("Stockholms län", Filter(ar=2024, lan=("01",))),
                      ("Hela riket", Filter(ar=2024))):
        for metric_id in ("mognadsindex", "andel_ai_i_drift"):
            expected = metrics.compute(store, metric_id, flt)
            assert by_area[area][metrics.get(metric_id).label_sv] == present.value(expected), (area, metric_id)
    # the similar municipalities are one pooled figure, with its base and interval
    likeness = similarity.most_similar(store, "0180", 2024)
    assert len(likeness.similar) == 5
    pooled = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, kommun=[s.kommunkod for s in likeness.similar]))
    row = by_area["De 5 mest liknande kommunerna"]
    assert row["Jämförelse"] == "Liknande kommuner"
    assert row["Andel med AI i drift"] == present.value(pooled)
    assert row["Andel med AI i drift: Bas"] == present.base(pooled)
    assert row["Andel med AI i drift: 95 % KI"] == present.interval(pooled) != ""
    # and each of them is listed with its distance split by factor
    neighbours = next(f for f in _frames(at) if "Avstånd (0–1)" in f.columns)
    assert list(neighbours["Område"]) == [f"{s.name} ({s.kommunkod})" for s in likeness.similar]
    riket = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024))
    assert by_area["Hela riket"]["Andel med AI i drift: Bas"] == present.base(riket)
    assert by_area["Hela riket"]["Andel med AI i drift: 95 % KI"] == present.interval(riket)

    # how likeness is measured is said on the page
    assert any("genomsnittliga skillnaden i mognadsnivå" in c.value for c in at.caption)
    # print-friendly CSS, with no external resources (the print-only header beside it names the page's link)
    css = " ".join(h.proto.body.split("</style>")[0] for h in at.get("html") if "<style>" in h.proto.body)
    assert "@media print" in css and "stSidebar" in css and "http" not in css
    assert at.sidebar.selectbox[-1].value == "0180"
    keys = {b.key for b in at.get("download_button")}
    tables = ["mognad", "jamforelse", "liknande", "trend", "sektorer", "fordelning"]
    if not profile.initiatives(store, "0180").empty:
        tables.append("initiativ")
    assert {f"download_{kind}_kommun_{name}" for kind in ("csv", "xlsx") for name in tables} | {"report_pdf_kommun"} == keys


def test_sector_comparison_reads_the_registry(demo_db_template, store, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, kommun="1280", ar="2023")
    no_exceptions(at)
    table = next(f for f in _frames(at) if "Kommunens nivå" in f.columns)
    rows, lan, _ = profile.sector_comparison(store, "1280", "12", 2023)
    assert list(table["Kommunens nivå"]) == [profile.cell_text(r.own) for r in rows]
    assert list(table["Skåne län: andel på samma nivå"]) == [profile.same_stage_text(r.lan_same) for r in rows]
    assert lan == metrics.compute(store, "sektor_fordelning", Filter(ar=2023, lan=("12",)))


def _non_responding(store: Store) -> tuple[str, int]:
    responses = store.responses(store.current_version())
    municipal = responses[responses["typ"] == "kommun"]
    answered = municipal.groupby("kommunkod")["ar"].apply(set)
    years = set(store.survey_years(store.current_version()))
    for code, got in sorted(answered.items()):
        if len(got) == len(years) - 1:
            return code, min(years - got)
    raise AssertionError("demo data has no municipality missing one year")


def test_a_year_without_answer_says_inget_svar(demo_db_template, store, monkeypatch):
    code, year = _non_responding(store)
    at = open_page(demo_db_template, monkeypatch, PAGE, kommun=code)
    no_exceptions(at)
    assert any(f"svarade inte på enkäten {year}" in c.value for c in at.caption)
    grid = _frames(at)[0]
    assert set(grid[str(year)]) == {"inget svar"}


def test_without_a_municipality_a_picker_and_an_explanation(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE)
    no_exceptions(at)
    assert any("Välj en kommun i sidofältet" in i.value for i in at.info)
    picker = at.sidebar.selectbox[-1]
    # "All" is shown by its label (a None option would read "Choose an option").
    assert picker.label == "Kommun" and picker.value == view.ANY and picker.options[0] == "Alla"
    picker.set_value("0180").run()
    no_exceptions(at)
    assert at.title[0].value == "Stockholm"


def test_english(demo_db_template, store, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, kommun="0180", lang="en", ar="2025")
    no_exceptions(at)
    assert any("Municipality code 0180" in c.value for c in at.caption)
    table = _comparison(at, "Maturity index")
    country = table[table["Area"] == "Whole country"].iloc[0]
    expected = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2025))
    assert country["Share with AI in production"] == present.value(expected, "en")
    assert any("mean difference in stage" in c.value for c in at.caption)


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE)
    conftest.with_url(at, kommun="0180'; DROP TABLE x;--", ar="1999")
    conftest.dropped_with_a_notice(at, "kommun", "1999")
    assert any("Välj en kommun" in i.value for i in at.info)
    conftest.with_url(at, kommun="9999")
    no_exceptions(at)
    assert any("9999" in w.value for w in at.warning)


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_page(empty_db_template, monkeypatch, PAGE, kommun="0180")
    conftest.says_there_are_no_answers(at)
    assert not at.dataframe
