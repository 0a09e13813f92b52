"""The store: the one owner of the DuckDB file and of every SQL statement.

Values always travel as parameters (``$name``) or as registered Arrow tables;
the only text ever put into SQL are identifiers chosen from fixed tables in
:mod:`adoption.store.metric_sql`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa

from ..errors import AdoptionError, UnknownVersionError
from ..vocab import NOT_APPLICABLE, sectors
from . import metric_sql
from .connection import (
    Connector,
    Session,
    latest_schema_version,
    migrate,
    schema_version,
)

__all__ = ["APP_KEEP_OPEN_SECONDS", "Store", "UploadInfo", "UploadOutcome", "UploadRecord", "VersionChangedError", "VersionInfo",
           "latest_schema_version"]

from .metric_sql import in_version

IN_VERSION = in_version()

_RESPONSE_SCHEMA = pa.schema(
    [
        ("row_id", pa.int64()),
        ("ar", pa.int16()),
        ("typ", pa.string()),
        ("kommunkod", pa.string()),
        ("org_key", pa.string()),
        ("organisation", pa.string()),
        ("organisationsnummer", pa.string()),
        ("org_kategori", pa.string()),
        ("ai_strategi", pa.int8()),
        ("riktlinjer_genai", pa.bool_()),
        ("antal_initiativ", pa.int32()),
        ("antal_i_drift", pa.int32()),
        ("andel_utbildad_personal", pa.float64()),
        ("ai_budget_tkr", pa.float64()),
        ("hinder", pa.list_(pa.string())),
        ("deltar_kraftsamling", pa.bool_()),
    ]
)
_STAGE_SCHEMA = pa.schema([("row_id", pa.int64()), ("sector", pa.string()), ("stage", pa.int8())])
_INITIATIVE_SCHEMA = pa.schema(
    [
        ("row_id", pa.int64()),
        ("ar", pa.int16()),
        ("typ", pa.string()),
        ("kommunkod", pa.string()),
        ("organisation", pa.string()),
        ("titel", pa.string()),
        ("sektor", pa.string()),
        ("mognad", pa.int8()),
        ("teknik", pa.string()),
        ("beskrivning", pa.string()),
        ("nytta", pa.list_(pa.string())),
        ("utvarderad", pa.bool_()),
        ("samverkan", pa.list_(pa.string())),
        ("kalla", pa.string()),
    ]
)


@dataclass(frozen=True)
class VersionInfo:
    version: int
    created_at: datetime
    created_by: str
    action: str
    description: str
    restored_from: int | None


_UPLOAD_FIELDS = (
    "upload_id, uploaded_at, uploaded_by, filename, sha256, kind, rows_added, rows_changed, "
    "rows_unchanged, data_version"
)


@dataclass(frozen=True)
class UploadInfo:
    """One row of the ``upload`` table."""

    upload_id: int
    uploaded_at: datetime
    uploaded_by: str
    filename: str
    sha256: str
    kind: str
    rows_added: int
    rows_changed: int
    rows_unchanged: int
    data_version: int | None


@dataclass(frozen=True)
class UploadRecord:
    """What ``commit_upload`` records about an upload (no file contents)."""

    filename: str
    sha256: str
    kind: str
    uploaded_by: str
    rows_added: int
    rows_changed: int
    rows_unchanged: int


@dataclass(frozen=True)
class UploadOutcome:
    status: str  # "committed", "no_changes" or "duplicate"
    version: int | None
    upload_id: int | None
    previous: UploadInfo | None  # the earlier upload of the same file, for "duplicate"


class VersionChangedError(AdoptionError):
    """Another writer made a new data version after the upload was compared with the data."""


def _none_if_missing(value):
    """pandas NA/NaN become None so Arrow gets a real null."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        return list(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _column(frame: pd.DataFrame, name: str) -> list:
    """``_none_if_missing`` of every value, a column at a time (an upload has 100,000 rows)."""
    if name not in frame.columns:
        return [None] * len(frame)
    series = frame[name]
    values = series.tolist()
    for i in series.isna().to_numpy().nonzero()[0]:
        values[i] = None
    if series.dtype == object and any(issubclass(t, (tuple, list)) for t in set(map(type, values))):
        values = [list(v) if isinstance(v, (tuple, list)) else v for v in values]
    return values


