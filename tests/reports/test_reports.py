"""PDF reports read back with pypdf: the registry's figures in the report's language, page counts,
embedded fonts, metadata and tags, the demo watermark, pinned data versions, and the command line."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from adoption import cli, metrics, reports
from adoption.metrics.filters import Filter
from adoption.reports import kommun as kommun_report
from adoption.store import Store
from adoption.text import formatting
from adoption.views import overview
from tests import builders

# In the demo data Ängelholm answered every sector in every survey year and reported five initiatives
# in 2024 (as many as a municipality report lists). Every demo municipality answers at least two
# years, so the report of one that never answered is built on a small store of its own.
FULL = "1292"
NEVER = "0765"


@pytest.fixture(scope="module")
def demo(demo_db_template) -> Store:
    return Store(demo_db_template)


def text_of(pdf: bytes) -> str:
    """The report's text, with runs of white space (line ends, no-break spaces) as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def value_text(result: metrics.MetricResult, lang: str) -> str:
    """The registry's value as a reader sees it, formatted here (not by the report's code)."""
    if result.unit == "share":
        return formatting.percent(result.value, lang)
    return formatting.number(result.value, lang, decimals=1)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_municipality_report_holds_the_registrys_figures(demo, lang):
    text = text_of(reports.build(demo, reports.Scope("kommun", "1480"), 2024, lang))
    of = "av" if lang == "sv" else "of"
    for metric_id in kommun_report.METRICS:
        own = metrics.compute(demo, metric_id, Filter(ar=2024, kommun="1480"))
        county = metrics.compute(demo, metric_id, Filter(ar=2024, lan=("14",)))
        country = metrics.compute(demo, metric_id, Filter(ar=2024))
        assert squash(value_text(own, lang)) in text, metric_id
        for result in (county, country):
            assert squash(value_text(result, lang)) in text, metric_id
            if result.unit == "share":
                base = f"{formatting.number(result.numerator, lang)} {of} {formatting.number(result.denominator, lang)}"
                # The unit once, after the upper bound: "75,9–95,8 %" (the presenter's rule).
                low, high = formatting.number(result.ci_low * 100, lang, decimals=1), formatting.percent(result.ci_high, lang)
            else:
                base = formatting.number(result.n, lang)
                low, high = formatting.number(result.ci_low, lang, 1), formatting.number(result.ci_high, lang, 1)
            assert squash(base) in text, metric_id
            assert squash(f"{low}–{high}") in text, metric_id
    assert ("Nyckeltal 2024" if lang == "sv" else "Key figures 2024") in text
    assert "v=1" in text and "kommun=1480" in text


def test_county_report_holds_key_figures_with_their_change(demo):
    text = text_of(reports.build(demo, reports.Scope("lan", "14"), 2024))
    for headline in overview.headlines(demo, Filter(ar=2024, lan=("14",)), None):
        result = headline.result
        assert value_text(result, "sv") in text, result.metric
        change = overview.change_text(headline, "sv")  # the overview card's words, by the same presenter
        assert change and "sedan 2023" in change and squash(change) in squash(text), result.metric
    assert "Västra Götalands län" in text and "Mognadsindex per kommun 2024" in text
    assert "Regel:" in text  # the goals' status rule


@pytest.mark.parametrize(("kind", "code", "lang", "most"), [
    ("kommun", FULL, "sv", 2), ("kommun", FULL, "en", 2), ("kommun", NEVER, "sv", 2),
    ("lan", "14", "sv", 4), ("lan", "14", "en", 4), ("riket", None, "sv", 4),
])
def test_page_counts(demo, kind, code, lang, most):
    assert 1 <= pages(reports.build(demo, reports.Scope(kind, code), 2024, lang)) <= most


def test_a_municipality_that_never_answered_says_so(tmp_path):
    store = builders.reference_store(tmp_path / "never.duckdb")
    builders.add_survey(store, [builders.response(ar=2024, kommunkod="0760", utbildning=3),
                                builders.response(ar=2024, kommunkod="0781", utbildning=2)])
    text = text_of(reports.build(store, reports.Scope("kommun", NEVER), 2024))
    assert "Kommunen har inte svarat på någon enkät i databasen" in text
    assert "inget svar" in text


def _fonts(resources, found: dict) -> None:
    """Every font of a page's resources and of the forms (the charts) it draws, by name."""
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            _fonts(xobject.get("/Resources"), found)


def test_fonts_are_embedded_and_metadata_and_tags_are_set(demo):
    pdf = reports.build(demo, reports.Scope("kommun", "1480"), 2024, "sv")
    reader = PdfReader(io.BytesIO(pdf))
    found: dict = {}
    for page in reader.pages:
        _fonts(page.get("/Resources"), found)
    assert found
    for name, font in found.items():
        assert "Inter" in name, name
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
    meta = reader.metadata
    assert meta.title == "AI i Göteborg 2024"
    assert meta.author == "AI i kommuner och civilsamhälle"
    assert "Kommunrapport" in meta.subject and "dataversion 1" in meta.subject
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    assert "Göteborg" in text_of(pdf) and "Västra Götalands län" in text_of(pdf)  # å, ä, ö come back as text


