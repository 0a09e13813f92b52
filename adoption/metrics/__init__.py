"""The metric registry: every figure the dashboard shows is defined here once.

Pages, the map, goals, exports and the command line all call :func:`compute`,
so they cannot disagree. :mod:`.definitions` says what each metric is,
:mod:`.compute` turns the store's counts into values, intervals and statuses,
:mod:`.stats` holds the interval methods, :mod:`.filters` the filter and view
values, :mod:`.similarity` the similar municipalities and :mod:`.goals` the
programme goals.
"""

from adoption.metrics.compute import MetricResult, compute, count_status
from adoption.metrics.definitions import (
    CIVIL_SOCIETY_MIN_N,
    NO_CATEGORY,
    REGISTRY,
    SMALL_BASE_N,
    STATUS_OK,
    STATUSES,
    Metric,
    get,
    small_base,
    too_few,
)

__all__ = ["CIVIL_SOCIETY_MIN_N", "NO_CATEGORY", "REGISTRY", "SMALL_BASE_N", "STATUSES", "STATUS_OK", "Metric", "MetricResult",
           "compute", "count_status", "get", "small_base", "too_few"]
