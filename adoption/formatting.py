"""Numbers as Swedish (and English) readers expect them, through Babel."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["sv"])


def number(value: float | None, lang: str = "sv", decimals: int = 0) -> str:
    """10 587 710 in Swedish, 10,587,710 in English; an en dash for no value."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(share: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """A share from 0 to 1 as 45,5 % (Swedish) or 45.5% (English)."""
    if share is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    if lang == "en":
        pattern = pattern.replace(" %", "%")
    return format_percent(share, format=pattern, locale=_locale(lang))


_MARKDOWN_SPECIAL = set("\\`*_[]()<>|~$#")  # what changes a one-line text


def markdown_literal(text: str) -> str:
    """Text typed by people (goal wordings), escaped so Markdown shows it as written."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))
