"""Section 1: every metric of the registry at scale, through the real store, against pandas.

The typical filter: one year (the middle survey year), one region (~5,000
units), one sector. The store figure is ``metrics.compute`` (what a page asks
for on a cache miss: version check, years, population years and the metric
SQL) on a store configured as the app's (the file kept open between
requests, ``APP_KEEP_OPEN_SECONDS``). The baseline is
the same computation in pandas on the same rows held in memory (responses
with their region and wide stage columns, initiatives, population, the unit
list); loading them is not timed. Each pandas result is checked against the
store's numerator and denominator so the two really compute the same thing.
"""

from __future__ import annotations

import math
import time

import duckdb
import pandas as pd

from .common import figure, log, timed

SECTOR = "utbildning"
REGION = "05"


def load_memory(path) -> dict:
    """The data set as pandas frames (what a pandas implementation would hold)."""
    from adoption.vocab import sector_codes

    con = duckdb.connect(str(path), read_only=True)
    try:
        pivot = ", ".join(f"max(stage) FILTER (WHERE sector = '{c}') AS s_{c}" for c in sector_codes())
        responses = con.execute(
            "SELECT r.row_id, r.valid_from, r.valid_to, r.ar, r.typ, r.kommunkod, r.org_key, m.lan_kod, r.ai_strategi, "
            "r.riktlinjer_genai, r.antal_initiativ, r.hinder, st.* EXCLUDE (row_id) "
            f"FROM response r JOIN municipality m USING (kommunkod) "
            f"LEFT JOIN (SELECT row_id, {pivot} FROM response_stage GROUP BY row_id) st USING (row_id)"
        ).df()
        initiatives = con.execute(
            "SELECT i.valid_from, i.valid_to, i.ar, i.typ, i.kommunkod, m.lan_kod, i.sektor, i.utvarderad "
            "FROM initiative i JOIN municipality m USING (kommunkod)"
        ).df()
        population = con.execute("SELECT valid_from, valid_to, kommunkod, ar, population FROM population").df()
        municipalities = con.execute("SELECT kommunkod, lan_kod FROM municipality").df()
    finally:
        con.close()
    return {"responses": responses, "initiatives": initiatives, "population": population,
            "municipalities": municipalities}


def _in_version(frame: pd.DataFrame, v: int) -> pd.Series:
    return (frame["valid_from"] <= v) & (frame["valid_to"].isna() | (frame["valid_to"] > v))


class PandasMetrics:
    """The metric families of ``adoption.store.metric_sql`` in pandas (counts, like the SQL).

    The funnel's families (transitions of a cell between two years) have no pandas version here:
    their figures are measured without a baseline and say so.
    """

    FAMILIES = ("response_rate", "civil_response_rate", "evaluated_share", "answer_share", "barrier_shares",
                "initiatives_per_population", "stage_share", "maturity_index", "population_in_production",
                "stage_distribution")

    def __init__(self, data: dict) -> None:
        self.d = data

    def scope(self, v, ar, typ, lan):
        r = self.d["responses"]
        mask = _in_version(r, v) & (r["ar"] == ar) & (r["typ"] == typ)
        if lan:
            mask &= r["lan_kod"].isin(lan)
        return r[mask]

    @staticmethod
    def stage_block(scope, sektor):
        from adoption.vocab import sector_codes

        cols = [f"s_{c}" for c in (sektor or sector_codes())]
        block = scope[cols].astype("float64")
        return block.where(block >= 0)  # answered only

    def pop(self, v, ar):
        p = self.d["population"]
        p = p[_in_version(p, v)]
        before = p[p["ar"] <= ar].sort_values("ar").groupby("kommunkod")["population"].last()
        first = p.sort_values("ar").groupby("kommunkod")["population"].first()
        return before.reindex(first.index).fillna(first)

    def run(self, family, *, v, ar, typ, lan, sektor, threshold=None, question=None):
        if family == "response_rate":
            r = self.scope(v, ar, "kommun", lan)
            m = self.d["municipalities"]
            m = m[m["lan_kod"].isin(lan)] if lan else m
            return int(m["kommunkod"].isin(r["kommunkod"].unique()).sum()), len(m)
        if family == "civil_response_rate":
            # the organisations the survey knows (answered in some year of the version), answered this year
            r = self.d["responses"]
            r = r[_in_version(r, v) & (r["typ"] == typ)]
            orgs = r.assign(now=r["ar"] == ar).groupby(["kommunkod", "org_key"]).agg(
                answered=("now", "any"), lan_kod=("lan_kod", "max"))
            if lan:
                orgs = orgs[orgs["lan_kod"].isin(lan)]
            return int(orgs["answered"].sum()), len(orgs)
        if family == "evaluated_share":
            i = self.d["initiatives"]
            mask = _in_version(i, v) & (i["ar"] == ar) & (i["typ"] == typ)
            if lan:
                mask &= i["lan_kod"].isin(lan)
            if sektor:
                mask &= i["sektor"].isin(sektor)
            u = i.loc[mask, "utvarderad"]
            return int((u == True).sum()), int(u.notna().sum())  # noqa: E712
        sc = self.scope(v, ar, typ, lan)
        if family == "answer_share":
            if question == "ai_strategi":
                a = sc["ai_strategi"].dropna()
                return int((a == 2).sum()), len(a)
            a = sc["riktlinjer_genai"].dropna()
            return int(a.astype(bool).sum()), len(a)
        if family == "barrier_shares":
            h = sc["hinder"]
            h = h[h.map(lambda x: x is not None and x is not pd.NA and not (isinstance(x, float)) and len(x) > 0)]
            counts = h.map(lambda x: list(dict.fromkeys(x))).explode().value_counts()
            return int(counts.max()) if len(counts) else 0, len(h)
        if family == "initiatives_per_population":
            s = sc[sc["antal_initiativ"].notna()]
            pop = self.pop(v, ar)
            s = s[s["kommunkod"].isin(pop.index)]
            return float(s["antal_initiativ"].sum()), float(pop.reindex(s["kommunkod"]).sum())
        block = self.stage_block(sc, sektor)
        answered = block.notna().any(axis=1)
        if family == "stage_share":
            mx = block.max(axis=1)
            return int((mx >= threshold).sum()), int(answered.sum())
        if family == "maturity_index":
            mean = block.mean(axis=1)[answered] / 4 * 100
            return float(mean.sum()), int(answered.sum())
        if family == "population_in_production":
            mx = block.max(axis=1)[answered]
            pop = self.pop(v, ar).reindex(sc.loc[answered, "kommunkod"]).to_numpy()
            return float(pop[mx.to_numpy() >= 3].sum()), float(pop.sum())
        if family == "stage_distribution":
            from adoption.vocab import sector_codes

            raw = sc[[f"s_{c}" for c in (sektor or sector_codes())]]
            counts = raw.apply(lambda col: col.value_counts())
            return int(counts.fillna(0).to_numpy().sum()), len(sc)
        raise ValueError(family)


