"""Civilsamhälle: civil-society organisations by county and category, their adoption and barriers.

Figures come from the registry with ``typ="civilsamhalle"``; a figure built
from fewer than 3 organisations is suppressed there (``suppressed=True``) and
shown here as "för få svar", never as a number. Per organisation category
the registry's ``by="kategori"`` gives the response rate (its numerator is
the number of responding organisations, hidden at 1 or 2 by the same rule)
and the shares with AI in production and with any AI activity, each with its
base and 95 % interval. Words come from :mod:`adoption.text.present`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.views import sectors

TYP = "civilsamhalle"
METRICS = ("andel_ai_aktivitet", "civil_ai_i_drift")
# Per category: who answered (of the organisations the survey knows), then AI in production (the headline
# share) and any AI activity.
CATEGORY_METRICS = ("civil_svarsfrekvens", "civil_ai_i_drift", "andel_ai_aktivitet")
_CATEGORY_LABELS = {"civil_svarsfrekvens": "civilsamhalle.col.svarsfrekvens",
                    "civil_ai_i_drift": "civilsamhalle.col.drift", "andel_ai_aktivitet": "civilsamhalle.col.aktivitet"}
_PARTS = ("value", "numerator", "denominator", "ci_low", "ci_high", "status")


def civil_filter(flt: Filter) -> Filter:
    """The filter as this page uses it: civil society, no municipality or sector."""
    return flt.with_(typ=TYP, kommun=None, sektor=())


@dataclass(frozen=True)
class Summary:
    aktivitet: metrics.MetricResult
    drift: metrics.MetricResult


def summary(store: Store, flt: Filter, *, version: int | None = None) -> Summary:
    """Share with any AI activity and number / share with AI in production, for the whole selection."""
    flt = civil_filter(flt)
    return Summary(*(metrics.compute(store, m, flt, version=version) for m in METRICS))


COUNTY_COLUMNS = ("lan", "name", "n", *(f"{m}_{part}" for m in METRICS for part in
                                       ("value", "numerator", "denominator", "ci_low", "ci_high", "status")))


def county_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """One row per county in the filter's scope: organisations that answered a stage (``n``), and per
    metric its value, base, 95 % interval and status ("ok", "too_few", "no_answer", ...)."""
    flt = civil_filter(flt)
    names = dict(zip(store.counties()["lan_kod"], store.counties()["name"]))
    per_metric = {m: metrics.compute(store, m, flt, version=version, by="lan") for m in METRICS}
    out = []
    for index, first in enumerate(per_metric[METRICS[0]]):
        record = {"lan": first.area, "name": names.get(first.area, first.area),
                  "n": None if first.suppressed else first.n}
        for metric_id in METRICS:
            result = per_metric[metric_id][index]
            for part in ("value", "numerator", "denominator", "ci_low", "ci_high", "status"):
                record[f"{metric_id}_{part}"] = getattr(result, part)
        out.append(record)
    return pd.DataFrame(out, columns=list(COUNTY_COLUMNS))


def category_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """One row per organisation category (the vocabulary's order; "no category" last, only when some
    organisation has none): ``kategori`` (None for no category), ``n`` (responding organisations;
    None when hidden) and per metric of CATEGORY_METRICS its value, base, 95 % interval and status."""
    flt = civil_filter(flt)
    per_metric = {m: metrics.compute(store, m, flt, version=version, by="kategori") for m in CATEGORY_METRICS}
    out = []
    for index, rate in enumerate(per_metric[CATEGORY_METRICS[0]]):
        results = {m: per_metric[m][index] for m in CATEGORY_METRICS}
        if rate.area == metrics.NO_CATEGORY and not rate.denominator and not rate.suppressed:
            continue  # every organisation has a category
        record = {"kategori": rate.area or None, "n": None if rate.suppressed else rate.n}
        for metric_id, result in results.items():
            for part in _PARTS:
                record[f"{metric_id}_{part}"] = getattr(result, part)
        out.append(record)
    columns = ["kategori", "n", *(f"{m}_{part}" for m in CATEGORY_METRICS for part in _PARTS)]
    return pd.DataFrame(out, columns=columns)


def barrier_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """``hinder_topp`` for civil society, this year and the previous survey (see :func:`sectors.barrier_rows`)."""
    return sectors.barrier_rows(store, civil_filter(flt), version=version)


# -- words ------------------------------------------------------------------------


def _figure(row: dict, metric_id: str) -> present.Figure:
    """One metric's columns of a :func:`county_rows` or :func:`category_rows` row as the figure they were
    read from (with its metric, which names what its base counts)."""
    return dataclasses.replace(present.figure(
        row[f"{metric_id}_value"], status=row[f"{metric_id}_status"], numerator=row[f"{metric_id}_numerator"],
        denominator=row[f"{metric_id}_denominator"], ci_low=row[f"{metric_id}_ci_low"],
        ci_high=row[f"{metric_id}_ci_high"], typ=TYP,
    ), metric=metric_id)


def county_table(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The county table as a reader sees it."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for row in rows.to_dict("records"):
        record = {t("filter.lan"): row["name"]}
        if row["andel_ai_aktivitet_status"] == "too_few":
            record[t("civilsamhalle.col.n")] = present.status("too_few", lang)
        elif row["n"]:
            record[t("civilsamhalle.col.n")] = formatting.number(row["n"], lang)
        else:
            record[t("civilsamhalle.col.n")] = present.status("no_answer", lang)
        for metric_id, key in (("andel_ai_aktivitet", "civilsamhalle.col.aktivitet"),
                               ("civil_ai_i_drift", "civilsamhalle.col.drift")):
            figure = _figure(row, metric_id)
            record[t(key)] = present.value(figure, lang)
            record[t(key) + " – " + t("sektorer.col.bas")] = present.base(figure, lang)
            record[t(key) + " – " + t("common.confidence_interval")] = present.interval(figure, lang)
        out.append(record)
    return pd.DataFrame(out)


def _category_name(code, lang: str) -> str:
    return i18n.label("org_kategori", code, lang) if code is not None else i18n.t("civilsamhalle.no_category", lang)


def _category_columns(lang: str) -> tuple[tuple[str, str], ...]:
    """(metric id, column label) of the category table, in order."""
    return tuple((m, i18n.t(_CATEGORY_LABELS[m], lang)) for m in CATEGORY_METRICS)


def category_table(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`category_rows` as a reader sees it: per category the responding organisations, the response
    rate and the two AI shares, each with its base and 95 % interval (or the status word)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for row in rows.to_dict("records"):
        record = {t("civilsamhalle.col.kategori"): _category_name(row["kategori"], lang)}
        status = row["civil_svarsfrekvens_status"]
        record[t("civilsamhalle.col.antal")] = (
            present.status("too_few", lang) if status == "too_few" else formatting.number(row["n"] or 0, lang))
        for metric_id, label in _category_columns(lang):
            figure = _figure(row, metric_id)
            record[label] = present.value(figure, lang)
            record[label + " – " + t("sektorer.col.bas")] = present.base(figure, lang)
            record[label + " – " + t("common.confidence_interval")] = present.interval(figure, lang)
        out.append(record)
    return pd.DataFrame(out)


# -- downloads (numbers, not text) --------------------------------------------------


def county_download(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`county_rows` as numbers for CSV / Excel: one row per county.

    Per metric its share and 95 % interval in percent, numerator and
    denominator as counts, and its status; a suppressed figure ("för få svar")
    or a county without answers is an empty cell with the status saying why.
    """
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for row in rows.to_dict("records"):
        record = {t("filter.lan"): row["name"], t("common.code"): row["lan"],
                  t("civilsamhalle.col.n"): sectors.count_number(row["n"])}
        for metric_id, key in (("andel_ai_aktivitet", "civilsamhalle.col.aktivitet"),
                               ("civil_ai_i_drift", "civilsamhalle.col.drift")):
            record.update(_figure_cells(t(key), _figure(row, metric_id), lang))
        out.append(record)
    return _numbers(out, t("civilsamhalle.col.n"), lang)


