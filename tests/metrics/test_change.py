"""The change since the previous survey: the panel rule, the intervals and certainty (adoption.metrics.change)."""

from __future__ import annotations

import pytest

from adoption.metrics.change import (
    BASE_RATIO,
    BASES_DIFFER,
    NO_PANEL,
    NO_PREVIOUS,
    NO_VALUE,
    RULE_INDEPENDENT,
    RULE_NONE,
    RULE_PANEL,
    Change,
    comparable,
    compare,
)
from adoption.metrics.filters import Filter
from adoption.metrics.stats import (
    newcombe_difference,
    paired_difference,
    paired_mean_difference,
)
from tests import builders as b

# -- the intervals, each against a case worked out by hand and a published one --------------


def test_newcombe_interval_for_independent_years_by_hand():
    # 8 of 10 now, 3 of 10 before. Wilson: 8/10 -> 0.49016..0.94332; 3/10 -> 0.10779..0.60322.
    # d = 0.5; lower = d - sqrt((0.8 - 0.49016)^2 + (0.60322 - 0.3)^2) = 0.5 - sqrt(0.09600 + 0.09194) = 0.06648
    #          upper = d + sqrt((0.94332 - 0.8)^2 + (0.3 - 0.10779)^2) = 0.5 + sqrt(0.02054 + 0.03694) = 0.73976
    low, high = newcombe_difference(8, 10, 3, 10)
    assert low == pytest.approx(0.06648, abs=5e-5) and high == pytest.approx(0.73976, abs=5e-5)


def test_newcombe_interval_matches_the_published_example():
    # Newcombe (1998), Statistics in Medicine 17:873, method 10: 56/70 - 48/80 = 0.2, 95 % CI 0.0524 to 0.3339.
    low, high = newcombe_difference(56, 70, 48, 80)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)


def test_paired_interval_by_hand_without_correlation():
    # Panel of 10: 3 yes both years, 1 yes only before, 4 yes only now, 2 neither.
    # p_before = 4/10, p_now = 7/10, d = 0.3. Wilson: 4/10 -> 0.16818..0.68733; 7/10 -> 0.39678..0.89221.
    # ad - bc = 3*2 - 1*4 = 2 lies in 0..n/2, so phi = 0 (Newcombe's correction):
    # lower = 0.3 - sqrt((0.7 - 0.39678)^2 + (0.68733 - 0.4)^2) = 0.3 - sqrt(0.09194 + 0.08256) = -0.11773
    # upper = 0.3 + sqrt((0.89221 - 0.7)^2 + (0.4 - 0.16818)^2) = 0.3 + sqrt(0.03694 + 0.05374) = 0.60114
    low, high = paired_difference(3, 1, 4, 2)
    assert low == pytest.approx(-0.11773, abs=5e-5) and high == pytest.approx(0.60114, abs=5e-5)


def test_paired_interval_by_hand_with_negative_correlation():
    # 1 yes both, 5 only before, 4 only now, 0 neither: p_before = 0.6, p_now = 0.5, d = -0.1.
    # Wilson: 6/10 -> 0.31267..0.83182; 5/10 -> 0.23659..0.76341.
    # phi = (1*0 - 5*4) / sqrt(6 * 4 * 5 * 5) = -0.81650
    # lower = -0.1 - sqrt(0.26341^2 + 2*0.81650*0.26341*0.23182 + 0.23182^2) = -0.1 - sqrt(0.22282) = -0.57204
    # upper = -0.1 + sqrt(0.26341^2 + 2*0.81650*0.26341*0.28733 + 0.28733^2) = -0.1 + sqrt(0.27553) = 0.42491
    low, high = paired_difference(1, 5, 4, 0)
    assert low == pytest.approx(-0.57204, abs=5e-5) and high == pytest.approx(0.42491, abs=5e-5)


def test_paired_interval_matches_the_published_example():
    # Fagerland, Lydersen & Laake, Statistical Analysis of Contingency Tables, ch. 8 (Cavo et al. 2012):
    # table [[59, 6], [16, 80]], first minus second = -0.0621, Newcombe square-and-add 95 % CI -0.1186 to -0.0046.
    # Here the first measurement is "before": now - before is the same interval with the sign turned.
    low, high = paired_difference(59, 6, 16, 80)
    assert (round(-high, 4), round(-low, 4)) == (-0.1186, -0.0046)


# -- the rule ---------------------------------------------------------------------------------

A, B, C, D, E = "0114", "0115", "0117", "0120", "0123"  # five municipalities in Stockholms län
OTHERS_2024 = ("0125", "0126", "0127", "0128", "0136", "0138")


@pytest.fixture
def panel_store(tmp_path):
    """2024: ten municipalities answered, six with AI in production. 2025 (a round coming in): four of the
    same and one new. The panel A-D goes from 2 in production to 3; the new one has none."""
    store = b.reference_store(tmp_path / "panel.duckdb")
    stages_2024 = {A: 3, B: 3, C: 1, D: 1}
    rows = [b.response(ar=2024, kommunkod=k, utbildning=s) for k, s in stages_2024.items()]
    rows += [b.response(ar=2024, kommunkod=k, utbildning=3 if i < 4 else 0) for i, k in enumerate(OTHERS_2024)]
    b.add_survey(store, rows)
    stages_2025 = {A: 3, B: 1, C: 3, D: 3, E: 0}
    store.add_survey(b.responses([b.response(ar=2025, kommunkod=k, utbildning=s) for k, s in stages_2025.items()]),
                     None, action="upload", description="t", created_by="t", round_status="preliminar")
    return store


