"""Counts shown with a noun take the noun's form for the count ("1 respondent", "2 respondents")."""

from __future__ import annotations

from adoption import metrics
from adoption.views import civil, overview


def _result(numerator, denominator, *, typ="kommun", metric="andel_ai_i_drift", unit="share", n=None):
    return metrics.MetricResult(
        metric=metric, value=None if unit == "per_10k" and not denominator else numerator / denominator,
        numerator=numerator, denominator=denominator, n=denominator if n is None else n, ci_low=None, ci_high=None,
        data_version=1, ar=2024, typ=typ, unit=unit, area="0180", status="ok", suppressed=False,
    )


def test_the_base_of_a_share_follows_the_number_of_respondents():
    assert overview.base_text(_result(1, 1), "en") == "1 of 1 respondent"
    assert overview.base_text(_result(1, 2), "en") == "1 of 2 respondents"
    assert overview.base_text(_result(1, 1), "sv") == "1 av 1 svarande"
    assert overview.base_text(_result(1, 1, metric="svarsfrekvens"), "sv") == "1 av 1 kommun svarade"
    assert overview.base_text(_result(2, 3, metric="svarsfrekvens"), "sv") == "2 av 3 kommuner svarade"
    assert overview.base_text(_result(1, 1, metric="andel_utvarderade"), "en") == "1 of 1 initiative"


def test_the_base_of_civil_society_figures_names_organisations_in_the_right_form():
    one = _result(1, 1, typ="civilsamhalle", metric="civil_ai_i_drift")
    assert overview.base_text(one, "sv") == "1 av 1 organisation"
    assert overview.base_text(_result(1, 4, typ="civilsamhalle", metric="civil_ai_i_drift"), "en") == \
        "1 of 4 organisations"
    assert civil.base_text(one, "sv", interval=False) == "1 av 1 organisation"


def test_the_base_of_a_mean_counts_respondents():
    assert overview.base_text(_result(3, 1, unit="index", metric="mognadsindex"), "en") == "1 respondent"
    assert overview.base_text(_result(3, 4, unit="index", metric="mognadsindex"), "sv") == "4 svarande"
