"""A change since the previous survey in words, in both languages (adoption.text.present)."""

from __future__ import annotations

from adoption.metrics.change import Change
from adoption.text import present


def _change(value=None, low=None, high=None, *, rule="independent", reason=None, n_panel=None, unit="share"):
    return Change("andel_ai_i_drift", unit, 2026, 2025, rule, value=value, ci_low=low, ci_high=high, n_now=36,
                  n_before=240, n_panel=n_panel, reason=reason)


def test_a_certain_fall_is_written_with_a_minus_and_its_interval():
    fall = _change(-0.041, -0.08, -0.002)
    assert present.change_short(fall) == "−4,1 procentenheter sedan 2025"
    assert present.change_short(fall, "en") == "−4.1 percentage points since 2025"
    assert present.change_detail(fall) == "95 % KI −8,0 till −0,2 procentenheter."
    assert present.change_text(fall) == "−4,1 procentenheter sedan 2025"


def test_an_uncertain_change_says_so_with_the_estimate():
    unsure = _change(0.0, -0.053, 0.053, rule="panel", n_panel=36)
    assert present.change_short(unsure) == "ingen säker förändring sedan 2025"
    assert present.change_detail(unsure) == ("Bland de 36 som svarat båda åren; skattning ±0,0 procentenheter, "
                                             "95 % KI −5,3 till +5,3 procentenheter.")
    assert present.change_text(unsure, "en") == ("no certain change since 2025 (±0.0 percentage points; 95% CI "
                                                 "−5.3 to +5.3 percentage points), among the 36 who answered both years")


def test_no_comparison_says_why():
    none = _change(rule="none", reason="bases_differ")
    assert present.change_short(none) == "ingen jämförelse med 2025"
    assert present.change_detail(none).startswith("Underlagen skiljer för mycket (36 mot 240)")
    assert present.change_text(none, "en") == "no comparison with 2025: the bases differ too much (36 against 240)"
    assert present.change_detail(_change(rule="none", reason="no_panel"), "en") == (
        "Too few answered both years to compare them.")
    assert present.change_text(_change(rule="none", reason="no_previous")) is None


def test_an_index_change_has_no_percentage_points_and_a_change_without_interval_says_so():
    assert present.change_short(_change(1.5, 0.2, 2.8, unit="index")) == "+1,5 sedan 2025"
    assert present.change_short(_change(0.02)) == "+2,0 procentenheter sedan 2025 (utan intervall)"
    assert present.change_rule(_change(rule="panel"), "en") == "respondents in both years"
