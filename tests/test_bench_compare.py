"""The side-by-side benchmark comparison's arithmetic, on figures worked out by hand."""

from __future__ import annotations

import pytest

from bench.compare import compare, worse


def test_worse_reads_time_and_rate_the_right_way_round():
    assert worse("ms", 100.0, 112.0) == pytest.approx(0.12)  # 12 % slower
    assert worse("ms", 100.0, 90.0) == pytest.approx(-0.10)
    assert worse("rows/s", 1000.0, 800.0) == pytest.approx(0.25)  # a lower rate: 1000/800 - 1
    assert worse("ratio_min", 5.0, 5.0) == 0.0


def test_compare_takes_the_median_of_rounds_and_flags_over_ten_percent():
    base = [{"a": {"unit": "ms", "median": 10.0}, "b": {"unit": "ms", "median": 50.0}},
            {"a": {"unit": "ms", "median": 12.0}, "b": {"unit": "ms", "median": 50.0}},
            {"a": {"unit": "ms", "median": 11.0}, "b": {"unit": "ms", "median": 50.0}}]
    head = [{"a": {"unit": "ms", "median": 13.0}, "b": {"unit": "ms", "median": 54.0}, "new": {"unit": "ms", "median": 1}},
            {"a": {"unit": "ms", "median": 12.5}, "b": {"unit": "ms", "median": 56.0}},
            {"a": {"unit": "ms", "median": 12.0}, "b": {"unit": "ms", "median": 55.0}}]
    rows = {r["id"]: r for r in compare(base, head)}
    assert set(rows) == {"a", "b"}  # only figures every run measured
    # a: base median 11, head median 12.5 -> 13.6 % worse; b: 50 -> 55, exactly 10 %, not over
    assert rows["a"]["base"] == 11.0 and rows["a"]["head"] == 12.5 and rows["a"]["flag"]
    assert rows["b"]["worse"] == pytest.approx(0.10) and not rows["b"]["flag"]
