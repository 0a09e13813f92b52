"""Small statistics: the 95 % Wilson score interval for a share."""

from __future__ import annotations

import math

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal distribution


def wilson_interval(successes: float, n: float, z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Wilson score interval for successes / n.

    Chosen over the normal approximation because it stays inside 0..1 and
    behaves with small n and shares near 0 or 1, which is exactly the case
    for a single county's municipalities or for rare stages.
    """
    if n <= 0:
        return None, None
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # At 0 or n successes the bound is exactly 0 or 1; rounding must not leave
    # the point estimate outside its own interval.
    low = 0.0 if successes <= 0 else max(0.0, centre - half)
    high = 1.0 if successes >= n else min(1.0, centre + half)
    return low, high


def mean_interval(mean: float, sd: float | None, n: int, *, lower: float, upper: float,
                  z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Normal-approximation interval for a mean on a bounded scale, clipped to it."""
    if n < 2 or sd is None or math.isnan(sd):
        return None, None
    half = z * sd / math.sqrt(n)
    return max(lower, mean - half), min(upper, mean + half)
