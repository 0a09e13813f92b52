"""What the administrators see about uploads, restores and goal revisions, in words and tables.

The upload page (:mod:`adoption.ui.upload_wizard`, :mod:`adoption.ui.admin_tabs`)
and the command line use these, so a change reads the same in both: a field
is named by its description ("Mognad: Vård och omsorg"), a value by its word
("Pilot", "inget svar"), a count with a thousands space ("40 290").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from adoption import formats, metrics, vocab
from adoption.errors import AdoptionError
from adoption.ingest import suggest
from adoption.ingest.changes import (
    ADDED,
    CHANGED,
    REMOVED,
    ChangeList,
    FieldChange,
    RowChange,
)
from adoption.metrics.goals import form_target, target_unit
from adoption.text import formatting, i18n
from adoption.views.about import action_label, when

_STAGE_PREFIX = "mognad_"
_YES_NO = ("riktlinjer_genai", "deltar_kraftsamling", "utvarderad")
_LISTS = {"hinder": "hinder", "nytta": "nytta"}
_TERMS = {"org_kategori": "org_kategori", "teknik": "teknik", "typ": "typ"}
SHORT_HASH = 12  # hex digits of a SHA-256 shown in a table; the full one is in the detail


def column_description(column: str, lang: str = "sv") -> str:
    """What a column of an upload holds, in words: "Mognad: Vård och omsorg", "Antal AI-initiativ i drift"."""
    return suggest.description(column, lang)


def column_choice(column: str, lang: str = "sv") -> str:
    """A target column as a drop-down shows it: its description, then its name in the template."""
    return f"{column_description(column, lang)} ({column})"


def _number(value: float, lang: str) -> str:
    whole = float(value).is_integer()
    return formatting.number(value, lang, 0 if whole else 1)


def value_text(column: str, value, lang: str = "sv") -> str:
    """A stored value as words: "Pilot", "ej tillämplig", "ja", "Juridik, Kompetens", "1 200 tkr"; None is "inget svar"."""
    if value is None:
        return i18n.t("value.no_answer", lang)
    if column.startswith(_STAGE_PREFIX) or column == "mognad":
        return i18n.label("mognad", int(value), lang)
    if column == "ai_strategi":
        return i18n.label("ai_strategi", vocab.STRATEGY_CODES.get(int(value), value), lang)
    if column in _YES_NO:
        return i18n.t("om.yes" if value else "om.no", lang)
    if column in _LISTS:
        return ", ".join(i18n.label(_LISTS[column], code, lang) for code in value) or "–"
    if column in _TERMS:
        return i18n.label(_TERMS[column], value, lang)
    if column == "sektor":
        return i18n.label("sektor", value, lang)
    if column == "samverkan":
        return ", ".join(value)
    if column == "andel_utbildad_personal":
        return f"{_number(value, lang)} %"
    if column == "ai_budget_tkr":
        return f"{_number(value, lang)} tkr"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value, lang)
    return str(value)


def who_text(row: RowChange, names: Mapping[str, str], lang: str = "sv") -> str:
    """Whose row it is: "Malmö (1280)", "Läxföreningen, Malmö (1280)", "”Elevbot”, Malmö (1280)"."""
    place = f"{names.get(row.kommunkod, row.kommunkod)} ({row.kommunkod})"
    if row.titel:
        who = f"”{row.titel}”"
        return f"{who}, {row.organisation}, {place}" if row.organisation else f"{who}, {place}"
    if row.organisation:
        return f"{row.organisation}, {place}"
    return place


def _field_text(change: FieldChange, lang: str) -> tuple[str, str, str]:
    return (column_description(change.column, lang), value_text(change.column, change.old, lang),
            value_text(change.column, change.new, lang))


def changes_table(changes: ChangeList, names: Mapping[str, str], lang: str = "sv",
                  statuses: Sequence[str] = (CHANGED,)) -> pd.DataFrame:
    """One line per changed field (old -> new) of every row with one of ``statuses``; added and
    removed rows (a restore) take one line each."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    columns = [t("filter.ar"), t("ladda_upp.col.who"), t("ladda_upp.col.field"),
               t("ladda_upp.col.before"), t("ladda_upp.col.after")]
    lines = []
    for row in changes.rows:
        if row.status not in statuses:
            continue
        head = [str(row.ar), who_text(row, names, lang)]
        if row.status == ADDED:
            lines.append(head + [t("ladda_upp.change.added"), "–", t("ladda_upp.change.row_comes")])
        elif row.status == REMOVED:
            lines.append(head + [t("ladda_upp.change.removed"), t("ladda_upp.change.row_goes"), "–"])
        elif row.replaces_demo:
            lines.append(head + [t("ladda_upp.change.replaces_demo"), t("ladda_upp.change.demo"),
                                 t("ladda_upp.change.real")])
        elif not row.fields:
            lines.append(head + [t("ladda_upp.change.rewritten"), "", ""])
        else:
            lines.extend(head + list(_field_text(f, lang)) for f in row.fields)
    return pd.DataFrame(lines, columns=columns, dtype=object)


