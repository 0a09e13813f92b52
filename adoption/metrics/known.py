"""What a URL value may name: the survey years, counties, municipalities, groups and data versions that exist.

:class:`Known` is read once from the store (:meth:`Known.from_store`) and
then validates a URL without the database (:func:`adoption.metrics.filters.from_query`).
Separate from the filter itself because it is a snapshot of the data, not
a choice of the user's; :mod:`.filters` names it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from adoption.metrics.definitions import REGISTRY
from adoption.vocab import ROUND_PRELIMINARY, ROUND_PUBLISHED, codes, sector_codes


def group_codes() -> tuple[str, ...]:
    """Every code ``grupp`` may hold: the main groups A, B, C and the groups A1..C9 (vocabulary)."""
    return codes("huvudgrupp") + codes("kommungrupp")


def in_group(group: str | None, grupp: str) -> bool:
    """A municipality's group (A1) is in ``grupp`` when it is that group or its main group (A)."""
    return group is not None and (group == grupp or group[:1] == grupp)


@dataclass(frozen=True)
class Known:
    """What a URL value may be: the codes and years that exist, so validation needs no database.

    ``kommun`` maps each municipality code to its county code (accepts a
    mapping or pairs; stored as sorted pairs so the value stays hashable).
    ``grupper`` maps municipality codes to their group (A1..C9) in the
    version; empty when no groups are loaded.
    ``sektor`` and ``matt`` default to the sector vocabulary and the metric registry.
    ``preliminary``: the years among ``years`` whose round is not published yet.
    """

    years: tuple[int, ...] = ()
    lan: tuple[str, ...] = ()
    kommun: tuple[tuple[str, str], ...] = ()
    sektor: tuple[str, ...] | None = None
    matt: tuple[str, ...] | None = None
    versions: tuple[int, ...] = ()
    grupper: tuple[tuple[str, str], ...] = ()
    preliminary: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        pairs = self.kommun.items() if isinstance(self.kommun, Mapping) else self.kommun
        object.__setattr__(self, "kommun", tuple(sorted((str(k), str(l)) for k, l in pairs)))
        pairs = self.grupper.items() if isinstance(self.grupper, Mapping) else self.grupper
        object.__setattr__(self, "grupper", tuple(sorted((str(k), str(g)) for k, g in pairs)))
        object.__setattr__(self, "years", tuple(sorted({int(y) for y in self.years})))
        object.__setattr__(self, "lan", tuple(sorted(set(self.lan))))
        object.__setattr__(self, "versions", tuple(sorted({int(v) for v in self.versions})))
        object.__setattr__(self, "preliminary", tuple(sorted({int(y) for y in self.preliminary})))
        if self.sektor is None:
            object.__setattr__(self, "sektor", sector_codes())
        if self.matt is None:
            object.__setattr__(self, "matt", tuple(REGISTRY))

    @cached_property
    def rounds(self) -> dict[int, str]:
        """Year -> round status (see :mod:`adoption.metrics.years`)."""
        return {y: ROUND_PRELIMINARY if y in self.preliminary else ROUND_PUBLISHED for y in self.years}

    @cached_property
    def lan_of(self) -> dict[str, str]:
        """Municipality code -> county code."""
        return dict(self.kommun)

    @cached_property
    def grupp_of(self) -> dict[str, str]:
        """Municipality code -> its group (A1..C9); empty without groups."""
        return dict(self.grupper)

    @cached_property
    def grupp_codes(self) -> tuple[str, ...]:
        """The groups and main groups that hold a municipality, in vocabulary order (A, B, C, A1, ...)."""
        present = set(self.grupp_of.values())
        return tuple(c for c in group_codes() if any(in_group(g, c) for g in present))

    @classmethod
    def from_store(cls, store, version: int | None = None) -> "Known":
        """Read what exists from a Store. ``version`` None or unknown: the current version's years.

        An unknown version does not raise here: ``from_query`` reports it.
        """
        versions = tuple(info.version for info in store.versions())
        chosen = version if version in versions else (versions[-1] if versions else None)
        municipalities = store.municipalities()
        groups = store.municipality_groups(chosen)
        rounds = store.survey_rounds(chosen)
        return cls(
            years=tuple(rounds),
            preliminary=tuple(y for y, status in rounds.items() if status == ROUND_PRELIMINARY),
            lan=tuple(store.counties()["lan_kod"]),
            kommun=tuple(zip(municipalities["kommunkod"], municipalities["lan_kod"])),
            versions=versions,
            grupper=tuple(zip(groups["kommunkod"], groups["grupp"])),
        )
