"""Interface strings and labels in Swedish and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adoption import vocab
from adoption.errors import AdoptionError
from adoption.metrics import REGISTRY, get
from adoption.metrics.filters import KEYS, NIVAER, TYPER, Known, from_query
from adoption.text import i18n
from adoption.text.i18n import TEXTS, label, t

ROOT = Path(__file__).resolve().parents[2]


def test_every_key_has_swedish_and_english():
    for key, entry in TEXTS.items():
        assert set(entry) == {"sv", "en"}, key
        assert entry["sv"].strip() and entry["en"].strip(), key


def test_placeholders_match_between_languages():
    field = re.compile(r"\{(\w*)\}")
    for key, entry in TEXTS.items():
        assert sorted(field.findall(entry["sv"])) == sorted(field.findall(entry["en"])), key


def test_required_strings():
    assert t("app.title", "sv") == "AI i kommuner och civilsamhälle"
    assert t("app.title", "en") == "AI in municipalities and civil society"
    pages = {"oversikt": "Overview", "karta": "Map", "sektorer": "Sectors", "mal": "Goals",
             "kommun": "Municipality", "civilsamhalle": "Civil society", "initiativ": "Initiatives",
             "om_data": "About the data"}
    for page, english in pages.items():
        assert t(f"page.{page}", "en") == english
    assert t("page.om_data") == "Om data" and t("page.mal") == "Mål"
    assert t("value.no_answer", "en") == "no answer" and t("value.no_answer") == "inget svar"
    assert t("value.not_applicable") == "ej tillämplig" and t("value.too_few", "en") == "too few answers"
    assert "Demodata" in t("banner.demo", "sv")
    filters = {"ar": ("År", "Year"), "lan": ("Län", "County"), "kommun": ("Kommun", "Municipality"),
               "sektor": ("Sektor", "Sector"), "typ": ("Typ", "Kind"), "matt": ("Mått", "Metric"),
               "niva": ("Nivå", "Level"), "lang": ("Språk", "Language")}
    for key, (sv, en) in filters.items():
        assert (t(f"filter.{key}", "sv"), t(f"filter.{key}", "en")) == (sv, en)


def test_every_url_key_has_a_filter_label():
    for key in KEYS:
        assert t(f"filter.{key}", "en")


def test_unknown_key_raises_and_unknown_language_falls_back_to_swedish():
    with pytest.raises(KeyError):
        t("no.such.key", "sv")
    assert t("page.karta", "de") == "Karta"
    assert t("page.karta") == "Karta"


def test_missing_english_falls_back_to_swedish(monkeypatch):
    monkeypatch.setitem(TEXTS, "test.only_sv", {"sv": "Bara svenska"})
    assert t("test.only_sv", "en") == "Bara svenska"


def test_every_key_used_in_code_exists():
    """Literal t("...") calls anywhere in the app must name an existing key."""
    used = set()
    pattern = re.compile(r"""\bt\(\s*["']([\w.]+)["']""")
    for path in [ROOT / "app.py", *ROOT.glob("adoption/**/*.py"), *ROOT.glob("pages/**/*.py")]:
        if path.exists():
            used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    missing = sorted(used - set(TEXTS))
    assert not missing, missing


def test_every_notice_the_parser_can_give_has_text():
    params = {"ar": ["x", "2023"], "lan": ["99", "x", ""], "kommun": ["0180"], "sektor": ["nope"],
              "typ": ["X"], "v": ["7"]}
    codes = {n.code for n in from_query(params, known=Known(years=(2024,), lan=("01", "03"),
                                                              kommun={"0180": "01"}))[1]}
    assert codes == {"repeated", "format", "unknown", "empty", "no_data"}
    for code in ("empty", "format", "unknown", "no_data", "repeated", "kommun_not_in_lan", "more", "heading",
                 "no_groups", "kommun_not_in_grupp"):
        assert t(f"notice.{code}", "sv") and t(f"notice.{code}", "en")


def test_every_sector_has_an_english_label():
    for sector in vocab.sectors():
        sv, en = label("sektor", sector.code, "sv"), label("sektor", sector.code, "en")
        assert sv == sector.name_sv and en == sector.name_en and en.strip(), sector.code
    assert label("sektor", "utbildning", "en") == "Education"
    assert label("sektor", "utbildning", "sv") == "Skola och förskola"


def test_every_stage_has_an_english_label_by_code_and_value():
    for stage in vocab.stages():
        assert label("mognad", stage.code, "en") == stage.name_en and stage.name_en.strip()
        assert label("mognad", stage.value, "en") == stage.name_en
        assert label("mognad", str(stage.value), "sv") == stage.name_sv
    assert label("mognad", vocab.NOT_APPLICABLE, "en") == "not applicable"
    assert label("mognad", ".", "sv") == "ej tillämplig"


@pytest.mark.parametrize("vocabulary", ["typ", "org_kategori", "ai_strategi", "hinder", "teknik", "nytta",
                                        "kommungrupp", "huvudgrupp"])
def test_every_vocabulary_term_has_an_english_label(vocabulary):
    for term in vocab.terms(vocabulary):
        assert label(vocabulary, term.code, "en") == term.label_en and term.label_en.strip(), term.code
        assert label(vocabulary, term.code, "sv") == term.label_sv


def test_labels_for_view_options():
    assert [label("typ", c, "en") for c in TYPER] == ["Municipality", "Civil society"]
    assert [label("niva", c, "en") for c in NIVAER] == ["Municipality", "County", "Municipality group"]
    assert [label("lang", c, "sv") for c in i18n.LANGS] == ["Svenska", "Engelska"]


def test_unknown_code_is_shown_as_is_and_unknown_vocabulary_raises():
    assert label("sektor", "okand", "en") == "okand"
    assert label("hinder", "okand", "en") == "okand"
    with pytest.raises(KeyError):
        label("no_such_vocabulary", "x", "sv")


def test_every_metric_has_an_english_label():
    for metric_id, metric in REGISTRY.items():
        assert get(metric_id).label("en") == metric.label_en and metric.label_en.strip(), metric_id
        assert get(metric_id).label("sv") == metric.label_sv
        assert metric.label("en") != metric.label("sv") or metric_id == "mognadsindex"
    assert get("andel_ai_aktivitet").label("en") == "Share with any AI activity"
    with pytest.raises(AdoptionError):
        get("no_such_metric")
