"""Small statistics: the 95 % Wilson score interval for a share, and intervals for a change between years."""

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


# -- the change of a figure between two survey years -----------------------------------
#
# Both intervals are Newcombe's "square-and-add" (hybrid score) intervals, built
# from the Wilson intervals of the two shares, so a change and the figures it
# compares rest on the same method. Differences are "now minus before".


def newcombe_difference(x_now: float, n_now: float, x_before: float, n_before: float,
                        ) -> tuple[float, float] | tuple[None, None]:
    """95 % interval of p_now - p_before for two independent samples (Newcombe 1998, method 10).

    statsmodels' implementation (``confint_proportions_2indep(method="newcomb")``).
    """
    if n_now <= 0 or n_before <= 0:
        return None, None
    from statsmodels.stats.proportion import confint_proportions_2indep

    low, high = confint_proportions_2indep(x_now, n_now, x_before, n_before, method="newcomb", compare="diff")
    return float(low), float(high)


def paired_difference(both: int, only_before: int, only_now: int, neither: int,
                      ) -> tuple[float, float] | tuple[None, None]:
    """95 % interval of p_now - p_before for the same respondents in two years (Newcombe 1998, paired method 10).

    The 2 x 2 table: ``both`` yes in both years, ``only_before`` yes only
    before, ``only_now`` yes only now, ``neither``. statsmodels has no paired
    interval for a difference, so the square-and-add step is written out
    here over its Wilson intervals (``proportion_confint(method="wilson")``),
    with the correlation correction phi of the paired table.
    """
    n = both + only_before + only_now + neither
    if n <= 0:
        return None, None
    from statsmodels.stats.proportion import proportion_confint

    x_before, x_now = both + only_before, both + only_now
    p_before, p_now = x_before / n, x_now / n
    l_before, u_before = (float(b) for b in proportion_confint(x_before, n, method="wilson"))
    l_now, u_now = (float(b) for b in proportion_confint(x_now, n, method="wilson"))
    margins = (both + only_before) * (only_now + neither) * (both + only_now) * (only_before + neither)
    phi = 0.0
    if margins > 0:
        # Newcombe's estimate of the correlation between the two shares, with his
        # correction of a positive association by n / 2 (as in Fagerland, Lydersen
        # and Laake, "Statistical Analysis of Contingency Tables", ch. 8).
        a = both * neither - only_before * only_now
        if a > n / 2:
            phi = (a - n / 2) / math.sqrt(margins)
        elif a < 0:
            phi = a / math.sqrt(margins)
    d_now_low, d_now_high = p_now - l_now, u_now - p_now
    d_before_low, d_before_high = p_before - l_before, u_before - p_before
    change = p_now - p_before
    below = math.sqrt(max(0.0, d_now_low ** 2 - 2 * phi * d_now_low * d_before_high + d_before_high ** 2))
    above = math.sqrt(max(0.0, d_now_high ** 2 - 2 * phi * d_now_high * d_before_low + d_before_low ** 2))
    return max(-1.0, change - below), min(1.0, change + above)


def normal_difference(change: float, se_now: float | None, se_before: float | None,
                      z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Normal-approximation interval of a difference of two independent means."""
    if se_now is None or se_before is None:
        return None, None
    half = z * math.sqrt(se_now ** 2 + se_before ** 2)
    return change - half, change + half


def paired_mean_difference(differences: list[float], z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Normal-approximation interval of the mean of paired differences (n >= 2)."""
    n = len(differences)
    if n < 2:
        return None, None
    mean = sum(differences) / n
    sd = math.sqrt(sum((d - mean) ** 2 for d in differences) / (n - 1))
    half = z * sd / math.sqrt(n)
    return mean - half, mean + half
