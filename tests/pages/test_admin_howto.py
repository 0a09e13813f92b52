"""Instructions for administrators (commands, the upload page) appear only where an administrator is admitted.

A reader of Mål, Karta or Om data on a database without population data
learns what is missing, never a command; a request that may administer (here:
from the machine itself, with nothing configured) sees how to load it too.
"""

from __future__ import annotations

import pytest

from adoption.text import i18n
from adoption.ui import admin

from .conftest import no_exceptions, open_page

KINDS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader", "text")
# (page, URL parameters, the instructions an administrator sees there)
PAGES = [
    ("pages/mal.py", {}, ["howto.population"]),
    ("pages/karta.py", {"matt": "initiativ_per_10k"}, ["howto.population"]),
    ("pages/om.py", {}, ["howto.population", "howto.demo"]),
]


def _text(at) -> str:
    return "\n".join(str(e.value) for kind in KINDS for e in at.get(kind))


@pytest.mark.parametrize(("page", "query", "howtos"), PAGES)
def test_a_reader_sees_no_command(demo_db_template, monkeypatch, page, query, howtos):
    monkeypatch.setattr(admin, "client_ip", lambda: "203.0.113.5")  # another machine, nothing configured
    at = open_page(demo_db_template, monkeypatch, page, **query)
    no_exceptions(at)
    text = _text(at)
    assert "Ingen befolkningsdata" in text  # what is missing is said
    assert "python -m" not in text and "import-population" not in text
    for key in howtos:
        assert i18n.t(key) not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(("page", "query", "howtos"), PAGES)
def test_an_administrator_sees_how_to_load_it(demo_db_template, monkeypatch, page, query, howtos, lang):
    monkeypatch.setattr(admin, "client_ip", lambda: "127.0.0.1")
    at = open_page(demo_db_template, monkeypatch, page, **query, **({"lang": lang} if lang != "sv" else {}))
    no_exceptions(at)
    text = _text(at)
    for key in howtos:
        assert i18n.t(key, lang) in text
    assert ("import-population FIL" if lang == "sv" else "import-population FILE") in text
