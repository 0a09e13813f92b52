"""Programmets effekt in AppTest: the real app.py and page against real database files."""

from __future__ import annotations

import shutil

import pytest

from adoption import demo
from adoption.metrics import effect
from adoption.metrics.filters import DEFAULT_MATT
from adoption.store import Store
from adoption.views import effect as effect_view
from tests import builders
from tests.pages.conftest import no_exceptions, open_page

PAGE = "pages/effekt.py"


@pytest.fixture(autouse=True)
def _let_go_of_the_database(monkeypatch):
    """Close the app's kept-open database after each test.

    Its idle closer is a daemon thread; if the interpreter ends while that
    thread is inside DuckDB's close, the process aborts ("FATAL: exception not
    rethrown"). Closing here leaves no close in flight when pytest exits.
    """
    yield
    import os

    from adoption.ui import context

    if os.environ.get("ADOPTION_DB"):
        context._store_for(os.environ["ADOPTION_DB"]).release()


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [s.value for s in at.subheader] + [h.value for h in at.header]
    return "\n".join(parts)


def test_demo_shows_the_verdict_its_rule_and_the_caveats(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE)
    no_exceptions(at)
    text = _texts(at)
    expected = effect.estimate(Store(demo_db_template), "mognadsindex")
    assert at.title[0].value == "Programmets effekt"
    assert "**Tecken på effekt**" in text
    assert effect_view.headline(expected, "sv") in text  # the same numbers as the domain (and the CLI)
    assert "p ≥ 0,10" in text and "färre än 10 deltagare" in text  # the rule, printed beside the verdict
    assert "inte ett bevis" in text and "valde själva att delta" in text
    assert "fylls inte i" in text  # how unanswered years are treated
    assert effect_view.basis_text(expected, "sv") in text
    assert "pyfixest 0.60.0" in text
    assert "Placebotest" in text
    assert "Från pilot till drift" in text and "Fastnade piloter 2025" in text
    # the page's default outcome (the app's default metric, so the URL leaves it out)
    assert at.query_params.get("matt", DEFAULT_MATT) == "mognadsindex"
    # The estimate's true value (see adoption/demo/) lies inside the interval shown.
    assert expected.att.ci_low <= demo.TRUE_AVERAGE_EFFECT <= expected.att.ci_high
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Ladda ned CSV") >= 4


def test_english(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, lang="en")
    no_exceptions(at)
    text = _texts(at)
    assert at.title[0].value == "Programme effect"
    assert "**Signs of an effect**" in text
    assert "not proof" in text and "From pilot to production" in text
    assert "poäng" not in text


def test_unsuitable_metric_is_refused_with_a_notice(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, matt="svarsfrekvens")
    no_exceptions(at)
    assert any("svarsfrekvens" in w.value for w in at.warning)
    assert at.query_params.get("matt", DEFAULT_MATT) == "mognadsindex"
    assert "Utlåtande: Mognadsindex" in _texts(at)


def test_another_outcome(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, matt="andel_strategi")
    no_exceptions(at)
    assert "Utlåtande: Andel med AI-strategi" in _texts(at)


def test_too_little_data_in_a_small_county(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, lan="09")  # Gotland: one municipality
    no_exceptions(at)
    text = _texts(at)
    assert "**För lite data**" in text
    assert "det behövs minst 10" in text


def test_empty_database(empty_db_template, monkeypatch):
    at = open_page(empty_db_template, monkeypatch, PAGE)
    no_exceptions(at)
    assert any("inga enkätsvar" in i.value for i in at.info)


def test_pinned_version_keeps_its_numbers(demo_db_template, monkeypatch, tmp_path):
    db = tmp_path / "pinned.duckdb"
    shutil.copy(demo_db_template, db)
    store = Store(db)
    before = effect.estimate(store, "mognadsindex")
    # A later upload: one municipality's 2025 answer changes; version 1 must still show the old estimate.
    builders.add_survey(store, [builders.response(ar=2025, kommunkod="0114", utbildning=0,
                                                  deltar_kraftsamling=False)])
    assert store.current_version() == before.data_version + 1
    at = open_page(str(db), monkeypatch, PAGE, v=str(before.data_version))
    no_exceptions(at)
    assert effect_view.headline(before, "sv") in _texts(at)
    assert any("dataversion" in i.value.lower() for i in at.info)


def test_funnel_year_follows_the_year_filter(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, PAGE, ar="2023")
    no_exceptions(at)
    text = _texts(at)
    assert "Mognad 2022 → 2023" in text and "Fastnade piloter 2023" in text
    first = open_page(demo_db_template, monkeypatch, PAGE, ar="2022")
    no_exceptions(first)
    assert "inga enkätsvar för året före 2022" in _texts(first)
