"""Mål in AppTest: every goal with the status, figures and texts the domain computes."""

from __future__ import annotations

import pytest

from adoption.metrics import goals
from adoption.store import Store
from adoption.text import formatting
from adoption.views import goals as goal_views
from tests.builders import population

from .conftest import no_exceptions
from .conftest import open_page as _open_app

PAGE = "pages/mal.py"


def open_page(db, monkeypatch, page=PAGE, **query):
    """/mal?<query> as a first request: AppTest's switch_page drops the query, so set it after switching."""
    at = _open_app(db, monkeypatch)
    at.switch_page(page)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at


@pytest.fixture(scope="module")
def demo_progress(demo_db_template):
    return {p.goal_id: p for p in goals.goal_progress(Store(demo_db_template))}


def _status_lines(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**Status")]


def _metrics(at) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def test_every_goal_with_its_status(demo_db_template, demo_progress, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, page=PAGE)
    no_exceptions(at)
    assert at.title[0].value == "Mål"
    stored = Store(demo_db_template).goals()
    assert [s.value for s in at.subheader] == [f"{r.goal_id} · {formatting.markdown_literal(r.label_sv)}"
                                               for r in stored.itertuples()]
    expected = [f"**Status: {goals.STATUS_ICONS[p.status]} {p.status_text('sv')}**" for p in demo_progress.values()]
    assert _status_lines(at) == expected
    # the rule is written beside every status
    assert sum(goals.rule_text("sv", 2026) == c.value for c in at.caption) == 5
    # the programme published no numeric targets: the page says so
    assert any("inte publicerat några numeriska mål" in i.value for i in at.info)
    assert any("Demodata" in w.value for w in at.warning)
    keys = {b.key for b in at.get("download_button")}
    assert {f"download_{kind}_mal_{p.goal_id}" for kind in ("csv", "xlsx")
            for p in demo_progress.values() if p.latest is not None} == keys


def test_figures_equal_the_domain(demo_db_template, demo_progress, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, page=PAGE)
    m1 = demo_progress["M1"]
    shown = _metrics(at)
    assert ("Senaste värde (2025)", goal_views.value_text(m1.latest_value, "share")) in shown
    assert ("Prognos för 2026", goal_views.value_text(m1.projected, "share")) in shown
    assert ("Kvar till målet (procentenheter)", goal_views.gap_text(m1)) in shown
    captions = [c.value for c in at.caption]
    assert goal_views.base_text(m1) in captions
    # a table beside every chart with the same series (M3 has none: no population)
    assert len(at.dataframe) == 4
    table = at.dataframe[0].value
    assert table.equals(goal_views.series_table(m1, "sv"))


def test_population_goal_says_what_is_missing(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, page=PAGE)
    assert "**Status: ❔ Kan inte beräknas**" in _status_lines(at)
    assert any("Ingen befolkningsdata" in i.value for i in at.info)
    # how to import it is for administrators (tests/pages/test_admin_howto.py)
    assert not any("import-population" in c.value for c in [*at.info, *at.caption])


def test_english(demo_db_template, demo_progress, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, page=PAGE, lang="en")
    no_exceptions(at)
    assert at.title[0].value == "Goals"
    assert at.subheader[0].value == f"M1 · {demo_progress['M1'].label_en}"
    assert _status_lines(at)[0] == f"**Status: {goals.STATUS_ICONS[demo_progress['M1'].status]} " \
                                   f"{demo_progress['M1'].status_text('en')}**"
    assert any("has not published numeric targets" in i.value for i in at.info)
    assert any(goals.rule_text("en", 2026) == c.value for c in at.caption)


def test_an_edited_goal_and_population_show_at_once(demo_db, monkeypatch):
    store = Store(demo_db)
    store.save_goal(goal_id="M1", metric="andel_ai_i_drift", measure="value", target=0.6, target_year=2027,
                    label_sv="60 % har AI i drift 2027", label_en="60 % by 2027", changed_by="anna")
    store.replace_population(population({}, 2024, default=10_000), description="test", created_by="test")
    expected = {p.goal_id: p for p in goals.goal_progress(store)}
    at = open_page(demo_db, monkeypatch, page=PAGE)
    no_exceptions(at)
    assert at.subheader[0].value == "M1 · 60 % har AI i drift 2027"
    assert any("Mål: 60 % till 2027" in c.value and "anna" in c.value for c in at.caption)
    assert expected["M1"].status == goals.ON_TRACK
    assert _status_lines(at)[0] == "**Status: ✅ På väg mot målet**"
    assert expected["M3"].status != goals.UNKNOWN
    assert _status_lines(at)[2] == f"**Status: {goals.STATUS_ICONS[expected['M3'].status]} " \
                                   f"{expected['M3'].status_text('sv')}**"
    assert goal_views.base_text(expected["M3"]) in [c.value for c in at.caption]


def test_invalid_url_values_are_dropped_with_a_notice(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, page=PAGE, v="999", lang="xx", ar="1999")
    no_exceptions(at)
    notice = " ".join(w.value for w in at.warning)
    assert "999" in notice and "xx" in notice
    assert len(_status_lines(at)) == 5


def test_pinned_version(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, page=PAGE, v="1")
    no_exceptions(at)
    assert len(_status_lines(at)) == 5


def test_empty_database_says_what_is_missing(empty_db_template, monkeypatch):
    at = open_page(empty_db_template, monkeypatch, page=PAGE)
    no_exceptions(at)
    assert any("inga enkätsvar" in i.value for i in at.info)
    assert not _status_lines(at)


def test_overview_lists_every_goal_status(demo_db_template, demo_progress, monkeypatch):
    at = _open_app(demo_db_template, monkeypatch)
    no_exceptions(at)
    assert "Programmål för hela riket, läget 2025" in [s.value for s in at.subheader]
    listed = next(m.value for m in at.markdown if "**M1**" in m.value)
    assert listed.splitlines() == [f"- {goal_views.status_line(p, 'sv')}" for p in demo_progress.values()]
    assert "år 2025; mål 75 % till 2026" in listed


def test_overview_goals_in_english(demo_db_template, demo_progress, monkeypatch):
    at = _open_app(demo_db_template, monkeypatch, lang="en")
    no_exceptions(at)
    listed = next(m.value for m in at.markdown if "**M1**" in m.value)
    assert f"- {goal_views.status_line(demo_progress['M1'], 'en')}" in listed.splitlines()
