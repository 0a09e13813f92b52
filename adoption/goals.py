"""Programme goals: the defaults shipped in data/goals.csv and their revisions.

The programme published no numeric targets; the defaults are illustrative
and the app says so. Administrators change them; every change is a new
revision kept by the store.
"""

from __future__ import annotations

import pandas as pd

from .paths import DATA_DIR
from .store import Store

DEFAULT_AUTHOR = "standardvärden"


def default_goals() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "goals.csv", dtype={"goal_id": str, "metric": str, "measure": str})


def load_defaults(store: Store) -> int:
    """Store the shipped defaults as revision 1 when no goals exist yet."""
    if store.has_goals():
        return 0
    frame = default_goals()
    for row in frame.itertuples(index=False):
        store.save_goal(
            goal_id=row.goal_id, metric=row.metric, measure=row.measure, target=row.target,
            target_year=row.target_year, label_sv=row.label_sv, label_en=row.label_en,
            changed_by=DEFAULT_AUTHOR,
        )
    return len(frame)
