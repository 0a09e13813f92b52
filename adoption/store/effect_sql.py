"""SQL of the programme-effect panel and the pilot-to-production funnel.

Called through :class:`adoption.store.Store` (``effect_panel``, ``funnel``).
Values always travel as parameters; the only text spliced in comes from the
fixed tables here and in :mod:`.metric_sql` (``QUESTIONS``, the filters).

A *cell* is one respondent's one sector: municipality (or organisation) x
sector, followed across survey years. A stage is "answered" when it is 0-4;
no row (empty) and "." (-1) are not.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .metric_sql import AREA_FILTER, QUESTIONS, SECTOR_FILTER, in_version

_AREA = AREA_FILTER.format(a="r")
_SECTOR = SECTOR_FILTER.format(column="s.sector")
_UNIT = "CASE WHEN r.org_key = '' THEN r.kommunkod ELSE r.kommunkod || '/' || r.org_key END"

# --------------------------------------------------------------------------- effect panel

_OUTCOME = {
    "index": "st.mean_stage / 4 * 100",
    "stage_share": "100.0 * st.reached / nullif(st.answered, 0)",
}


def _panel_sql(kind: str, question: str | None) -> str:
    if kind == "answer":
        answered, yes = QUESTIONS[question]
        # The question's columns are unambiguous: only ``scope`` has them.
        outcome = f"CASE WHEN {answered} THEN CASE WHEN {yes} THEN 100.0 ELSE 0.0 END END"
    else:
        outcome = _OUTCOME[kind]
    return f"""
    WITH scope AS (
        SELECT r.* FROM response r
        WHERE {in_version('r')} AND r.typ = $typ AND {_AREA}
    ),
    st AS (
        SELECT s.row_id,
               avg(s.stage) FILTER (WHERE s.stage >= 0) AS mean_stage,
               count(*) FILTER (WHERE s.stage >= 0) AS answered,
               count(*) FILTER (WHERE s.stage >= $threshold) AS reached
        FROM response_stage s
        WHERE s.row_id IN (SELECT row_id FROM scope) AND {_SECTOR}
        GROUP BY s.row_id
    )
    SELECT {_UNIT} AS unit, r.ar::INTEGER AS ar, r.lan_kod, ({outcome})::DOUBLE AS y,
           r.deltar_kraftsamling AS deltar
    FROM scope r LEFT JOIN st USING (row_id)
    ORDER BY unit, ar"""


def effect_panel(conn, *, version: int, typ: str, lan: Sequence[str], sektor: Sequence[str], kind: str,
                 threshold: int, question: str | None) -> pd.DataFrame:
    """One row per respondent and answered year: unit, ar, lan_kod, y (0-100 or NULL), deltar."""
    if kind not in ("index", "stage_share", "answer"):
        raise ValueError(f"unknown outcome kind {kind!r}")
    if kind == "answer" and question not in QUESTIONS:
        raise ValueError(f"unknown question {question!r}")
    return conn.df(_panel_sql(kind, question), {
        "v": version, "typ": typ, "lan": list(lan), "kommun": "", "sektor": list(sektor),
        "threshold": max(int(threshold), 1),
    })


# --------------------------------------------------------------------------- funnel

# Every answered cell of the filter's scope, with the cell's previous answered
# stage and its highest stage so far (both over its own answered years).
_CELLS = f"""
    cells AS (
        SELECT r.ar::INTEGER AS ar, r.kommunkod, r.org_key, r.organisation, r.lan_kod, s.sector AS sektor,
               s.stage::INTEGER AS stage
        FROM response r JOIN response_stage s USING (row_id)
        WHERE {in_version('r')} AND r.typ = $typ AND {_AREA} AND {_SECTOR} AND s.stage >= 0
    ),
    ordered AS (
        SELECT *,
               lag(stage) OVER w AS prev_stage,
               lag(ar) OVER w AS prev_ar,
               max(stage) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS max_so_far
        FROM cells
        WINDOW w AS (PARTITION BY kommunkod, org_key, sektor ORDER BY ar)
    )"""

_TRANSITIONS = f"""
    WITH {_CELLS}
    SELECT a.stage AS fran, b.stage AS till, count(*) AS antal
    FROM cells a JOIN cells b
      ON a.kommunkod = b.kommunkod AND a.org_key = b.org_key AND a.sektor = b.sektor AND b.ar = a.ar + 1
    WHERE b.ar = $ar
    GROUP BY ALL ORDER BY fran, till"""

# Stalled at the chosen year: at pilot now and at its previous answered year,
# never at i_drift or skalad before.
_STALLED = f"""
    WITH {_CELLS},
    runs AS (
        SELECT kommunkod, org_key, sektor,
               min(ar) FILTER (WHERE stage = 2) AS pilot_since
        FROM ordered WHERE ar <= $ar
        GROUP BY ALL
    )
    SELECT o.kommunkod, m.name AS kommun, o.lan_kod, o.organisation, o.sektor, o.prev_ar, u.pilot_since
    FROM ordered o JOIN runs u USING (kommunkod, org_key, sektor) JOIN municipality m USING (kommunkod)
    WHERE o.ar = $ar AND o.stage = 2 AND o.prev_stage = 2 AND o.max_so_far = 2
    ORDER BY m.name, o.kommunkod, o.organisation NULLS FIRST, o.sektor"""

# Pilots (cell-years at stage 2) and whether the cell is at 3-4 within k years,
# counted where that is known: the cell was answered k years later, or it
# had reached 3-4 before.
_REACH = f"""
    WITH {_CELLS},
    pilots AS (SELECT kommunkod, org_key, sektor, ar FROM cells WHERE stage = 2 AND ar < $ar + 1),
    outcome AS (
        SELECT p.kommunkod, p.org_key, p.sektor, p.ar, k.within,
               bool_or(c.stage >= 3) FILTER (WHERE c.ar > p.ar AND c.ar <= p.ar + k.within) AS reached,
               bool_or(c.ar = p.ar + k.within) AS seen
        FROM pilots p CROSS JOIN (SELECT unnest([1, 2]) AS within) k
        JOIN cells c ON c.kommunkod = p.kommunkod AND c.org_key = p.org_key AND c.sektor = p.sektor
        WHERE p.ar + k.within <= $ar
        GROUP BY ALL
    )
    SELECT within, count(*) FILTER (WHERE coalesce(reached, false)) AS numerator,
           count(*) FILTER (WHERE coalesce(reached, false) OR seen) AS denominator
    FROM outcome GROUP BY within ORDER BY within"""

_EVALUATED = f"""
    SELECT i.mognad::INTEGER AS mognad,
           count(*) FILTER (WHERE i.utvarderad) AS numerator,
           count(*) FILTER (WHERE i.utvarderad IS NOT NULL) AS denominator,
           count(*) AS antal
    FROM initiative i
    WHERE {in_version('i')} AND ($ar IS NULL OR i.ar = $ar) AND i.typ = $typ AND {AREA_FILTER.format(a='i')}
      AND {SECTOR_FILTER.format(column='i.sektor')}
    GROUP BY ALL ORDER BY mognad"""

FUNNEL = {"transitions": _TRANSITIONS, "stalled": _STALLED, "reach": _REACH, "evaluated": _EVALUATED}


def funnel(conn, part: str, *, version: int, ar: int | None, typ: str, lan: Sequence[str], sektor: Sequence[str],
           kommun: str | None = None) -> pd.DataFrame:
    """One part of the funnel (``FUNNEL``'s keys) for a filter; ``ar`` is the later year of a pair."""
    sql = FUNNEL[part]
    params = {"v": version, "ar": ar, "typ": typ, "lan": list(lan), "kommun": kommun or "", "sektor": list(sektor)}
    return conn.df(sql, {k: v for k, v in params.items() if f"${k}" in sql})
