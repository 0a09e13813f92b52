"""The metric registry: every figure the dashboard shows is defined here once.

Pages, the map, goals, exports and the command line all call :func:`compute`,
so they cannot disagree. The SQL behind each metric lives in the store
(:mod:`adoption.store.metric_sql`) and returns only counts; the arithmetic
from counts to values, intervals and suppression is done here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from . import i18n
from .errors import AdoptionError
from .filters import Filter
from .stats import mean_interval, wilson_interval
from .store import Store
from .vocab import RESPONDENT_TYPES

# A figure about civil-society organisations built from fewer answers than
# this is not shown (it could identify an organisation, and it is noise).
CIVIL_SOCIETY_MIN_N = 3

# Why a result has no value. The codes are stable (pages translate them
# through i18n's "status.<code>"); ``reason`` carries the Swedish text.
STATUS_OK = "ok"
STATUSES = ("no_data", "no_year", "only_municipalities", "needs_population", "no_answer", "not_applicable",
            "too_few")


def _reason(status: str, **values) -> str:
    return i18n.t(f"status.{status}", "sv").format(**values)


@dataclass(frozen=True)
class Metric:
    id: str
    label_sv: str
    label_en: str
    unit: str  # share | index | per_10k | distribution
    family: str
    definition_sv: str
    definition_en: str
    threshold: int | None = None
    shape: tuple[tuple[str, object], ...] = ()
    respondent: str | None = None  # a fixed kind of respondent, else the filter's (default kommun)
    municipalities_only: bool = False
    needs_population: bool = False
    uses_sector: bool = True
    interval: str | None = "wilson"  # wilson | mean | None
    higher_is_better: bool = True

    def label(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" else self.label_sv

    def definition(self, lang: str = "sv") -> str:
        return self.definition_en if lang == "en" else self.definition_sv


REGISTRY: dict[str, Metric] = {
    m.id: m
    for m in (
        Metric(
            "svarsfrekvens", "Svarsfrekvens", "Response rate", "share", "response_rate",
            "Andel kommuner som har en svarsrad för året.",
            "Share of municipalities with a response row for the year.",
            municipalities_only=True, uses_sector=False,
        ),
        Metric(
            "andel_ai_aktivitet", "Andel med AI-aktivitet", "Share with any AI activity", "share", "stage_share",
            "Andel med minst ett verksamhetsområde på nivå Planerad eller högre, av dem som besvarat minst "
            "ett områdes mognad (tomt och ”.” räknas inte).",
            "Share with at least one sector at stage Planned or higher, of those that answered at least one "
            "sector's stage (empty and '.' do not count).",
            threshold=1,
        ),
        Metric(
            "andel_ai_i_drift", "Andel med AI i drift", "Share with AI in production", "share", "stage_share",
            "Andel med minst ett verksamhetsområde på nivå I drift eller högre, av dem som besvarat minst "
            "ett områdes mognad.",
            "Share with at least one sector at stage In production or higher, of those that answered at "
            "least one sector's stage.",
            threshold=3,
        ),
        Metric(
            "andel_skalad", "Andel med utvärderad och spridd AI", "Share with AI evaluated and scaled", "share",
            "stage_share",
            "Andel med minst ett verksamhetsområde på nivå I drift, utvärderad och spridd, av dem som besvarat "
            "minst ett områdes mognad.",
            "Share with at least one sector at stage In production, evaluated and scaled, of those that "
            "answered at least one sector's stage.",
            threshold=4,
        ),
        Metric(
            "mognadsindex", "Mognadsindex", "Maturity index", "index", "maturity_index",
            "Per organisation medelvärdet av mognad / 4 × 100 över besvarade områden; sedan medelvärdet "
            "över organisationerna (0–100).",
            "Per organisation the mean of stage / 4 × 100 over answered sectors; then the mean over "
            "organisations (0-100).",
            interval="mean",
        ),
        Metric(
            "andel_strategi", "Andel med AI-strategi", "Share with an AI strategy", "share", "answer_share",
            "Andel som svarat ja på frågan om AI-strategi, av dem som besvarat frågan.",
            "Share answering yes to having an AI strategy, of those that answered the question.",
            shape=(("question", "ai_strategi"),), uses_sector=False,
        ),
        Metric(
            "andel_riktlinjer", "Andel med riktlinjer för generativ AI", "Share with guidelines for generative AI",
            "share", "answer_share",
            "Andel som svarat ja på frågan om riktlinjer för generativ AI, av dem som besvarat frågan.",
            "Share answering yes to having guidelines for generative AI, of those that answered the question.",
            shape=(("question", "riktlinjer_genai"),), uses_sector=False,
        ),
        Metric(
            "initiativ_per_10k", "AI-initiativ per 10 000 invånare", "AI initiatives per 10,000 inhabitants",
            "per_10k", "initiatives_per_population",
            "Summan av rapporterat antal initiativ delat med summan av befolkningen i de svarande kommunerna, "
            "gånger 10 000. Kräver befolkningsdata.",
            "Reported initiatives summed over responding municipalities, divided by their summed population, "
            "times 10,000. Needs population data.",
            municipalities_only=True, needs_population=True, uses_sector=False, interval=None,
        ),
        Metric(
            "befolkning_i_drift", "Andel av befolkningen i kommun med AI i drift",
            "Share of population in a municipality with AI in production", "share", "population_in_production",
            "Andel av befolkningen i de svarande kommunerna som bor i en kommun med AI i drift. Kräver "
            "befolkningsdata.",
            "Share of the population of responding municipalities that lives in one with AI in production. "
            "Needs population data.",
            threshold=3, municipalities_only=True, needs_population=True, interval=None,
        ),
        Metric(
            "andel_utvarderade", "Andel utvärderade initiativ", "Share of initiatives evaluated", "share",
            "evaluated_share",
            "Andel av de rapporterade initiativen vars effekt har utvärderats, av dem där frågan är besvarad.",
            "Share of reported initiatives whose effect was evaluated, of those where this is known.",
        ),
        Metric(
            "sektor_fordelning", "Mognad per verksamhetsområde", "Stage by sector", "distribution",
            "stage_distribution",
            "Per verksamhetsområde: andel av de svarande på varje mognadsnivå (tomt och ”.” redovisas för sig).",
            "Per sector: share of respondents at each stage (empty and '.' reported separately).",
        ),
        Metric(
            "hinder_topp", "Vanligaste hindren", "Most common barriers", "distribution", "barrier_shares",
            "Andel som nämner varje hinder, av dem som besvarat frågan om hinder.",
            "Share naming each barrier, of those that answered the question on barriers.",
            uses_sector=False,
        ),
        Metric(
            "civil_ai_i_drift", "Civilsamhällesorganisationer med AI i drift",
            "Civil-society organisations with AI in production", "share", "stage_share",
            "Antal och andel civilsamhällesorganisationer med minst ett område på nivå I drift eller högre, "
            "av dem som besvarat minst ett områdes mognad.",
            "Number and share of civil-society organisations with at least one sector at stage In production "
            "or higher, of those that answered at least one sector's stage.",
            threshold=3, respondent="civilsamhalle",
        ),
    )
}


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
    area: str | None = None  # the municipality or county code when grouped
    reason: str | None = None
    suppressed: bool = False
    filters_ignored: tuple[str, ...] = ()
    breakdown: tuple[dict, ...] | None = None
    status: str = STATUS_OK  # or one of STATUSES: why there is no value

    def to_dict(self) -> dict:
        data = asdict(self)
        data["filters_ignored"] = list(self.filters_ignored)
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


def get(metric_id: str) -> Metric:
    try:
        return REGISTRY[metric_id]
    except KeyError:
        raise AdoptionError(
            f"Okänt mått ”{metric_id}”. Kända mått: {', '.join(REGISTRY)}."
        ) from None


def compute(store: Store, metric_id: str, flt: Filter = Filter(), *, version: int | None = None,
            by: str | None = None) -> MetricResult | list[MetricResult]:
    """One metric for a filter and data version (default: current).

    With ``by="kommun"`` or ``by="lan"`` a list with one result per area in
    the filter's scope, areas without answers included (value None).
    """
    with store.reading():  # one connection for the version check, years and counts
        return _compute(store, metric_id, flt, version=version, by=by)


def _compute(store: Store, metric_id: str, flt: Filter, *, version: int | None,
             by: str | None) -> MetricResult | list[MetricResult]:
    metric = get(metric_id)
    if flt.typ is not None and flt.typ not in RESPONDENT_TYPES:
        raise AdoptionError(f"Okänd typ ”{flt.typ}”; välj kommun eller civilsamhalle.")
    version = store.resolve_version(version)
    ignored = []
    if flt.sektor and not metric.uses_sector:
        ignored.append("sektor")
    if metric.respondent and flt.typ and flt.typ != metric.respondent:
        ignored.append("typ")
    typ = metric.respondent or flt.typ or "kommun"
    years = store.survey_years(version)
    ar = flt.ar if flt.ar is not None else (years[-1] if years else None)
    ctx = _Context(metric, version, ar, typ, tuple(ignored), flt.sektor if metric.uses_sector else ())

    status = None
    if version is None or not years:
        status = "no_data"
    elif ar not in years:
        status = "no_year"
    elif metric.municipalities_only and typ != "kommun":
        status = "only_municipalities"
    elif metric.needs_population and not store.population_years(version):
        status = "needs_population"

    areas = _areas(store, flt, by)
    if status is not None:
        empty = [_empty(ctx, area, status) for area in areas]
        return empty if by else empty[0]

    rows = store.metric_rows(
        metric.family, version=version, ar=ar, typ=typ, lan=flt.lan, kommun=flt.kommun,
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


def _areas(store: Store, flt: Filter, by: str | None) -> list[str]:
    if by is None:
        return ["alla"]
    municipalities = store.municipalities()
    if flt.lan:
        municipalities = municipalities[municipalities["lan_kod"].isin(flt.lan)]
    if flt.kommun:
        municipalities = municipalities[municipalities["kommunkod"] == flt.kommun]
    if by == "kommun":
        return municipalities["kommunkod"].tolist()
    if by == "lan":
        return sorted(municipalities["lan_kod"].unique().tolist())
    raise AdoptionError(f"Okänd nivå ”{by}”; välj kommun eller lan.")


def _empty(ctx: _Context, area: str, status: str) -> MetricResult:
    return MetricResult(
        metric=ctx.metric.id, value=None, numerator=None, denominator=None, n=0, ci_low=None, ci_high=None,
        data_version=ctx.version, ar=ctx.ar, typ=ctx.typ, unit=ctx.metric.unit,
        area=None if area == "alla" else area, reason=_reason(status, ar=ctx.ar), filters_ignored=ctx.ignored,
        status=status,
    )


def _suppress(ctx: _Context, n: int) -> bool:
    return ctx.typ == "civilsamhalle" and n < CIVIL_SOCIETY_MIN_N


def _number(x) -> float | None:
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def _scalar(ctx: _Context, area: str, row) -> MetricResult:
    metric = ctx.metric
    # A response rate of 0 of N is a figure (nobody answered), not a missing one.
    if row is None or not row.denominator or (not row.n and metric.family != "response_rate"):
        not_applicable = getattr(row, "not_applicable", 0) if row is not None else 0
        return _empty(ctx, area, "not_applicable" if not_applicable else "no_answer")
    n = int(row.n)
    numerator, denominator = _number(row.numerator) or 0.0, _number(row.denominator)
    if _suppress(ctx, n):
        return MetricResult(
            metric=metric.id, value=None, numerator=None, denominator=None, n=n, ci_low=None, ci_high=None,
            data_version=ctx.version, ar=ctx.ar, typ=ctx.typ, unit=metric.unit,
            area=None if area == "alla" else area, reason=_reason("too_few"),
            suppressed=True, filters_ignored=ctx.ignored, status="too_few",
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
        area=None if area == "alla" else area, filters_ignored=ctx.ignored,
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
        reason=_reason("too_few") if suppressed else None,
        suppressed=suppressed, filters_ignored=ctx.ignored, status="too_few" if suppressed else STATUS_OK,
        breakdown=None if suppressed else tuple(breakdown),
    )


def _share_row(numerator: int, denominator: int, suppress: bool, **keys) -> dict:
    hidden = suppress and denominator < CIVIL_SOCIETY_MIN_N
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
    from .vocab import NOT_APPLICABLE, sectors, stages

    civil = ctx.typ == "civilsamhalle"
    out = []
    wanted = [s.code for s in sectors() if not ctx.sektor or s.code in ctx.sektor]
    respondents = int(rows["respondents"].iloc[0]) if len(rows) else 0
    for sector in wanted:
        part = rows[rows["sektor"] == sector]
        counts = {int(r.mognad): int(r.antal) for r in part.itertuples(index=False)}
        answered = sum(c for s, c in counts.items() if s >= 0)
        not_applicable = counts.get(NOT_APPLICABLE, 0)
        for stage in stages():
            row = _share_row(counts.get(stage.value, 0), answered, civil, sektor=sector, mognad=stage.value)
            row["ej_tillampligt"] = not_applicable
            row["inget_svar"] = respondents - answered - not_applicable
            out.append(row)
    return out


def _barrier_breakdown(ctx: _Context, rows) -> list[dict]:
    civil = ctx.typ == "civilsamhalle"
    return [
        _share_row(int(r.numerator), int(r.denominator), civil, hinder=r.hinder)
        for r in rows.itertuples(index=False)
    ]
