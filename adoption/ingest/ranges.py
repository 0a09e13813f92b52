"""Ranges and lengths of parsed values, checked with a pandera schema so that every bad row is reported.

Apart from the per-row rules (:mod:`.row_rules`) because these are checks of
one value at a time, the same for every row: they run on the whole frame
once the rows are parsed, and only on the rows that can fail.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ..formats import stage_columns
from ..vocab import NOT_APPLICABLE
from .column_parsers import DESCRIPTION_LENGTH, NAME_LENGTH
from .headers import HeaderMapping
from .report import Problem

MIN_YEAR, MAX_YEAR = 2015, 2100


def _in_range(lo, hi):
    return lambda x: x is None or (lo <= x <= hi)


def _rules(kind: str) -> dict[str, tuple[Callable, str]]:
    """Ranges and lengths of parsed values: column -> (element check, message)."""

    def short(limit: int) -> tuple[Callable, str]:
        return (lambda x: x is None or len(x) <= limit, f"texten är längre än {limit} tecken")

    rules = {
        "ar": (_in_range(MIN_YEAR, MAX_YEAR), f"året ska vara mellan {MIN_YEAR} och {MAX_YEAR}"),
        "kommunkod": (lambda x: x is not None, "kommun saknas"),
        "organisation": short(NAME_LENGTH),
    }
    if kind == "enkatsvar":
        rules |= {
            "typ": (lambda x: x is not None, "typ saknas (kommun eller civilsamhalle)"),
            "antal_initiativ": (lambda x: x is None or x >= 0, "antalet kan inte vara negativt"),
            "antal_i_drift": (lambda x: x is None or x >= 0, "antalet kan inte vara negativt"),
            "andel_utbildad_personal": (_in_range(0, 100), "andelen ska vara mellan 0 och 100 procent"),
            "ai_budget_tkr": (lambda x: x is None or x >= 0, "budgeten kan inte vara negativ"),
            **{
                c: (lambda x: x is None or x == NOT_APPLICABLE or 0 <= x <= 4, "mognad ska vara 0–4 eller .")
                for c in stage_columns()
            },
        }
    else:
        rules |= {
            "titel": (lambda x: x is not None and len(x) <= NAME_LENGTH, "titel saknas eller är för lång"),
            "sektor": (lambda x: x is not None, "sektor saknas"),
            "mognad": (
                lambda x: x is not None and 1 <= x <= 4,
                "mognad ska vara 1–4 (planerad, pilot, i drift, skalad) för ett initiativ",
            ),
            "beskrivning": short(DESCRIPTION_LENGTH),
            "kalla": short(NAME_LENGTH),
        }
    return rules


def _schema(kind: str) -> pa.DataFrameSchema:
    """Ranges and lengths of parsed values; None (no answer) always passes."""

    def col(check: Callable, message: str) -> pa.Column:
        return pa.Column(object, pa.Check(check, element_wise=True, error=message), nullable=True, required=False)

    return pa.DataFrameSchema({column: col(*rule) for column, rule in _rules(kind).items()})


def _failing_rows(frame: pd.DataFrame, kind: str) -> np.ndarray:
    """Rows where some check of ``_rules`` fails on a value (each distinct value checked once).

    Checks are element-wise, so the schema finds on these rows exactly what it
    finds on the whole frame, in the same order.
    """
    failing = np.zeros(len(frame), dtype=bool)
    for column, (check, _message) in _rules(kind).items():
        if column not in frame.columns:
            continue
        values = frame[column].tolist()
        try:
            bad = {x for x in set(values) if not check(x)}
        except TypeError:  # unhashable or unorderable values: check every cell
            failing |= np.array([not check(x) for x in values], dtype=bool)
            continue
        if bad:
            failing |= np.array([x in bad for x in values], dtype=bool)
    return failing


def schema_problems(frame: pd.DataFrame, kind: str, mapping: HeaderMapping, problems: list[Problem]) -> None:
    failing = _failing_rows(frame, kind)
    if not failing.any():
        return
    try:
        _schema(kind).validate(frame[failing], lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        already = {(p.row, p.column) for p in problems if p.row is not None}
        for case in cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index)
            label = mapping.label(case.column)
            if (row, label) in already:
                continue  # parsing already explained this cell
            if case.failure_case is None and case.column in {"ar", "kommunkod"}:
                continue  # reported by the row rules
            value = "" if case.failure_case is None else str(case.failure_case)
            problems.append(Problem(row, label, value, str(case.check)))
