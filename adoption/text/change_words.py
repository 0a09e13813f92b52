"""A figure's change since the previous survey in words: its amount, its interval, a sentence, a card's lines.

What :class:`adoption.metrics.change.Change` says, in words. The sign is
written with a typographic minus; nothing reads it back: arrows and colours
come from the change's signed number (adoption.views.overview.card_delta).

Separate from :mod:`adoption.text.present`, which words one figure (and
names these functions too, so callers write ``present.change_text``): a
change is two figures and the rule that compared them.
"""

from __future__ import annotations

from adoption.text import formatting, i18n


def _signed(x: float, unit: str, lang: str) -> str:
    amount = x * 100 if unit == "share" else x
    rounded = round(amount, 1)
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "±")
    return f"{sign}{formatting.number(abs(rounded), lang, decimals=1)}"


def change_amount(change, lang: str = "sv") -> str:
    """"+4,2 procentenheter" (a share), "−1,5" (an index)."""
    signed = _signed(change.value, change.unit, lang)
    return i18n.t("change.amount_pp", lang).format(change=signed) if change.unit == "share" else signed


def change_interval(change, lang: str = "sv") -> str:
    """The change's 95 % interval, "−5,0 till +2,6 procentenheter" (signed, since it may cross 0)."""
    key = "change.range_pp" if change.unit == "share" else "change.range"
    return i18n.t(key, lang).format(low=_signed(change.ci_low, change.unit, lang),
                                    high=_signed(change.ci_high, change.unit, lang))


def change_text(change, lang: str = "sv") -> str | None:
    """A change in words, or why there is none; None when there is nothing to say (no earlier survey,
    or a figure without a value, whose own status says why).

    * certain: "−4,1 procentenheter sedan 2024";
    * interval includes 0: "ingen säker förändring sedan 2024 (−1,2 procentenheter; 95 % KI −5,0 till 2,6)";
    * no interval: "+2,0 procentenheter sedan 2024 (utan intervall)";
    * on the panel, added: ", bland de 35 som svarat båda åren";
    * none: "ingen jämförelse med 2025: underlagen skiljer för mycket (36 mot 240)".
    """
    year = change.previous_year
    if not change.shown:
        if change.reason == "bases_differ":
            return i18n.t("change.bases_differ", lang).format(
                year=year, n_now=formatting.number(change.n_now, lang),
                n_before=formatting.number(change.n_before, lang))
        if change.reason == "no_panel":
            return i18n.t("change.no_panel", lang).format(year=year)
        return None
    if change.certain:
        key = "headline.change_pp" if change.unit == "share" else "headline.change"
        text = i18n.t(key, lang).format(change=_signed(change.value, change.unit, lang), year=year)
    elif change.has_interval:
        text = i18n.t("change.uncertain", lang).format(year=year, amount=change_amount(change, lang),
                                                       range=change_interval(change, lang))
    else:
        text = i18n.t("change.no_interval", lang).format(year=year, amount=change_amount(change, lang))
    if change.rule == "panel":
        text = i18n.t("change.panel", lang).format(text=text, n=formatting.number(change.n_panel, lang))
    return text


def change_short(change, lang: str = "sv") -> str | None:
    """The change as a card's short line: "−4,1 procentenheter sedan 2024", "ingen säker förändring sedan
    2024", "ingen jämförelse med 2025"; None as :func:`change_text`. The rest is :func:`change_detail`."""
    year = change.previous_year
    if not change.shown:
        if change.reason in ("bases_differ", "no_panel"):
            return i18n.t("change.short_none", lang).format(year=year)
        return None
    if change.certain:
        key = "headline.change_pp" if change.unit == "share" else "headline.change"
        return i18n.t(key, lang).format(change=_signed(change.value, change.unit, lang), year=year)
    if change.has_interval:
        return i18n.t("change.short_uncertain", lang).format(year=year)
    return i18n.t("change.no_interval", lang).format(year=year, amount=change_amount(change, lang))


def change_detail(change, lang: str = "sv") -> str | None:
    """What a card's short line leaves out, as a sentence: the panel, the estimate and its interval, or
    why there is no comparison. "Bland de 35 som svarat båda åren; skattning ±0,0 procentenheter, 95 % KI
    −5,3 till +5,3." None when there is nothing to add."""
    parts = []
    if change.rule == "panel" and change.shown:
        parts.append(i18n.t("change.detail_panel", lang).format(n=formatting.number(change.n_panel, lang)))
    if change.has_interval:
        key = "change.detail_interval" if change.certain else "change.detail_estimate"
        parts.append(i18n.t(key, lang).format(amount=change_amount(change, lang),
                                              range=change_interval(change, lang)))
    if change.reason == "bases_differ":
        parts.append(i18n.t("change.detail_bases", lang).format(
            n_now=formatting.number(change.n_now, lang), n_before=formatting.number(change.n_before, lang)))
    elif change.reason == "no_panel":
        parts.append(i18n.t("change.detail_no_panel", lang))
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def change_rule(change, lang: str = "sv") -> str:
    """The rule a change was made by, one word: "alla svarande", "panel", "ingen jämförelse"."""
    return i18n.t(f"change.rule.{change.rule}", lang)
