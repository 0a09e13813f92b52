"""Registry figures as the report's words: the one place a report turns a MetricResult into text.

The dashboard is getting one presenter for a MetricResult (value, base,
interval and status words). Until it lands, this adapter borrows the view
functions the pages use today, so that a report cannot word a figure
differently from a page. When the presenter exists, :func:`present` is the only
function to switch over.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption import metrics
from adoption.views import overview, profile


@dataclass(frozen=True)
class Words:
    value: str  # "45,5 %", "62,3", or why there is none ("inget svar", "för få svar")
    base: str  # "10 av 22 svarande", or the registry's reason when there is no value
    interval: str  # "26,2 %–65,0 %" or "" (none, or not an estimate)
    change: str  # "+4,2 procentenheter sedan 2023" or "" (no earlier survey, or no value in one of them)


def present(result: metrics.MetricResult, lang: str = "sv", *, headline: overview.Headline | None = None,
            single_municipality: bool = False) -> Words:
    """The words for one registry figure.

    ``headline``: the same figure as :func:`adoption.views.overview.headlines` gives it, for its change
    since the previous survey (the dashboard's rule). ``single_municipality``: the figure is one
    municipality's own answer, shown without an interval as on the Kommun page (a share of one answer is
    0 % or 100 %, not an estimate).
    """
    change = overview.change_text(headline, lang) if headline is not None else None
    return Words(
        value=profile.result_text(result, lang),
        base=overview.base_text(result, lang),
        interval="" if single_municipality else profile.interval_text(result, lang),
        change=change or "",
    )
