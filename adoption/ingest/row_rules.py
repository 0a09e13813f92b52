"""The rules of one row: year, municipality (by code or name) and what a row of each kind must hold.

Apart from :mod:`.validate` because they are the per-row half of the checks:
``rule_suspects`` finds, column by column, the rows these rules could say
anything about, and ``row_rules`` runs them on those rows one at a time, so
the messages and their order are those of checking every row.
"""

from __future__ import annotations

from .headers import HeaderMapping
from .report import WARNING, FuzzyMatch, IngestResult, Problem, UnknownName


def rule_suspects(columns: dict[str, list], kind: str, year: int | None, matcher) -> list[int]:
    """Rows whose row rules may complain or warn; the other rows get the rules' corrections here.

    For the rows not returned, ``columns`` is left as ``row_rules`` would leave
    the record: the chosen year where the file has none, the municipality found
    by name (exact or folded, never fuzzy) where the code is missing.
    """
    ar, code, name = columns["ar"], columns["kommunkod"], columns["kommun"]
    names = matcher.names
    found = {text: matcher.match(text) for text in set(name) if text is not None}
    suspects = []
    for i, (a, k, m) in enumerate(zip(ar, code, name)):
        if (a is None) if year is None else (a is not None and a != year):
            suspects.append(i)
        elif k is not None:
            if k not in names:
                suspects.append(i)
            elif m is not None:
                check = found[m]
                if check.found and check.kommunkod != k:
                    suspects.append(i)
        elif m is None or not found[m].found or found[m].how == "fuzzy":
            suspects.append(i)
    if year is not None:
        ar[:] = [year if a is None else a for a in ar]
    code[:] = [found[m].kommunkod if k is None and m is not None else k for k, m in zip(code, name)]

    if kind == "enkatsvar":
        typ, org = columns["typ"], columns["organisation"]
        nr, cat = columns["organisationsnummer"], columns["org_kategori"]
        total, running = columns["antal_initiativ"], columns["antal_i_drift"]
        for i, (t, o, r, c, tot, run) in enumerate(zip(typ, org, nr, cat, total, running)):
            if (t is None or (t == "civilsamhalle" and not o)
                    or (t == "kommun" and (o is not None or r is not None or c is not None))
                    or (tot is not None and run is not None and run > tot)):
                suspects.append(i)
    else:
        for column in ("titel", "sektor", "mognad"):
            suspects.extend(i for i, x in enumerate(columns[column]) if x is None)
        suspects.extend(i for i, codes in enumerate(columns["samverkan"])
                        if codes and any(c not in names for c in codes))
    return suspects


def row_rules(record: dict, number: int, kind: str, year: int | None, matcher, mapping: HeaderMapping,
              result: IngestResult, corrected: str | None = None) -> None:
    """Check and complete ``record`` (one parsed row) in place; problems and fuzzy matches go to ``result``."""
    problems = result.problems
    bad = record.pop("_bad", set())
    # year chosen when uploading
    if year is not None:
        if record["ar"] is None and "ar" not in bad:
            record["ar"] = year
        elif record["ar"] is not None and record["ar"] != year:
            problems.append(Problem(number, mapping.label("ar"), str(record["ar"]),
                                    f"året {record['ar']} skiljer sig från det valda året {year}"))
    elif record["ar"] is None and "ar" not in bad:
        problems.append(Problem(number, mapping.label("ar"), "", "år saknas"))

    # municipality: code first, name otherwise
    code, name = record.get("kommunkod"), record.get("kommun")
    if corrected is not None:
        corrected = str(corrected).strip().zfill(4)
        if corrected in matcher.names:
            record["kommunkod"] = corrected
        else:
            problems.append(Problem(number, mapping.label("kommun"), corrected,
                                    f"den valda kommunkoden {corrected} finns inte"))
            record["kommunkod"] = None
    elif code is not None:
        if code not in matcher.names:
            problems.append(Problem(number, mapping.label("kommunkod"), code, f"okänd kommunkod {code}"))
            record["kommunkod"] = None
        elif name is not None:
            check = matcher.match(name)
            if check.found and check.kommunkod != code:
                problems.append(Problem(
                    number, mapping.label("kommun"), name,
                    f"kommunnamnet ”{name}” hör till {matcher.label(check.kommunkod)}, men kommunkoden är "
                    f"{matcher.label(code)}; kommunkoden används", WARNING))
    elif name is not None:
        match = matcher.match(name)
        if match.found:
            record["kommunkod"] = match.kommunkod
            if match.how == "fuzzy":
                result.fuzzy_matches.append(FuzzyMatch(
                    number, mapping.label("kommun"), name, match.kommunkod,
                    matcher.names[match.kommunkod], match.score))
                problems.append(Problem(
                    number, mapping.label("kommun"), name,
                    f"”{name}” tolkades som {matcher.label(match.kommunkod)} (likhet {match.score:.0f} %); "
                    "kontrollera innan du sparar", WARNING))
        else:
            problems.append(Problem(number, mapping.label("kommun"), name, matcher.problem_message(name, match)))
            result.unknown_names.append(UnknownName(number, mapping.label("kommun"), name, match.suggestions))
    elif not bad & {"kommunkod", "kommun"}:
        problems.append(Problem(number, mapping.label("kommunkod"), "", "kommun saknas (kommunkod eller namn)"))

    if kind == "enkatsvar":
        if record["typ"] is None and "typ" not in bad:
            problems.append(Problem(number, mapping.label("typ"), "", "typ saknas (kommun eller civilsamhalle)"))
        if record["typ"] == "civilsamhalle" and not record["organisation"]:
            problems.append(Problem(number, mapping.label("organisation"), "",
                                    "organisationens namn krävs för civilsamhället"))
        if record["typ"] == "kommun":
            for column in ("organisation", "organisationsnummer", "org_kategori"):
                if record[column] is not None:
                    problems.append(Problem(number, mapping.label(column), str(record[column]),
                                            "gäller bara civilsamhället; värdet läses inte in för en kommun",
                                            WARNING))
                    record[column] = None
        total, running = record["antal_initiativ"], record["antal_i_drift"]
        if total is not None and running is not None and running > total:
            problems.append(Problem(number, mapping.label("antal_i_drift"), str(running),
                                    f"antal i drift ({running}) är större än antal initiativ ({total})"))
    else:
        # pandera skips empty cells of a nullable column, so required cells are checked here
        for column, message in (("titel", "titel saknas"), ("sektor", "sektor saknas"),
                                ("mognad", "mognad saknas (1–4: planerad, pilot, i drift, skalad)")):
            if record.get(column) is None and column not in bad:
                problems.append(Problem(number, mapping.label(column), "", message))
        codes = record.get("samverkan") or ()
        unknown = [c for c in codes if c not in matcher.names]
        if unknown:
            problems.append(Problem(number, mapping.label("samverkan"), ", ".join(unknown),
                                    "okända kommunkoder i samverkan: " + ", ".join(unknown)))
