"""The staggered difference-in-differences estimator behind ``/effekt``.

Sun & Abraham's (2021) interaction-weighted event study, estimated with
``pyfixest`` (pinned in requirements.txt): the saturated regression

    y ~ sum over cohorts g and relative years e != -1 of 1[cohort = g, year - g = e]
        | unit + year        (fixed effects; errors clustered by unit)

which is the model of pyfixest's ``event_study(estimator="saturated")``, fitted
with its ``feols`` so that county x year effects can replace the year
effects. Each coefficient is the effect on one entry cohort at one year
relative to its entry, against the never-participants, so the estimate stays
valid when entry is staggered and effects differ between cohorts and over
time (where the ordinary two-way fixed-effects regression mixes them with
negative weights). The aggregates weight the cohort-year coefficients by how
many participant unit-years each holds:

* the average effect on participants: every cohort-year from entry on;
* the event study: per relative year, the cohorts present at that year;
* the pre-trend test: the joint Wald test that every lead (e <= -2) is 0;
* the placebo: the same average with entry moved a year earlier, on the
  years before the real entry only (nothing happened then).

Why not ``did2s`` (same library): its clustered GMM variance builds dense
unit dummies and loops over units in Python, 0.5-1 s per fit on 290
municipalities, which breaks the page's 1 s budget for three fits; and its
first stage drops a participant seen once before entry. Why not ``csdid``
or ``differences``: heavier dependencies for the same estimand, and slower.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from adoption.metrics.stats import Z95

ESTIMATOR_NAME = "Sun & Abraham (2021), mättad händelsestudie (pyfixest feols)"
ESTIMATOR_NAME_EN = "Sun & Abraham (2021), saturated event study (pyfixest feols)"
REFERENCE_YEAR = -1  # entry - 1: every relative-year effect is against it


@dataclass(frozen=True)
class Coefficient:
    """One estimate with its 95 % interval (outcome points, 0-100 scale)."""

    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    n_obs: int = 0  # participant unit-years it averages over

    def to_dict(self) -> dict:
        return {"estimate": self.estimate, "std_error": self.std_error, "ci_low": self.ci_low,
                "ci_high": self.ci_high, "p_value": self.p_value, "n_obs": self.n_obs}


@dataclass(frozen=True)
class EventTime:
    relative_year: int  # survey year minus entry year
    estimate: float | None  # None for the reference year (entry - 1, 0 by definition)
    ci_low: float | None
    ci_high: float | None
    n_treated_obs: int  # participant unit-years at this relative year


@dataclass(frozen=True)
class Fit:
    """The saturated regression's cohort-year coefficients, their covariance and cell sizes."""

    names: tuple[str, ...]
    beta: np.ndarray
    vcov: np.ndarray
    cells: pd.DataFrame  # name, cohort, relative_year, n (participant unit-years)
    wald: object  # fit.wald_test, for joint tests

    def combine(self, weights: dict[str, float]) -> Coefficient | None:
        """A weighted sum of coefficients (weights by name), with its clustered 95 % interval."""
        vector = np.array([weights.get(n, 0.0) for n in self.names])
        if not vector.any():
            return None
        estimate = float(vector @ self.beta)
        se = float(np.sqrt(max(vector @ self.vcov @ vector, 0.0)))
        z = estimate / se if se > 0 else np.inf
        from scipy.stats import norm

        p_value = float(2 * norm.sf(abs(z))) if np.isfinite(z) else 0.0
        n = int(self.cells.set_index("name").loc[[k for k, w in weights.items() if w and k in self.names], "n"].sum())
        return Coefficient(estimate, se, estimate - Z95 * se, estimate + Z95 * se, p_value, n)


def _pyfixest():
    import pyfixest  # imported on first use: it loads scipy and matplotlib (about 2 s, once per process)

    return pyfixest


