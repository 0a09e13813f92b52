"""Registry figures as the report's words: the one place a report turns a MetricResult into text.

Every word comes from the dashboard's presenter (:mod:`adoption.text.present`)
and the change from :func:`adoption.views.overview.change_text`, so a report
cannot word a figure differently from a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from adoption import metrics
from adoption.text import present as presenter
from adoption.views import overview


@dataclass(frozen=True)
class Words:
    value: str  # "45,5 %", "62,3", or why there is none ("inget svar", "för få svar")
    base: str  # "10 av 22 svarande", or the status word when there is no value
    interval: str  # "26,2–65,0 %" or "" (none, or not an estimate)
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
    estimate = not single_municipality
    return Words(
        value=presenter.value(result, lang),
        base=presenter.base(result, lang),
        interval=presenter.interval(result, lang) if presenter.has_interval(result, estimate) else "",
        change=change or "",
    )
