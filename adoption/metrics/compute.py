"""Computing a metric: from the store's counts to a value, its base, interval and status.

The SQL behind each metric lives in the store (:mod:`adoption.store.metric_sql`)
and returns only counts; the arithmetic from counts to values, intervals and
suppression is done here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from adoption.errors import AdoptionError
from adoption.metrics.definitions import (
    CIVIL_SOCIETY_MIN_N,
    NEEDS_PREVIOUS_YEAR,
    NO_CATEGORY,
    RATE_FAMILIES,
    STATUS_OK,
    Metric,
    get,
    too_few,
)
from adoption.metrics.filters import Filter, group_codes, in_group
from adoption.metrics.stats import mean_interval, wilson_interval
from adoption.metrics.years import chosen_year
from adoption.store import Store
from adoption.vocab import RESPONDENT_TYPES, codes

LEVELS = ("kommun", "lan", "grupp", "kategori")


@dataclass(frozen=True)
class MetricResult:
    """One figure with its base. Shares are fractions from 0 to 1."""

    metric: str
    value: float | None
    numerator: float | None
    denominator: float | None
    n: int
    ci_low: float | None
    ci_high: float | None
    data_version: int | None
    ar: int | None
    typ: str | None
    unit: str
    area: str | None = None  # the municipality, county, group or category code when grouped ("" for no category)
    # the values the status's sentence needs, e.g. (("ar", 2022),); adoption.text.present words it
    reason_values: tuple[tuple[str, object], ...] = ()
    suppressed: bool = False
    filters_ignored: tuple[str, ...] = ()
    breakdown: tuple[dict, ...] | None = None
    status: str = STATUS_OK  # or one of STATUSES: why there is no value
    round_status: str | None = None  # the survey year's round: "preliminar" or "publicerad" (None: no year)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["filters_ignored"] = list(self.filters_ignored)
        data["reason_values"] = dict(self.reason_values)
        data["breakdown"] = list(self.breakdown) if self.breakdown is not None else None
        return data


@dataclass(frozen=True)
class _Context:
    metric: Metric
    version: int | None
    ar: int | None
    typ: str
    ignored: tuple[str, ...] = field(default_factory=tuple)
    sektor: tuple[str, ...] = field(default_factory=tuple)
    round_status: str | None = None


def compute(store: Store, metric_id: str, flt: Filter = Filter(), *, version: int | None = None,
            by: str | None = None) -> MetricResult | list[MetricResult]:
    """One metric for a filter and data version (default: current).

    With ``by="kommun"``, ``by="lan"`` or ``by="grupp"`` (SKR's municipality
    groups of the version) a list with one result per area in the filter's
    scope, areas without answers included (value None). With ``by="kategori"``
    (civil society only, metrics counted from response rows) one result per
    organisation category, in the vocabulary's order, and one for
    organisations without a category (area ""). A filter with several
    municipalities (``Filter(kommun=("0180", "1480"))``) pools them into one
    figure, with the base and interval of the pooled answers.
    """
    with store.reading():  # one connection for the version check, years and counts
        return _compute(store, metric_id, flt, version=version, by=by)


def _compute(store: Store, metric_id: str, flt: Filter, *, version: int | None,
             by: str | None) -> MetricResult | list[MetricResult]:
    metric = get(metric_id)
    if flt.typ is not None and flt.typ not in RESPONDENT_TYPES:
        raise AdoptionError(f"Okänd typ ”{flt.typ}”; välj kommun eller civilsamhalle.")
    if flt.grupp is not None and flt.grupp not in group_codes():
        raise AdoptionError(f"Okänd kommungrupp ”{flt.grupp}”; välj en av: {', '.join(group_codes())}.")
    version = store.resolve_version(version)
    ignored = []
    if flt.sektor and not metric.uses_sector:
        ignored.append("sektor")
    if metric.respondent and flt.typ and flt.typ != metric.respondent:
        ignored.append("typ")
    typ = metric.respondent or flt.typ or "kommun"
    if by == "kategori" and not (metric.by_category and typ == "civilsamhalle"):
        raise AdoptionError(
            f"Måttet ”{metric.id}” kan inte delas upp per kategori; det går för mått om "
            "civilsamhällesorganisationers svar (typ civilsamhalle)."
        )
    rounds = store.survey_rounds(version)
    years = list(rounds)
    ar = chosen_year(rounds, flt.ar)
    ctx = _Context(metric, version, ar, typ, tuple(ignored), flt.sektor if metric.uses_sector else (),
                   rounds.get(ar))

    status = None
    if version is None or not years:
        status = "no_data"
    elif ar not in years:
        status = "no_year"
    elif metric.municipalities_only and typ != "kommun":
        status = "only_municipalities"
    elif metric.needs_population and not store.population_years(version):
        status = "needs_population"
    elif metric.family in NEEDS_PREVIOUS_YEAR and ar - 1 not in years:
        status = "no_previous_year"

    areas = _areas(store, flt, by, version)
    if status is not None:
        empty = [_empty(ctx, area, status) for area in areas]
        return empty if by else empty[0]

    rows = store.metric_rows(
        metric.family, version=version, ar=ar, typ=typ, lan=flt.lan, kommun=flt.kommuner, grupp=flt.grupp,
        sektor=flt.sektor if metric.uses_sector else (), by=by, threshold=metric.threshold,
        **dict(metric.shape),
    )
    if metric.unit == "distribution":
        results = {area: _distribution(ctx, area, rows[rows["grp"] == area]) for area in areas}
    else:
        by_area = {row.grp: row for row in rows.itertuples(index=False)}
        results = {area: _scalar(ctx, area, by_area.get(area)) for area in areas}
    ordered = [results[a] for a in areas]
    return ordered if by else ordered[0]


def _areas(store: Store, flt: Filter, by: str | None, version: int | None) -> list[str]:
    if by is None:
        return ["alla"]
    if by not in LEVELS:
        raise AdoptionError(f"Okänd nivå ”{by}”; välj {', '.join(LEVELS)}.")
    if by == "kategori":
        return [*codes("org_kategori"), NO_CATEGORY]
    municipalities = store.municipalities()
    if flt.lan:
        municipalities = municipalities[municipalities["lan_kod"].isin(flt.lan)]
    if flt.kommun:
        municipalities = municipalities[municipalities["kommunkod"].isin(flt.kommuner)]
    if flt.grupp or by == "grupp":
        groups = store.municipality_groups(version).set_index("kommunkod")["grupp"]
        group_of = municipalities["kommunkod"].map(groups)
        if flt.grupp:
            keep = group_of.map(lambda g: in_group(g if isinstance(g, str) else None, flt.grupp))
            municipalities, group_of = municipalities[keep.astype(bool)], group_of[keep.astype(bool)]
    if by == "kommun":
        return municipalities["kommunkod"].tolist()
    if by == "lan":
        return sorted(municipalities["lan_kod"].unique().tolist())
    present = set(group_of.dropna())
    return [code for code in codes("kommungrupp") if code in present]


def _empty(ctx: _Context, area: str, status: str) -> MetricResult:
    return MetricResult(
        metric=ctx.metric.id, value=None, numerator=None, denominator=None, n=0, ci_low=None, ci_high=None,
        data_version=ctx.version, ar=ctx.ar, typ=ctx.typ, unit=ctx.metric.unit,
        area=None if area == "alla" else area, reason_values=_reason_values(ctx, status),
        filters_ignored=ctx.ignored, status=status, round_status=ctx.round_status,
    )


def _reason_values(ctx: _Context, status: str) -> tuple[tuple[str, object], ...]:
    if status == "too_few":
        return (("ar", ctx.ar), ("min_n", CIVIL_SOCIETY_MIN_N))
    return (("ar", ctx.ar),)


def _suppress(ctx: _Context, n: int) -> bool:
    return too_few(ctx.typ, n)


def count_status(typ: str | None, n: int) -> str:
    """The status of a count of ``n`` respondents of kind ``typ`` under the registry's suppression.

    "too_few" when a figure built on ``n`` answers would be suppressed, else "ok".
    A count of none is shown (0): it identifies nobody, and the registry too
    reports a figure on no answers as "no_answer", never as suppressed.
    """
    return "too_few" if n > 0 and too_few(typ, n) else STATUS_OK


def _number(x) -> float | None:
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def _scalar(ctx: _Context, area: str, row) -> MetricResult:
    metric = ctx.metric
    # A response rate of 0 of N is a figure (nobody answered), not a missing one.
    rate = metric.family in RATE_FAMILIES
    if row is None or not row.denominator or (not row.n and not rate):
        not_applicable = getattr(row, "not_applicable", 0) if row is not None else 0
        return _empty(ctx, area, "not_applicable" if not_applicable else "no_answer")
    n = int(row.n)
    numerator, denominator = _number(row.numerator) or 0.0, _number(row.denominator)
    # A rate counts who answered: none answering identifies nobody and is shown (as count_status has it).
    if (count_status(ctx.typ, n) != STATUS_OK) if rate else _suppress(ctx, n):
        return MetricResult(
            metric=metric.id, value=None, numerator=None, denominator=None, n=n, ci_low=None, ci_high=None,
            data_version=ctx.version, ar=ctx.ar, typ=ctx.typ, unit=metric.unit,
            area=None if area == "alla" else area, reason_values=_reason_values(ctx, "too_few"),
            suppressed=True, filters_ignored=ctx.ignored, status="too_few", round_status=ctx.round_status,
        )
    value = numerator / denominator
    low = high = None
    if metric.unit == "per_10k":
        value *= 10_000
    if metric.interval == "wilson":
        low, high = wilson_interval(numerator, denominator)
    elif metric.interval == "mean":
        low, high = mean_interval(value, _number(getattr(row, "sd", None)), n, lower=0.0, upper=100.0)
    return MetricResult(
        metric=metric.id, value=value, numerator=numerator, denominator=denominator, n=n,
        ci_low=low, ci_high=high, data_version=ctx.version, ar=ctx.ar, typ=ctx.typ, unit=metric.unit,
        area=None if area == "alla" else area, filters_ignored=ctx.ignored, round_status=ctx.round_status,
    )


def _distribution(ctx: _Context, area: str, rows) -> MetricResult:
    metric = ctx.metric
    if metric.family == "stage_distribution":
        breakdown = _stage_breakdown(ctx, rows)
        n = int(rows["respondents"].max()) if len(rows) else 0
    else:
        breakdown = _barrier_breakdown(ctx, rows)
        n = int(rows["n"].max()) if len(rows) else 0
    if n == 0:
        return _empty(ctx, area, "no_answer")
    suppressed = _suppress(ctx, n)
    return MetricResult(
        metric=metric.id, value=None, numerator=None, denominator=None, n=n, ci_low=None, ci_high=None,
        data_version=ctx.version, ar=ctx.ar, typ=ctx.typ, unit=metric.unit,
        area=None if area == "alla" else area,
        reason_values=_reason_values(ctx, "too_few") if suppressed else (),
        suppressed=suppressed, filters_ignored=ctx.ignored, status="too_few" if suppressed else STATUS_OK,
        breakdown=None if suppressed else tuple(breakdown), round_status=ctx.round_status,
    )


def _share_row(numerator: int, denominator: int, typ: str, **keys) -> dict:
    hidden = too_few(typ, denominator)
    low, high = wilson_interval(numerator, denominator) if denominator and not hidden else (None, None)
    return {
        **keys,
        "value": numerator / denominator if denominator and not hidden else None,
        "numerator": None if hidden else numerator,
        "denominator": denominator,
        "ci_low": low,
        "ci_high": high,
        "suppressed": hidden,
    }


def _stage_breakdown(ctx: _Context, rows) -> list[dict]:
    from adoption.vocab import NOT_APPLICABLE, sectors, stages

    out = []
    wanted = [s.code for s in sectors() if not ctx.sektor or s.code in ctx.sektor]
    respondents = int(rows["respondents"].iloc[0]) if len(rows) else 0
    for sector in wanted:
        part = rows[rows["sektor"] == sector]
        counts = {int(r.mognad): int(r.antal) for r in part.itertuples(index=False)}
        answered = sum(c for s, c in counts.items() if s >= 0)
        not_applicable = counts.get(NOT_APPLICABLE, 0)
        for stage in stages():
            row = _share_row(counts.get(stage.value, 0), answered, ctx.typ, sektor=sector, mognad=stage.value)
            row["ej_tillampligt"] = not_applicable
            row["inget_svar"] = respondents - answered - not_applicable
            out.append(row)
    return out


def _barrier_breakdown(ctx: _Context, rows) -> list[dict]:
    return [
        _share_row(int(r.numerator), int(r.denominator), ctx.typ, hinder=r.hinder)
        for r in rows.itertuples(index=False)
    ]
