"""Presenting a figure in a language: its value, base, interval, status and the reason it has no value.

Every page, the map, goals, downloads and the command line put a registry
figure (:class:`adoption.metrics.MetricResult`) into words here, so a figure
reads the same everywhere:

* value: "45,5 %" (share), "62,3" (index), "1,2 per 10 000" (per 10,000
  inhabitants), "7" (a count of respondents);
* base, naming what is counted: "130 av 240 svarande", "35 av 353
  organisationer", "212 av 290 kommuner svarade", "5 svarande";
* interval: "40,1–51,0 %" in a table cell under a "95 % KI" header, or with
  its label in running text, "95 % KI 40,1–51,0 %"; "inget intervall" when
  the figure has a value but no interval;
* status: one word per status code ("inget svar", "för få svar", "ej
  tillämplig", …), and the reason as a sentence in the same language.

The rule for a figure without a value (any status but "ok", a suppressed
figure included): every text about it (value, base, interval, a table cell)
is its status word, never an empty string, a bare dash or a 0. A card or a
tooltip puts the reason sentence under the word (:func:`caption`). In a
download the numbers are empty cells and a status column holds the word
(:class:`Cells`). Where there is no figure at all (a barrier nobody named in
a year, a goal's path before or after its data) a table shows
:data:`NO_FIGURE`.

This module sits below the registry: it reads a result's attributes and
never imports :mod:`adoption.metrics`. Breakdown rows (one stage of a sector,
one barrier) and bare numbers are presented through :class:`Figure`. A
change since the previous survey is worded in :mod:`adoption.text.change_words`
(its functions are named here too: ``present.change_text``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from adoption.text import formatting, i18n
from adoption.text.change_words import (  # noqa: F401 - re-exported: a change is presented here too
    change_amount,
    change_detail,
    change_interval,
    change_rule,
    change_short,
    change_text,
)

if TYPE_CHECKING:
    from adoption.metrics import MetricResult  # noqa: F401 - the figure this module presents

STATUS_OK = "ok"
NO_FIGURE = "–"  # not a figure at all (see the module docstring), never a missing value

# Bases that name something other than respondents, by metric id (shares only).
_BASE_KEYS = {
    "svarsfrekvens": "headline.base.answered",
    "andel_utvarderade": "headline.base.initiatives",
    "befolkning_i_drift": "mal.base_population",
    "civil_svarsfrekvens": "headline.base.known_organisations",
}


class Presentable(Protocol):
    """What the presenter reads; :class:`adoption.metrics.MetricResult` and :class:`Figure` have it."""

    metric: str | None
    value: float | None
    numerator: float | None
    denominator: float | None
    n: int | None
    ci_low: float | None
    ci_high: float | None
    unit: str
    typ: str | None
    status: str
    reason_values: tuple[tuple[str, object], ...]


def _clean(x):
    """None for a missing number (None, NaN, pandas NA), else the number."""
    if x is None:
        return None
    try:
        return None if math.isnan(float(x)) else x
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Figure:
    """A figure that is not a registry result: a share inside a breakdown, a count, a value before an upload.

    Numbers given as NaN or pandas NA count as missing (see :func:`figure`).
    """

    value: float | None = None
    unit: str = "share"
    status: str = STATUS_OK
    numerator: float | None = None
    denominator: float | None = None
    n: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    typ: str | None = None
    metric: str | None = None
    reason_values: tuple[tuple[str, object], ...] = ()


def figure(value=None, *, unit: str = "share", status: str | None = STATUS_OK, numerator=None, denominator=None,
           n=None, ci_low=None, ci_high=None, typ: str | None = None) -> Figure:
    """A :class:`Figure` from numbers as a frame or a breakdown holds them (NaN and NA are missing).

    ``n`` defaults to the denominator (the answers a share is built on).
    """
    denominator = _clean(denominator)
    return Figure(
        value=_clean(value), unit=unit, status=status or STATUS_OK, numerator=_clean(numerator),
        denominator=denominator, n=_clean(n) if n is not None else denominator,
        ci_low=_clean(ci_low), ci_high=_clean(ci_high), typ=typ,
    )


# -- status and reason ------------------------------------------------------------


def status_code(fig: Presentable) -> str:
    """The figure's status, "no_answer" for one marked ok that has no value (a distribution has none)."""
    if fig.status != STATUS_OK:
        return fig.status
    if fig.value is None and fig.unit != "distribution":
        return "no_answer"
    return STATUS_OK


