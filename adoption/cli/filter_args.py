"""Checking the filter options (``--lan``, ``--kommun``, ``--grupp``, ``--sektor``) of metric, effekt and export.

Shared by those commands so that a wrong code gets the same sentence from
each, and a group asked for before any groups are loaded the same advice.
"""

from __future__ import annotations

import pandas as pd

from adoption.metrics.filters import Filter, group_codes, in_group

from ..errors import AdoptionError
from ..store import Store
from ..vocab import sector_codes


def validate_filter(args) -> Filter:
    import re

    for code in args.lan:
        if not re.fullmatch(r"\d{2}", code):
            raise AdoptionError(f"Ogiltig länskod ”{code}”: ange två siffror, till exempel 01.")
    for code in args.kommun or ():
        if not re.fullmatch(r"\d{4}", code):
            raise AdoptionError(f"Ogiltig kommunkod ”{code}”: ange fyra siffror, till exempel 0180.")
    if args.grupp is not None and args.grupp not in group_codes():
        raise AdoptionError(f"Okänd kommungrupp ”{args.grupp}”: ange en av {', '.join(group_codes())}.")
    unknown = [s for s in args.sektor if s not in sector_codes()]
    if unknown:
        raise AdoptionError(f"Okänd sektor ”{unknown[0]}”. Kända sektorer: {', '.join(sector_codes())}.")
    return Filter(ar=args.ar, lan=tuple(args.lan), kommun=tuple(args.kommun) if args.kommun else None,
                  sektor=tuple(args.sektor), typ=args.typ, grupp=args.grupp)


def check_groups_loaded(store: Store, flt: Filter, niva: str | None, version: int | None) -> None:
    if (flt.grupp is not None or niva == "grupp") and store.municipality_groups(
            store.resolve_version(version)).empty:
        raise AdoptionError("Inga kommungrupper är inlästa i dataversionen. Läs in SKR:s kommungruppsindelning "
                            "med python -m adoption import-kommungrupper FIL.")


def rows_in_group(store: Store, frame: pd.DataFrame, grupp: str, version: int | None) -> pd.DataFrame:
    """The rows of municipalities in ``grupp`` (checked like ``metric --grupp``)."""
    if grupp not in group_codes():
        raise AdoptionError(f"Okänd kommungrupp ”{grupp}”: ange en av {', '.join(group_codes())}.")
    check_groups_loaded(store, Filter(grupp=grupp), None, version)
    groups = store.municipality_groups(version)
    members = {code for code, group in zip(groups["kommunkod"], groups["grupp"]) if in_group(group, grupp)}
    return frame[frame["kommunkod"].isin(members)].reset_index(drop=True)
