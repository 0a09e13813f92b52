"""Initiatives as read back: the plain list, the catalogue's search and "the same kind elsewhere".

Initiatives are written with the survey (:mod:`.survey`); this module only reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .area import Area
from .metric_sql import in_version


class InitiativeArea(Area):
    def initiatives(self, version: int | None, ar: int | None = None, *, typ: str | None = None,
                    kommun: str | None = None) -> pd.DataFrame:
        """Initiatives of a version; ``ar``, ``typ`` and ``kommun`` (a kommunkod) narrow them in SQL (None: any)."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT i.ar, i.typ, i.kommunkod, m.name AS kommun, i.organisation, i.titel, i.sektor, "
                "i.mognad, i.teknik, i.beskrivning, i.nytta, i.utvarderad, i.samverkan, i.kalla, i.is_demo "
                "FROM initiative i JOIN municipality m USING (kommunkod) "
                "WHERE " + in_version("i")
                + " AND ($ar IS NULL OR i.ar = $ar) AND ($typ IS NULL OR i.typ = $typ) "
                "AND ($kommun IS NULL OR i.kommunkod = $kommun) "
                "ORDER BY i.ar, i.kommunkod, i.organisation NULLS FIRST, i.titel, i.row_id",
                {"v": version if version is not None else -1, "ar": ar, "typ": typ, "kommun": kommun},
            )

    # The catalogue's filters, shared by the count and the rows of ``search_initiatives``.
    # Folding in SQL (lower case, accents stripped) matches ``catalogue.fold`` for Swedish
    # and English text; ``contains`` takes the search text literally (no pattern).
    _INITIATIVE_FILTER = (
        "i.typ = $typ AND ($ar IS NULL OR i.ar = $ar) "
        "AND (len($lan::VARCHAR[]) = 0 OR list_contains($lan::VARCHAR[], m.lan_kod)) "
        "AND ($kommun = '' OR i.kommunkod = $kommun) "
        "AND (len($kommuner::VARCHAR[]) = 0 OR list_contains($kommuner::VARCHAR[], i.kommunkod)) "
        "AND (len($sektor::VARCHAR[]) = 0 OR list_contains($sektor::VARCHAR[], i.sektor)) "
        "AND (len($mognad::INTEGER[]) = 0 OR list_contains($mognad::INTEGER[], i.mognad)) "
        "AND (len($teknik::VARCHAR[]) = 0 OR list_contains($teknik::VARCHAR[], i.teknik)) "
        "AND (NOT $by_evaluated OR (i.utvarderad AND $eval_yes) OR (NOT i.utvarderad AND $eval_no) "
        "OR (i.utvarderad IS NULL AND $eval_unknown)) "
        "AND ($needle = '' OR contains(strip_accents(lower(i.titel || chr(10) || coalesce(i.beskrivning, ''))), "
        "$needle))"
    )

    def search_initiatives(
        self, version: int | None, *, typ: str = "kommun", ar: int | None = None, lan: Sequence[str] = (),
        kommun: str | None = None, kommuner: Sequence[str] = (), sektor: Sequence[str] = (), mognad: Sequence[int] = (),
        teknik: Sequence[str] = (), evaluated: Sequence[bool | None] = (), needle: str = "",
        limit: int | None = None,
    ) -> tuple[pd.DataFrame, int]:
        """The initiatives of a version that match, in catalogue order, at most ``limit`` of them,
        and how many match in all.

        Catalogue order is year (latest first), municipality code, organisation
        (none first), title, then the order rows were loaded in. ``id`` is the row's number in that order among all
        initiatives of the version (0 for the first), the same whatever the filter.
        ``evaluated`` holds True, False and/or None (not known); empty: any.
        ``kommuner``: any of these municipalities (a group's members); empty: any.
        ``needle``: already folded (lower case, no accents); empty: any text.
        Columns: id, ar, typ, kommunkod, kommun, organisation, titel, sektor, mognad,
        teknik, beskrivning, nytta, utvarderad, samverkan, kalla, is_demo, lan_kod, lan_name.
        """
        evaluated = list(evaluated)
        params = {
            "v": version if version is not None else -1, "typ": typ, "ar": ar, "lan": list(lan),
            "kommun": kommun or "", "kommuner": list(kommuner), "sektor": list(sektor), "mognad": [int(x) for x in mognad],
            "teknik": list(teknik), "by_evaluated": bool(evaluated), "eval_yes": True in evaluated,
            "eval_no": False in evaluated, "eval_unknown": None in evaluated, "needle": needle,
        }
        joined = ("FROM initiative i JOIN municipality m USING (kommunkod) "
                  "LEFT JOIN county c ON c.lan_kod = m.lan_kod WHERE " + in_version("i"))
        with self._connector.connect() as conn:
            total = conn.one("SELECT count(*) " + joined + " AND " + self._INITIATIVE_FILTER, params)
            if limit is not None and limit <= 0:
                rows = conn.df("SELECT NULL::BIGINT AS id LIMIT 0")
            else:
                # Only the chosen year is numbered; the years after it come first in the
                # order, so their count is the number of the year's first row.
                rows = conn.df(
                    "WITH numbered AS (SELECT row_number() OVER (ORDER BY i.ar DESC, i.kommunkod, "
                    "i.organisation NULLS FIRST, i.titel, i.row_id) - 1 + (SELECT count(*) FROM initiative j "
                    "JOIN municipality USING (kommunkod) WHERE " + in_version("j")
                    + " AND $ar IS NOT NULL AND j.ar > $ar) AS id, i.ar, i.typ, i.kommunkod, m.name AS kommun, "
                    "i.organisation, i.titel, i.sektor, i.mognad, i.teknik, i.beskrivning, i.nytta, i.utvarderad, "
                    "i.samverkan, i.kalla, i.is_demo, m.lan_kod, c.name AS lan_name, "
                    + self._INITIATIVE_FILTER + " AS hit " + joined + " AND ($ar IS NULL OR i.ar = $ar)) "
                    "SELECT * EXCLUDE (hit) FROM numbered WHERE hit ORDER BY id LIMIT $limit",
                    {**params, "limit": limit},
                )
        return rows, int(total)

    def same_kind_initiatives(self, version: int | None, *, sektor: str, teknik: str, except_kommun: str,
                              limit: int | None = None) -> tuple[pd.DataFrame, int]:
        """Other municipalities with an initiative (typ kommun, any year) of this sector and technique.

        One row per municipality: kommunkod, kommun, lan_name, antal (such
        initiatives), senaste_ar, exempel (the title of the latest, first by
        title); most initiatives first, then name; at most ``limit`` rows,
        and how many municipalities there are in all.
        """
        params = {"v": version if version is not None else -1, "sektor": sektor, "teknik": teknik,
                  "kommun": except_kommun, "typ": "kommun"}
        with self._connector.connect() as conn:
            frame = conn.df(
                "SELECT i.kommunkod, m.name AS kommun, c.name AS lan_name, count(*) AS antal, "
                "max(i.ar) AS senaste_ar, first(i.titel ORDER BY i.ar DESC, i.titel) AS exempel, "
                "count(*) OVER () AS matching "
                "FROM initiative i JOIN municipality m USING (kommunkod) LEFT JOIN county c ON c.lan_kod = m.lan_kod "
                "WHERE " + in_version("i") + " AND i.typ = $typ AND i.sektor = $sektor AND i.teknik = $teknik "
                "AND i.kommunkod <> $kommun GROUP BY i.kommunkod, m.name, c.name "
                "ORDER BY antal DESC, kommun, i.kommunkod LIMIT $limit",
                {**params, "limit": limit},
            )
        total = int(frame["matching"].iloc[0]) if len(frame) else 0
        return frame.drop(columns=["matching"]), total
