"""SQL of the metric families: numerators and denominators, never ratios.

The registry (:mod:`adoption.metrics`) turns these counts into values,
intervals and suppression, so every consumer gets the same arithmetic.
Filters are always parameters: ``$v`` (data version), ``$ar``, ``$typ``,
``$lan`` (list), ``$kommun`` (list: one municipality, or a set pooled into
one figure), ``$grupp`` (a municipality group A1..C9 or a main group A, B,
C; '' for all) and ``$sektor`` (list); an empty list means all. The only
text spliced in comes from the fixed tables below.
"""

from __future__ import annotations


def in_version(alias: str = "", param: str = "v") -> str:
    """Rows that belong to data version ``$param``: valid_from <= v < valid_to."""
    prefix = f"{alias}." if alias else ""
    return (
        f"{prefix}valid_from <= ${param} AND ({prefix}valid_to IS NULL OR {prefix}valid_to > ${param})"
    )


# Grouping keys, chosen by name only, qualified with the alias of the table
# that holds them (response, initiative and municipality all have both
# columns; survey rows carry their municipality's county, see migration 0003).
# A municipality's group in the version read (municipality_group is versioned like the survey).
GROUP_OF = ("(SELECT g.grupp FROM municipality_group g WHERE g.kommunkod = {a}.kommunkod AND "
            + in_version("g") + ")")
GROUPS = {None: "'alla'", "kommun": "{a}.kommunkod", "lan": "{a}.lan_kod", "grupp": GROUP_OF,
          # a civil-society organisation's category, '' when none was given (response rows only)
          "kategori": "coalesce({a}.org_kategori, '')",
          # one group per respondent (municipality, or organisation within it), for a
          # panel of the same respondents in two years; only the families over response rows
          "respondent": "{a}.kommunkod || '|' || {a}.org_key"}
RESPONDENT_FAMILIES = ("stage_share", "maturity_index", "answer_share")

# Organisation-level yes/no questions: (answered, counts as yes).
QUESTIONS = {
    "ai_strategi": ("ai_strategi IS NOT NULL", "ai_strategi = 2"),
    "riktlinjer_genai": ("riktlinjer_genai IS NOT NULL", "riktlinjer_genai"),
}

AREA_FILTER = (
    "{a}.lan_kod IS NOT NULL "  # a code missing from the reference is in no area (as an inner join had it)
    "AND (len($lan::VARCHAR[]) = 0 OR list_contains($lan::VARCHAR[], {a}.lan_kod)) "
    "AND (len($kommun::VARCHAR[]) = 0 OR list_contains($kommun::VARCHAR[], {a}.kommunkod)) "
    # a group code (A1) or a main group (A, the code's letter)
    "AND ($grupp = '' OR {a}.kommunkod IN (SELECT g.kommunkod FROM municipality_group g WHERE "
    + in_version("g") + " AND (g.grupp = $grupp OR left(g.grupp, 1) = $grupp)))"
)
SECTOR_FILTER = "(len($sektor::VARCHAR[]) = 0 OR list_contains($sektor::VARCHAR[], {column}))"


def _group(by: str | None, alias: str) -> str:
    if by not in GROUPS:
        raise ValueError(f"unknown grouping {by!r}")
    return GROUPS[by].format(a=alias)


def _area(alias: str) -> str:
    return AREA_FILTER.format(a=alias)


def _scope(by: str | None) -> str:
    """Response rows of one version, year and kind, inside the area filter."""
    return f"""
    scope AS (
        SELECT r.*, {_group(by, 'r')} AS grp
        FROM response r
        WHERE {in_version('r')} AND r.ar = $ar AND r.typ = $typ AND {_area('r')}
    )"""


# Per respondent, over the chosen sectors, in one pass over the stage rows:
# the highest and the mean answered stage (rows with no answer and "." (stage
# -1) are not "answered": max_stage is NULL when nothing was answered), and the
# highest of all rows, which is -1 when every answer was "." (not applicable).
STAGES = f"""
    stages AS (
        SELECT s.row_id,
               max(s.stage) FILTER (WHERE s.stage >= 0) AS max_stage,
               avg(s.stage) FILTER (WHERE s.stage >= 0) AS mean_stage,
               max(s.stage) AS max_all
        FROM response_stage s
        WHERE s.row_id IN (SELECT row_id FROM scope) AND {SECTOR_FILTER.format(column='s.sector')}
        GROUP BY s.row_id
    )"""

