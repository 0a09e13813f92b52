"""Interface strings and labels in Swedish and English."""

from __future__ import annotations

import pytest

from adoption import vocab
from adoption.errors import AdoptionError
from adoption.metrics import REGISTRY, get
from adoption.metrics.filters import KEYS, NIVAER, TYPER, Known, from_query
from adoption.text import i18n, languages
from adoption.text.i18n import label, t, tn

# Every key in both languages, placeholders and the use of every key in the code:
# tests/text/test_catalogues.py.


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
    sv = i18n.catalogue("sv")
    texts = {**sv.texts, "test.only_sv": "Bara svenska"}
    plurals = {**sv.plurals, "test.plural_sv": ("{n} fel", "{n} fel")}
    monkeypatch.setattr(i18n, "catalogue", {"sv": i18n.Catalogue("sv", texts, plurals, sv.plural),
                                            "en": i18n.catalogue("en")}.get)
    assert t("test.only_sv", "en") == "Bara svenska" and i18n.has("test.only_sv")
    assert tn("test.plural_sv", 1, "en") == "1 fel"
    assert t("page.karta", "en") == "Map"


def test_plural_texts_take_the_form_of_the_count():
    assert [tn("headline.base.n", n, "en") for n in (0, 1, 2)] == ["0 respondents", "1 respondent", "2 respondents"]
    assert [tn("headline.base.n", n, "sv") for n in (1, 2)] == ["1 svarande", "2 svarande"]
    assert tn("headline.base.organisations", 1, "sv", numerator="1", denominator="1") == "1 av 1 organisation"
    assert tn("headline.base.organisations", 3, "sv", numerator="2", denominator="3") == "2 av 3 organisationer"
    assert tn("headline.base.respondents", 1, "en", numerator="1", denominator="1") == "1 of 1 respondent"
    assert tn("ladda_upp.report_warnings", 1, "sv") == "1 varning"
    assert tn("ladda_upp.report_warnings", 2, "sv") == "2 varningar"
    assert tn("ladda_upp.report_errors", 1, "en") == "1 error" and tn("ladda_upp.report_errors", 5, "sv") == "5 fel"


def test_the_count_is_written_in_the_language_unless_given():
    assert tn("kommun.initiatives_count", 1234, "sv").startswith("1\u00a0234 initiativ")  # no-break space
    assert tn("kommun.initiatives_count", 1234, "en").startswith("1,234 initiatives")
    assert tn("kommun.initiatives_count", 1, "en", n="one") == "one initiative reported by the municipality (all years)."


def test_t_and_tn_keep_to_their_kind_of_text():
    with pytest.raises(KeyError, match="plural forms: read it with tn"):
        t("headline.base.n", "sv")
    with pytest.raises(KeyError, match="no plural forms"):
        tn("app.title", 2, "sv")
    with pytest.raises(KeyError):
        tn("no.such.key", 2, "sv")


def test_t_fills_in_values_when_given():
    assert t("overview.headlines", "sv") == "Nyckeltal {year}"
    assert t("overview.headlines", "en", year=2024) == "Key figures 2024"


def test_the_languages_are_defined_once():
    from adoption.metrics import filters
    from adoption.text import formatting

    assert i18n.LANGS is languages.LANGS and filters.LANGS is languages.LANGS
    assert filters.DEFAULT_LANG == i18n.DEFAULT_LANG == languages.DEFAULT_LANG == "sv"
    assert set(formatting.LOCALES) == set(languages.NAMES) == set(languages.LANGS)
    for lang in languages.LANGS:
        assert i18n.catalogue_path(lang).is_file(), lang


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
    assert [label("lang", c, "sv") for c in languages.LANGS] == ["Svenska", "Engelska"]


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
    assert get("andel_ai_aktivitet").label("en") == "Share with any AI activity (planned or more)"
    with pytest.raises(AdoptionError):
        get("no_such_metric")
