"""Which kind of upload a file is, guessed from its content and name (for the command line and the upload page).

Apart from the pipeline because it reads the file only to look at it: it
validates nothing and needs no database.
"""

from __future__ import annotations

from ..errors import AdoptionError
from ..formats import SURVEY_KINDS


def guess_kind(data: bytes, filename: str) -> str | None:
    """enkatsvar, initiativ, befolkning or kommungrupper from the file's content and name; None when unsure."""
    from . import groups_upload
    from .headers import known_names, normalise
    from .read import read_table

    name = filename.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head.startswith((b"{", b"[")):
        return "befolkning"
    try:
        table = read_table(data, filename, groups_upload._score, sheets=(groups_upload.SHEET,))
        if "gruppkod" in {groups_upload._column(c) for c in table.header}:
            return "kommungrupper"
    except (AdoptionError, UnicodeError):
        pass
    scores = {}
    for kind in SURVEY_KINDS:
        known = known_names(kind)
        try:
            table = read_table(data, filename, lambda row, known=known: sum(1 for c in row if normalise(c) in known))
        except (AdoptionError, UnicodeError):
            continue
        header = {normalise(c) for c in table.header}
        if "region" in header or ("kommunkod" in header and header & {"befolkning", "folkmangd", "population"}):
            return "befolkning"
        scores[kind] = len(header & known)
    if not scores:
        if "befolk" in name or "scb" in name or "kolada" in name:
            return "befolkning"
        return None
    specific = {"enkatsvar": {"typ"} | {c for c in known_names("enkatsvar") if c.startswith("mognad_")},
                "initiativ": {"titel", "sektor", "mognad"}}
    try:
        table = read_table(data, filename, lambda row: sum(1 for c in row if normalise(c) in specific["enkatsvar"]
                                                           | specific["initiativ"]))
        header = {normalise(c) for c in table.header}
        if header & specific["initiativ"] and not header & specific["enkatsvar"]:
            return "initiativ"
        if header & specific["enkatsvar"] and not header & specific["initiativ"]:
            return "enkatsvar"
    except (AdoptionError, UnicodeError):
        pass
    best = max(scores.values())
    winners = [k for k, s in scores.items() if s == best]
    return winners[0] if len(winners) == 1 else None