def category_download(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`category_rows` as numbers: per category its code, responding organisations and, per metric,
    share and 95 % interval in percent, numerator and denominator as counts and the status (a hidden
    figure is an empty cell with the status saying why)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for row in rows.to_dict("records"):
        record = {t("civilsamhalle.col.kategori"): _category_name(row["kategori"], lang),
                  t("common.code"): row["kategori"] or "",
                  t("civilsamhalle.col.antal"): sectors.count_number(row["n"])}
        for metric_id, label in _category_columns(lang):
            record.update(_figure_cells(label, _figure(row, metric_id), lang))
        out.append(record)
    return _numbers(out, t("civilsamhalle.col.antal"), lang)


def _figure_cells(label: str, figure: present.Figure, lang: str) -> dict:
    """One metric's download columns, named after ``label``: share and 95 % interval in percent,
    numerator and denominator, status (a hidden figure's cells empty, the status saying why)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    cells = present.cells(figure, lang)
    return {
        f"{label} {t('common.share_pct')}": cells.number,
        f"{label}: {t('download.col.numerator')}": cells.numerator,
        f"{label}: {t('download.col.denominator')}": cells.denominator,
        f"{label}: {t('download.col.ci_low')}": cells.ci_low,
        f"{label}: {t('download.col.ci_high')}": cells.ci_high,
        f"{label}: {t('common.status')}": cells.status,
    }


def _numbers(records: list[dict], count_column: str, lang: str) -> pd.DataFrame:
    """The download's rows as a frame, with the count column, numerators and denominators as whole numbers."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    frame = pd.DataFrame(records)
    counts = [c for c in frame.columns if c == count_column or c.endswith(t("download.col.numerator"))
              or c.endswith(t("download.col.denominator"))]
    return sectors.integer_columns(frame, counts)
