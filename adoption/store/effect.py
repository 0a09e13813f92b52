"""Programme effect and the pilot funnel: the panels the estimator and the funnel read (SQL in :mod:`.effect_sql`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from . import effect_sql
from .area import Area


class EffectArea(Area):
    def effect_panel(self, *, version: int, typ: str, lan: Sequence[str] = (), sektor: Sequence[str] = (),
                     kind: str, threshold: int = 0, question: str | None = None,
                     max_units: int = 3000) -> pd.DataFrame:
        """One row per respondent and answered year with its outcome and Kraftsamling answer."""
        with self._connector.connect() as conn:
            return effect_sql.effect_panel(conn, version=version, typ=typ, lan=lan, sektor=sektor, kind=kind,
                                           threshold=threshold, question=question, max_units=max_units)

    def funnel(self, part: str, *, version: int, ar: int | None, typ: str = "kommun", lan: Sequence[str] = (),
               sektor: Sequence[str] = (), kommun: str | None = None, max_units: int = 3000) -> pd.DataFrame:
        """One part of the pilot-to-production funnel (transitions, stalled, reach, evaluated, sample)."""
        with self._connector.connect() as conn:
            return effect_sql.funnel(conn, part, version=version, ar=ar, typ=typ, lan=lan, sektor=sektor,
                                     kommun=kommun, max_units=max_units)
