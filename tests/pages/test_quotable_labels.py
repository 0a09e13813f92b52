"""Labels a reader can quote without misquoting them (issue 16, item 6), in AppTest on demo data."""

from __future__ import annotations

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, present
from adoption.views import catalogue, overview

from .conftest import no_exceptions, open_page

ACTIVITY_SV = "Andel med AI-aktivitet (planerad eller mer)"
ACTIVITY_EN = "Share with any AI activity (planned or more)"


def _texts(elements) -> str:
    return "\n".join(e.value for e in elements)


def test_any_activity_says_it_includes_plans_and_in_production_is_the_headline(demo_db_template, monkeypatch):
    """"Andel med AI-aktivitet 94 %" includes "Planerad" and was quoted as "94 % use AI"."""
    at = open_page(demo_db_template, monkeypatch, ar="2024")
    no_exceptions(at)
    # The cards are laid out in rows of three: the first row starts with the share in production.
    assert _first_row(at) == ["Andel med AI i drift", ACTIVITY_SV, "Svarsfrekvens"]
    assert "Andel med AI-aktivitet" not in {m.label for m in at.metric}  # never without what it counts
    assert overview.HEADLINE_METRICS[0] == "andel_ai_i_drift"

    at = open_page(demo_db_template, monkeypatch, ar="2024", lang="en")
    no_exceptions(at)
    assert _first_row(at)[:2] == ["Share with AI in production", ACTIVITY_EN]


def _first_row(at) -> list[str]:
    cards = [column for column in at.columns if column.metric]
    return [column.metric[0].label for column in cards[:3]]


def test_civil_society_activity_column_says_planned_or_more(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, "pages/civilsamhalle.py", ar="2024")
    no_exceptions(at)
    assert "Med AI-aktivitet (planerad eller mer)" in {m.label for m in at.metric}
    assert "Med AI-aktivitet (planerad eller mer)" in at.dataframe[0].value.columns


def test_evaluated_share_of_civil_society_initiatives_counts_initiatives(demo_db_template, monkeypatch):
    """Civil society's "4,6 % (3 av 65 organisationer)" counted initiatives, not organisations."""
    store = Store(demo_db_template)
    share = metrics.compute(store, "andel_utvarderade", Filter(ar=2025, typ="civilsamhalle"))
    for lang, of, noun in (("sv", "av", "initiativ"), ("en", "of", "initiatives")):
        base = f"{formatting.number(share.numerator, lang)} {of} {formatting.number(share.denominator, lang)}"
        at = open_page(demo_db_template, monkeypatch, "pages/initiativ.py", ar="2025", typ="civilsamhalle", lang=lang)
        no_exceptions(at)
        registry = next(c.value for c in at.caption if present.value(share, lang) in c.value)
        assert f"{base} {noun})" in registry
        assert "organisation" not in registry


def test_unknown_evaluation_is_explained_against_the_base(demo_db_template, monkeypatch):
    """476 initiatives were shown against a base of 431: the 45 "Okänt" were not explained."""
    store = Store(demo_db_template)
    flt = Filter(ar=2024)
    share = metrics.compute(store, "andel_utvarderade", flt)
    unknown = catalogue.find(store, catalogue.page_query(flt, utvarderad=("okant",)), 0).total
    everything = catalogue.find(store, catalogue.page_query(flt), 0).total
    assert unknown > 0 and share.denominator + unknown == everything
    at = open_page(demo_db_template, monkeypatch, "pages/initiativ.py", ar="2024")
    no_exceptions(at)
    captions = _texts(at.caption)
    assert (f"För {formatting.number(unknown)} initiativ i urvalet i sidofältet är det inte känt om effekten har "
            "utvärderats (”Okänt”); de räknas inte i basen.") in captions
    at = open_page(demo_db_template, monkeypatch, "pages/initiativ.py", ar="2024", lang="en")
    assert f"For {formatting.number(unknown, 'en')} initiatives in the sidebar selection" in _texts(at.caption)


def test_kind_options_cannot_be_read_as_one_thing(demo_db_template, monkeypatch):
    """"Kommuner (standard)" and "Kommun" were two options meaning the same."""
    at = open_page(demo_db_template, monkeypatch, "pages/karta.py")
    no_exceptions(at)
    kind = at.sidebar.selectbox(key="w_typ")
    assert kind.options == ["Kommuner", "Civilsamhälle"]
    # An old link with typ=kommun opens the same view (municipalities), and the link drops the default.
    at = open_page(demo_db_template, monkeypatch, "pages/sektorer.py", typ="kommun")
    no_exceptions(at)
    assert at.sidebar.selectbox(key="w_typ").value == "*"
    assert "typ" not in at.query_params
    at = open_page(demo_db_template, monkeypatch, "pages/karta.py", lang="en")
    assert at.sidebar.selectbox(key="w_typ").options == ["Municipalities", "Civil society"]


def test_about_names_the_boundary_source_once(demo_db_template, monkeypatch):
    """Om data showed "Kommun- och länsgränser: Kommun- och länsgränser:"."""
    for lang, name in (("sv", "Kommun- och länsgränser"), ("en", "Municipality and county boundaries")):
        at = open_page(demo_db_template, monkeypatch, "pages/om.py", lang=lang)
        no_exceptions(at)
        line = next(m.value for m in at.markdown if m.value.startswith(f"**{name}**"))
        assert line.count(name) == 1 and line.startswith(f"**{name}**: SCB")
