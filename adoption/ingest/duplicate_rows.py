"""Rows that are one respondent's answer (or one initiative) twice in the same file.

Apart from the other checks because it is the one check across rows: it
needs the whole parsed frame, and runs last.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .report import WARNING, Problem


def _duplicate_key(kind: str, ar, kommunkod, typ, organisationsnummer, organisation, titel) -> tuple | None:
    """Rows with equal keys are one respondent's answer (one initiative) twice; None: not checked."""
    if ar is None or kommunkod is None:
        return None
    if kind == "initiativ":
        return (ar, kommunkod, (organisation or "").lower(), titel.lower()) if titel else None
    if typ == "kommun":
        return ("kommun", ar, kommunkod)
    if typ == "civilsamhalle" and (organisationsnummer or organisation):
        if organisationsnummer:
            return ("org", ar, organisationsnummer)
        return ("orgname", ar, kommunkod, organisation.strip().lower())
    return None


def _duplicate_what(kind: str, row: dict, matcher) -> str:
    if kind == "initiativ":
        return f"initiativet ”{row['titel']}” för {matcher.label(row['kommunkod'])} år {row['ar']}"
    if row["typ"] == "kommun":
        return f"{matcher.label(row['kommunkod'])} år {row['ar']}; en kommun svarar högst en gång per år"
    if row["organisationsnummer"]:
        who = f"organisationsnummer {row['organisationsnummer']}"
    else:
        who = f"”{row['organisation']}” i {matcher.label(row['kommunkod'])}"
    return f"{who} år {row['ar']}; en organisation svarar högst en gång per år"


def duplicate_rows(frame: pd.DataFrame, kind: str, matcher, problems: list[Problem]) -> None:
    absent = [None] * len(frame)
    values = [frame[c].tolist() if c in frame.columns else absent
              for c in ("ar", "kommunkod", "typ", "organisationsnummer", "organisation", "titel")]
    keys = [_duplicate_key(kind, *row) for row in zip(*values)]
    count = Counter(keys)
    # Only rows sharing a key with another row can be reported or be the earlier row named.
    shared = [i for i, key in enumerate(keys) if key is not None and count[key] > 1]
    if not shared:
        return
    seen: dict[tuple, int] = {}
    rows = frame.iloc[shared]
    for key, number, row in zip((keys[i] for i in shared), rows.index, rows.to_dict("records")):
        what = _duplicate_what(kind, row, matcher)
        if kind == "initiativ":
            if key in seen:
                # Not forbidden by the format (two initiatives may share a title), but
                # a later upload with that title replaces both: warn.
                problems.append(Problem(int(number), None, None,
                                        f"samma titel som rad {seen[key]}: {what}", WARNING))
            else:
                seen[key] = int(number)
            continue
        if key in seen:
            problems.append(Problem(int(number), None, None, f"samma svar som rad {seen[key]}: {what}"))
        else:
            seen[key] = int(number)