def fit(frame: pd.DataFrame, *, by_county: bool = False) -> Fit | None:
    """The saturated regression on ``frame`` (unit, ar, lan_kod, y, entry with 0 = never).

    None when no participant cell has a coefficient (nothing to estimate).
    """
    data = pd.DataFrame({
        "unit": pd.factorize(frame["unit"])[0],
        "ar": frame["ar"].astype(int).to_numpy(),
        "y": frame["y"].astype(float).to_numpy(),
    })
    entry = frame["entry"].astype(int).to_numpy()
    rel = np.where(entry > 0, data["ar"].to_numpy() - entry, 0)
    cells = (
        pd.DataFrame({"cohort": entry, "relative_year": rel})[entry > 0]
        .query("relative_year != @REFERENCE_YEAR")
        .value_counts().rename("n").reset_index().sort_values(["cohort", "relative_year"], ignore_index=True)
    )
    if cells.empty:
        return None
    cells["name"] = [f"c{g}_{'m' if e < 0 else 'p'}{abs(e)}" for g, e in zip(cells["cohort"], cells["relative_year"])]
    columns = {}
    for name, g, e in zip(cells["name"], cells["cohort"], cells["relative_year"]):
        columns[name] = ((entry == g) & (rel == e)).astype(np.int8)
    data = pd.concat([data, pd.DataFrame(columns, index=data.index)], axis=1)
    if by_county:
        # County x year effects as one factor (a county's own trend).
        data["lan_ar"] = pd.factorize(frame["lan_kod"].fillna("?").astype(str) + "/" + frame["ar"].astype(str))[0]
    fixed = "unit + lan_ar" if by_county else "unit + ar"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = _pyfixest().feols(f"y ~ {' + '.join(columns)} | {fixed}", data=data, vcov={"CRV1": "unit"})
    names = tuple(str(n) for n in model._coefnames)
    kept = cells[cells["name"].isin(names)].reset_index(drop=True)
    return Fit(names, np.asarray(model._beta_hat, dtype=float), np.asarray(model._vcov, dtype=float), kept,
               model.wald_test)


def _share_weights(cells: pd.DataFrame) -> dict[str, float]:
    total = cells["n"].sum()
    return {n: float(k) / total for n, k in zip(cells["name"], cells["n"])} if total else {}


def average_effect(model: Fit) -> Coefficient | None:
    """The average over every participant unit-year from entry on."""
    return model.combine(_share_weights(model.cells[model.cells["relative_year"] >= 0]))


def event_study(model: Fit) -> tuple[EventTime, ...]:
    """Per relative year, the cohorts' coefficients weighted by their unit-years; -1 is the reference."""
    out = []
    counts = model.cells.groupby("relative_year")["n"].sum()
    for e in sorted(set(model.cells["relative_year"]) | {REFERENCE_YEAR}):
        if e == REFERENCE_YEAR:
            out.append(EventTime(e, None, None, None, 0))
            continue
        c = model.combine(_share_weights(model.cells[model.cells["relative_year"] == e]))
        if c is not None:
            out.append(EventTime(int(e), c.estimate, c.ci_low, c.ci_high, int(counts.get(e, 0))))
    return tuple(out)


def pretrend_test(model: Fit) -> tuple[float | None, int]:
    """p-value of the joint Wald test that every lead coefficient is 0 (chi-squared), and the number of leads."""
    leads = model.cells[model.cells["relative_year"] < REFERENCE_YEAR]["name"].tolist()
    if not leads:
        return None, 0
    restriction = np.zeros((len(leads), len(model.names)))
    for i, name in enumerate(leads):
        restriction[i, model.names.index(name)] = 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = model.wald(R=restriction, distribution="chi2")
    return float(result["pvalue"]), len(leads)


def placebo(frame: pd.DataFrame, *, by_county: bool = False, shift: int = 1,
            min_participants: int = 10) -> Coefficient | None:
    """The average effect with entry ``shift`` years earlier, on the years before the real entry.

    None when fewer than ``min_participants`` participants have both a year
    before the pretended entry and one from it on.
    """
    data = frame[(frame["entry"] == 0) | (frame["ar"] < frame["entry"])].copy()
    data["entry"] = np.where(data["entry"] > 0, data["entry"] - shift, 0)
    participants = data[data["entry"] > 0]
    before = participants[participants["ar"] < participants["entry"]]["unit"].unique()
    after = participants[participants["ar"] >= participants["entry"]]["unit"].unique()
    usable = np.intersect1d(before, after)
    if len(usable) < min_participants:
        return None
    data = data[(data["entry"] == 0) | data["unit"].isin(usable)]
    model = fit(data, by_county=by_county)
    return average_effect(model) if model is not None else None
