"""Which survey year a view shows, and the survey before it: worked out here only.

A filter without a year means the latest survey year. "The previous survey"
is the latest survey year before the shown one: surveys need not be yearly,
so it is not ``year - 1``.
"""

from __future__ import annotations

from collections.abc import Iterable

from adoption.metrics.filters import ALL_YEARS
from adoption.store import Store


def chosen_year(years: Iterable[int], ar: int | str | None) -> int | None:
    """``ar`` when one year is chosen, else (none, or every year) the latest of ``years``; None when
    there are no years."""
    if ar is not None and ar != ALL_YEARS:
        return ar
    years = tuple(years)
    return max(years) if years else None


def previous_year(years: Iterable[int], year: int | None) -> int | None:
    """The latest of ``years`` before ``year``; None when there is none (or no year)."""
    if year is None:
        return None
    earlier = [y for y in years if y < year]
    return max(earlier) if earlier else None


def latest_and_previous(store: Store, ar: int | None = None, *,
                        version: int | None = None) -> tuple[int | None, int | None]:
    """The shown survey year (``ar``, else the latest) and the survey year before it, in a data version."""
    years = store.survey_years(store.resolve_version(version))
    year = chosen_year(years, ar)
    return year, previous_year(years, year)
