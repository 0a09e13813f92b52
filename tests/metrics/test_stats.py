"""The 95 % Wilson score interval and the bounded mean interval (adoption.metrics.stats)."""

from __future__ import annotations

import math
from statistics import NormalDist

import pytest

from adoption.metrics.stats import Z95, mean_interval, wilson_interval


def wilson_by_quadratic(k: int, n: int, z: float) -> tuple[float, float]:
    """The Wilson bounds found another way: the two p where (k/n - p)^2 = z^2 p (1 - p) / n.

    Multiplying out gives (n + z^2) p^2 - (2k + z^2) p + k^2 / n = 0, whose
    roots are the bounds; this checks the closed form in adoption.metrics.stats.
    """
    a = n + z * z
    b = -(2 * k + z * z)
    c = k * k / n
    root = math.sqrt(b * b - 4 * a * c)
    return (-b - root) / (2 * a), (-b + root) / (2 * a)


def test_z_is_the_975th_percentile_of_the_standard_normal():
    assert Z95 == pytest.approx(NormalDist().inv_cdf(0.975), abs=1e-12)
    assert round(Z95, 2) == 1.96


def test_zero_of_ten():
    # p = 0: centre = (z^2/20) / (1 + z^2/10) = 0.19207 / 1.38415 = 0.13877, and the
    # half width is the same 0.13877, so the interval is (0, 0.2775).
    low, high = wilson_interval(0, 10)
    assert low == pytest.approx(0.0, abs=1e-12)
    assert round(high, 4) == 0.2775


def test_five_of_ten_is_symmetric_around_a_half():
    low, high = wilson_interval(5, 10)
    assert (round(low, 4), round(high, 4)) == (0.2366, 0.7634)
    assert low + high == pytest.approx(1.0, abs=1e-12)


def test_ten_of_ten_mirrors_zero_of_ten():
    low, high = wilson_interval(10, 10)
    assert round(low, 4) == round(1 - 0.2775328, 4) == 0.7225
    assert high == pytest.approx(1.0, abs=1e-12)


def test_81_of_263_matches_an_independent_computation_and_the_literal():
    # p = 81/263 = 0.30798
    low, high = wilson_interval(81, 263)
    expected_low, expected_high = wilson_by_quadratic(81, 263, Z95)
    assert low == pytest.approx(expected_low, abs=1e-12)
    assert high == pytest.approx(expected_high, abs=1e-12)
    # Literal, checked against the quadratic above: (0.25529, 0.36621).
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    assert low < 81 / 263 < high


@pytest.mark.parametrize("k, n", [(1, 3), (2, 4), (3, 4), (7, 290), (263, 290), (1, 1)])
def test_closed_form_agrees_with_the_quadratic(k, n):
    low, high = wilson_interval(k, n)
    expected = wilson_by_quadratic(k, n, Z95)
    assert low == pytest.approx(expected[0], abs=1e-12)
    assert high == pytest.approx(expected[1], abs=1e-12)
    assert 0.0 <= low <= k / n <= high <= 1.0


def test_fractional_counts_are_accepted():
    # Registry values arrive as floats from SQL (5.0 of 10.0).
    assert wilson_interval(5.0, 10.0) == wilson_interval(5, 10)


@pytest.mark.parametrize("n", [0, 0.0, -1])
def test_no_base_gives_no_interval(n):
    assert wilson_interval(0, n) == (None, None)


def test_mean_interval_unclipped():
    # half width = z * sd / sqrt(n) = 1.959964 * 10 / 5 = 3.919928
    low, high = mean_interval(50.0, 10.0, 25, lower=0.0, upper=100.0)
    assert low == pytest.approx(50 - 2 * Z95, abs=1e-12)
    assert high == pytest.approx(50 + 2 * Z95, abs=1e-12)
    assert (round(low, 4), round(high, 4)) == (46.0801, 53.9199)


def test_mean_interval_is_clipped_to_the_scale():
    # half width = 1.959964 * 20 / sqrt(4) = 19.59964
    low, high = mean_interval(95.0, 20.0, 4, lower=0.0, upper=100.0)
    assert low == pytest.approx(95 - 19.59964, abs=1e-5)
    assert high == 100.0  # 95 + 19.6 = 114.6, clipped
    low, high = mean_interval(5.0, 20.0, 4, lower=0.0, upper=100.0)
    assert low == 0.0  # 5 - 19.6 = -14.6, clipped
    assert high == pytest.approx(5 + 19.59964, abs=1e-5)
    # Both ends clipped at once.
    assert mean_interval(50.0, 1000.0, 4, lower=0.0, upper=100.0) == (0.0, 100.0)


@pytest.mark.parametrize(
    "sd, n",
    [(None, 10), (float("nan"), 10), (5.0, 1), (5.0, 0)],
)
def test_mean_interval_without_spread_or_with_one_value_is_none(sd, n):
    assert mean_interval(50.0, sd, n, lower=0.0, upper=100.0) == (None, None)
