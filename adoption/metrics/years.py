"""Which survey year a view shows, and the survey before it: worked out here only.

A filter without a year means the latest *published* survey year: a round
still coming in (preliminary) is shown only when chosen explicitly, because
its first batch of answers would read as a collapse next to a complete year.
Only when no year is published yet is the latest year the default (pages then
say it is preliminary). "The previous survey" is the latest published year
before the shown one: surveys need not be yearly, so it is not ``year - 1``,
and an unfinished round is never the base a change is measured from.

``rounds`` is what :meth:`adoption.store.Store.survey_rounds` returns (year ->
``preliminar`` or ``publicerad``); a plain list of years means every year is
published.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from adoption.metrics.filters import ALL_YEARS
from adoption.store import Store
from adoption.vocab import ROUND_PRELIMINARY, ROUND_PUBLISHED

Rounds = Mapping[int, str] | Iterable[int]


def as_rounds(rounds: Rounds) -> dict[int, str]:
    """Year -> status; a plain iterable of years counts as all published."""
    if isinstance(rounds, Mapping):
        return {int(y): s for y, s in rounds.items()}
    return {int(y): ROUND_PUBLISHED for y in rounds}


def published(rounds: Rounds) -> tuple[int, ...]:
    """The published years, oldest first."""
    return tuple(sorted(y for y, s in as_rounds(rounds).items() if s == ROUND_PUBLISHED))


def preliminary(rounds: Rounds) -> tuple[int, ...]:
    """The preliminary years, oldest first."""
    return tuple(sorted(y for y, s in as_rounds(rounds).items() if s == ROUND_PRELIMINARY))


def is_preliminary(rounds: Rounds, year: int | None) -> bool:
    return year is not None and as_rounds(rounds).get(int(year)) == ROUND_PRELIMINARY


def default_year(rounds: Rounds) -> int | None:
    """The latest published year; the latest year when none is published; None without years."""
    years = as_rounds(rounds)
    done = published(years)
    if done:
        return done[-1]
    return max(years) if years else None


def chosen_year(rounds: Rounds, ar: int | str | None) -> int | None:
    """``ar`` when one year is chosen, else (none, or every year) :func:`default_year`; None when there
    are no years."""
    if ar is not None and ar != ALL_YEARS:
        return ar
    return default_year(rounds)


def previous_year(rounds: Rounds, year: int | None) -> int | None:
    """The latest published year before ``year``; None when there is none (or no year)."""
    if year is None:
        return None
    earlier = [y for y in published(rounds) if y < year]
    return max(earlier) if earlier else None


def published_years(store: Store, *, version: int | None = None) -> tuple[int, ...]:
    """The published survey years of a data version (goals, projections and trends use only these)."""
    return published(store.survey_rounds(store.resolve_version(version)))


def latest_and_previous(store: Store, ar: int | None = None, *,
                        version: int | None = None) -> tuple[int | None, int | None]:
    """The shown survey year (``ar``, else the latest published) and the published year before it."""
    rounds = store.survey_rounds(store.resolve_version(version))
    year = chosen_year(rounds, ar)
    return year, previous_year(rounds, year)
