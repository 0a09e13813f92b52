"""Survey answers: writing them as a new version, reading them back, rollback and demo removal.

A survey write is one transaction: a new data version, the rows it closes
(``valid_to``) and the rows it adds. Nothing is ever updated in place except
``valid_to``, so rollback copies an old version's rows forward instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from ..errors import AdoptionError
from ..vocab import NOT_APPLICABLE, ROUND_PUBLISHED, sectors
from . import metric_sql
from .area import Area
from .metric_sql import in_version
from .rounds import open_rounds, restore_rounds
from .schemas import (
    INITIATIVE_SCHEMA,
    RESPONSE_SCHEMA,
    STAGE_SCHEMA,
    arrow_column,
    column_values,
    org_key,
)
from .versions import (
    IN_VERSION,
    new_version,
    next_row_id,
    unknown_version,
    version_exists,
)


def write_survey(conn, version: int, responses: pd.DataFrame | None, initiatives: pd.DataFrame | None, *,
                 is_demo: bool = False) -> None:
    """Write canonical frames as ``version`` inside the caller's transaction (see ``add_survey``)."""
    responses = responses if responses is not None else pd.DataFrame()
    initiatives = initiatives if initiatives is not None else pd.DataFrame()
    first_id = next_row_id(conn)
    response_table, stage_table = response_tables(responses, first_id)
    initiative_table = initiative_rows(initiatives, first_id + len(responses))
    conn.register("incoming_response", response_table)
    conn.register("incoming_stage", stage_table)
    conn.register("incoming_initiative", initiative_table)
    params = {"v": version, "demo": is_demo}
    conn.run(
        "UPDATE response r SET valid_to = $v FROM incoming_response i "
        "WHERE r.valid_to IS NULL AND r.ar = i.ar AND r.typ = i.typ "
        "AND r.kommunkod = i.kommunkod AND r.org_key = i.org_key",
        {"v": version},
    )
    conn.run(
        "INSERT INTO response SELECT row_id, $v, NULL, ar, typ, kommunkod, org_key, organisation, "
        "organisationsnummer, org_kategori, ai_strategi, riktlinjer_genai, antal_initiativ, "
        "antal_i_drift, andel_utbildad_personal, ai_budget_tkr, hinder, deltar_kraftsamling, $demo, "
        "m.lan_kod FROM incoming_response LEFT JOIN municipality m USING (kommunkod) ORDER BY row_id",
        params,
    )
    conn.run("INSERT INTO response_stage SELECT row_id, sector, stage FROM incoming_stage")
    conn.run(
        "UPDATE initiative t SET valid_to = $v FROM incoming_initiative i "
        "WHERE t.valid_to IS NULL AND t.ar = i.ar AND t.kommunkod = i.kommunkod "
        "AND coalesce(t.organisation, '') = coalesce(i.organisation, '') "
        "AND lower(t.titel) = lower(i.titel)",
        {"v": version},
    )
    conn.run(
        "INSERT INTO initiative SELECT row_id, $v, NULL, ar, typ, kommunkod, organisation, titel, "
        "sektor, mognad, teknik, beskrivning, nytta, utvarderad, samverkan, kalla, $demo, "
        "m.lan_kod FROM incoming_initiative LEFT JOIN municipality m USING (kommunkod) ORDER BY row_id",
        params,
    )


def survey_years_of(responses: pd.DataFrame | None) -> list[int]:
    """The survey years of incoming answers (to open their rounds)."""
    if responses is None or "ar" not in responses.columns:
        return []
    return [int(y) for y in pd.unique(responses["ar"].dropna())]


def response_tables(frame: pd.DataFrame, first_id: int) -> tuple[pa.Table, pa.Table]:
    """A canonical survey frame as the response rows and the long table of stages (row_id, sector, stage)."""
    n = len(frame)
    columns = {
        "row_id": pa.array(range(first_id, first_id + n), pa.int64()),
        "org_key": pa.array([
            org_key(t, nr, org) for t, nr, org in
            zip(column_values(frame, "typ"), column_values(frame, "organisationsnummer"),
                column_values(frame, "organisation"))
        ], pa.string()),
    }
    response_table = pa.Table.from_arrays(
        [columns[f.name] if f.name in columns else arrow_column(frame, f.name, f.type) for f in RESPONSE_SCHEMA],
        schema=RESPONSE_SCHEMA,
    )

    # Whole columns at a time: an upload has up to 100,000 rows x 9 sectors.
    ids = pd.RangeIndex(first_id, first_id + n).to_numpy()
    stage_ids, stage_sectors, stage_values = [], [], []
    for sector in sectors():
        if sector.column not in frame.columns:
            continue
        column = frame[sector.column]
        answered = column.notna().to_numpy()  # no answer is no row
        if not answered.any():
            continue
        stages = column[answered].astype("int64").to_numpy()
        invalid = ~((stages == NOT_APPLICABLE) | ((stages >= 0) & (stages <= 4)))
        if invalid.any():
            raise AdoptionError(f"Ogiltig mognadsnivå {stages[invalid.argmax()]} för {sector.code}.")
        stage_ids.append(pa.array(ids[answered], pa.int64()))
        stage_sectors.append(pa.array([sector.code] * len(stages), pa.string()))
        stage_values.append(pa.array(stages, pa.int8()))
    stage_table = pa.Table.from_arrays(
        [pa.chunked_array(stage_ids, pa.int64()), pa.chunked_array(stage_sectors, pa.string()),
         pa.chunked_array(stage_values, pa.int8())], schema=STAGE_SCHEMA
    )
    return response_table, stage_table


