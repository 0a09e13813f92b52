"""The report of an SKR municipality group or main group, read back with pypdf: the registry's figures as
the presenter words them, the group named in both languages, four pages at most, the classification file,
and the Swedish errors without groups or for an unknown code; the command line's ``rapport --grupp``.

The groups are the tests' constructed classification (``tests/builders.py``: A1 is Stockholm, Göteborg
and Malmö), imported through the upload pipeline into a copy of the demo database.
"""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader

from adoption import cli, metrics, reports
from adoption.errors import AdoptionError
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import present
from adoption.views import catalogue, overview
from tests import builders

from .test_reports import pages, squash, text_of

YEAR = 2024


@pytest.fixture(scope="module")
def grouped_db(demo_db_template, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("grupprapport") / "grupper.duckdb"
    shutil.copy(demo_db_template, path)
    builders.load_groups(Store(path), filename="kommungrupper.csv")
    return str(path)


@pytest.fixture(scope="module")
def store(grouped_db) -> Store:
    return Store(grouped_db)


@pytest.fixture(scope="module")
def a1_sv(store) -> bytes:
    return reports.build(store, reports.Scope("grupp", "A1"), YEAR, "sv")


def test_scope_filters_by_group():
    assert reports.Scope("grupp", "A1").filter == Filter(grupp="A1")
    assert reports.Scope("grupp", "A").filter == Filter(grupp="A")
    assert reports.file_name(reports.Scope("grupp", "A1"), YEAR, "sv", 2) == "rapport_2024_grupp-a1_v2.pdf"


def test_group_report_holds_the_key_figures_as_the_presenter_words_them(store, a1_sv):
    text = text_of(a1_sv)
    for headline in overview.headlines(store, Filter(ar=YEAR, grupp="A1"), None):
        result = headline.result
        assert squash(present.value(result, "sv")) in text, result.metric
        assert squash(present.base(result, "sv")) in text, result.metric
        change = overview.change_text(headline, "sv")
        if change:
            assert squash(change) in text, result.metric
    # the group beside its main group and the country, by the same registry
    for flt in (Filter(ar=YEAR, grupp="A"), Filter(ar=YEAR)):
        result = metrics.compute(store, "mognadsindex", flt)
        assert squash(f"{present.value(result, 'sv')}") in text and squash(present.base(result, "sv")) in text


def test_group_report_names_the_group_its_members_and_classification_file(store, a1_sv):
    text = text_of(a1_sv)
    reader = PdfReader(io.BytesIO(a1_sv))
    assert reader.metadata.title == f"AI i kommungrupp A1 Storstäder {YEAR}"
    assert "Grupprapport" in reader.metadata.subject
    assert "A1 Storstäder" in text and "huvudgrupp A Storstäder och storstadsnära kommuner" in text
    assert "SKR:s kommungruppsindelning 2023, inläst från filen kommungrupper.csv" in squash(text)
    assert "Mognadsindex per kommun i gruppen 2024" in text and "grupp=A1" in text
    # every member with its own figure; no municipality outside the group
    for code, name in (("0180", "Stockholm"), ("1480", "Göteborg"), ("1280", "Malmö")):
        own = metrics.compute(store, "mognadsindex", Filter(ar=YEAR, kommun=code))
        assert f"{name} {present.value(own, 'sv')}" in text
    assert "Uppsala" not in text
    # the initiatives are the members' (the catalogue narrowed to them)
    members = ("0180", "1280", "1480")
    found = catalogue.find(store, catalogue.Query(ar=YEAR, kommuner=members), limit=0)
    assert f"av {found.total} initiativ {YEAR} från gruppens kommuner" in text


def test_english_group_report(store):
    pdf = reports.build(store, reports.Scope("grupp", "A1"), YEAR, "en")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == f"AI in municipality group A1 Large cities {YEAR}"
    text = text_of(pdf)
    assert "A1 Large cities" in text and "main group A Large cities and municipalities near large cities" in text
    for headline in overview.headlines(store, Filter(ar=YEAR, grupp="A1"), None):
        assert squash(present.value(headline.result, "en")) in text, headline.result.metric
    assert "loaded from the file kommungrupper.csv" in squash(text)


def test_main_group_report_lists_its_groups(store):
    text = text_of(reports.build(store, reports.Scope("grupp", "A"), YEAR, "sv"))
    assert "A Storstäder och storstadsnära kommuner" in text and "Huvudgrupp A (kommungrupper: A1, A2)" in text
    for headline in overview.headlines(store, Filter(ar=YEAR, grupp="A"), None):
        assert squash(present.value(headline.result, "sv")) in text, headline.result.metric
    for result in metrics.compute(store, "mognadsindex", Filter(ar=YEAR, grupp="A"), by="grupp"):
        assert squash(f"{present.value(result, 'sv')} {present.base(result, 'sv')}") in text, result.area
    assert "karta?ar=2024&grupp=A" in text  # the municipalities' table is Karta's


@pytest.mark.parametrize(("code", "lang"), [("A1", "sv"), ("A1", "en"), ("A", "sv"), ("A2", "sv"), ("C", "en")])
def test_group_reports_fit_on_four_pages(store, a1_sv, code, lang):
    pdf = a1_sv if (code, lang) == ("A1", "sv") else reports.build(store, reports.Scope("grupp", code), YEAR, lang)
    assert 1 <= pages(pdf) <= 4


def test_without_groups_or_with_an_unknown_code_the_error_is_swedish(demo_db_template, store):
    demo = Store(demo_db_template)
    with pytest.raises(AdoptionError, match="Inga kommungrupper är inlästa i dataversion 1.*import-kommungrupper"):
        reports.build(demo, reports.Scope("grupp", "A1"), YEAR)
    with pytest.raises(AdoptionError, match="Okänd kommungrupp ”A7”: ange en av A, B, C, A1, A2, B3"):
        reports.build(store, reports.Scope("grupp", "A7"), YEAR)


def test_command_writes_the_group_report(grouped_db, store, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(reports.PUBLIC_URL_ENV, raising=False)
    out = tmp_path / "a1.pdf"
    code = cli.main(["rapport", "--grupp", "A1", "--ar", str(YEAR), "--lang", "en", "--db", grouped_db,
                     "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "Skrev rapporten" in capsys.readouterr().err
    assert out.read_bytes()[:5] == b"%PDF-"
    assert out.read_bytes() == reports.build(store, reports.Scope("grupp", "A1"), YEAR, "en")
