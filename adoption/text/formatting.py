"""Numbers as Swedish (and English) readers expect them, through Babel."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.numbers import (
    NumberPattern,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

from adoption.text.languages import DEFAULT_LANG, LOCALES


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES[DEFAULT_LANG])


# Babel parses the locale and the pattern again on every call (~20 us of ~27);
# tables format thousands of cells per rerun, so both are parsed once. What
# ``format_decimal``/``format_percent`` do after parsing is the same ``apply``.
@lru_cache(maxsize=None)
def _parsed_locale(lang: str) -> Locale:
    return Locale.parse(_locale(lang))


@lru_cache(maxsize=64)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def number(value: float | None, lang: str = "sv", decimals: int = 0) -> str:
    """10 587 710 in Swedish, 10,587,710 in English; an en dash for no value."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _pattern(pattern).apply(value, _parsed_locale(lang))


def percent(share: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """A share from 0 to 1 as 45,5 % (Swedish) or 45.5% (English)."""
    if share is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    if lang == "en":
        pattern = pattern.replace(" %", "%")
    return _pattern(pattern).apply(share, _parsed_locale(lang))


@lru_cache(maxsize=None)
def chart_locale(lang: str = "sv") -> dict:
    """How charts write numbers (a Vega / d3-format locale), as :func:`number` and :func:`percent` do:
    "45,5", "1 200" and "50 %" in Swedish, "45.5", "1,200" and "50%" in English."""
    return {"number": {
        "decimal": get_decimal_symbol(_locale(lang)), "thousands": get_group_symbol(_locale(lang)), "grouping": [3],
        "currency": ["", ""], "percent": percent(0.0, lang, 0).removeprefix("0"),
    }}


_MARKDOWN_SPECIAL = set("\\`*_[]()<>|~$#")  # what changes a one-line text


def markdown_literal(text: str) -> str:
    """Text typed by people (goal wordings), escaped so Markdown shows it as written."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))


_GROUPING = str.maketrans("", "", " \u00a0\u202f\u2009'")


def parse_number(text: str) -> float:
    """A number as a person types it: "80,5", "80.5", "80 %", "1 200", "1 200,5"; ValueError otherwise.

    A comma is the decimal sign (Swedish), as is a point; spaces (also no-break
    and narrow ones) group thousands; a trailing "%" is allowed.
    """
    cleaned = str(text).strip().removesuffix("%").strip().translate(_GROUPING)
    if cleaned.count(",") + cleaned.count(".") > 1 or not cleaned:
        raise ValueError(text)
    value = float(cleaned.replace(",", "."))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value