def initiative_rows(frame: pd.DataFrame, first_id: int) -> pa.Table:
    """A canonical initiative frame as Arrow; an organisation makes the row civil society's."""
    organisation = column_values(frame, "organisation")
    columns = {
        "row_id": list(range(first_id, first_id + len(frame))),
        "typ": ["civilsamhalle" if org else "kommun" for org in organisation],
    }
    for field in INITIATIVE_SCHEMA.names:
        if field not in columns:
            columns[field] = column_values(frame, field)
    return pa.Table.from_pydict(columns, schema=INITIATIVE_SCHEMA)


class SurveyArea(Area):
    # -- writing ---------------------------------------------------------------------

    def add_survey(
        self,
        responses: pd.DataFrame | None,
        initiatives: pd.DataFrame | None,
        *,
        action: str,
        description: str,
        created_by: str,
        is_demo: bool = False,
        round_status: str = ROUND_PUBLISHED,
    ) -> int:
        """Load canonical frames (see :mod:`adoption.formats`) as one new data version.

        A row replaces the row with the same key in the current version (a
        municipality's or organisation's answer for a year; an initiative's
        title for a municipality, organisation and year); all other rows stay.
        A year new to the data gets ``round_status``: published by default,
        since this loads complete sets (demo data); uploads go through
        :meth:`commit_upload`, where a new year starts preliminary.
        """
        with self._connector.transaction() as conn:
            version = new_version(conn, action=action, description=description, created_by=created_by)
            open_rounds(conn, version, survey_years_of(responses), round_status)
            write_survey(conn, version, responses, initiatives, is_demo=is_demo)
        return version

    def rollback(self, version: int, *, created_by: str) -> int:
        """Make a new version whose content equals ``version``. Nothing is deleted."""
        target = int(version)
        with self._connector.transaction() as conn:
            if not version_exists(conn, target):
                raise unknown_version(version, self.path)
            new = new_version(
                conn, action="rollback", description=f"Återställd till version {target}",
                created_by=created_by, restored_from=target,
            )
            offset = next_row_id(conn)
            params = {"v": target, "new": new, "offset": offset}
            # Close everything current, then copy the target version's rows in
            # as the new version, with fresh row ids so history stays immutable.
            for table in ("response", "initiative", "population", "municipality_group"):
                conn.run(f"UPDATE {table} SET valid_to = $new WHERE valid_to IS NULL", {"new": new})
            conn.run(
                "CREATE TEMP TABLE restored AS SELECT row_id AS old_id, "
                "$offset + row_number() OVER (ORDER BY row_id) - 1 AS new_id FROM response WHERE "
                + in_version(param="target"),
                {"target": target, "offset": offset},
            )
            conn.run(
                "INSERT INTO response SELECT x.new_id, $new, NULL, r.ar, r.typ, r.kommunkod, r.org_key, "
                "r.organisation, r.organisationsnummer, r.org_kategori, r.ai_strategi, r.riktlinjer_genai, "
                "r.antal_initiativ, r.antal_i_drift, r.andel_utbildad_personal, r.ai_budget_tkr, r.hinder, "
                "r.deltar_kraftsamling, r.is_demo, r.lan_kod FROM response r JOIN restored x ON r.row_id = x.old_id",
                {"new": new},
            )
            conn.run(
                "INSERT INTO response_stage SELECT x.new_id, s.sector, s.stage "
                "FROM response_stage s JOIN restored x ON s.row_id = x.old_id"
            )
            response_count = conn.one("SELECT count(*) FROM restored")
            conn.run("DROP TABLE restored")
            conn.run(
                "INSERT INTO initiative SELECT $offset + row_number() OVER (ORDER BY row_id) - 1, $new, NULL, "
                "ar, typ, kommunkod, organisation, titel, sektor, mognad, teknik, beskrivning, nytta, "
                "utvarderad, samverkan, kalla, is_demo, lan_kod FROM initiative WHERE " + IN_VERSION,
                {**params, "offset": offset + response_count},
            )
            conn.run(
                "INSERT INTO population SELECT $new, NULL, kommunkod, ar, population, source "
                "FROM population WHERE " + IN_VERSION,
                {"v": target, "new": new},
            )
            conn.run(
                "INSERT INTO municipality_group SELECT $new, NULL, kommunkod, grupp, ar, source, sha256 "
                "FROM municipality_group WHERE " + IN_VERSION,
                {"v": target, "new": new},
            )
            restore_rounds(conn, target, new)
        return new

    def has_demo(self, version: int | None = None) -> bool:
        """Whether demo rows exist: in ``version`` when given (the banner), else anywhere in the file."""
        with self._connector.connect() as conn:
            return bool(
                conn.one(
                    "SELECT EXISTS (SELECT 1 FROM response WHERE is_demo AND ($any OR " + IN_VERSION + ")) "
                    "OR EXISTS (SELECT 1 FROM initiative WHERE is_demo AND ($any OR " + IN_VERSION + "))",
                    {"any": version is None, "v": version if version is not None else -1},
                )
            )

    def remove_demo(self, *, created_by: str) -> tuple[int | None, int]:
        """Delete every demo row from every version; returns (new version, rows removed).

        Demo rows are invented, so unlike real data they are deleted outright
        rather than closed: a link pinned to a demo version then shows no data.
        """
        with self._connector.transaction() as conn:
            removed = conn.one(
                "SELECT (SELECT count(*) FROM response WHERE is_demo) + (SELECT count(*) FROM initiative WHERE is_demo)"
            )
            if not removed:
                return None, 0
            conn.run(
                "DELETE FROM response_stage WHERE row_id IN (SELECT row_id FROM response WHERE is_demo)"
            )
            conn.run("DELETE FROM response WHERE is_demo")
            conn.run("DELETE FROM initiative WHERE is_demo")
            version = new_version(
                conn, action="demo_removed", description=f"Demodata borttagen ({removed} rader)",
                created_by=created_by,
            )
        return version, removed

    # -- reading ---------------------------------------------------------------------

    def survey_years(self, version: int | None) -> list[int]:
        if version is None:
            return []
        return list(self._memoised(("survey_years", version), lambda: self._distinct_years("response", version)))

    # The optional filters of ``responses``; NULL parameters mean "any".
    _RESPONSE_FILTER = "($ar IS NULL OR {a}ar = $ar) AND ($typ IS NULL OR {a}typ = $typ) " \
                       "AND ($kommun IS NULL OR {a}kommunkod = $kommun)"

    def responses(self, version: int | None, ar: int | None = None, *, typ: str | None = None,
                  kommun: str | None = None) -> pd.DataFrame:
        """Survey rows of a version as a canonical frame (stage columns wide).

        ``ar``, ``typ`` and ``kommun`` (a kommunkod) narrow the rows in SQL; None: any.
        """
        sector_codes = [s.code for s in sectors()]
        params = {"v": version if version is not None else -1, "ar": ar, "typ": typ, "kommun": kommun}
        with self._connector.connect() as conn:
            base = conn.df(
                "SELECT r.row_id, r.ar, r.typ, r.kommunkod, m.name AS kommun, r.organisation, "
                "r.organisationsnummer, r.org_kategori, r.ai_strategi, r.riktlinjer_genai, r.antal_initiativ, "
                "r.antal_i_drift, r.andel_utbildad_personal, r.ai_budget_tkr, r.hinder, r.deltar_kraftsamling, "
                "r.is_demo FROM response r JOIN municipality m USING (kommunkod) "
                "WHERE " + in_version("r") + " AND " + self._RESPONSE_FILTER.format(a="r.") + " "
                "ORDER BY r.ar, r.typ, r.kommunkod, r.org_key",
                params,
            )
            stages = conn.df(
                "SELECT s.row_id, s.sector, s.stage FROM response_stage s "
                "WHERE s.row_id IN (SELECT row_id FROM response WHERE " + IN_VERSION
                + " AND " + self._RESPONSE_FILTER.format(a="") + ")",
                params,
            )
        wide = stages.pivot(index="row_id", columns="sector", values="stage") if len(stages) else pd.DataFrame()
        for code in sector_codes:
            column = f"mognad_{code}"
            if code in wide.columns:
                base[column] = base["row_id"].map(wide[code]).astype("Int8")
            else:
                base[column] = pd.array([pd.NA] * len(base), dtype="Int8")
        return base.drop(columns=["row_id"])

    def metric_rows(self, family: str, *, version: int, ar: int, typ: str, lan: Sequence[str] = (),
                    kommun: str | Sequence[str] | None = None, sektor: Sequence[str] = (), by: str | None = None,
                    threshold: int | None = None, grupp: str | None = None, **shape) -> pd.DataFrame:
        """Numerators and denominators of one metric family (see :mod:`.metric_sql`).

        ``kommun``: one municipality code, or several pooled into one figure.
        ``grupp``: a municipality group (A1..C9) or main group (A, B, C).
        ``shape`` picks among fixed variants of the SQL; every value is a parameter.
        """
        sql = metric_sql.build(family, by=by, **shape)
        kommuner = [kommun] if isinstance(kommun, str) else list(kommun or ())
        params = {
            "v": version, "ar": ar, "typ": typ, "lan": list(lan), "kommun": kommuner, "grupp": grupp or "",
            "sektor": list(sektor), "threshold": threshold,
        }
        params = {k: v for k, v in params.items() if f"${k}" in sql}
        with self._connector.connect() as conn:
            return conn.df(sql, params)