def _store_counts(result) -> tuple:
    if result.unit == "distribution":
        if result.metric == "sektor_fordelning":
            rows = result.breakdown or ()
            answered = sum(r["numerator"] or 0 for r in rows)
            na = sum(r["ej_tillampligt"] for r in rows if r["mognad"] == 0)
            return int(answered + na), result.n
        top = max((r["numerator"] or 0 for r in result.breakdown or ()), default=0)
        return int(top), result.n
    return result.numerator, result.denominator


def _close(a, b) -> bool:
    if a is None or b is None:
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)


def run(path, *, quick: bool, repeat: int) -> list:
    from adoption import metrics
    from adoption.metrics.filters import Filter
    from adoption.store import APP_KEEP_OPEN_SECONDS, Store

    store = Store(path, keep_open_seconds=APP_KEEP_OPEN_SECONDS)
    version = store.current_version()
    years = store.survey_years(version)
    ar = years[len(years) // 2]
    flt = Filter(ar=ar, lan=(REGION,), sektor=(SECTOR,))
    log(f"metrics: loading {path.name} into pandas for the baseline")
    t0 = time.perf_counter()
    store.release()  # load_memory opens the file read-only, which DuckDB refuses while it is open read-write
    data = load_memory(path)
    log(f"metrics: {len(data['responses'])} responses, {len(data['initiatives'])} initiatives in memory "
        f"({time.perf_counter() - t0:.1f} s)")
    pm = PandasMetrics(data)
    out = []
    for metric_id, metric in metrics.REGISTRY.items():
        typ = metric.respondent or "kommun"
        sektor = (SECTOR,) if metric.uses_sector else ()
        shape = dict(metric.shape)

        def store_call():
            return metrics.compute(store, metric_id, flt, version=version)

        def pandas_call():
            return pm.run(metric.family, v=version, ar=ar, typ=typ, lan=(REGION,), sektor=sektor,
                          threshold=metric.threshold, **shape)

        result = store_call()
        samples = timed(store_call, repeat)
        if metric.family not in PandasMetrics.FAMILIES:
            out.append(figure(f"metrics.{metric_id}", "ms", samples, 50.0, section="1 metrics",
                              note="no pandas baseline for this family", n=result.n, status=result.status))
            log(f"metrics: {metric_id}: store {out[-1].median:.1f} ms (no pandas baseline), n={result.n}")
            continue
        expected = pandas_call()
        got = _store_counts(result)
        agree = _close(got[0], expected[0]) and _close(got[1], expected[1])
        baseline = timed(pandas_call, repeat)
        fig = figure(f"metrics.{metric_id}", "ms", samples, 50.0, baseline=baseline, section="1 metrics",
                     note=("" if agree else f"pandas counts {expected} != store {got}"),
                     agree=agree, n=result.n, status=result.status)
        out.append(fig)
        ratio = fig.ratio
        out.append(figure(f"metrics.{metric_id}.ratio", "ratio_min", [ratio] if ratio else [], 5.0,
                          section="1 metrics", note="pandas median / store median (same run)"))
        log(f"metrics: {metric_id}: store {fig.median:.1f} ms, pandas {fig.baseline_median:.1f} ms, "
            f"ratio {ratio:.1f}, agree={agree}, n={result.n}")
    return out
