"""A filter as a value: what a view, a metric or a command is limited to."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Filter:
    """Survey year, counties, municipality, sectors and kind of respondent.

    Empty means "all". ``typ`` None means the metric's own default kind
    (municipalities for the municipal metrics).
    """

    ar: int | None = None
    lan: tuple[str, ...] = field(default_factory=tuple)
    kommun: str | None = None
    sektor: tuple[str, ...] = field(default_factory=tuple)
    typ: str | None = None

    def __post_init__(self) -> None:
        # Normalise so that equal filters are equal values (and cache keys).
        object.__setattr__(self, "lan", tuple(sorted(set(self.lan))))
        object.__setattr__(self, "sektor", tuple(sorted(set(self.sektor))))

    def with_(self, **changes) -> "Filter":
        return replace(self, **changes)
