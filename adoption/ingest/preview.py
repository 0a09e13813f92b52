"""What an upload would change, shown before it is committed: the preview and the prepared upload.

The row counts and field changes come from :mod:`.compare`; the headline
figures before and after come from committing the upload into a scratch
copy of the database and computing the metrics there (see :mod:`.pipeline`).
Kept apart from the commit so that the page can show all of this while
nothing has been written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import AdoptionError
from ..formats import SURVEY_KINDS
from ..store import Store, UploadInfo
from .changes import KEY_COLUMNS, ChangeList
from .compare import ChangeCount, Plan, Totals, commit_plan, make_plan
from .report import IngestResult
from .validate import output_columns

# Headline figures shown before/after in the preview, per year in the file.
HEADLINE_METRICS = ("svarsfrekvens", "andel_ai_aktivitet", "andel_ai_i_drift", "andel_strategi", "andel_utvarderade")
POPULATION_HEADLINE_METRICS = ("initiativ_per_10k",)


@dataclass(frozen=True)
class HeadlineEffect:
    """A headline figure for a year before and after the commit (shares as 0-1; None: no value, and the
    status says why)."""

    metric: str
    label: str
    ar: int
    before: float | None
    after: float | None
    unit: str = "share"
    before_status: str = "no_data"
    after_status: str = "no_data"


@dataclass
class Preview(Totals):
    base_version: int | None
    counts: list[ChangeCount]
    headline: list[HeadlineEffect] = field(default_factory=list)
    # every changed row with its changed fields (old -> new); added rows are counted only
    changes: ChangeList = field(default_factory=ChangeList)


@dataclass
class Prepared:
    """A validated upload, ready to show and (when ``can_commit``) to commit."""

    kind: str
    filename: str
    sha256: str
    size: int
    year: int | None
    result: IngestResult
    duplicate_of: UploadInfo | None = None
    preview: Preview | None = None
    plan: Plan | None = field(default=None, repr=False)  # what a commit writes, unless the data changed since

    @property
    def ok(self) -> bool:
        """No errors: the file can be committed (fuzzy matches still need a confirmation)."""
        return self.result.ok

    @property
    def same_as_current(self) -> bool:
        """Uploaded before and changes nothing now: committing it is a no-op."""
        return (self.duplicate_of is not None and self.preview is not None
                and not (self.preview.added or self.preview.changed))

    @property
    def restores(self) -> bool:
        """Uploaded before, but the data changed since: committing it again restores its values."""
        return self.duplicate_of is not None and self.preview is not None and not self.same_as_current

    @property
    def can_commit(self) -> bool:
        return self.ok and self.preview is not None and not self.same_as_current

    @property
    def fuzzy_matches(self):
        return self.result.fuzzy_matches

    @property
    def columns_not_in_file(self) -> tuple[str, ...]:
        """Answer columns the file does not hold: rows already stored keep their values there."""
        held = self.result.columns_in_file
        if held is None or self.kind not in SURVEY_KINDS:
            return ()
        return tuple(c for c in output_columns(self.kind) if c not in held and c not in KEY_COLUMNS)

    def unconfirmed(self, confirmed: bool | Iterable[int]) -> list:
        """Fuzzy matches not confirmed: ``True`` confirms all, else the set of confirmed row numbers."""
        if confirmed is True:
            return []
        rows = set() if confirmed is False or confirmed is None else {int(r) for r in confirmed}
        return [m for m in self.result.fuzzy_matches if m.row not in rows]


def preview_on_copy(store: Store, kind: str, frame: pd.DataFrame,
                    held: Iterable[str] | None = None) -> tuple[Plan, list[HeadlineEffect]]:
    """The plan against the current version, and the headline figures before and after it, from a scratch copy."""
    from adoption.metrics.filters import Filter

    from .. import metrics

    years = sorted({int(y) for y in frame["ar"]})
    ids = HEADLINE_METRICS + (POPULATION_HEADLINE_METRICS if kind == "befolkning" else ())
    with tempfile.TemporaryDirectory(prefix="adoption-preview-") as folder:
        scratch_path = Path(folder) / "preview.duckdb"
        store.snapshot_to(scratch_path)
        scratch = Store(scratch_path)
        base = scratch.current_version()
        plan = make_plan(scratch, kind, frame, base, held)
        outcome = commit_plan(scratch, plan, filename="förhandsvisning", sha="preview", kind=kind,
                              uploaded_by="förhandsvisning", description="förhandsvisning")
        after_version = outcome.version if outcome.version is not None else base
        effects = []
        for metric_id in ids:
            try:
                metric = metrics.get(metric_id)
            except AdoptionError:
                continue
            for ar in years:
                before = after = None
                try:
                    if base is not None:
                        before = metrics.compute(scratch, metric_id, Filter(ar=ar), version=base)
                    if after_version is not None:
                        after = metrics.compute(scratch, metric_id, Filter(ar=ar), version=after_version)
                except AdoptionError:
                    continue
                effects.append(HeadlineEffect(metric_id, metric.label_sv, ar, _value(before), _value(after),
                                              metric.unit, _status(before), _status(after)))
    plan.base_version = base
    return plan, effects


def _value(result) -> float | None:
    value = getattr(result, "value", None)
    return None if value is None else float(value)


def _status(result) -> str:
    return "no_data" if result is None else result.status
