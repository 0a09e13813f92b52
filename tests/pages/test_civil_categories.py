"""Civilsamhälle by category (issue 16, item 7): which kinds of organisation use AI, and how many answered."""

from __future__ import annotations

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import i18n, present

from .conftest import no_exceptions, open_page

PAGE = "pages/civilsamhalle.py"


def _table(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_category_table_gives_the_ai_share_with_base_interval_and_response_rate(demo_db_template, monkeypatch):
    """The category table only counted respondents: no AI share per category and no response rate."""
    at = open_page(demo_db_template, monkeypatch, PAGE, ar="2024", lan="14")
    no_exceptions(at)
    assert "AI per organisationskategori 2024" in [s.value for s in at.subheader]
    table = _table(at, "Kategori").set_index("Kategori")
    store = Store(demo_db_template)
    flt = Filter(ar=2024, lan=("14",), typ="civilsamhalle")
    drift = {r.area: r for r in metrics.compute(store, "civil_ai_i_drift", flt, by="kategori")}
    rate = {r.area: r for r in metrics.compute(store, "civil_svarsfrekvens", flt, by="kategori")}
    active = {r.area: r for r in metrics.compute(store, "andel_ai_aktivitet", flt, by="kategori")}
    for code, name in (("idrott", "Idrott"), ("kultur", "Kultur"), ("trossamfund", "Trossamfund")):
        line = table.loc[name]
        assert line["Med AI i drift"] == present.value(drift[code])
        assert line["Med AI i drift – Bas (n av N)"] == present.base(drift[code])
        assert line["Med AI i drift – 95 % konfidensintervall"] == present.interval(drift[code])
        assert line["Med AI-aktivitet (planerad eller mer)"] == present.value(active[code])
        assert line["Svarsfrekvens"] == present.value(rate[code])
        assert line["Svarsfrekvens – Bas (n av N)"] == present.base(rate[code])
    hidden = [code for code, r in drift.items() if r.status == "too_few"]
    shown = [code for code, r in drift.items() if r.status == "ok"]
    assert shown and all("%" in present.interval(drift[c]) for c in shown)
    for code in hidden:
        assert table.loc[i18n.label("org_kategori", code, "sv"), "Med AI i drift"] == "för få svar"
    keys = {b.key for b in at.get("download_button")}
    assert {"download_csv_civilsamhalle_kategorier", "download_xlsx_civilsamhalle_kategorier"} <= keys


def test_in_english(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, ar="2024", lang="en")
    no_exceptions(at)
    table = _table(at, "Category")
    assert {"Responding organisations", "Response rate", "With AI in production",
            "With AI in production – 95% confidence interval"} <= set(table.columns)
    assert table["Response rate – Base (n of N)"].str.endswith("known organisations answered").all()