def test_bases_that_differ_a_lot_compare_the_panel_with_its_n(panel_store):
    change = compare(panel_store, "andel_ai_i_drift", Filter(), year=2025, previous=2024)
    # All respondents would say 3/5 against 6/10: no change at all. The panel says +1 of 4.
    assert (change.rule, change.n_now, change.n_before, change.n_panel) == (RULE_PANEL, 5, 10, 4)
    assert change.value == pytest.approx(0.25)
    # A yes both years, B only before, C and D only now.
    assert (change.ci_low, change.ci_high) == pytest.approx(paired_difference(1, 1, 2, 0))
    assert not change.certain  # four municipalities cannot show a certain change


def test_an_index_on_the_panel_is_the_mean_of_the_differences(panel_store):
    change = compare(panel_store, "mognadsindex", Filter(), year=2025, previous=2024)
    # stage / 4 * 100: A 75 -> 75, B 75 -> 25, C 25 -> 75, D 25 -> 75
    assert change.rule == RULE_PANEL and change.value == pytest.approx(12.5)
    assert (change.ci_low, change.ci_high) == pytest.approx(paired_mean_difference([0, -50, 50, 50]))


def test_a_metric_without_a_panel_shows_no_change_when_bases_differ(panel_store):
    change = compare(panel_store, "svarsfrekvens", Filter(), year=2025, previous=2024)
    assert (change.rule, change.reason, change.value, change.n_now, change.n_before) == (
        RULE_NONE, BASES_DIFFER, None, 5, 10)


def test_comparable_bases_compare_all_respondents_with_newcombe(tmp_path):
    store = b.reference_store(tmp_path / "same.duckdb")
    codes = (A, B, C, D, E) + OTHERS_2024[:5]
    b.add_survey(store, [b.response(ar=2024, kommunkod=k, utbildning=3 if i < 6 else 1) for i, k in enumerate(codes)]
                 + [b.response(ar=2025, kommunkod=k, utbildning=3 if i < 8 else 1) for i, k in enumerate(codes[:9])])
    change = compare(store, "andel_ai_i_drift", Filter(), year=2025, previous=2024)
    assert comparable(9, 10) and not comparable(6, 10) and BASE_RATIO == 0.7
    assert (change.rule, change.n_now, change.n_before, change.n_panel) == (RULE_INDEPENDENT, 9, 10, None)
    assert change.value == pytest.approx(8 / 9 - 6 / 10)
    assert (change.ci_low, change.ci_high) == pytest.approx(newcombe_difference(8, 9, 6, 10))


def test_a_panel_under_the_suppression_limit_shows_no_change(tmp_path):
    store = b.reference_store(tmp_path / "civil.duckdb")
    orgs = [f"Förening {i}" for i in range(10)]
    b.add_survey(store, [b.response(ar=2024, typ="civilsamhalle", kommunkod=A, organisation=o, utbildning=3)
                         for o in orgs]
                 + [b.response(ar=2025, typ="civilsamhalle", kommunkod=A, organisation=o, utbildning=0)
                    for o in orgs[:2] + ["Ny förening"]])
    change = compare(store, "civil_ai_i_drift", Filter(), year=2025, previous=2024)
    assert (change.rule, change.reason, change.n_panel, change.value) == (RULE_NONE, NO_PANEL, 2, None)


def test_no_previous_survey_or_no_value_gives_no_change(panel_store):
    assert compare(panel_store, "andel_ai_i_drift", Filter(), year=2024, previous=None).reason == NO_PREVIOUS
    assert compare(panel_store, "andel_utvarderade", Filter(), year=2025, previous=2024).reason == NO_VALUE


# -- certainty and direction come from the numbers -------------------------------------------------


def _change(value, low, high, better=True) -> Change:
    return Change("andel_ai_i_drift", "share", 2025, 2024, RULE_INDEPENDENT, value=value, ci_low=low,
                  ci_high=high, n_now=100, n_before=100, higher_is_better=better)


def test_a_change_is_certain_only_when_its_interval_leaves_out_zero():
    assert _change(-0.041, -0.08, -0.002).certain and _change(0.05, 0.01, 0.09).certain
    assert not _change(-0.041, -0.207, 0.129).certain  # the Västra Götaland response rate of issue 16
    assert not _change(0.0, -0.1, 0.1).certain
    assert not Change("befolkning_i_drift", "share", 2025, 2024, RULE_INDEPENDENT, value=0.02).certain


def test_direction_is_the_sign_and_better_depends_on_the_metric():
    fall = _change(-0.041, -0.08, -0.002)
    assert (fall.direction, fall.better) == (-1, False)
    assert _change(-0.041, -0.08, -0.002, better=False).better is True  # fewer stalled pilots is better
    assert (_change(0.05, 0.01, 0.09).direction, _change(0.0, -0.1, 0.1).direction) == (1, 0)
    assert _change(0.0, -0.1, 0.1).better is None
