"""The factors of the similar-municipality distance, their default weights, and weights as URL text.

Declarative (no store), so that URL validation (:mod:`.filters`) and the
distance itself (:mod:`.similarity`) share one list without an import circle.

A weight is a whole number from 0 (the factor is not used) to
:data:`MAX_WEIGHT`. In a link the weights are one key, ``vikter``, written
only when they differ from the defaults, as ``factor:weight`` pairs in
:data:`FACTORS` order: ``vikter=befolkning:3,tathet:2,yta:0,grupp:2,fa:1,lan:0,svar:1``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Factor:
    code: str  # in URLs and downloads
    default: int
    needs: str | None = None  # "population" or "groups": what must be loaded for the factor to count


# The order the page lists the factors in (and links write them in).
FACTORS = (
    Factor("befolkning", 3, needs="population"),  # log population
    Factor("tathet", 2, needs="population"),  # log inhabitants per km²
    Factor("yta", 1),  # log land area
    Factor("grupp", 2, needs="groups"),  # SKR municipality group: same group 0, same main group ½, else 1
    Factor("fa", 1),  # the same functional analysis region (FA) or not
    Factor("lan", 0),  # the same county or not
    Factor("svar", 1),  # survey answers: mean stage difference in the latest survey years
)
FACTOR_CODES = tuple(f.code for f in FACTORS)
DEFAULT_WEIGHTS: tuple[tuple[str, int], ...] = tuple((f.code, f.default) for f in FACTORS)
MAX_WEIGHT = 5

_PAIR = re.compile(r"([a-z]{1,20}):([0-9]{1,2})", re.ASCII)
MAX_TEXT = 200  # characters of a vikter value read at all (a crafted URL cannot cost more)


def factor(code: str) -> Factor:
    """The factor with this code; KeyError for an unknown one."""
    for f in FACTORS:
        if f.code == code:
            return f
    raise KeyError(code)


def normalise(weights) -> tuple[tuple[str, int], ...]:
    """Every factor with its weight, in :data:`FACTORS` order: missing factors get their default.

    ``weights`` is a mapping or pairs; unknown factors raise KeyError, weights
    outside 0..MAX_WEIGHT ValueError.
    """
    given = dict(weights.items() if hasattr(weights, "items") else weights)
    for code, weight in given.items():
        factor(code)
        if not isinstance(weight, int) or isinstance(weight, bool) or not 0 <= weight <= MAX_WEIGHT:
            raise ValueError(f"weight of {code} must be a whole number from 0 to {MAX_WEIGHT}, not {weight!r}")
    return tuple((f.code, given.get(f.code, f.default)) for f in FACTORS)


def to_text(weights) -> str | None:
    """The URL form, or None when every weight is its default (the link then leaves the key out)."""
    full = normalise(weights)
    if full == DEFAULT_WEIGHTS:
        return None
    return ",".join(f"{code}:{weight}" for code, weight in full)


def parse(text: str) -> tuple[tuple[tuple[str, int], ...], list[tuple[str, str]]]:
    """Weights from the URL form, and the parts dropped: (part, "format" | "unknown").

    Never raises. A part that is not ``factor:weight`` or whose weight is out
    of range is "format"; an unknown factor is "unknown". Factors not named
    keep their default; a factor named twice keeps the last weight.
    """
    given: dict[str, int] = {}
    dropped: list[tuple[str, str]] = []
    for part in text[:MAX_TEXT].split(","):
        part = part.strip()
        if not part:
            continue
        match = _PAIR.fullmatch(part)
        if match is None or int(match.group(2)) > MAX_WEIGHT:
            dropped.append((part, "format"))
        elif match.group(1) not in FACTOR_CODES:
            dropped.append((part, "unknown"))
        else:
            given[match.group(1)] = int(match.group(2))
    return normalise(given), dropped
