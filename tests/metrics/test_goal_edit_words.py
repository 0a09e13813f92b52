"""Goal editing in Swedish: typed targets, wordings that follow a new target, and the reason Save is disabled."""

from __future__ import annotations

import pytest

from adoption import bootstrap
from adoption.metrics import goals
from adoption.store import Store


@pytest.fixture
def store(tmp_db) -> Store:
    db = Store(tmp_db)
    bootstrap.initialise(db, with_demo=False)
    return db


def _goal(store, goal_id="M1"):
    return next(g for g in store.goals().itertuples(index=False) if g.goal_id == goal_id)


def test_targets_are_shown_and_read_as_typed():
    assert goals.target_text(0.75, "share") == "75" and goals.target_text(0.805, "share") == "80,5"
    assert goals.target_text(0.805, "share", "en") == "80.5" and goals.target_text(300, "count") == "300"
    assert goals.parse_target("80,5") == 80.5 and goals.parse_target(80.0) == 80.0
    assert goals.parse_target("åttio") is None


def test_a_wording_follows_a_new_target_and_year(store):
    m1, m4 = _goal(store), _goal(store, "M4")
    assert goals.reworded(m1.label_sv, m1, 80.5, 2027, "sv") == "80,5 % av de svarande kommunerna har AI i drift"
    assert goals.reworded(m1.label_en, m1, 80.5, 2027, "en") == "80.5 % of responding municipalities have AI in production"
    assert goals.reworded(m4.label_sv, m4, 1200, 2026, "sv") == "1\u00a0200 svarande civilsamhällesorganisationer har AI i drift (antal)"
    assert goals.reworded("Tre av fyra kommuner", m1, 80, 2026) is None  # nothing to follow: flagged instead
    assert goals.reworded("75 % senast 2026", m1, 75, 2027) == "75 % senast 2027"
    assert goals.mentions("Mål: 75 procent", 0.75, "share") and not goals.mentions("175 % av", 0.75, "share")
    assert not goals.mentions("75 kommuner", 0.75, "share") and goals.mentions("1 200 föreningar", 1200, "count")


def test_an_edit_is_checked_before_it_is_saved(store):
    m1 = _goal(store)
    same = dict(target_text="75", target_year=2026, label_sv=m1.label_sv, label_en=m1.label_en)
    assert goals.check_edit(m1, **same).status == goals.UNCHANGED
    assert goals.check_edit(m1, **same).message("sv") == "Inget att spara: inget är ändrat ännu."
    bad = goals.check_edit(m1, **{**same, "target_text": "80 procent"})
    assert bad.problem == "target_not_number" and "till exempel 80 eller 80,5" in bad.message("sv")
    stale = goals.check_edit(m1, **{**same, "target_text": "80"})
    assert stale.problem == "wording_stale" and stale.stale == ("sv", "en")
    assert stale.message("sv").startswith("Formuleringen på svenska och Formuleringen på engelska nämner")
    ok = goals.check_edit(m1, **{**same, "target_text": "80,5", "label_sv": "80,5 % av kommunerna",
                                 "label_en": "80.5 % of municipalities"})
    assert ok.ready and ok.target == 80.5 and ok.notes == () and ok.message("sv") == ""
    vague = goals.check_edit(m1, **{**same, "target_text": "80", "label_sv": "De flesta kommuner",
                                    "label_en": "Most municipalities"})
    assert vague.ready and vague.notes == ("wording_no_figure",)
    assert "nämner inte det nya målvärdet" in goals.note_text("wording_no_figure", "sv", goal="M1")


def test_saving_a_new_target_with_the_old_wording_rewords_it(store):
    """The issue's case: 80 % by 2027 saved with the wording left as it was."""
    m1 = _goal(store)
    outcome = goals.edit_goal(store, "M1", target="80", target_year=2027, label_sv=m1.label_sv,
                              label_en=m1.label_en, changed_by="anna")
    assert outcome.saved
    now = _goal(store)
    assert (now.target, now.target_year) == (pytest.approx(0.8), 2027)
    assert now.label_sv == "80 % av de svarande kommunerna har AI i drift"
    assert now.label_en == "80 % of responding municipalities have AI in production"
    # an edited wording that still states the old figure is refused
    refused = goals.edit_goal(store, "M1", target=85, target_year=2027, label_sv="80 % av kommunerna",
                              label_en=now.label_en, changed_by="anna")
    assert refused.problem == "wording_stale" and "nämner fortfarande" in refused.message("sv")