def test_english_report_is_english(demo):
    pdf = reports.build(demo, reports.Scope("kommun", "1480"), 2024, "en")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == "AI in Göteborg 2024"
    text = text_of(pdf)
    assert "Demo data" in text and "Similar municipalities" in text and "lang=en" in text


# -- a store without demo rows ---------------------------------------------------------------


def real_store(path) -> tuple[Store, int]:
    """Three municipalities of Västra Götaland in 2023 and 2024, real (not demo) rows, and one initiative
    whose title is Typst markup (it must come out as the same text)."""
    store = builders.reference_store(path)
    rows = []
    for ar, stage in ((2023, 1), (2024, 3)):
        rows += [builders.response(ar=ar, kommunkod="1480", organisation="Göteborgs stad", ai_strategi=2,
                                   utbildning=stage, vard_omsorg=stage - 1),
                 builders.response(ar=ar, kommunkod="1401", organisation="Härryda kommun", ai_strategi=0,
                                   utbildning=1, vard_omsorg=0),
                 builders.response(ar=ar, kommunkod="1402", organisation="Partille kommun", utbildning=2)]
    titles = [builders.initiative(ar=2024, kommunkod="1480", titel='#panic("x") *fet* $x^2$ <etikett> @ref',
                                  sektor="utbildning", mognad=3, teknik="chattbot", utvarderad=True)]
    return store, builders.add_survey(store, rows, titles)


def test_no_watermark_without_demo_rows_and_markup_stays_text(tmp_path, demo):
    store, _ = real_store(tmp_path / "real.duckdb")
    text = text_of(reports.build(store, reports.Scope("kommun", "1480"), 2024))
    assert "Demodata" not in text
    assert '#panic("x") *fet* $x^2$ <etikett> @ref' in text
    assert "Demodata" in text_of(reports.build(demo, reports.Scope("kommun", "1480"), 2024))


def test_a_pinned_version_keeps_its_figures_after_a_new_upload(tmp_path):
    store, first = real_store(tmp_path / "real.duckdb")
    scope = reports.Scope("lan", "14")
    before = reports.build(store, scope, 2024)
    old = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, lan=("14",)), version=first)
    second = builders.add_survey(store, [builders.response(ar=2024, kommunkod=code, organisation=f"Kommun {code}",
                                                           utbildning=4)
                                         for code in ("1415", "1419", "1421", "1427")])
    new = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, lan=("14",)))
    assert (new.numerator, new.denominator) != (old.numerator, old.denominator)

    pinned = reports.build(store, scope, 2024, version=first)
    assert pinned == before  # the same file as before the upload
    current = text_of(reports.build(store, scope, 2024))
    assert f"{formatting.number(old.numerator)} av {formatting.number(old.denominator)} svarande" in text_of(pinned)
    assert f"{formatting.number(new.numerator)} av {formatting.number(new.denominator)} svarande" in current
    assert f"v={first}" in text_of(pinned) and f"v={second}" in current


def test_links_start_with_the_public_address(demo, monkeypatch):
    monkeypatch.setenv(reports.PUBLIC_URL_ENV, "https://ai.example.se")
    pdf = reports.build(demo, reports.Scope("riket"), 2024, base_url=reports.public_url())
    assert "https://ai.example.se/?ar=2024&v=1" in text_of(pdf)
    assert reports.file_name(reports.Scope("riket"), 2024, "en", 1) == "rapport_2024_v1_en.pdf"
    assert reports.file_name(reports.Scope("kommun", "1480"), 2024, "sv", 3) == "rapport_2024_kommun-1480_v3.pdf"


# -- the command line --------------------------------------------------------------------------


def test_command_writes_the_same_file_as_build(demo_db_template, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(reports.PUBLIC_URL_ENV, raising=False)
    out = tmp_path / "goteborg.pdf"
    code = cli.main(["rapport", "--kommun", "1480", "--ar", "2024", "--db", demo_db_template, "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes() == reports.build(Store(demo_db_template), reports.Scope("kommun", "1480"), 2024)
    assert "Skrev rapporten" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "message"), [
    (["--grupp", "A1"], "Inga kommungrupper är inlästa i dataversion 1"),  # the demo data has no groups
    (["--grupp", "A7"], "Okänd kommungrupp ”A7”"),
    (["--kommun", "9999"], "Kommunkoden 9999 finns inte bland kommunerna"),
    (["--kommun", "18"], "Ogiltig kommunkod"),
    (["--lan", "99"], "Länskoden 99 finns inte bland länen"),
    (["--riket", "--ar", "2019"], "Det finns inga enkätsvar för år 2019"),
    (["--riket", "--version", "42"], "Dataversion 42 finns inte"),
])
def test_command_errors_are_swedish_and_exit_1(demo_db_template, tmp_path, capsys, argv, message):
    out = tmp_path / "x.pdf"
    code = cli.main(["rapport", *argv, "--db", demo_db_template, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err
    assert not out.exists()