# Population per municipality in scope for the survey year: the latest year
# loaded that is not after it, else the earliest year loaded.
POPULATION = f"""
    pop AS (
        SELECT kommunkod,
               coalesce(arg_max(population, ar) FILTER (WHERE ar <= $ar), arg_min(population, ar)) AS population
        FROM population WHERE {in_version()} AND kommunkod IN (SELECT kommunkod FROM scope)
        GROUP BY kommunkod
    )"""


def _response_rate(by):
    return f"""
    WITH responded AS (
        SELECT DISTINCT kommunkod FROM response
        WHERE {in_version()} AND ar = $ar AND typ = 'kommun'
    )
    SELECT {_group(by, 'm')} AS grp,
           count(x.kommunkod) AS numerator, count(*) AS denominator, count(x.kommunkod) AS n
    FROM municipality m LEFT JOIN responded x USING (kommunkod)
    WHERE {_area('m')}
    GROUP BY ALL"""


def _civil_response_rate(by):
    # The organisations the survey knows: every one that answered in some year of the version. Each
    # sits in one category: that of its answer this year (as every other metric groups it), else that
    # of its latest answer.
    return f"""
    WITH orgs AS (
        SELECT r.kommunkod, r.org_key,
               CASE WHEN bool_or(r.ar = $ar) THEN max(r.org_kategori) FILTER (WHERE r.ar = $ar)
                    ELSE arg_max(r.org_kategori, r.ar) END AS org_kategori,
               max(r.lan_kod) AS lan_kod, bool_or(r.ar = $ar) AS answered
        FROM response r
        WHERE {in_version('r')} AND r.typ = $typ
        GROUP BY r.kommunkod, r.org_key
    )
    SELECT {_group(by, 'o')} AS grp,
           count(*) FILTER (WHERE o.answered) AS numerator, count(*) AS denominator,
           count(*) FILTER (WHERE o.answered) AS n
    FROM orgs o
    WHERE {_area('o')}
    GROUP BY ALL"""


def _stage_share(by):
    return f"""
    WITH {_scope(by)}, {STAGES}
    SELECT sc.grp, count(*) FILTER (WHERE st.max_stage >= $threshold) AS numerator,
           count(st.max_stage) AS denominator, count(st.max_stage) AS n,
           -- answered only "." in the chosen sectors: in no denominator, but a map
           -- must tell them from "no answer"
           count(*) FILTER (WHERE st.max_all = -1) AS not_applicable
    FROM scope sc LEFT JOIN stages st USING (row_id)
    GROUP BY ALL"""


def _maturity_index(by):
    return f"""
    WITH {_scope(by)}, {STAGES}
    SELECT sc.grp, sum(st.mean_stage / 4 * 100) AS numerator, count(st.mean_stage) AS denominator,
           count(st.mean_stage) AS n, stddev_samp(st.mean_stage / 4 * 100) AS sd,
           count(*) FILTER (WHERE st.max_all = -1) AS not_applicable
    FROM scope sc LEFT JOIN stages st USING (row_id)
    GROUP BY ALL"""


def _answer_share(by, *, question: str):
    answered, yes = QUESTIONS[question]
    return f"""
    WITH {_scope(by)}
    SELECT grp, count(*) FILTER (WHERE {yes}) AS numerator, count(*) AS denominator, count(*) AS n
    FROM scope WHERE {answered}
    GROUP BY ALL"""


def _initiatives_per_population(by):
    return f"""
    WITH {_scope(by)}, {POPULATION}
    SELECT sc.grp, sum(sc.antal_initiativ) AS numerator, sum(p.population) AS denominator, count(*) AS n
    FROM scope sc JOIN pop p USING (kommunkod)
    WHERE sc.antal_initiativ IS NOT NULL
    GROUP BY ALL"""


def _population_in_production(by):
    return f"""
    WITH {_scope(by)}, {STAGES}, {POPULATION}
    SELECT sc.grp, sum(p.population) FILTER (WHERE st.max_stage >= 3) AS numerator,
           sum(p.population) AS denominator, count(*) AS n
    FROM scope sc JOIN stages st USING (row_id) JOIN pop p USING (kommunkod)
    WHERE st.max_stage IS NOT NULL
    GROUP BY ALL"""


def _evaluated_share(by):
    return f"""
    SELECT {_group(by, 'i')} AS grp,
           count(*) FILTER (WHERE i.utvarderad) AS numerator,
           count(*) FILTER (WHERE i.utvarderad IS NOT NULL) AS denominator,
           count(*) FILTER (WHERE i.utvarderad IS NOT NULL) AS n
    FROM initiative i
    WHERE {in_version('i')} AND i.ar = $ar AND ($typ = '' OR i.typ = $typ) AND {_area('i')}
      AND {SECTOR_FILTER.format(column='i.sektor')}
    GROUP BY ALL"""


