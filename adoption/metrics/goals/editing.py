"""Editing a goal: the target as the form shows and takes it, its wording, the check and the save.

Administrators type a share's target in percent (80, not 0.8); counts and
indices as they are. Each saved edit is a new revision; an edit that changes
nothing saves nothing. A wording that states the target follows a new target
and year by itself (:func:`reworded`); one that still states the old figure
is refused. Separate from progress (:mod:`.progress`): this writes goals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from adoption import metrics
from adoption.errors import AdoptionError
from adoption.metrics.goals.progress import measure_unit
from adoption.store import Store
from adoption.text import formatting, i18n

MIN_TARGET_YEAR, MAX_TARGET_YEAR = 2020, 2100
MAX_LABEL = 200  # characters of a goal's wording
# A target read back from the form went through percent and back: float noise
# must not count as a change.
TARGET_TOLERANCE = 1e-12

SAVED = "saved"
UNCHANGED = "unchanged"
INVALID = "invalid"


def target_unit(metric_id: str, measure: str) -> str:
    """The unit of a goal's target; "count" for a metric the registry no longer knows."""
    if measure == "numerator":
        return "count"
    try:
        return measure_unit(metrics.get(metric_id), measure)
    except AdoptionError:
        return "count"


def form_target(target: float, unit: str) -> float:
    """A stored target as the form shows it (a share in percent)."""
    return round(float(target) * 100, 4) if unit == "share" else float(target)


def stored_target(value: float, unit: str) -> float:
    """A target typed in the form as the store keeps it (a share as a fraction)."""
    return float(value) / 100 if unit == "share" else float(value)


def form_target_max(unit: str) -> float | None:
    """The highest target the form accepts (percent and indices end at 100; counts have no end)."""
    return 100.0 if unit in ("share", "index") else None


@dataclass(frozen=True)
class GoalEditOutcome:
    """What became of an edit: ``status`` saved, unchanged or invalid.

    ``problem`` (invalid only) is a code: unknown_goal, label_missing,
    label_too_long, target_range, year_range, target_not_number or
    wording_stale (``stale`` names the wordings, "sv"/"en", that still state
    the old figure); :meth:`message` says it.
    """

    status: str
    goal_id: str
    revision: int | None = None  # the new revision when saved
    problem: str | None = None
    stale: tuple[str, ...] = ()

    @property
    def saved(self) -> bool:
        return self.status == SAVED

    def message(self, lang: str = "sv") -> str:
        if self.status == SAVED:
            return i18n.t("ladda_upp.goal_saved", lang).format(goal=self.goal_id, revision=self.revision)
        if self.status == UNCHANGED:
            return i18n.t("ladda_upp.goal_unchanged", lang)
        if self.problem == "wording_stale":
            which = i18n.t("ladda_upp.and", lang).format(
                first=i18n.t("ladda_upp.goal_wording.sv", lang), second=i18n.t("ladda_upp.goal_wording.en", lang)) \
                if len(self.stale) == 2 else i18n.t(f"ladda_upp.goal_wording.{(self.stale or ('sv',))[0]}", lang)
            return i18n.t("ladda_upp.goal_wording_stale", lang).format(which=which)
        return i18n.t(f"ladda_upp.goal_problem.{self.problem}", lang).format(
            goal=self.goal_id, max_label=MAX_LABEL, min_year=MIN_TARGET_YEAR, max_year=MAX_TARGET_YEAR)


