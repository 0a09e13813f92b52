"""Numbers as administrators type them (the goal form)."""

from __future__ import annotations

import pytest

from adoption.text.formatting import parse_number


@pytest.mark.parametrize("typed, value", [("80,5", 80.5), ("80.5", 80.5), ("80 %", 80.0), ("80%", 80.0),
                                          (" 75 ", 75.0), ("1 200", 1200.0), ("1\u00a0200,5", 1200.5),
                                          ("1\u202f200", 1200.0), ("0", 0.0), ("-5", -5.0)])
def test_swedish_and_english_decimals_and_grouping(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", " ", "åttio", "1,2,3", "1.200,5", "nan", "inf", "80 procent"])
def test_what_is_no_number(typed):
    with pytest.raises(ValueError):
        parse_number(typed)