def _arrow_column(frame: pd.DataFrame, name: str, type_: pa.DataType) -> pa.Array:
    """The column as Arrow, as ``pa.array(_column(frame, name), type_)`` but without a Python list per cell."""
    if name not in frame.columns:
        return pa.nulls(len(frame), type_)
    if not pa.types.is_list(type_):
        return pa.array(frame[name], type_, from_pandas=True)
    try:
        # A list column (hinder) holds a few distinct tuples: convert each once.
        codes, distinct = pd.factorize(frame[name])
    except TypeError:  # unhashable cells (lists, arrays)
        return pa.array(_column(frame, name), type_)
    values = pa.array([_none_if_missing(v) for v in distinct], type_)
    return values.take(pa.array(codes, mask=codes < 0))


def _org_key(typ: str, organisationsnummer, organisation) -> str:
    """Who a response row belongs to within a municipality and year."""
    if typ == "kommun":
        return ""
    if organisationsnummer:
        return str(organisationsnummer)
    return str(organisation or "").strip().lower()


# How long the app keeps the database open after its last query. Another
# process that wants the file (an ingest from the command line) gets it at
# once anyway; this only bounds the wait where no marker can be written.
APP_KEEP_OPEN_SECONDS = 5.0


class Store:
    """Database access for one DuckDB file.

    By default it holds no open connection (the command line). A long-running
    reader (the app) passes ``keep_open_seconds`` to keep the file open between
    requests; see :mod:`adoption.store.connection`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        wait_seconds: float = 60.0,
        on_wait: Callable[[str], None] | None = None,
        keep_open_seconds: float = 0.0,
    ) -> None:
        self.path = Path(path)
        self._connector = Connector(self.path, wait_seconds=wait_seconds, on_wait=on_wait,
                                    keep_open_seconds=keep_open_seconds)
        self._memo: dict[tuple, tuple[tuple[int, int], object]] = {}

    def _memoised(self, key: tuple, compute: Callable[[], object]):
        """``compute()``, remembered while the kept-open file cannot have changed.

        Years, versions and the unit list are read on every metric computation;
        at 100,000 units they cost more than the metric's own SQL.
        """
        token = self._connector.generation()
        if token is None:
            return compute()
        hit = self._memo.get(key)
        if hit is not None and hit[0] == token:
            return hit[1]
        value = compute()
        self._memo[key] = (token, value)
        return value

    # -- schema -----------------------------------------------------------------

    def reading(self):
        """A context in which this thread's reads share one connection (closed at the end)."""
        return self._connector.hold()

    def release(self) -> None:
        """Close the file if this store keeps it open (it reopens on the next query)."""
        self._connector.release()

    def schema_version(self) -> int:
        with self._connector.connect() as conn:
            return schema_version(conn)

    @classmethod
    def create_at_schema(cls, path: str | Path, upto: int) -> None:
        """Make a database as an older program version left it (for upgrade tests)."""
        import duckdb

        conn = duckdb.connect(str(path))
        try:
            migrate(Session(conn), Path(path), upto=upto)
        finally:
            conn.close()

    # -- reference data ----------------------------------------------------------

    def has_reference(self) -> bool:
        with self._connector.connect() as conn:
            return conn.one("SELECT count(*) FROM municipality") > 0

    def load_reference(
        self,
        municipalities: pd.DataFrame,
        counties: pd.DataFrame,
        geometry: dict[str, pd.DataFrame],
    ) -> None:
        """Replace the reference tables (not versioned: they describe the country, not the survey)."""
        sector_rows = pd.DataFrame(
            [{"code": s.code, "sort": s.sort, "name_sv": s.name_sv, "name_en": s.name_en, "cofog": list(s.cofog)}
             for s in sectors()]
        )
        from ..vocab import stages

        stage_rows = pd.DataFrame(
            [{"value": s.value, "code": s.code, "name_sv": s.name_sv, "name_en": s.name_en,
              "pstw_status": list(s.pstw_status)} for s in stages()]
        )
        geometry_rows = pd.concat(
            [frame.assign(level=level)[["level", "code", "geojson"]] for level, frame in geometry.items()],
            ignore_index=True,
        )
        with self._connector.transaction() as conn:
            for table in ("geometry", "municipality", "county", "sector", "stage"):
                conn.run(f"DELETE FROM {table}")
            conn.register("incoming_county", counties[["lan_kod", "name", "area_km2"]])
            conn.run("INSERT INTO county SELECT lan_kod, name, area_km2 FROM incoming_county")
            conn.register("incoming_municipality", municipalities[["kommunkod", "name", "lan_kod", "area_km2"]])
            conn.run(
                "INSERT INTO municipality SELECT kommunkod, name, lan_kod, area_km2 FROM incoming_municipality"
            )
            # The county copied onto survey rows (migration 0003) follows the reference.
            for table in ("response", "initiative"):
                conn.run(
                    f"UPDATE {table} SET lan_kod = m.lan_kod FROM municipality m "
                    f"WHERE m.kommunkod = {table}.kommunkod AND {table}.lan_kod IS DISTINCT FROM m.lan_kod"
                )
            conn.register("incoming_geometry", geometry_rows)
            conn.run("INSERT INTO geometry SELECT level, code, geojson FROM incoming_geometry")
            conn.register("incoming_sector", sector_rows)
            conn.run("INSERT INTO sector SELECT code, sort, name_sv, name_en, cofog FROM incoming_sector")
            conn.register("incoming_stage", stage_rows)
            conn.run("INSERT INTO stage SELECT value, code, name_sv, name_en, pstw_status FROM incoming_stage")

    def municipalities(self) -> pd.DataFrame:
        return self._memoised(("municipalities",), self._read_municipalities).copy()

    def _read_municipalities(self) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT m.kommunkod, m.name, m.lan_kod, c.name AS lan_name, m.area_km2 "
                "FROM municipality m JOIN county c USING (lan_kod) ORDER BY m.kommunkod"
            )

    def counties(self) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df("SELECT lan_kod, name, area_km2 FROM county ORDER BY lan_kod")

    def geometry(self, level: str) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT code, geojson FROM geometry WHERE level = $level ORDER BY code", {"level": level}
            )

    # -- data versions -----------------------------------------------------------

    def current_version(self) -> int | None:
        with self._connector.connect() as conn:
            return conn.one("SELECT max(version) FROM data_version")

    def resolve_version(self, version: int | None) -> int | None:
        """The version asked for, checked, or the current one when none was asked for."""
        if version is None:
            return self.current_version()
        found = self._memoised(("version_exists", int(version)), lambda: self._version_exists(int(version)))
        if not found:
            raise UnknownVersionError(f"Dataversion {version} finns inte i databasen {self.path}.")
        return int(version)

    def _version_exists(self, version: int) -> bool:
        with self._connector.connect() as conn:
            return bool(conn.one("SELECT count(*) FROM data_version WHERE version = $v", {"v": version}))

    def versions(self) -> list[VersionInfo]:
        with self._connector.connect() as conn:
            rows = conn.rows(
                "SELECT version, created_at, created_by, action, description, restored_from "
                "FROM data_version ORDER BY version"
            )
        return [VersionInfo(*row) for row in rows]

    @staticmethod
    def _new_version(conn, *, action: str, description: str, created_by: str,
                     restored_from: int | None = None) -> int:
        version = conn.one("SELECT coalesce(max(version), 0) + 1 FROM data_version")
        conn.run(
            "INSERT INTO data_version VALUES ($v, $at, $by, $action, $description, $restored_from)",
            {"v": version, "at": datetime.now(timezone.utc), "by": created_by, "action": action,
             "description": description, "restored_from": restored_from},
        )
        return version

    @staticmethod
    def _next_row_id(conn) -> int:
        # Writers are serialised (file lock between processes, write lock within
        # one), so the maximum read inside the transaction is safe to count from.
        return conn.one(
            "SELECT greatest((SELECT coalesce(max(row_id), 0) FROM response), "
            "(SELECT coalesce(max(row_id), 0) FROM initiative)) + 1"
        )

    # -- writing survey data -----------------------------------------------------

    def add_survey(
        self,
        responses: pd.DataFrame | None,
        initiatives: pd.DataFrame | None,
        *,
        action: str,
        description: str,
        created_by: str,
        is_demo: bool = False,
    ) -> int:
        """Load canonical frames (see :mod:`adoption.formats`) as one new data version.

        A row replaces the row with the same key in the current version (a
        municipality's or organisation's answer for a year; an initiative's
        title for a municipality, organisation and year); all other rows stay.
        """
        with self._connector.transaction() as conn:
            version = self._new_version(conn, action=action, description=description, created_by=created_by)
            self._write_survey(conn, version, responses, initiatives, is_demo=is_demo)
        return version

    @classmethod
    def _write_survey(cls, conn, version: int, responses: pd.DataFrame | None,
                      initiatives: pd.DataFrame | None, *, is_demo: bool = False) -> None:
        responses = responses if responses is not None else pd.DataFrame()
        initiatives = initiatives if initiatives is not None else pd.DataFrame()
        first_id = cls._next_row_id(conn)
        response_table, stage_table = cls._response_tables(responses, first_id)
        initiative_table = cls._initiative_table(initiatives, first_id + len(responses))
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

    @staticmethod
    def _response_tables(frame: pd.DataFrame, first_id: int) -> tuple[pa.Table, pa.Table]:
        n = len(frame)
        columns = {
            "row_id": pa.array(range(first_id, first_id + n), pa.int64()),
            "org_key": pa.array([
                _org_key(t, nr, org) for t, nr, org in
                zip(_column(frame, "typ"), _column(frame, "organisationsnummer"), _column(frame, "organisation"))
            ], pa.string()),
        }
        response_table = pa.Table.from_arrays(
            [columns[f.name] if f.name in columns else _arrow_column(frame, f.name, f.type) for f in _RESPONSE_SCHEMA],
            schema=_RESPONSE_SCHEMA,
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
             pa.chunked_array(stage_values, pa.int8())], schema=_STAGE_SCHEMA
        )
        return response_table, stage_table

    @staticmethod
    def _initiative_table(frame: pd.DataFrame, first_id: int) -> pa.Table:
        organisation = _column(frame, "organisation")
        columns = {
            "row_id": list(range(first_id, first_id + len(frame))),
            "typ": ["civilsamhalle" if org else "kommun" for org in organisation],
        }
        for field in _INITIATIVE_SCHEMA.names:
            if field not in columns:
                columns[field] = _column(frame, field)
        return pa.Table.from_pydict(columns, schema=_INITIATIVE_SCHEMA)

    def rollback(self, version: int, *, created_by: str) -> int:
        """Make a new version whose content equals ``version``. Nothing is deleted."""
        target = self.resolve_version(version)
        with self._connector.transaction() as conn:
            new = self._new_version(
                conn, action="rollback", description=f"Återställd till version {target}",
                created_by=created_by, restored_from=target,
            )
            offset = self._next_row_id(conn)
            params = {"v": target, "new": new, "offset": offset}
            # Close everything current, then copy the target version's rows in
            # as the new version, with fresh row ids so history stays immutable.
            for table in ("response", "initiative", "population"):
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
        return new

    def has_demo(self) -> bool:
        with self._connector.connect() as conn:
            return bool(
                conn.one(
                    "SELECT EXISTS (SELECT 1 FROM response WHERE is_demo) "
                    "OR EXISTS (SELECT 1 FROM initiative WHERE is_demo)"
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
            version = self._new_version(
                conn, action="demo_removed", description=f"Demodata borttagen ({removed} rader)",
                created_by=created_by,
            )
        return version, removed

    # -- population ----------------------------------------------------------------

    def replace_population(self, frame: pd.DataFrame, *, description: str, created_by: str) -> int:
        """Load population (kommunkod, ar, population, source); replaces the years it covers."""
        with self._connector.transaction() as conn:
            version = self._new_version(conn, action="population", description=description,
                                        created_by=created_by)
            self._write_population(conn, version, frame)
        return version

    @staticmethod
    def _write_population(conn, version: int, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(
            frame[["kommunkod", "ar", "population", "source"]].astype(
                {"kommunkod": "string", "ar": "int16", "population": "int64", "source": "string"}
            ),
            preserve_index=False,
        )
        conn.register("incoming_population", table)
        conn.run(
            "UPDATE population SET valid_to = $v WHERE valid_to IS NULL "
            "AND ar IN (SELECT DISTINCT ar FROM incoming_population)",
            {"v": version},
        )
        conn.run(
            "INSERT INTO population SELECT $v, NULL, kommunkod, ar, population, source "
            "FROM incoming_population",
            {"v": version},
        )

    def population(self, version: int | None, years: Sequence[int] | None = None) -> pd.DataFrame:
        """Population rows (kommunkod, ar, population, source) of a version, optionally some years."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT kommunkod, ar, population, source FROM population WHERE " + IN_VERSION
                + " AND ($all OR list_contains($years, ar)) ORDER BY ar, kommunkod",
                {"v": version if version is not None else -1, "all": years is None,
                 "years": [int(y) for y in (years or [])]},
            )

    def population_years(self, version: int | None) -> list[int]:
        if version is None:
            return []
        return list(self._memoised(("population_years", version), lambda: self._distinct_years("population", version)))

    def _distinct_years(self, table: str, version: int) -> tuple[int, ...]:
        # ``table`` is one of two fixed names chosen by the callers below.
        with self._connector.connect() as conn:
            rows = conn.rows(f"SELECT DISTINCT ar FROM {table} WHERE " + IN_VERSION + " ORDER BY ar", {"v": version})
        return tuple(r[0] for r in rows)

    # -- reading survey data -------------------------------------------------------

    def survey_years(self, version: int | None) -> list[int]:
        if version is None:
            return []
        return list(self._memoised(("survey_years", version), lambda: self._distinct_years("response", version)))

    def responses(self, version: int | None, ar: int | None = None) -> pd.DataFrame:
        """Survey rows of a version as a canonical frame (stage columns wide)."""
        sector_codes = [s.code for s in sectors()]
        with self._connector.connect() as conn:
            base = conn.df(
                "SELECT r.row_id, r.ar, r.typ, r.kommunkod, m.name AS kommun, r.organisation, "
                "r.organisationsnummer, r.org_kategori, r.ai_strategi, r.riktlinjer_genai, r.antal_initiativ, "
                "r.antal_i_drift, r.andel_utbildad_personal, r.ai_budget_tkr, r.hinder, r.deltar_kraftsamling, "
                "r.is_demo FROM response r JOIN municipality m USING (kommunkod) "
                "WHERE " + in_version("r")
                + " AND ($ar IS NULL OR r.ar = $ar) "
                "ORDER BY r.ar, r.typ, r.kommunkod, r.org_key",
                {"v": version if version is not None else -1, "ar": ar},
            )
            stages = conn.df(
                "SELECT s.row_id, s.sector, s.stage FROM response_stage s "
                "WHERE s.row_id IN (SELECT row_id FROM response WHERE " + IN_VERSION
                + " AND ($ar IS NULL OR ar = $ar))",
                {"v": version if version is not None else -1, "ar": ar},
            )
        wide = stages.pivot(index="row_id", columns="sector", values="stage") if len(stages) else pd.DataFrame()
        for code in sector_codes:
            column = f"mognad_{code}"
            if code in wide.columns:
                base[column] = base["row_id"].map(wide[code]).astype("Int8")
            else:
                base[column] = pd.array([pd.NA] * len(base), dtype="Int8")
        return base.drop(columns=["row_id"])

    def initiatives(self, version: int | None, ar: int | None = None) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT i.ar, i.typ, i.kommunkod, m.name AS kommun, i.organisation, i.titel, i.sektor, "
                "i.mognad, i.teknik, i.beskrivning, i.nytta, i.utvarderad, i.samverkan, i.kalla, i.is_demo "
                "FROM initiative i JOIN municipality m USING (kommunkod) "
                "WHERE " + in_version("i")
                + " AND ($ar IS NULL OR i.ar = $ar) "
                "ORDER BY i.ar, i.kommunkod, i.organisation NULLS FIRST, i.titel, i.row_id",
                {"v": version if version is not None else -1, "ar": ar},
            )

    # The catalogue's filters, shared by the count and the rows of ``search_initiatives``.
    # Folding in SQL (lower case, accents stripped) matches ``catalogue.fold`` for Swedish
    # and English text; ``contains`` takes the search text literally (no pattern).
    _INITIATIVE_FILTER = (
        "i.typ = $typ AND ($ar IS NULL OR i.ar = $ar) "
        "AND (len($lan::VARCHAR[]) = 0 OR list_contains($lan::VARCHAR[], m.lan_kod)) "
        "AND ($kommun = '' OR i.kommunkod = $kommun) "
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
        kommun: str | None = None, sektor: Sequence[str] = (), mognad: Sequence[int] = (),
        teknik: Sequence[str] = (), evaluated: Sequence[bool | None] = (), needle: str = "",
        limit: int | None = None,
    ) -> tuple[pd.DataFrame, int]:
        """The initiatives of a version that match, in catalogue order, at most ``limit`` of them,
        and how many match in all.

        Catalogue order is year (latest first), municipality code, organisation
        (none first), title, then the order rows were loaded in. ``id`` is the row's number in that order among all
        initiatives of the version (0 for the first), the same whatever the filter.
        ``evaluated`` holds True, False and/or None (not known); empty: any.
        ``needle``: already folded (lower case, no accents); empty: any text.
        Columns: id, ar, typ, kommunkod, kommun, organisation, titel, sektor, mognad,
        teknik, beskrivning, nytta, utvarderad, samverkan, kalla, is_demo, lan_kod, lan_name.
        """
        evaluated = list(evaluated)
        params = {
            "v": version if version is not None else -1, "typ": typ, "ar": ar, "lan": list(lan),
            "kommun": kommun or "", "sektor": list(sektor), "mognad": [int(x) for x in mognad],
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

    def row_counts(self, version: int | None) -> dict[str, int]:
        """Rows in a version, and reference rows, for ``info``."""
        v = version if version is not None else -1
        with self._connector.connect() as conn:
            return {
                "kommuner": conn.one("SELECT count(*) FROM municipality"),
                "lan": conn.one("SELECT count(*) FROM county"),
                "enkatsvar": conn.one("SELECT count(*) FROM response WHERE " + IN_VERSION, {"v": v}),
                "enkatsvar_demo": conn.one(
                    "SELECT count(*) FROM response WHERE is_demo AND " + IN_VERSION, {"v": v}),
                "initiativ": conn.one("SELECT count(*) FROM initiative WHERE " + IN_VERSION, {"v": v}),
                "befolkning": conn.one("SELECT count(*) FROM population WHERE " + IN_VERSION, {"v": v}),
                "uppladdningar": conn.one("SELECT count(*) FROM upload"),
            }

    # -- uploads -------------------------------------------------------------------

    def find_upload(self, sha256: str, kind: str) -> UploadInfo | None:
        """The earlier upload of exactly this file (same SHA-256 and kind), if any."""
        with self._connector.connect() as conn:
            return self._find_upload(conn, sha256, kind)

    @staticmethod
    def _find_upload(conn, sha256: str, kind: str) -> UploadInfo | None:
        rows = conn.rows(
            "SELECT " + _UPLOAD_FIELDS + " FROM upload WHERE sha256 = $sha AND kind = $kind "
            "ORDER BY upload_id LIMIT 1",
            {"sha": sha256, "kind": kind},
        )
        return UploadInfo(*rows[0]) if rows else None

    def uploads(self) -> list[UploadInfo]:
        with self._connector.connect() as conn:
            rows = conn.rows("SELECT " + _UPLOAD_FIELDS + " FROM upload ORDER BY upload_id")
        return [UploadInfo(*row) for row in rows]

    def history(self) -> pd.DataFrame:
        """Every data version and every upload, oldest first: one row per version
        (with its upload, if it came from one) plus uploads that changed nothing."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT v.version, coalesce(v.created_at, u.uploaded_at) AS happened_at, "
                "coalesce(v.created_by, u.uploaded_by) AS done_by, coalesce(v.action, 'upload') AS action, "
                "v.description, v.restored_from, u.upload_id, u.filename, u.sha256, u.kind, "
                "u.rows_added, u.rows_changed, u.rows_unchanged "
                "FROM data_version v FULL OUTER JOIN upload u ON u.data_version = v.version "
                "ORDER BY happened_at, v.version NULLS LAST, u.upload_id"
            )

    def commit_upload(
        self,
        record: UploadRecord,
        *,
        responses: pd.DataFrame | None = None,
        initiatives: pd.DataFrame | None = None,
        population: pd.DataFrame | None = None,
        description: str,
        expected_version: int | None,
        hook: Callable[[str], None] | None = None,
    ) -> UploadOutcome:
        """Write an upload's rows, its new data version and its ``upload`` row in one transaction.

        ``responses``/``initiatives`` hold only the rows to write (added or
        changed); ``population`` replaces the years it covers. Nothing is
        written when the same file (SHA-256 and kind) was loaded before
        (status "duplicate"). When the upload changes no row, only the upload
        row is written (status "no_changes", no new version). Raises
        VersionChangedError when the current version is no longer
        ``expected_version`` (the comparison the counts came from is stale).
        ``hook`` is called at the named points "before_transaction",
        "after_version", "after_rows", "before_commit" (tests use it).
        """
        hook = hook or (lambda point: None)
        hook("before_transaction")
        with self._connector.transaction() as conn:
            previous = self._find_upload(conn, record.sha256, record.kind)
            if previous is not None:
                return UploadOutcome("duplicate", None, None, previous)
            current = conn.one("SELECT max(version) FROM data_version")
            if current != expected_version:
                raise VersionChangedError(
                    f"Dataversionen ändrades (från {expected_version} till {current}) medan filen jämfördes."
                )
            version = None
            if record.rows_added or record.rows_changed:
                action = "population" if population is not None else "upload"
                version = self._new_version(conn, action=action, description=description,
                                            created_by=record.uploaded_by)
                hook("after_version")
                if population is not None:
                    self._write_population(conn, version, population)
                else:
                    self._write_survey(conn, version, responses, initiatives)
                hook("after_rows")
            upload_id = conn.one("SELECT coalesce(max(upload_id), 0) + 1 FROM upload")
            conn.run(
                "INSERT INTO upload VALUES ($id, $at, $by, $filename, $sha, $kind, $added, $changed, "
                "$unchanged, $version)",
                {"id": upload_id, "at": datetime.now(timezone.utc), "by": record.uploaded_by,
                 "filename": record.filename, "sha": record.sha256, "kind": record.kind,
                 "added": record.rows_added, "changed": record.rows_changed,
                 "unchanged": record.rows_unchanged, "version": version},
            )
            hook("before_commit")
        return UploadOutcome("committed" if version is not None else "no_changes", version, upload_id, None)

    def snapshot_to(self, target: str | Path) -> None:
        """Copy the database file to ``target`` as it is now (for previews on a scratch copy).

        The copy is made while this process holds the file (no other process
        can write) after a checkpoint, so the copy holds every committed row.
        """
        import shutil

        with self._connector.write_lock, self._connector.connect() as conn:
            conn.run("CHECKPOINT")
            shutil.copyfile(self.path, target)

    # -- metrics -------------------------------------------------------------------

    def metric_rows(self, family: str, *, version: int, ar: int, typ: str, lan: Sequence[str] = (),
                    kommun: str | None = None, sektor: Sequence[str] = (), by: str | None = None,
                    threshold: int | None = None, **shape) -> pd.DataFrame:
        """Numerators and denominators of one metric family (see :mod:`.metric_sql`).

        ``shape`` picks among fixed variants of the SQL; every value is a parameter.
        """
        sql = metric_sql.build(family, by=by, **shape)
        params = {
            "v": version, "ar": ar, "typ": typ, "lan": list(lan), "kommun": kommun or "",
            "sektor": list(sektor), "threshold": threshold,
        }
        params = {k: v for k, v in params.items() if f"${k}" in sql}
        with self._connector.connect() as conn:
            return conn.df(sql, params)

    # -- goals ---------------------------------------------------------------------

    def goals(self) -> pd.DataFrame:
        """The current revision of every goal."""
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT goal_id, revision, metric, measure, target, target_year, label_sv, label_en, "
                "changed_at, changed_by FROM goal_revision "
                "QUALIFY revision = max(revision) OVER (PARTITION BY goal_id) ORDER BY goal_id"
            )

    def goal_history(self) -> pd.DataFrame:
        with self._connector.connect() as conn:
            return conn.df(
                "SELECT * FROM goal_revision ORDER BY goal_id, revision"
            )

    def save_goal(self, *, goal_id: str, metric: str, measure: str, target: float, target_year: int,
                  label_sv: str, label_en: str, changed_by: str) -> int:
        with self._connector.transaction() as conn:
            revision = conn.one(
                "SELECT coalesce(max(revision), 0) + 1 FROM goal_revision WHERE goal_id = $g", {"g": goal_id}
            )
            conn.run(
                "INSERT INTO goal_revision VALUES ($g, $rev, $metric, $measure, $target, $year, $sv, $en, $at, $by)",
                {"g": goal_id, "rev": revision, "metric": metric, "measure": measure, "target": float(target),
                 "year": int(target_year), "sv": label_sv, "en": label_en,
                 "at": datetime.now(timezone.utc), "by": changed_by},
            )
        return revision

    def has_goals(self) -> bool:
        with self._connector.connect() as conn:
            return conn.one("SELECT count(*) FROM goal_revision") > 0

    # -- programme effect and funnel (SQL in .effect_sql) ----------------------------

    def effect_panel(self, *, version: int, typ: str, lan: Sequence[str] = (), sektor: Sequence[str] = (),
                     kind: str, threshold: int = 0, question: str | None = None,
                     max_units: int = 3000) -> pd.DataFrame:
        """One row per respondent and answered year with its outcome and Kraftsamling answer."""
        from . import effect_sql

        with self._connector.connect() as conn:
            return effect_sql.effect_panel(conn, version=version, typ=typ, lan=lan, sektor=sektor, kind=kind,
                                           threshold=threshold, question=question, max_units=max_units)

    def funnel(self, part: str, *, version: int, ar: int | None, typ: str = "kommun", lan: Sequence[str] = (),
               sektor: Sequence[str] = (), kommun: str | None = None, max_units: int = 3000) -> pd.DataFrame:
        """One part of the pilot-to-production funnel (transitions, stalled, reach, evaluated, sample)."""
        from . import effect_sql

        with self._connector.connect() as conn:
            return effect_sql.funnel(conn, part, version=version, ar=ar, typ=typ, lan=lan, sektor=sektor,
                                     kommun=kommun, max_units=max_units)