def blank_warning(changes: ChangeList, names: Mapping[str, str], lang: str = "sv", *, listed: int = 5) -> str | None:
    """In words, when stored answers would become "no answer": how many, and the first few."""
    blanked = changes.blanked
    if not blanked:
        return None
    examples = "; ".join(
        f"{who_text(row, names, lang)} {row.ar}: {column_description(f.column, lang)} "
        f"({value_text(f.column, f.old, lang)} → {value_text(f.column, f.new, lang)})"
        for row, f in blanked[:listed])
    more = (i18n.t("ladda_upp.blank_more", lang).format(n=formatting.number(len(blanked) - listed, lang))
            if len(blanked) > listed else "")
    key = "ladda_upp.blank_warning.one" if len(blanked) == 1 else "ladda_upp.blank_warning.other"
    return i18n.t(key, lang).format(n=formatting.number(len(blanked), lang), examples=examples, more=more)


def report_summary(errors: int, warnings: int, lang: str = "sv") -> str:
    """"2 fel och 1 varning. Filen kan sparas först när alla fel är rättade." / "Inga fel, 3 varningar. ..." """
    if errors:
        counts = i18n.t("ladda_upp.and", lang).format(first=i18n.tn("ladda_upp.report_errors", errors, lang),
                                                      second=i18n.tn("ladda_upp.report_warnings", warnings, lang))
        return i18n.t("ladda_upp.report_blocking", lang).format(counts=counts)
    return i18n.t("ladda_upp.report_warnings_only", lang).format(
        warnings=i18n.tn("ladda_upp.report_warnings", warnings, lang))


def counts(added: int, changed: int, unchanged: int, lang: str = "sv") -> dict[str, str]:
    """Row counts for a message, with thousands separated: {"added": "40 290", ...}."""
    return {"added": formatting.number(added, lang), "changed": formatting.number(changed, lang),
            "unchanged": formatting.number(unchanged, lang)}


# -- history and restore -------------------------------------------------------------------


def kind_label(kind, lang: str = "sv") -> str:
    """"Enkätsvar" for "enkatsvar"; an unknown or missing kind as it is."""
    if not isinstance(kind, str) or not kind:
        return ""
    try:
        return formats.kind_name(kind, lang)
    except KeyError:
        return kind


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _count(value, lang: str) -> str:
    return "" if _missing(value) else formatting.number(int(value), lang)


