"""The goals shipped in data/goals.csv: stored as the first revision, their wording kept up to date.

Separate from progress (:mod:`.progress`) and editing (:mod:`.editing`):
this is what the app starts with, and what "illustrative" means (a goal
still by :data:`DEFAULT_AUTHOR`).
"""

from __future__ import annotations

import pandas as pd

from adoption.paths import DATA_DIR
from adoption.store import Store

DEFAULT_AUTHOR = "standardvärden"


def default_goals() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "goals.csv", dtype={"goal_id": str, "metric": str, "measure": str})


def load_defaults(store: Store) -> int:
    """Store the shipped defaults as revision 1 when no goals exist yet; returns how many were stored.

    With goals stored, a goal still at its shipped default (target, year and
    metric untouched by an administrator) takes the shipped wording when that
    has changed (the wording states what the goal is measured on).
    """
    if store.has_goals():
        _refresh_default_wording(store)
        return 0
    frame = default_goals()
    for row in frame.itertuples(index=False):
        store.save_goal(
            goal_id=row.goal_id, metric=row.metric, measure=row.measure, target=row.target,
            target_year=row.target_year, label_sv=row.label_sv, label_en=row.label_en,
            changed_by=DEFAULT_AUTHOR,
        )
    return len(frame)


def _refresh_default_wording(store: Store) -> int:
    current = store.goals().set_index("goal_id")
    refreshed = 0
    for row in default_goals().itertuples(index=False):
        if row.goal_id not in current.index:
            continue
        stored = current.loc[row.goal_id]
        untouched = (stored["changed_by"] == DEFAULT_AUTHOR and stored["metric"] == row.metric
                     and stored["measure"] == row.measure and abs(float(stored["target"]) - float(row.target)) < 1e-12
                     and int(stored["target_year"]) == int(row.target_year))
        if untouched and (stored["label_sv"], stored["label_en"]) != (row.label_sv, row.label_en):
            store.save_goal(goal_id=row.goal_id, metric=row.metric, measure=row.measure, target=row.target,
                            target_year=row.target_year, label_sv=row.label_sv, label_en=row.label_en,
                            changed_by=DEFAULT_AUTHOR)
            refreshed += 1
    return refreshed