def missing(fig: Presentable) -> bool:
    return status_code(fig) != STATUS_OK


def status(fig_or_code: Presentable | str, lang: str = "sv") -> str:
    """One word per status: "ok", "inget svar", "för få svar", "ej tillämplig", "inga data", …"""
    code = fig_or_code if isinstance(fig_or_code, str) else status_code(fig_or_code)
    return i18n.t(f"value.{code}", lang)


def reason_text(code: str, lang: str = "sv", **values) -> str | None:
    """The sentence for a status code ("Inga svar för urvalet."); None for "ok"."""
    if code == STATUS_OK:
        return None
    return i18n.t(f"status.{code}", lang).format_map(_Blank(values))


class _Blank(dict):
    def __missing__(self, key: str) -> str:  # a value the figure did not carry: left out, not a crash
        return ""


# What an administrator does about a missing thing: a status code or a code of Om data's missing list.
_HOWTO = {"no_data": "survey", "needs_population": "population"}


def howto(code: str, lang: str = "sv") -> str | None:
    """What an administrator does about ``code`` (a status, or survey / population / goals / reference / demo),
    naming the upload page or the command; None when there is nothing to do.

    Readers never see it: a page shows it only to a request that may administer.
    """
    key = f"howto.{_HOWTO.get(code, code)}"
    return i18n.t(key, lang) if i18n.has(key) else None


def reason(fig: Presentable, lang: str = "sv") -> str | None:
    """Why the figure has no value, as a sentence in ``lang``; None when it has one."""
    return reason_text(status_code(fig), lang, **dict(fig.reason_values or ()))


# -- value ------------------------------------------------------------------------


def amount(x: float, unit: str, lang: str = "sv") -> str:
    """A number in a unit: "45,5 %" (share 0-1), "62,3" (index), "1,2 per 10 000", "7" (count)."""
    if unit == "share":
        return formatting.percent(x, lang)
    if unit == "count":
        return formatting.number(x, lang)
    if unit == "per_10k":
        return i18n.t("present.per_10k", lang).format(value=formatting.number(x, lang, decimals=1))
    return formatting.number(x, lang, decimals=1)


def value(fig: Presentable, lang: str = "sv") -> str:
    """The value as a reader sees it, or its status word. A distribution (no single value) shows its base."""
    if missing(fig):
        return status(fig, lang)
    if fig.value is None:
        return base(fig, lang)
    return amount(fig.value, fig.unit, lang)


def count(fig: Presentable, lang: str = "sv") -> str:
    """The numerator as a count ("7" organisations with AI in production), or the status word."""
    if missing(fig):
        return status(fig, lang)
    if fig.numerator is None:  # an index counts no one
        return status("no_answer", lang)
    return formatting.number(fig.numerator, lang)


# -- base and interval ---------------------------------------------------------------


def base(fig: Presentable, lang: str = "sv") -> str:
    """What the figure is built on ("130 av 240 svarande"), or its status word."""
    if missing(fig):
        return status(fig, lang)
    if fig.unit == "per_10k":
        key = "karta.base_per_10k"
    elif fig.unit != "share" or fig.numerator is None or fig.denominator is None:
        key = "headline.base.n"
    else:
        key = _BASE_KEYS.get(fig.metric or "")
        if key is None:
            key = "headline.base.organisations" if fig.typ == "civilsamhalle" else "headline.base.respondents"
    count = getattr(fig, _PLURAL_COUNT.get(key, "denominator")) or 0
    return i18n.plural_form(key, count, lang).format_map(_Numbers(fig, lang))


# Which number a base's noun agrees with: "1 av 240 svarande", "12 initiativ, 1 invånare".
_PLURAL_COUNT = {"karta.base_per_10k": "numerator", "headline.base.n": "n", "mal.base_population": "n"}


