"""Programme goals: the defaults shipped in data/goals.csv and their revisions.

The programme published no numeric targets; the defaults are illustrative
and the app says so. Administrators change them; every change is a new
revision kept by the store.

In three modules: :mod:`.defaults` (the shipped goals), :mod:`.progress`
(the series, projection and status of every goal) and :mod:`.editing`
(an administrator's edit: the target, the wording, the check and the save).
Every name is re-exported here, so callers write ``goals.goal_progress``.
"""

from adoption.metrics.goals.defaults import DEFAULT_AUTHOR, default_goals, load_defaults  # noqa: F401 - re-exported
from adoption.metrics.goals.editing import (  # noqa: F401 - re-exported
    INVALID,
    MAX_LABEL,
    MAX_TARGET_YEAR,
    MIN_TARGET_YEAR,
    READY,
    SAVED,
    TARGET_TOLERANCE,
    UNCHANGED,
    EditCheck,
    GoalEditOutcome,
    check_edit,
    edit_goal,
    form_target,
    form_target_max,
    mentions,
    note_text,
    parse_target,
    reworded,
    stored_target,
    target_text,
    target_unit,
)
from adoption.metrics.goals.progress import (  # noqa: F401 - re-exported
    AT_RISK,
    AT_RISK_SHARE,
    EPS,
    MIN_YEARS_FOR_PROJECTION,
    OFF_TRACK,
    ON_TRACK,
    SERIES,
    STATUS_ICONS,
    UNKNOWN,
    Assessment,
    GoalProgress,
    assess,
    clamp,
    goal_progress,
    linear_trend,
    measure_unit,
    measure_value,
    required_value,
    rule_text,
)
