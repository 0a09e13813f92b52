"""The map's classes and colours: class limits, which class a value falls in, the palette and the legend's labels.

Separate from the layer (:mod:`.layer`) because these are pure rules on
numbers, shared by the page's map, the reports' static maps and the tests of
the scale, and they are what a reader asks about first ("why these limits?").

Classes (why these limits):

* Shares (0-100 %) and the maturity index (0-100) use fixed limits at
  0, 20, 40, 60, 80 and 100. A fixed scale means the same colour means the
  same value in every year, county selection and metric, so two maps (or two
  years) can be compared by eye; quantile limits would move with every
  filter. Quantiles also degenerate here: per municipality most shares rest
  on one answer and are exactly 0 % or 100 %.
* Unbounded metrics (initiatives per 10,000 inhabitants) use five classes at
  the quintiles of the values shown, rounded to two significant digits
  (duplicates merged), so each colour holds about a fifth of the areas.

A limit belongs to the higher class (20 % is in "20-40 %"), except that
100 % is in the top class.

Colours: five steps of viridis, light (low) to dark (high): perceptually
uniform, readable for the common colour-vision deficiencies and in grey
scale. Areas without a value are never given a class colour: "no answer",
"not applicable" and "too few answers" each have their own grey tone and
outline (deck.gl polygons cannot be hatched), and each is named in the
legend, the tooltip and the table.
"""

from __future__ import annotations

import math

from adoption.text import formatting, i18n

MARKER_COLOUR = (20, 20, 20, 255)  # the ring on a small-base area: dark on every class colour

# viridis at 0.9, 0.7, 0.5, 0.3, 0.1: light yellow-green (low) to dark purple-blue (high)
PALETTE: tuple[tuple[int, int, int, int], ...] = (
    (189, 223, 38, 255),
    (83, 197, 104, 255),
    (33, 145, 140, 255),
    (59, 82, 139, 255),
    (72, 36, 117, 255),
)
WHITE = (255, 255, 255, 255)
# Fill and outline for areas without a value; light, middle and pale-warm grey
# so that they differ from each other and from every class colour in lightness.
MISSING_STYLE: dict[str, tuple[tuple[int, int, int, int], tuple[int, int, int, int]]] = {
    "no_answer": ((217, 217, 217, 255), (150, 150, 150, 255)),
    "not_applicable": ((140, 140, 140, 255), WHITE),
    "too_few": ((244, 236, 222, 255), (110, 110, 110, 255)),
}
MISSING_ORDER = ("no_answer", "not_applicable", "too_few")
FIXED_LIMITS = {"share": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0), "index": (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)}


def _nice(x: float, digits: int = 2) -> float:
    if x == 0 or not math.isfinite(x):
        return 0.0
    scale = 10 ** (digits - 1 - math.floor(math.log10(abs(x))))
    return round(x * scale) / scale


def class_limits(unit: str, values: list[float], classes: int = len(PALETTE)) -> tuple[float, ...]:
    """Class limits (lowest to highest, classes + 1 numbers at most); see the module docstring."""
    if unit in FIXED_LIMITS:
        return FIXED_LIMITS[unit]
    finite = sorted(v for v in values if v is not None and math.isfinite(v))
    if not finite:
        return (0.0, 1.0)
    low, high = finite[0], finite[-1]
    if low == high:
        return (_nice(low), _nice(low) + (abs(_nice(low)) or 1.0))
    inner = [_nice(_quantile(finite, i / classes)) for i in range(1, classes)]
    limits = [math.floor(low * 10) / 10] + [x for x in inner if low < x < high] + [math.ceil(high * 10) / 10]
    out: list[float] = []
    for x in limits:
        if not out or x > out[-1]:
            out.append(x)
    return tuple(out)


def _quantile(sorted_values: list[float], q: float) -> float:
    position = q * (len(sorted_values) - 1)
    below = math.floor(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)


def class_index(value: float | None, limits: tuple[float, ...]) -> int | None:
    """The class of ``value``: a limit belongs to the higher class; the top limit to the top class."""
    if value is None or len(limits) < 2:
        return None
    classes = len(limits) - 1
    for index in range(classes):
        if value < limits[index + 1]:
            return index
    return classes - 1


def palette(classes: int) -> tuple[tuple[int, int, int, int], ...]:
    """``classes`` colours of the sequential scale, light to dark (spread over the five steps)."""
    if classes >= len(PALETTE):
        return PALETTE
    if classes <= 1:
        return (PALETTE[len(PALETTE) // 2],)
    step = (len(PALETTE) - 1) / (classes - 1)
    return tuple(PALETTE[round(i * step)] for i in range(classes))


def _limit_text(x: float, unit: str, lang: str) -> str:
    if unit == "share":
        return formatting.number(x * 100, lang)
    return formatting.number(x, lang, decimals=0 if float(x).is_integer() else 1)


def class_labels(limits: tuple[float, ...], unit: str, lang: str = "sv") -> tuple[str, ...]:
    """"0–20 %", "20–40 %" ... (the unit is written once, after the upper limit)."""
    suffix = {"share": " %" if lang != "en" else "%"}.get(unit, "")
    return tuple(
        f"{_limit_text(limits[i], unit, lang)}–{_limit_text(limits[i + 1], unit, lang)}{suffix}"
        for i in range(len(limits) - 1)
    )


def binary_labels(limits: tuple[float, ...], lang: str = "sv") -> tuple[str, ...]:
    """The class labels of a yes/no map: "nej (0 %)" for the lowest class, "ja (100 %)" for the highest."""
    labels = list(class_labels(limits, "share", lang))
    labels[0], labels[-1] = i18n.t("karta.binary.no", lang), i18n.t("karta.binary.yes", lang)
    return tuple(labels)


def missing_kind(status: str) -> str:
    """The missing kind an area without a value is drawn as (an unknown status as "no answer")."""
    return status if status in MISSING_STYLE else "no_answer"