def parse_target(text) -> float | None:
    """A target typed in the form ("80", "80,5", "80.5", "80 %"), as the form means it; None: no number."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    try:
        return formatting.parse_number(str(text))
    except ValueError:
        return None


def _plain(value: float, lang: str) -> str:
    """A figure as typed and as written in a wording: "80", "80,5" (sv), "80.5" (en); no grouping."""
    text = f"{round(float(value), 4):.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang != "en" else text


def target_text(target: float, unit: str, lang: str = "sv") -> str:
    """A stored target as the form shows it: "75" for a share of 0.75, "80,5", "300"."""
    return _plain(form_target(target, unit), lang)


def _figure(target: float, unit: str) -> re.Pattern:
    """The stored target as a wording may write it: "75 %", "75,0 procent", "80.5%", "1 200"."""
    value = round(form_target(target, unit), 4)
    whole, _, fraction = f"{value:.4f}".rstrip("0").rstrip(".").partition(".")
    grouped = r"[\s\u00a0\u202f,]?".join(re.escape(whole[max(0, i - 3):i]) for i in
                                         range(len(whole) % 3 or 3, len(whole) + 1, 3)) if len(whole) > 3 \
        else re.escape(whole)
    decimals = rf"[.,]{fraction}0*" if fraction else r"(?:[.,]0+)?"
    after = r"(?=\s*(?:%|procent|percent))" if unit == "share" else ""
    return re.compile(rf"(?<![\d.,]){grouped}{decimals}(?![\d]|[.,]\d){after}")


def mentions(label: str, target: float, unit: str) -> bool:
    """Whether a wording states ``target`` (stored units): "75 % av kommunerna" mentions 0.75."""
    return bool(_figure(target, unit).search(label or ""))


def reworded(label: str, goal, target: float, target_year: int, lang: str = "sv", *,
             old_target: float | None = None, old_year: int | None = None) -> str | None:
    """``label`` with the goal's figure and year replaced by a new target (as the form takes it) and year.

    ``old_target`` (stored units) and ``old_year`` default to the goal's. None
    when the wording states neither the old figure nor the old year, so it
    cannot follow by itself and is left for the administrator (it is flagged).
    """
    unit = target_unit(goal.metric, goal.measure)
    old_target = float(goal.target) if old_target is None else old_target
    old_year = int(goal.target_year) if old_year is None else old_year
    new = stored_target(target, unit)
    text, found = label, False
    if abs(new - old_target) >= TARGET_TOLERANCE:
        figure = _plain(form_target(new, unit), lang) if unit == "share" else formatting.number(new, lang)
        text, n = _figure(old_target, unit).subn(figure, text)
        found = found or n > 0
    if int(target_year) != old_year:
        text, n = re.subn(rf"(?<!\d){old_year}(?!\d)", str(int(target_year)), text)
        found = found or n > 0
    return text if found else None


def _problem(target: float, target_year: int, label_sv: str, label_en: str, unit: str) -> str | None:
    if not label_sv or not label_en:
        return "label_missing"
    if len(label_sv) > MAX_LABEL or len(label_en) > MAX_LABEL:
        return "label_too_long"
    highest = form_target_max(unit)
    if not math.isfinite(target) or target < 0 or (highest is not None and target > highest):
        return "target_range"
    if not MIN_TARGET_YEAR <= target_year <= MAX_TARGET_YEAR:
        return "year_range"
    return None


@dataclass(frozen=True)
class EditCheck:
    """An edit as the form holds it, checked before anything is saved (the Save button reads it).

    ``status``: ready, unchanged or invalid; ``target`` as the form means it
    (a share in percent); ``problem`` as in :class:`GoalEditOutcome` plus
    target_not_number and wording_stale (a wording still states the old
    figure); ``notes``: wording_no_figure when the target changes and the
    Swedish wording states no figure for it (it may need editing).
    """

    status: str
    goal_id: str
    target: float | None = None
    problem: str | None = None
    notes: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()  # "sv", "en": the wordings that state the old figure

    @property
    def ready(self) -> bool:
        return self.status == READY

    def message(self, lang: str = "sv") -> str:
        """Why the edit cannot be saved (the Save button's explanation); "" when it can."""
        if self.status == READY:
            return ""
        if self.status == UNCHANGED:
            return i18n.t("ladda_upp.goal_nothing_to_save", lang)
        return GoalEditOutcome(INVALID, self.goal_id, problem=self.problem, stale=self.stale).message(lang)


READY = "ready"


def note_text(note: str, lang: str = "sv", **values) -> str:
    """A note of :class:`EditCheck` in words."""
    return i18n.t(f"ladda_upp.goal_note.{note}", lang).format(**values)


def check_edit(goal, *, target_text, target_year: int, label_sv: str, label_en: str) -> EditCheck:
    """Whether the form's values may be saved as a new revision of ``goal`` (a row of ``Store.goals``)."""
    target = parse_target(target_text)
    if target is None:
        return EditCheck(INVALID, goal.goal_id, problem="target_not_number")
    unit = target_unit(goal.metric, goal.measure)
    label_sv, label_en, target_year = label_sv.strip(), label_en.strip(), int(target_year)
    problem = _problem(float(target), target_year, label_sv, label_en, unit)
    if problem is not None:
        return EditCheck(INVALID, goal.goal_id, target, problem)
    new_target = stored_target(target, unit)
    target_changed = abs(new_target - float(goal.target)) >= TARGET_TOLERANCE
    if target_changed:
        stale = tuple(code for code, label in (("sv", label_sv), ("en", label_en))
                      if mentions(label, float(goal.target), unit) and not mentions(label, new_target, unit))
        if stale:
            return EditCheck(INVALID, goal.goal_id, target, "wording_stale", stale=stale)
    if (not target_changed and target_year == int(goal.target_year) and label_sv == goal.label_sv
            and label_en == goal.label_en):
        return EditCheck(UNCHANGED, goal.goal_id, target)
    notes = ("wording_no_figure",) if target_changed and not mentions(label_sv, new_target, unit) else ()
    return EditCheck(READY, goal.goal_id, target, notes=notes)


def edit_goal(store: Store, goal_id: str, *, target, target_year: int, label_sv: str, label_en: str,
              changed_by: str) -> GoalEditOutcome:
    """Save a new revision of a goal when the edit is valid and changes something.

    ``target`` as the form takes it (:func:`form_target`: a share in percent;
    a number or the text typed, "80,5"). Wordings are stripped of surrounding
    spaces; metric and measure stay. A wording left as it was follows a new
    target and year (:func:`reworded`); a wording that still states the old
    figure is refused (problem wording_stale).
    """
    current = store.goals()
    row = current[current["goal_id"] == goal_id]
    if row.empty:
        return GoalEditOutcome(INVALID, goal_id, problem="unknown_goal")
    goal = row.iloc[0]
    number = parse_target(target)
    if number is not None:
        for code in ("sv", "en"):
            given, stored = (label_sv, goal["label_sv"]) if code == "sv" else (label_en, goal["label_en"])
            if given.strip() == stored:
                new = reworded(stored, goal, number, int(target_year), code)
                if new is not None:
                    label_sv, label_en = (new, label_en) if code == "sv" else (label_sv, new)
    check = check_edit(goal, target_text=target, target_year=target_year, label_sv=label_sv, label_en=label_en)
    if check.status == INVALID:
        return GoalEditOutcome(INVALID, goal_id, problem=check.problem, stale=check.stale)
    if check.status == UNCHANGED:
        return GoalEditOutcome(UNCHANGED, goal_id)
    unit = target_unit(goal["metric"], goal["measure"])
    revision = store.save_goal(goal_id=goal_id, metric=goal["metric"], measure=goal["measure"],
                               target=stored_target(check.target, unit), target_year=int(target_year),
                               label_sv=label_sv.strip(), label_en=label_en.strip(), changed_by=changed_by)
    return GoalEditOutcome(SAVED, goal_id, revision=revision)
