"""Programme goals: shipped defaults and kept revisions."""

from __future__ import annotations

from adoption import bootstrap, goals, metrics
from adoption.store import Store


def test_defaults_match_the_spec(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    current = store.goals().set_index("goal_id")
    assert list(current.index) == ["M1", "M2", "M3", "M4", "M5"]
    assert current.loc["M1", "metric"] == "andel_ai_i_drift" and current.loc["M1", "target"] == 0.75
    assert current.loc["M4", "measure"] == "numerator" and current.loc["M4", "target"] == 300
    assert set(current["target_year"]) == {2026}
    assert set(current["metric"]) <= set(metrics.REGISTRY)
    assert set(current["changed_by"]) == {goals.DEFAULT_AUTHOR}


def test_a_change_is_a_new_revision_and_history_is_kept(tmp_db):
    store = Store(tmp_db)
    bootstrap.initialise(store, with_demo=False)
    revision = store.save_goal(goal_id="M1", metric="andel_ai_i_drift", measure="value", target=0.8,
                               target_year=2027, label_sv="80 %", label_en="80 %", changed_by="anna")
    assert revision == 2
    current = store.goals().set_index("goal_id")
    assert current.loc["M1", "target"] == 0.8 and current.loc["M1", "changed_by"] == "anna"
    history = store.goal_history()
    assert list(history[history["goal_id"] == "M1"]["target"]) == [0.75, 0.8]
