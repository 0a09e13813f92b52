"""Goals say what they measure: the denominator, the bounds for all 290, an interval-aware rule, counts as
counts, national goals on Översikt for the year shown, and defaults without a date."""

from __future__ import annotations

import re

import pytest

from adoption import metrics
from adoption.metrics import goals, nonresponse
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n
from adoption.views import goals as goal_views

from .conftest import no_exceptions, open_page

MAL = "pages/mal.py"


@pytest.fixture(scope="module")
def progress(demo_db_template) -> dict[str, goals.GoalProgress]:
    return {p.goal_id: p for p in goals.goal_progress(Store(demo_db_template))}


def _goal_block(at, goal_id: str) -> list:
    """The elements of one goal's bordered box on Mål (its subheader first)."""
    for block in at.main.children.values():
        texts = [getattr(e, "value", "") for e in _walk(block)]
        if any(isinstance(t, str) and t.startswith(f"{goal_id} · ") for t in texts):
            return list(_walk(block))
    raise AssertionError(f"no box for {goal_id}")


def _walk(node):
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        children = children.values()
    for child in children or ():
        yield child
        yield from _walk(child)


def _texts(elements, kind: str) -> list[str]:
    return [e.value for e in elements if getattr(e, "type", None) == kind]


def test_each_goal_states_its_denominator_in_its_wording_and_on_the_page(demo_db_template, progress, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, MAL)
    no_exceptions(at)
    assert "av de svarande kommunerna" in progress["M1"].label_sv
    assert "av de svarande kommunerna" in progress["M2"].label_sv
    m1 = _goal_block(at, "M1")
    assert "Räknas på de svarande kommunerna, de som besvarat minst ett områdes mognad – inte på alla 290 " \
           "kommuner." in _texts(m1, "markdown")
    for goal_id in progress:
        assert any(t.startswith(("Räknas på", "Ett antal, ingen andel")) for t in _texts(_goal_block(at, goal_id),
                                                                                        "markdown")), goal_id


def test_a_respondent_share_has_the_bounds_for_all_290_beside_it(demo_db_template, progress, monkeypatch):
    store = Store(demo_db_template)
    m1 = progress["M1"]
    latest = metrics.compute(store, "andel_ai_i_drift", Filter(ar=m1.latest.ar))
    low, high = latest.numerator / 290, (latest.numerator + 290 - latest.denominator) / 290
    assert low < latest.value < high
    at = open_page(demo_db_template, monkeypatch, MAL)
    block = _goal_block(at, "M1")
    expected = (f"Av alla 290 kommuner: minst {formatting.percent(low)} (om ingen av de "
                f"{290 - int(latest.denominator)} som inte svarat har det), högst {formatting.percent(high)} "
                f"(om alla har det).")
    assert expected in _texts(block, "caption")
    table = next(e.value for e in block if getattr(e, "type", None) == "dataframe")
    row = table[table["År"] == str(m1.latest.ar)].iloc[0]
    assert row["Alla, minst–högst"] == f"{formatting.number(low * 100, decimals=1)}–{formatting.percent(high)}"
    download = goal_views.series_download(m1)
    last = download[download["År"] == m1.latest.ar].iloc[0]
    assert (last["Alla, minst"], last["Alla, högst"]) == pytest.approx((low * 100, high * 100), abs=1e-3)


def test_the_rule_says_it_reads_the_interval(demo_db_template, monkeypatch):
    at = open_page(demo_db_template, monkeypatch, MAL)
    rules = [c.value for c in at.caption if c.value.startswith("Regel:")]
    assert len(rules) == 5 and all("95 %-konfidensintervallet" in r for r in rules)


def test_a_count_goal_is_a_count_without_interval_notes_and_with_its_respondents(demo_db_template, progress,
                                                                                 monkeypatch):
    m4 = progress["M4"]
    assert m4.is_count
    at = open_page(demo_db_template, monkeypatch, MAL)
    block = _goal_block(at, "M4")
    captions = _texts(block, "caption")
    assert any(c.startswith("Mål: 300 (antal) till 2026 · Mått: Civilsamhällesorganisationer med AI i drift "
                            "(antal)") for c in captions)
    assert i18n.t("mal.ci_note") not in captions  # no Wilson-interval note for a count
    metric_cards = [(e.label, e.value) for e in block if getattr(e, "type", None) == "metric"]
    assert (f"Senaste antal ({m4.latest.ar})", formatting.number(m4.latest.numerator)) in metric_cards
    assert f"{formatting.number(m4.latest.numerator)} av {formatting.number(m4.latest.denominator)} " \
           f"organisationer" in captions  # the response volume beside the count
    table = next(e.value for e in block if getattr(e, "type", None) == "dataframe")
    assert "95 % KI" not in table.columns
    assert list(table.columns[:3]) == ["År", "Observerat", "Svarande"]
    row = table[table["År"] == str(m4.latest.ar)].iloc[0]
    assert row["Svarande"] == formatting.number(m4.latest.denominator)
    # the shares keep their interval note
    assert i18n.t("mal.ci_note") in _texts(_goal_block(at, "M1"), "caption")


def test_default_goals_say_standardvarde_without_a_date(demo_db, monkeypatch):
    store = Store(demo_db)
    store.save_goal(goal_id="M2", metric="andel_strategi", measure="value", target=0.8, target_year=2027,
                    label_sv="80 % av de svarande kommunerna har en AI-strategi", label_en="80 %", changed_by="anna")
    at = open_page(demo_db, monkeypatch, MAL)
    no_exceptions(at)
    m1 = " ".join(_texts(_goal_block(at, "M1"), "caption"))
    assert "Illustrativt standardvärde" in m1
    assert "Senast ändrat" not in m1 and not re.search(r"\d{4}-\d{2}-\d{2}", m1)
    m2 = " ".join(_texts(_goal_block(at, "M2"), "caption"))
    assert re.search(r"Senast ändrat \d{4}-\d{2}-\d{2} av anna", m2) and "standardvärde" not in m2


def test_overview_goals_are_national_and_of_the_year_shown(demo_db_template, monkeypatch):
    store = Store(demo_db_template)
    at = open_page(demo_db_template, monkeypatch, "pages/oversikt.py", lan="14", ar="2024")
    no_exceptions(at)
    assert "Programmål för hela riket, läget 2024" in [s.value for s in at.subheader]
    assert "Programmålen gäller hela riket, inte det valda länet." in [i.value for i in at.info]
    listed = next(m.value for m in at.markdown if "**M1**" in m.value)
    as_of_2024 = goals.goal_progress(store, None, 2024)
    assert listed.splitlines() == [f"- {goal_views.status_line(p, 'sv')}" for p in as_of_2024]
    assert "år 2024; mål 75 % till 2026" in listed and "2025" not in listed
    m1 = as_of_2024[0]
    assert m1.latest.ar == 2024 and m1.observed[-1][0] == 2024
    # without a county, the goals are still labelled national, and no county note
    whole = open_page(demo_db_template, monkeypatch, "pages/oversikt.py")
    assert "Programmål för hela riket, läget 2025" in [s.value for s in whole.subheader]
    assert "Programmålen gäller hela riket, inte det valda länet." not in [i.value for i in whole.info]


def test_bounds_are_worded_in_english(progress):
    text = goal_views.bounds_text(progress["M1"].latest_bounds, "en")
    assert text.startswith("Of all 290 municipalities: at least ") and "(if all of them have it)" in text
    assert nonresponse.universe_kind(progress["M1"].metric) == nonresponse.MUNICIPALITIES
