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
    WITH everyone AS (
        SELECT r.*, {_UNIT} AS unit FROM response r
        WHERE {in_version('r')} AND r.typ = $typ AND {_AREA}
    ),
    units AS (SELECT unit, row_number() OVER (ORDER BY unit) - 1 AS i FROM (SELECT DISTINCT unit FROM everyone)),
    step AS (SELECT greatest(1, ceil(count(*) / $max_units))::BIGINT AS k, count(*) AS total FROM units),
    -- Beyond $max_units units, every k-th unit in code order (the estimate says so).
    scope AS (
        SELECT e.* FROM everyone e JOIN units u USING (unit) CROSS JOIN step WHERE u.i % step.k = 0
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
    SELECT r.unit, r.ar::INTEGER AS ar, r.lan_kod, ({outcome})::DOUBLE AS y,
           r.deltar_kraftsamling AS deltar, (SELECT total FROM step) AS units_total
    FROM scope r LEFT JOIN st USING (row_id)
    ORDER BY unit, ar"""


def effect_panel(conn, *, version: int, typ: str, lan: Sequence[str], sektor: Sequence[str], kind: str,
                 threshold: int, question: str | None, max_units: int) -> pd.DataFrame:
    """One row per respondent and answered year: unit, ar, lan_kod, y (0-100 or NULL), deltar, units_total.

    With more than ``max_units`` respondents, only every k-th (in code order)
    is read; ``units_total`` says how many there were.
    """
    if kind not in ("index", "stage_share", "answer"):
        raise ValueError(f"unknown outcome kind {kind!r}")
    if kind == "answer" and question not in QUESTIONS:
        raise ValueError(f"unknown question {question!r}")
    return conn.df(_panel_sql(kind, question), {
        "v": version, "typ": typ, "lan": list(lan), "kommun": [], "grupp": "", "sektor": list(sektor),
        "threshold": max(int(threshold), 1), "max_units": int(max_units),
    })


# --------------------------------------------------------------------------- funnel

# The municipalities (units of the funnel) in scope; beyond $max_units, every
# k-th in code order, as for the effect (the page says so).
_UNITS = f"""
    places AS (
        SELECT kommunkod, row_number() OVER (ORDER BY kommunkod) - 1 AS i
        FROM municipality r WHERE {_AREA}
    ),
    step AS (SELECT greatest(1, ceil(count(*) / $max_units))::BIGINT AS k, count(*) AS total FROM places),
    sampled AS (SELECT kommunkod FROM places CROSS JOIN step WHERE i % step.k = 0)"""


def _cells(years: str) -> str:
    """Every answered cell of the filter's scope in ``years`` (a fixed condition on r.ar)."""
    return f"""{_UNITS},
    cells AS (
        SELECT r.ar::INTEGER AS ar, r.kommunkod, r.org_key, r.organisation, r.lan_kod, s.sector AS sektor,
               s.stage::INTEGER AS stage
        FROM response r JOIN response_stage s USING (row_id)
        WHERE {in_version('r')} AND {years} AND r.typ = $typ AND {_AREA} AND {_SECTOR} AND s.stage >= 0
          AND r.kommunkod IN (SELECT kommunkod FROM sampled)
    )"""


_TRANSITIONS = f"""
    WITH {_cells("r.ar IN ($ar - 1, $ar)")}
    SELECT a.stage AS fran, b.stage AS till, count(*) AS antal
    FROM cells a JOIN cells b
      ON a.kommunkod = b.kommunkod AND a.org_key = b.org_key AND a.sektor = b.sektor AND b.ar = a.ar + 1
    WHERE b.ar = $ar
    GROUP BY ALL ORDER BY fran, till"""

# Stalled at the chosen year: at pilot now and at its previous answered year,
# never at i_drift or skalad before. Only the history of today's pilot cells
# is read (a semi join), which keeps this fast with many years.
_STALLED = f"""
    WITH {_cells("r.ar <= $ar")},
    pilots AS (SELECT * FROM cells WHERE ar = $ar AND stage = 2),
    history AS (
        SELECT c.kommunkod, c.org_key, c.sektor, arg_max(c.stage, c.ar) AS prev_stage, max(c.ar) AS prev_ar,
               max(c.stage) AS max_before, min(c.ar) FILTER (WHERE c.stage = 2) AS pilot_since
        FROM cells c SEMI JOIN pilots p USING (kommunkod, org_key, sektor)
        WHERE c.ar < $ar
        GROUP BY ALL
    )
    SELECT p.kommunkod, m.name AS kommun, p.lan_kod, p.organisation, p.sektor, h.prev_ar, h.pilot_since
    FROM pilots p JOIN history h USING (kommunkod, org_key, sektor) JOIN municipality m USING (kommunkod)
    WHERE h.prev_stage = 2 AND h.max_before <= 2
    ORDER BY m.name, p.kommunkod, p.organisation NULLS FIRST, p.sektor"""

# Pilots one year before $ar (within 1) and two years before (within 2): at
# 3-4 by $ar? Counted where that is known: the cell was answered in $ar, or
# it had reached 3-4 on the way.
_REACH = f"""
    WITH {_cells("r.ar BETWEEN $ar - 2 AND $ar")},
    pilots AS (SELECT kommunkod, org_key, sektor, ar FROM cells WHERE stage = 2 AND ar IN ($ar - 1, $ar - 2)),
    outcome AS (
        SELECT p.kommunkod, p.org_key, p.sektor, $ar - p.ar AS within,
               coalesce(bool_or(c.stage >= 3), false) AS reached, coalesce(bool_or(c.ar = $ar), false) AS seen
        FROM pilots p LEFT JOIN cells c
          ON c.kommunkod = p.kommunkod AND c.org_key = p.org_key AND c.sektor = p.sektor AND c.ar > p.ar
        GROUP BY ALL
    )
    SELECT within, count(*) FILTER (WHERE reached) AS numerator, count(*) FILTER (WHERE reached OR seen) AS denominator
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

_SAMPLE = f"""
    WITH {_UNITS}
    SELECT (SELECT total FROM step) AS total, (SELECT count(*) FROM sampled) AS sampled"""

FUNNEL = {"transitions": _TRANSITIONS, "stalled": _STALLED, "reach": _REACH, "evaluated": _EVALUATED,
          "sample": _SAMPLE}


def funnel(conn, part: str, *, version: int, ar: int | None, typ: str, lan: Sequence[str], sektor: Sequence[str],
           kommun: str | None = None, max_units: int) -> pd.DataFrame:
    """One part of the funnel (``FUNNEL``'s keys) for a filter; ``ar`` is the later year of a pair.

    Transitions, stalled pilots and reach count the cells of at most
    ``max_units`` municipalities ("sample" says how many of how many).
    """
    sql = FUNNEL[part]
    # AREA_FILTER's $kommun is a list (one municipality, or a pooled set); $grupp '' is every group.
    params = {"v": version, "ar": ar, "typ": typ, "lan": list(lan), "kommun": [kommun] if kommun else [],
              "grupp": "", "sektor": list(sektor), "max_units": int(max_units)}
    return conn.df(sql, {k: v for k, v in params.items() if f"${k}" in sql})
