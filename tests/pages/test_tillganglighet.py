"""Tillgänglighet in AppTest: the statement after DIGG's model in both languages, on an empty
database too, its gaps from the exception list, its contact from configuration."""

from __future__ import annotations

import pytest

from adoption.text import i18n
from adoption.views import accessibility

from .conftest import no_exceptions, open_page

PAGE = "pages/tillganglighet.py"


def _text(at) -> str:
    return "\n".join([h.value for h in at.header] + [m.value for m in at.markdown])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_statement_in_both_languages(demo_db_template, monkeypatch, lang):
    monkeypatch.delenv(accessibility.CONTACT_ENV, raising=False)
    at = open_page(demo_db_template, monkeypatch, PAGE, lang=lang)
    no_exceptions(at)
    assert at.title[0].value == i18n.t("statement.title", lang)
    text = _text(at)
    for heading in ("statement.compliance_heading", "statement.gaps_heading", "statement.report_heading",
                    "statement.supervision_heading", "statement.testing_heading"):
        assert i18n.t(heading, lang) in text
    for gap in accessibility.gaps(lang):
        assert gap in text
    assert accessibility.DIGG_REPORT_URL in text
    assert i18n.t("statement.contact_placeholder", lang) in text


def test_contact_from_the_environment_on_an_empty_database(empty_db_template, monkeypatch):
    monkeypatch.setenv(accessibility.CONTACT_ENV, "https://example.se/tillganglighet")
    monkeypatch.setenv(accessibility.ORGANISATION_ENV, "Exempelkommunen")
    at = open_page(empty_db_template, monkeypatch, PAGE)
    no_exceptions(at)
    text = _text(at)
    assert "https://example.se/tillganglighet" in text and "Exempelkommunen står bakom" in text
    assert i18n.t("statement.contact_placeholder", "sv") not in text
