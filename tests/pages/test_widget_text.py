"""Streamlit's own widget texts on every page: set in the interface language, or hidden where they cannot be.

Streamlit shows "Choose an option" for a selectbox without a placeholder, and
"Select all" in every multiselect with fewer than 1000 options, in English
whatever the interface language. The browser test (tests/browser/test_language.py)
checks what a reader sees; this one checks every widget of every page.
"""

from __future__ import annotations

import pytest

from adoption.text import i18n
from adoption.ui import admin, widget_text
from adoption.ui.navigation import PAGES

from .conftest import no_exceptions, open_page


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_every_select_is_worded_in_the_language(demo_db_template, monkeypatch, page, lang):
    monkeypatch.setattr(admin, "client_ip", lambda: "127.0.0.1")  # the upload page's controls too
    query = {"lang": lang} if lang != "sv" else {}
    if page.endswith("kommun.py"):
        query["kommun"] = "1480"
    at = open_page(demo_db_template, monkeypatch, page, **query)
    no_exceptions(at)
    selects = list(at.selectbox)
    assert selects or page.endswith(("mal.py", "om.py", "tillganglighet.py"))  # pages without a select
    for box in selects:
        assert box.proto.placeholder, (page, box.label)  # an empty one shows Streamlit's "Choose an option"
        assert box.proto.placeholder in (widget_text.choose(lang), i18n.t("ladda_upp.rollback_choose", lang),
                                         i18n.t("ladda_upp.fuzzy_choose", lang)), (page, box.label)
    for box in at.multiselect:
        assert box.proto.placeholder, (page, box.label)
        assert box.proto.select_all == 0, (page, box.label)  # "Select all" has no translation: not offered
    # the texts Streamlit gives only in English are hidden (they take no room on the page)
    css = " ".join(h.proto.body for h in at.get("html"))
    assert '[data-testid="InputInstructions"]' in css
    assert i18n.t("common.upload_button", lang) in css


def test_the_style_rules_name_the_upload_button_safely():
    """A text with quotes or a backslash cannot end the CSS string early."""
    css = widget_text.css("sv")
    assert 'content: "Välj fil";' in css
    assert "http" not in css  # no external resources