def _stage_distribution(by):
    return f"""
    WITH {_scope(by)},
    counts AS (
        SELECT sc.grp, s.sector AS sektor, s.stage AS mognad, count(*) AS antal
        FROM response_stage s JOIN scope sc USING (row_id)
        WHERE {SECTOR_FILTER.format(column='s.sector')}
        GROUP BY ALL
    ),
    totals AS (SELECT grp, count(*) AS respondents FROM scope GROUP BY grp)
    -- Respondents who answered none of the chosen sectors still count: they
    -- are the "no answer" of every sector (one row with sektor NULL keeps them).
    SELECT t.grp, c.sektor, c.mognad, c.antal, t.respondents
    FROM totals t LEFT JOIN counts c USING (grp)
    ORDER BY t.grp, c.sektor, c.mognad"""


def _barrier_shares(by):
    # A barrier counts once per respondent; respondents who left the question
    # empty are not in the denominator.
    return f"""
    WITH {_scope(by)},
    named AS (SELECT grp, row_id, unnest(list_distinct(hinder)) AS hinder FROM scope WHERE len(hinder) > 0),
    totals AS (SELECT grp, count(*) AS denominator FROM scope WHERE len(hinder) > 0 GROUP BY grp)
    SELECT n.grp, n.hinder, count(*) AS numerator, t.denominator, t.denominator AS n
    FROM named n JOIN totals t USING (grp)
    GROUP BY ALL
    ORDER BY n.grp, numerator DESC, n.hinder"""


# The funnel's cells: one respondent's one sector, answered (stage 0-4), in
# the filter's area, sectors and kind; stalled pilots look back over every
# year up to $ar, pilot-to-production only at $ar - 1 and $ar.
def _funnel_cells(by, years: str) -> str:
    return f"""
    cells AS (
        SELECT r.ar, r.kommunkod, r.org_key, s.sector, s.stage, {_group(by, 'r')} AS grp
        FROM response r JOIN response_stage s USING (row_id)
        WHERE {in_version('r')} AND {years} AND r.typ = $typ AND {_area('r')}
          AND {SECTOR_FILTER.format(column='s.sector')} AND s.stage >= 0
    )"""


def _pilot_to_production(by):
    # Pilots in $ar - 1 whose cell was answered in $ar: how many are at 3-4 then.
    return f"""
    WITH {_funnel_cells(by, "r.ar IN ($ar - 1, $ar)")}
    SELECT b.grp, count(*) FILTER (WHERE b.stage >= 3) AS numerator, count(*) AS denominator, count(*) AS n
    FROM cells a JOIN cells b USING (kommunkod, org_key, sector)
    WHERE a.ar = $ar - 1 AND b.ar = $ar AND a.stage = 2
    GROUP BY ALL"""


def _stalled_pilots(by):
    # Pilot cells in $ar; stalled: at pilot in the cell's previous answered year
    # too, and never at 3-4 in any year up to $ar. Only the history of this
    # year's pilot cells is read (a semi join).
    return f"""
    WITH {_funnel_cells(by, "r.ar <= $ar")},
    pilots AS (SELECT * FROM cells WHERE ar = $ar AND stage = 2),
    history AS (
        SELECT c.kommunkod, c.org_key, c.sector, arg_max(c.stage, c.ar) AS prev_stage, max(c.stage) AS max_before
        FROM cells c SEMI JOIN pilots p USING (kommunkod, org_key, sector)
        WHERE c.ar < $ar
        GROUP BY ALL
    )
    SELECT p.grp, count(*) FILTER (WHERE h.prev_stage = 2 AND h.max_before <= 2) AS numerator,
           count(*) AS denominator, count(*) AS n
    FROM pilots p LEFT JOIN history h USING (kommunkod, org_key, sector)
    GROUP BY ALL"""


FAMILIES = {
    "response_rate": _response_rate,
    "civil_response_rate": _civil_response_rate,
    "stage_share": _stage_share,
    "maturity_index": _maturity_index,
    "answer_share": _answer_share,
    "initiatives_per_population": _initiatives_per_population,
    "population_in_production": _population_in_production,
    "evaluated_share": _evaluated_share,
    "stage_distribution": _stage_distribution,
    "barrier_shares": _barrier_shares,
    "pilot_to_production": _pilot_to_production,
    "stalled_pilots": _stalled_pilots,
}


def build(family: str, *, by: str | None = None, **options) -> str:
    return FAMILIES[family](by, **options)
