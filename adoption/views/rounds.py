"""Survey rounds as a reader and an administrator see them: each year's status and how many answered,
and the rules a change since the previous survey is made by (shown on Om data).

No Streamlit here.
"""

from __future__ import annotations

import pandas as pd

from adoption import metrics
from adoption.metrics.change import BASE_RATIO
from adoption.metrics.definitions import CIVIL_SOCIETY_MIN_N
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.vocab import ROUND_PRELIMINARY


def status_word(status: str | None, lang: str = "sv") -> str:
    """"preliminär" / "publicerad" ("preliminary" / "published"); empty for no round."""
    return i18n.t(f"round.status.{status}", lang) if status else ""


def rounds_table(store: Store, lang: str = "sv", *, version: int | None = None) -> pd.DataFrame:
    """One row per survey year, newest first: its status and how many municipalities answered."""
    tr = lambda key: i18n.t(key, lang)  # noqa: E731
    version = store.resolve_version(version)
    rows = []
    for year, status in sorted(store.survey_rounds(version).items(), reverse=True):
        rate = metrics.compute(store, "svarsfrekvens", Filter(ar=year), version=version)
        rows.append({
            tr("filter.ar"): year,
            tr("round.col.status"): status_word(status, lang),
            tr("round.col.answered"): present.base(rate, lang),
        })
    return pd.DataFrame(rows, columns=[tr("filter.ar"), tr("round.col.status"), tr("round.col.answered")])


def rule_lines(lang: str = "sv") -> list[str]:
    """The rules of rounds and changes, as printed on Om data (the numbers come from the code)."""
    tr = lambda key, **values: i18n.t(key, lang).format(**values)  # noqa: E731
    return [
        tr("round.rule.status"),
        tr("round.rule.bases", ratio=formatting.percent(BASE_RATIO, lang, decimals=0)),
        tr("round.rule.panel", min_n=CIVIL_SOCIETY_MIN_N),
        tr("round.rule.certain"),
        tr("round.rule.colour"),
    ]


def is_preliminary(result) -> bool:
    return getattr(result, "round_status", None) == ROUND_PRELIMINARY
