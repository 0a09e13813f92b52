"""Reference data: municipalities, counties, map shapes, sectors and stages.

Not versioned: they describe the country, not the survey.
"""

from __future__ import annotations

import pandas as pd

from ..vocab import sectors, stages
from .area import Area


class ReferenceArea(Area):
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
