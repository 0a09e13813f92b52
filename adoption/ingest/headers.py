"""Column names of an upload: recognised, unknown and missing (data-formats.md section 5)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..formats import INITIATIVE_COLUMNS, survey_columns

# A few names people use for the same column. Keys are normalised names.
ALIASES = {
    "year": "ar",
    "kommunnamn": "kommun",
    "kommunnummer": "kommunkod",
    "kommun_kod": "kommunkod",
    "orgnr": "organisationsnummer",
    "org_nr": "organisationsnummer",
}


def normalise(header: str) -> str:
    """"Mognad vård omsorg" → mognad_vard_omsorg, "År" → ar."""
    decomposed = unicodedata.normalize("NFKD", str(header).strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[\s\-]+", "_", plain)
    return re.sub(r"_+", "_", plain).strip("_")


def canonical_columns(kind: str) -> tuple[str, ...]:
    if kind == "enkatsvar":
        return survey_columns()
    if kind == "initiativ":
        return INITIATIVE_COLUMNS
    raise ValueError(kind)


def known_names(kind: str) -> set[str]:
    """Normalised header names that count as recognised (for finding the header row)."""
    columns = set(canonical_columns(kind))
    return columns | {alias for alias, target in ALIASES.items() if target in columns}


@dataclass
class HeaderMapping:
    # position in the file → canonical column
    columns: dict[int, str] = field(default_factory=dict)
    # file header → canonical column (what is shown to the user)
    used: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file header, canonical)
    bad_targets: list[tuple[str, str]] = field(default_factory=list)  # user mapping to unknown columns
    chosen: list[str] = field(default_factory=list)  # file headers read as the user mapping says (or ignored)

    def label(self, canonical: str) -> str:
        """The file's header for ``canonical``, for a message; the column's own name when the file has none."""
        for label, target in self.used.items():
            if target == canonical:
                return label
        return canonical


def map_headers(header: list[str], kind: str, user_mapping: dict[str, str] | None = None) -> HeaderMapping:
    """Recognise the columns of ``header``.

    ``user_mapping`` ({file header: canonical column}) overrides the automatic
    match; a target of "" or None means "ignore this column".
    """
    allowed = set(canonical_columns(kind))
    overrides = {str(k).strip(): v for k, v in (user_mapping or {}).items()}
    result = HeaderMapping()
    for position, name in enumerate(header):
        label = str(name).strip()
        if not label:
            continue
        if label in overrides:
            result.chosen.append(label)
            target = overrides[label]
            if not target:
                continue
            target = normalise(target)
            if target not in allowed:
                result.bad_targets.append((label, str(overrides[label])))
                continue
        else:
            key = normalise(label)
            target = ALIASES.get(key, key)
            if target not in allowed:
                result.unknown.append(label)
                continue
        if target in result.columns.values():
            result.duplicates.append((label, target))
            continue
        result.columns[position] = target
        result.used[label] = target
    return result


def missing_required(mapping: HeaderMapping, kind: str, *, year_given: bool) -> list[str]:
    """Required columns that are not in the file (kommunkod/kommun as one requirement)."""
    present = set(mapping.columns.values())
    missing = []
    if not year_given and "ar" not in present:
        missing.append("ar")
    if kind == "enkatsvar" and "typ" not in present:
        missing.append("typ")
    if not present & {"kommunkod", "kommun"}:
        missing.append("kommunkod eller kommun")
    if kind == "initiativ":
        missing.extend(c for c in ("titel", "sektor", "mognad") if c not in present)
    return missing
