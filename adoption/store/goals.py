"""Programme goals: every revision is kept; the latest revision of a goal is the goal."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from .area import Area


class GoalArea(Area):
    def goals(self) -> pd.DataFrame:
        """The current revision of every goal."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT goal_id, revision, metric, measure, target, target_year, label_sv, label_en, "
                "changed_at, changed_by FROM goal_revision "
                "QUALIFY revision = max(revision) OVER (PARTITION BY goal_id) ORDER BY goal_id"
            )

    def goal_history(self) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT * FROM goal_revision ORDER BY goal_id, revision"
            )

    def save_goal(self, *, goal_id: str, metric: str, measure: str, target: float, target_year: int,
                  label_sv: str, label_en: str, changed_by: str) -> int:
        with self._connector.transaction() as conn:
            revision = conn.one(
                "SELECT coalesce(max(revision), 0) + 1 FROM goal_revision WHERE goal_id = $g", {"g": goal_id}
            )
            conn.run(
                "INSERT INTO goal_revision VALUES ($g, $rev, $metric, $measure, $target, $year, $sv, $en, $at, $by)",
                {"g": goal_id, "rev": revision, "metric": metric, "measure": measure, "target": float(target),
                 "year": int(target_year), "sv": label_sv, "en": label_en,
                 "at": datetime.now(timezone.utc), "by": changed_by},
            )
        return revision

    def has_goals(self) -> bool:
        with self._connector.connect() as conn:
            return conn.one("SELECT count(*) FROM goal_revision") > 0
