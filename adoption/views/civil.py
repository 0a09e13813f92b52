"""Civilsamhälle: civil-society organisations by county and category, their adoption and barriers.

Figures come from the registry with ``typ="civilsamhalle"``; a figure built
from fewer than 3 organisations is suppressed there (``suppressed=True``) and
shown here as "för få svar", never as a number. The count of responding
organisations per category is a count of response rows (the registry has no
category filter yet), suppressed the same way when it is 1 or 2.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from adoption import metrics, vocab
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n
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

    Columns kategori, sort, antal (Int64; <NA> when 1 or 2: suppressed), suppressed.
    Counting response rows is not a metric; no share is computed here.
    """
    year, _ = sectors.compared_years(store, flt.ar, version=version)
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
    for term in terms:
        antal = int(counts.get(term.code, 0))
        hidden = 0 < antal < metrics.CIVIL_SOCIETY_MIN_N
        out.append({"kategori": term.code, "sort": term.sort, "antal": None if hidden else antal,
                    "suppressed": hidden})
    if unknown:  # no category given: counted, so the total adds up
        hidden = unknown < metrics.CIVIL_SOCIETY_MIN_N
        out.append({"kategori": None, "sort": 99, "antal": None if hidden else unknown, "suppressed": hidden})
    return pd.DataFrame(out, columns=["kategori", "sort", "antal", "suppressed"]).astype({"antal": "Int64"})


def barrier_rows(store: Store, flt: Filter, *, version: int | None = None) -> pd.DataFrame:
    """``hinder_topp`` for civil society, this year and the previous survey (see :func:`sectors.barrier_rows`)."""
    return sectors.barrier_rows(store, civil_filter(flt), version=version)


# -- words ------------------------------------------------------------------------


def value_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """The headline value: "för få svar", "inget svar", or "45,5 %"."""
    return sectors.share_cell(result.value, result.status, lang)


def drift_count_text(result: metrics.MetricResult, lang: str = "sv") -> str:
    """The number of organisations with AI in production (the programme goal M4 counts them)."""
    if result.status != metrics.STATUS_OK or result.numerator is None:
        return sectors.status_text(result.status, lang)
    return formatting.number(result.numerator, lang)


def base_text(result: metrics.MetricResult, lang: str = "sv", interval: bool = True) -> str:
    """"35 av 353 organisationer, 95 % konfidensintervall 7,4–13,2 %", or why there is no figure."""
    if result.status != metrics.STATUS_OK:
        return i18n.t(f"status.{result.status}", lang).format(ar=result.ar)
    text = i18n.tn("headline.base.organisations", result.denominator, lang,
                   numerator=formatting.number(result.numerator, lang),
                   denominator=formatting.number(result.denominator, lang))
    if not interval:
        return text
    bounds = sectors.interval_cell(result.ci_low, result.ci_high, result.status, lang)
    return f"{text}; {i18n.t('common.confidence_interval', lang)} {bounds}"


def county_table(rows: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The county table as a reader sees it."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    out = []
    for row in rows.to_dict("records"):
        record = {t("filter.lan"): row["name"]}
        if row["andel_ai_aktivitet_status"] == "too_few":
            record[t("civilsamhalle.col.n")] = t("value.too_few")
        elif row["n"]:
            record[t("civilsamhalle.col.n")] = formatting.number(row["n"], lang)
        else:
            record[t("civilsamhalle.col.n")] = t("value.no_answer")
        for metric_id, key in (("andel_ai_aktivitet", "civilsamhalle.col.aktivitet"),
                               ("civil_ai_i_drift", "civilsamhalle.col.drift")):
            status = row[f"{metric_id}_status"]
            record[t(key)] = sectors.share_cell(row[f"{metric_id}_value"], status, lang)
            record[t(key) + " – " + t("sektorer.col.bas")] = sectors.base_cell(
                row[f"{metric_id}_numerator"], row[f"{metric_id}_denominator"], status, lang)
            record[t(key) + " – " + t("common.confidence_interval")] = sectors.interval_cell(
                row[f"{metric_id}_ci_low"], row[f"{metric_id}_ci_high"], status, lang)
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
            t("value.too_few") if row.suppressed else formatting.number(row.antal, lang)
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
            ok = row[f"{metric_id}_status"] == metrics.STATUS_OK
            label = t(key)
            record[f"{label} {t('common.share_pct')}"] = (
                sectors.percent_number(row[f"{metric_id}_value"]) if ok else None)
            record[f"{label}: {t('download.col.numerator')}"] = row[f"{metric_id}_numerator"] if ok else None
            record[f"{label}: {t('download.col.denominator')}"] = row[f"{metric_id}_denominator"] if ok else None
            record[f"{label}: {t('download.col.ci_low')}"] = (
                sectors.percent_number(row[f"{metric_id}_ci_low"]) if ok else None)
            record[f"{label}: {t('download.col.ci_high')}"] = (
                sectors.percent_number(row[f"{metric_id}_ci_high"]) if ok else None)
            record[f"{label}: {t('common.status')}"] = sectors.download_status(row[f"{metric_id}_status"], lang)
        out.append(record)
    frame = pd.DataFrame(out)
    counts = [c for c in frame.columns if c == t("civilsamhalle.col.n") or c.endswith(t("download.col.numerator"))
              or c.endswith(t("download.col.denominator"))]
    return sectors.integer_columns(frame, counts)


def category_download(counts: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """:func:`category_counts` as numbers: category, code, count (empty when 1 or 2) and status."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    frame = pd.DataFrame({
        t("civilsamhalle.col.kategori"): [
            i18n.label("org_kategori", code, lang) if code is not None else t("civilsamhalle.no_category")
            for code in counts["kategori"]
        ],
        t("common.code"): [code if code is not None else "" for code in counts["kategori"]],
        t("civilsamhalle.col.antal"): [None if row.suppressed else row.antal for row in counts.itertuples(index=False)],
        t("common.status"): [sectors.download_status("too_few" if row.suppressed else "ok", lang)
                                   for row in counts.itertuples(index=False)],
    })
    return sectors.integer_columns(frame, [t("civilsamhalle.col.antal")])