def history_table(history: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """store.history(): every version and upload, newest first, in words (Swedish event and kind
    names, Swedish time, a short checksum; the full one is in :func:`checksums_table`)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for r in history.itertuples(index=False):
        rows.append({
            t("filter.v"): "" if _missing(r.version) else str(int(r.version)),
            t("ladda_upp.col.when_local"): when(None if _missing(r.happened_at) else r.happened_at, lang),
            t("common.by"): "" if _missing(r.done_by) else r.done_by,
            t("common.event"): action_label(r.action, lang) if isinstance(r.action, str) else "",
            t("ladda_upp.col.file"): "" if _missing(r.filename) else r.filename,
            t("ladda_upp.col.kind"): kind_label(r.kind, lang),
            t("ladda_upp.col.added"): _count(r.rows_added, lang),
            t("ladda_upp.col.changed"): _count(r.rows_changed, lang),
            t("ladda_upp.col.unchanged"): _count(r.rows_unchanged, lang),
            t("ladda_upp.col.sha_short"): "" if _missing(r.sha256) else r.sha256[:SHORT_HASH] + "…",
            t("common.description"): "" if _missing(r.description) else r.description,
        })
    frame = pd.DataFrame(rows, columns=[t(k) for k in (
        "filter.v", "ladda_upp.col.when_local", "common.by", "common.event",
        "ladda_upp.col.file", "ladda_upp.col.kind", "ladda_upp.col.added", "ladda_upp.col.changed",
        "ladda_upp.col.unchanged", "ladda_upp.col.sha_short", "common.description")], dtype=object)
    return frame.iloc[::-1].reset_index(drop=True)


def checksums_table(history: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """Every uploaded file with its full SHA-256, newest first (the detail behind the short hash)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    uploads = history[history["sha256"].notna()]
    frame = pd.DataFrame({
        t("filter.v"): ["" if _missing(v) else str(int(v)) for v in uploads["version"]],
        t("ladda_upp.col.when_local"): [when(w, lang) for w in uploads["happened_at"]],
        t("ladda_upp.col.file"): uploads["filename"].tolist(),
        "SHA-256": uploads["sha256"].tolist(),
    }, dtype=object)
    return frame.iloc[::-1].reset_index(drop=True)


def _years_text(years: Sequence[int]) -> str:
    years = sorted(set(int(y) for y in years))
    if not years:
        return ""
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def restore_label(version, uploads: Mapping[int, object], years: Mapping[int, Sequence[int]],
                  lang: str = "sv") -> str:
    """"version 3 · 2026-11-29 10:14 · enkätsvar 2026 · svar.csv" for a restore choice.

    ``version``: a VersionInfo; ``uploads``: the upload that made each version
    (UploadInfo); ``years``: the survey years each version wrote.
    """
    parts = [i18n.t("ladda_upp.version_n", lang).format(version=version.version), when(version.created_at, lang)]
    upload = uploads.get(version.version)
    what = kind_label(upload.kind, lang).lower() if upload is not None else action_label(version.action, lang)
    if version.restored_from is not None:
        what = i18n.t("ladda_upp.restore_of", lang).format(version=version.restored_from)
    written = _years_text(years.get(version.version, ()))
    parts.append(f"{what} {written}".strip())
    if upload is not None:
        parts.append(upload.filename)
    return " · ".join(parts)


def restore_summary(changes: ChangeList, lang: str = "sv") -> str:
    """"Återställningen lägger till 2 rader, ändrar 1 och tar bort 3." (or that it changes nothing)."""
    added, changed, removed = changes.count(ADDED), changes.count(CHANGED), changes.count(REMOVED)
    if not (added or changed or removed):
        return i18n.t("ladda_upp.restore_nothing", lang)
    return i18n.t("ladda_upp.restore_summary", lang).format(
        added=formatting.number(added, lang), changed=formatting.number(changed, lang),
        removed=formatting.number(removed, lang))


# -- goals ---------------------------------------------------------------------------------


def metric_label(metric_id: str, lang: str = "sv") -> str:
    try:
        return metrics.get(metric_id).label(lang)
    except AdoptionError:
        return metric_id


def target_text(target: float, metric_id: str, measure: str, lang: str = "sv") -> str:
    """A goal's target in the unit the form uses: "75 %", "80,5 %", "300"."""
    unit = target_unit(metric_id, measure)
    shown = formatting.number(form_target(target, unit), lang, 0 if float(form_target(target, unit)).is_integer()
                              else 1)
    return f"{shown} %" if unit == "share" else shown


def goal_history_table(history: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """Every revision of every goal, newest first, with labels and the form's units (no raw column names)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = []
    for r in history.itertuples(index=False):
        rows.append({
            t("ladda_upp.col.goal"): r.goal_id,
            t("ladda_upp.col.revision"): str(int(r.revision)),
            t("ladda_upp.goal_metric_label"): metric_label(r.metric, lang),
            t("ladda_upp.col.target"): target_text(r.target, r.metric, r.measure, lang),
            t("ladda_upp.goal_year"): str(int(r.target_year)),
            t("ladda_upp.col.wording"): r.label_en if lang == "en" else r.label_sv,
            t("ladda_upp.col.when_local"): when(r.changed_at, lang),
            t("common.by"): r.changed_by,
        })
    frame = pd.DataFrame(rows, columns=[t(k) for k in (
        "ladda_upp.col.goal", "ladda_upp.col.revision", "ladda_upp.goal_metric_label", "ladda_upp.col.target",
        "ladda_upp.goal_year", "ladda_upp.col.wording", "ladda_upp.col.when_local", "common.by")],
        dtype=object)
    return frame.iloc[::-1].reset_index(drop=True)