class _Numbers(dict):
    """numerator, denominator and n of a figure, each formatted only when a text names it (maps format
    thousands of bases per view)."""

    def __init__(self, fig: Presentable, lang: str) -> None:
        super().__init__()
        self.fig, self.lang = fig, lang

    def __missing__(self, key: str) -> str:
        x = getattr(self.fig, key)
        return formatting.number(x, self.lang) if x is not None else ""


def _range(low: float, high: float, unit: str, lang: str) -> str:
    """"40,1–51,0 %": the unit once, after the upper bound (as the map's class limits)."""
    if unit == "share":
        return f"{formatting.number(low * 100, lang, decimals=1)}–{formatting.percent(high, lang)}"
    return f"{formatting.number(low, lang, decimals=1)}–{formatting.number(high, lang, decimals=1)}"


def has_interval(fig: Presentable, estimate: bool = True) -> bool:
    return estimate and not missing(fig) and fig.ci_low is not None and fig.ci_high is not None


def interval(fig: Presentable, lang: str = "sv", *, label: bool = False, estimate: bool = True) -> str:
    """The 95 % interval: "40,1–51,0 %" (``label``: "95 % KI 40,1–51,0 %"), "inget intervall", or the status word.

    ``estimate=False``: the figure is not an estimate of anything larger (one
    municipality's own answer, 0 % or 100 %), so it has no interval.
    """
    if missing(fig):
        return status(fig, lang)
    if not has_interval(fig, estimate):
        return i18n.t("om.interval.none", lang)
    bounds = _range(fig.ci_low, fig.ci_high, fig.unit, lang)
    return i18n.t("present.interval", lang).format(range=bounds) if label else bounds


def caption(fig: Presentable, lang: str = "sv", *, with_interval: bool = False) -> str:
    """The line under a card or in a tooltip: the base ("…; 95 % KI …" added with ``with_interval``),
    or, for a figure without a value, the reason."""
    if missing(fig):
        return reason(fig, lang) or status(fig, lang)
    text = base(fig, lang)
    if with_interval and has_interval(fig):
        text = f"{text}; {interval(fig, lang, label=True)}"
    return text


# -- cells ------------------------------------------------------------------------


def scaled(x, unit: str) -> float | None:
    """A number on the scale a download shows: a share in percent (0.455 -> 45.5), else as it is."""
    x = _clean(x)
    if x is None:
        return None
    return round(float(x) * 100, 4) if unit == "share" else round(float(x), 4)


@dataclass(frozen=True)
class Cells:
    """One figure as cells of a table: words for the screen, numbers for a download.

    The numbers are None (an empty cell) when the figure has no value or is
    hidden; ``status`` then says why. Shares and their bounds are in percent.
    An index has no numerator (its sum of scores counts no one).
    """

    value: str
    base: str
    interval: str
    caption: str  # as :func:`caption` (without the interval): the base, or the reason
    status: str  # the word: "ok", "för få svar", …
    code: str  # the status code
    number: float | None
    numerator: float | None
    denominator: float | None
    n: int | None
    ci_low: float | None
    ci_high: float | None


def cells(fig: Presentable, lang: str = "sv", *, estimate: bool = True) -> Cells:
    """The figure as :class:`Cells` (``estimate`` as for :func:`interval`)."""
    code = status_code(fig)
    shown = code == STATUS_OK
    bounds = has_interval(fig, estimate)
    hidden = code == "too_few"  # a count under the threshold could identify an organisation
    words = base(fig, lang)
    return Cells(
        value=value(fig, lang), base=words, interval=interval(fig, lang, estimate=estimate),
        caption=words if shown else caption(fig, lang), status=status(code, lang), code=code,
        number=scaled(fig.value, fig.unit) if shown else None,
        # an index's "numerator" is a sum of scores, not a count of anyone: a file leaves it out
        numerator=fig.numerator if shown and fig.unit != "index" else None,
        denominator=fig.denominator if shown else None,
        n=None if hidden else fig.n,
        ci_low=scaled(fig.ci_low, fig.unit) if bounds else None,
        ci_high=scaled(fig.ci_high, fig.unit) if bounds else None,
    )
