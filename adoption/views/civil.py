"""Civilsamhälle: civil-society organisations by county and category, their adoption and barriers.

Figures come from the registry with ``typ="civilsamhalle"``; a figure built
from fewer than 3 organisations is suppressed there (``suppressed=True``) and
shown here as "för få svar", never as a number. The count of responding
organisations per category is a count of response rows (the registry has no
category filter yet), suppressed by the registry's rule
(:func:`adoption.metrics.count_status`), with the same status "too_few".
Words come from :mod:`adoption.text.present`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import metrics, vocab
from adoption.metrics.filters import Filter
from adoption.metrics.years import latest_and_previous
from adoption.store import Store
from adoption.text import formatting, i18n, present
from adoption.views import sectors

TYP = "civilsamhalle"
METRICS = ("andel_ai_aktivitet", "civil_ai_i_drift")


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


def category_counts(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """Responding civil-society organisations per category (org_kategori) in the year and counties.

    Columns kategori, sort, antal (Int64; <NA> when suppressed), suppressed, status ("ok" or
    "too_few", by the registry's rule). Counting response rows is not a metric; no share is computed here.
    """
    year, _ = latest_and_previous(store, flt.ar, version=version)
    version = store.resolve_version(version)
    if year is None:
        responses = pd.DataFrame(columns=["typ", "kommunkod", "org_kategori"])
    else:
        responses = store.responses(version, year)
    civil = responses[responses["typ"] == TYP]
    if flt.lan and len(civil):
        municipalities = store.municipalities()
        lan_of = dict(zip(municipalities["kommunkod"], municipalities["lan_kod"]))
        civil = civil[civil["kommunkod"].map(lan_of).isin(flt.lan)]
    counts = civil["org_kategori"].fillna("").value_counts() if len(civil) else pd.Series(dtype=int)
    out = []
    terms = list(vocab.terms("org_kategori"))
    known = {term.code for term in terms}
    unknown = int(counts[[c for c in counts.index if c not in known]].sum()) if len(counts) else 0
    rows = [(term.code, term.sort, int(counts.get(term.code, 0))) for term in terms]
    if unknown:  # no category given: counted, so the total adds up
        rows.append((None, 99, unknown))
    for code, sort, antal in rows:
        status = metrics.count_status(TYP, antal)
        hidden = status != metrics.STATUS_OK
        out.append({"kategori": code, "sort": sort, "antal": None if hidden else antal, "suppressed": hidden,
                    "status": status})
    return pd.DataFrame(out, columns=["kategori", "sort", "antal", "suppressed", "status"]).astype({"antal": "Int64"})


def barrier_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """``hinder_topp`` for civil society, this year and the previous survey (see :func:`sectors.barrier_rows`)."""
    return sectors.barrier_rows(store, civil_filter(flt), version=version)


# -- words ------------------------------------------------------------------------


def _figure(row: dict, metric_id: str) -> present.Figure:
    """One metric's columns of a :func:`county_rows` row as the figure they were read from."""
    return present.figure(
        row[f"{metric_id}_value"], status=row[f"{metric_id}_status"], numerator=row[f"{metric_id}_numerator"],
        denominator=row[f"{metric_id}_denominator"], ci_low=row[f"{metric_id}_ci_low"],
        ci_high=row[f"{metric_id}_ci_high"], typ=TYP,
    )


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


def category_table(counts: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame({
        t("civilsamhalle.col.kategori"): [
            i18n.label("org_kategori", code, lang) if code is not None else t("civilsamhalle.no_category")
            for code in counts["kategori"]
        ],
        t("civilsamhalle.col.antal"): [
            present.status(row.status, lang) if row.suppressed else formatting.number(row.antal, lang)
            for row in counts.itertuples(index=False)
        ],
    })


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
            cells = present.cells(_figure(row, metric_id), lang)
            label = t(key)
            record[f"{label} {t('common.share_pct')}"] = cells.number
            record[f"{label}: {t('download.col.numerator')}"] = cells.numerator
            record[f"{label}: {t('download.col.denominator')}"] = cells.denominator
            record[f"{label}: {t('download.col.ci_low')}"] = cells.ci_low
            record[f"{label}: {t('download.col.ci_high')}"] = cells.ci_high
            record[f"{label}: {t('common.status')}"] = cells.status
        out.append(record)
    frame = pd.DataFrame(out)
    counts = [c for c in frame.columns if c == t("civilsamhalle.col.n") or c.endswith(t("download.col.numerator"))
              or c.endswith(t("download.col.denominator"))]
    return sectors.integer_columns(frame, counts)


def category_download(counts: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`category_counts` as numbers: category, code, count (empty when suppressed) and status."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    frame = pd.DataFrame({
        t("civilsamhalle.col.kategori"): [
            i18n.label("org_kategori", code, lang) if code is not None else t("civilsamhalle.no_category")
            for code in counts["kategori"]
        ],
        t("common.code"): [code if code is not None else "" for code in counts["kategori"]],
        t("civilsamhalle.col.antal"): [None if row.suppressed else row.antal for row in counts.itertuples(index=False)],
        t("common.status"): [present.status(row.status, lang) for row in counts.itertuples(index=False)],
    })
    return sectors.integer_columns(frame, [t("civilsamhalle.col.antal")])
