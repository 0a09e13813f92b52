"""No page says "1 respondents": every count beside a noun takes the noun's form (the catalogue's plurals).

Every text, table cell, help text and map tooltip of the pages in English,
on the demo database (where a municipality's own figures, single-organisation
categories and small counties give counts of one).
"""

from __future__ import annotations

import re

import pytest

from .conftest import no_exceptions, open_page

# A count of one before a plural noun; "1 of 140 respondents" is right and does not match.
ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (respondents|organisations|initiatives|municipalities|answers|years|areas"
                        r"|inhabitants|counties|matches|sectors|responses)\b")
PAGES = [
    ("pages/oversikt.py", {}), ("pages/karta.py", {}), ("pages/karta.py", {"niva": "lan", "typ": "civilsamhalle",
                                                                           "matt": "civil_ai_i_drift"}),
    ("pages/sektorer.py", {}), ("pages/mal.py", {}), ("pages/kommun.py", {"kommun": "1480"}),
    ("pages/civilsamhalle.py", {}), ("pages/initiativ.py", {}), ("pages/om.py", {}),
]


def _everything(at) -> list[str]:
    texts = []
    for kind in ("markdown", "caption", "info", "warning", "metric", "subheader", "text"):
        for element in at.get(kind):
            texts.append(str(element.value))
            texts.append(str(getattr(element.proto, "help", "")))
    for frame in at.dataframe:
        texts += [str(x) for x in frame.value.astype(str).to_numpy().ravel()]
    texts += [chart.proto.json for chart in at.get("deck_gl_json_chart")]  # the map's tooltips
    return texts


@pytest.mark.parametrize(("page", "query"), PAGES)
def test_no_count_of_one_with_a_plural_noun(demo_db_template, monkeypatch, page, query):
    at = open_page(demo_db_template, monkeypatch, page, lang="en", **query)
    no_exceptions(at)
    texts = _everything(at)
    assert sorted({m.group(0) for t in texts for m in ONE_PLURAL.finditer(t)}) == []
    if page.endswith("kommun.py"):
        # the municipality's own figure is built on its one answer
        assert any("of 1 respondent" in t and "of 1 respondents" not in t for t in texts)
