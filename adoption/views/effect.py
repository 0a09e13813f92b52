"""Programmets effekt: what the page shows, as data, words, tables and chart specifications.

The estimate comes from :mod:`adoption.metrics.effect` (and its estimator in
:mod:`adoption.metrics.did`); this module only gathers it with the
trajectories, puts it into words with the rule beside them, and lays out
tables, downloads and Altair charts. The command line (``python -m adoption
effekt``) prints the same :class:`EffectView` numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from adoption import metrics
from adoption.metrics import effect
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n

OUTCOME_OPTIONS = tuple(effect.OUTCOMES)
GROUP_COLOURS = ("#08519c", "#f16913")  # participants dark blue, others orange (told apart by lightness too)


@dataclass(frozen=True)
class EffectView:
    """Everything the page draws for one outcome, filter and data version."""

    result: effect.EffectResult
    trajectories: pd.DataFrame  # group, ar, mean, ci_low, ci_high, n
    event_means: pd.DataFrame  # relative_year, mean, ci_low, ci_high, n


def effect_view(store: Store, outcome: str, flt: Filter, by_county: bool = False, *,
                version: int | None = None) -> EffectView:
    """The estimate and the descriptive series, from one read of the panel."""
    effect.check_outcome(outcome)
    version = store.resolve_version(version)
    rows = effect.unit_panel(store, outcome, flt, version=version)
    frame, excluded = effect.prepare(rows)
    result = effect.estimate_frame(frame, excluded, outcome=outcome, typ=flt.typ or "kommun", version=version,
                                   by_county=by_county, sampled_from=effect.sampled_from(rows))
    return EffectView(result, effect.trajectories(frame), effect.event_time_means(frame))


# --------------------------------------------------------------------------- words


def t(key: str, lang: str, **values) -> str:
    text = i18n.t(key, lang)
    return text.format(**values) if values else text


def points(value: float | None, lang: str = "sv", signed: bool = True) -> str:
    """"+3,5" (outcome points on the 0-100 scale), or an en dash."""
    if value is None or pd.isna(value):
        return "–"
    text = formatting.number(abs(value), lang, decimals=1)
    if not signed:
        return text
    return ("+" if value >= 0 else "−") + text


def interval(low: float | None, high: float | None, lang: str = "sv") -> str:
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return "–"
    return t("effekt.interval", lang, low=points(low, lang), high=points(high, lang))


def p_text(p: float | None, lang: str = "sv") -> str:
    if p is None:
        return t("effekt.no_leads", lang)
    if p < 0.001:
        return "< " + formatting.number(0.001, lang, decimals=3)
    return formatting.number(p, lang, decimals=3)


def verdict_text(result: effect.EffectResult, lang: str = "sv") -> str:
    return t(f"effekt.verdict.{result.verdict}", lang)


def rule_text(lang: str = "sv") -> str:
    """The verdict's rule, printed beside it (the thresholds come from the module constants)."""
    return t("effekt.rule", lang, alpha=formatting.number(effect.PRETREND_ALPHA, lang, decimals=2),
             participants=effect.MIN_PARTICIPANTS_WITH_PRE, years=effect.MIN_YEARS_BEFORE_FIRST_ENTRY)


def reason_texts(result: effect.EffectResult, lang: str = "sv") -> list[str]:
    s = result.summary
    values = {"participants": s.participants_with_pre if s else 0, "years": s.years_before_first_entry if s else 0,
              "need_participants": effect.MIN_PARTICIPANTS_WITH_PRE,
              "need_years": effect.MIN_YEARS_BEFORE_FIRST_ENTRY}
    return [t(f"effekt.reason.{code}", lang, **values) for code in result.reasons]


def basis_text(result: effect.EffectResult, lang: str = "sv") -> str:
    """How many units and years the estimate rests on."""
    s = result.summary
    if s is None or not s.units:
        return t("effekt.basis_none", lang)
    kind = t("effekt.unit.kommun" if result.typ == "kommun" else "effekt.unit.civilsamhalle", lang)
    text = t("effekt.basis", lang, participants=formatting.number(s.participants, lang),
             controls=formatting.number(s.controls, lang), unit_years=formatting.number(s.unit_years, lang),
             first=s.years[0], last=s.years[-1], kind=kind)
    if s.sampled_from:
        text += " " + t("effekt.sampled", lang, units=formatting.number(s.units, lang),
                        total=formatting.number(s.sampled_from, lang), limit=formatting.number(effect.MAX_UNITS, lang))
    return text


def headline(result: effect.EffectResult, lang: str = "sv") -> str | None:
    """"+3,5 poäng (95 % intervall +1,7 till +5,4)", or None without an estimate."""
    if result.att is None:
        return None
    return t("effekt.headline", lang, value=points(result.att.estimate, lang),
             interval=interval(result.att.ci_low, result.att.ci_high, lang))


def caveats(result: effect.EffectResult, lang: str = "sv") -> list[str]:
    """What the page always says, in words."""
    out = [t("effekt.caveat.association", lang), t("effekt.caveat.selection", lang), basis_text(result, lang),
           t("effekt.caveat.unanswered", lang)]
    if result.by_county:
        out.append(t("effekt.caveat.by_county", lang))
    return out


# --------------------------------------------------------------------------- tables


def cohort_table(result: effect.EffectResult, lang: str = "sv") -> pd.DataFrame:
    """Entry year and units; then the units left out and why."""
    s = result.summary
    rows = []
    if s is not None:
        for year, n in s.cohorts:
            rows.append({t("effekt.col.group", lang): t("effekt.cohort", lang, year=year),
                         t("effekt.col.units", lang): n})
        rows.append({t("effekt.col.group", lang): t("effekt.never", lang), t("effekt.col.units", lang): s.controls})
        for reason, n in s.excluded:
            rows.append({t("effekt.col.group", lang): t(f"effekt.excluded.{reason}", lang),
                         t("effekt.col.units", lang): n})
    return pd.DataFrame(rows, columns=[t("effekt.col.group", lang), t("effekt.col.units", lang)])


def event_frame(result: effect.EffectResult) -> pd.DataFrame:
    """The event study as numbers (for the chart, the table and the downloads)."""
    return pd.DataFrame(
        [{"relativt_ar": e.relative_year, "effekt": e.estimate, "ki_lag": e.ci_low, "ki_hog": e.ci_high,
          "deltagarar": e.n_treated_obs} for e in result.event_study],
        columns=["relativt_ar", "effekt", "ki_lag", "ki_hog", "deltagarar"],
    )


def event_table(result: effect.EffectResult, lang: str = "sv") -> pd.DataFrame:
    frame = event_frame(result)
    return pd.DataFrame({
        t("effekt.col.relative_year", lang): [relative_label(int(k), lang) for k in frame["relativt_ar"]],
        t("effekt.col.effect", lang): [t("effekt.reference", lang) if pd.isna(v) else points(v, lang)
                                       for v in frame["effekt"]],
        t("effekt.col.interval", lang): [interval(lo, hi, lang) for lo, hi in zip(frame["ki_lag"], frame["ki_hog"])],
        t("effekt.col.unit_years", lang): [formatting.number(n, lang) for n in frame["deltagarar"]],
    })


def relative_label(k: int, lang: str = "sv") -> str:
    if k == 0:
        return t("effekt.rel.entry", lang)
    return t("effekt.rel.before" if k < 0 else "effekt.rel.after", lang, n=abs(k))


def summary_download(view: EffectView, lang: str = "sv") -> pd.DataFrame:
    """One row: the estimate and what it rests on (the same numbers as the CLI's --json)."""
    r = view.result
    data = r.to_dict()
    att = data.pop("att") or {}
    placebo = data.pop("placebo") or {}
    for key in ("event_study", "years", "cohorts", "excluded", "reasons"):
        data.pop(key)
    data.update({f"effekt_{k}": v for k, v in att.items()})
    data.update({f"placebo_{k}": v for k, v in placebo.items()})
    data["utlatande"] = verdict_text(r, lang)
    return pd.DataFrame([data])


def trajectory_download(view: EffectView) -> pd.DataFrame:
    return view.trajectories.rename(columns={"group": "grupp", "mean": "medel", "ci_low": "ki_lag",
                                             "ci_high": "ki_hog", "n": "antal"})


# --------------------------------------------------------------------------- charts


def _outcome_title(outcome: str, lang: str) -> str:
    return metrics.get(outcome).label(lang) + " " + t("effekt.scale", lang)


def trajectory_chart(trajectories: pd.DataFrame, outcome: str, lang: str = "sv") -> alt.Chart | None:
    """Mean per survey year, participants against never-participants, with 95 % intervals (points, so a
    single year is still drawn)."""
    if trajectories.empty:
        return None
    names = {"deltagare": t("effekt.group.participants", lang), "ovriga": t("effekt.group.others", lang)}
    data = trajectories.assign(
        grupp=trajectories["group"].map(names), ar_text=trajectories["ar"].astype(str),
        medel_text=[formatting.number(v, lang, decimals=1) for v in trajectories["mean"]],
        ki_text=[interval(lo, hi, lang).replace("+", "") for lo, hi in zip(trajectories["ci_low"],
                                                                          trajectories["ci_high"])],
    )
    colour = alt.Color("grupp:N", title=None, scale=alt.Scale(domain=list(names.values()), range=list(GROUP_COLOURS)),
                       legend=alt.Legend(orient="bottom"))
    x = alt.X("ar_text:O", title=t("effekt.col.year", lang), axis=alt.Axis(labelAngle=0))
    y_title = _outcome_title(outcome, lang)
    base = alt.Chart(data)
    tooltip = [alt.Tooltip("grupp:N", title=t("effekt.col.group", lang)),
               alt.Tooltip("ar_text:N", title=t("effekt.col.year", lang)),
               alt.Tooltip("medel_text:N", title=t("effekt.col.mean", lang)),
               alt.Tooltip("ki_text:N", title=t("effekt.col.interval", lang)),
               alt.Tooltip("n:Q", title=t("effekt.col.units", lang))]
    lines = base.mark_line(point=alt.OverlayMarkDef(size=60)).encode(
        x=x, y=alt.Y("mean:Q", title=y_title), color=colour, tooltip=tooltip)
    bars = base.mark_errorbar(ticks=True).encode(x=x, y=alt.Y("ci_low:Q", title=y_title), y2="ci_high:Q",
                                                 color=colour)
    return (bars + lines).properties(height=320)


def event_means_chart(means: pd.DataFrame, outcome: str, lang: str = "sv") -> alt.Chart | None:
    """Participants' mean by years since entry (0 = entry year), with 95 % intervals."""
    if means.empty:
        return None
    data = means.assign(label=[relative_label(int(k), lang) for k in means["relative_year"]],
                        medel_text=[formatting.number(v, lang, decimals=1) for v in means["mean"]])
    x = alt.X("relative_year:O", title=t("effekt.col.relative_year_short", lang), axis=alt.Axis(labelAngle=0))
    y_title = _outcome_title(outcome, lang)
    base = alt.Chart(data)
    tooltip = [alt.Tooltip("label:N", title=t("effekt.col.relative_year", lang)),
               alt.Tooltip("medel_text:N", title=t("effekt.col.mean", lang)),
               alt.Tooltip("n:Q", title=t("effekt.col.units", lang))]
    return (base.mark_errorbar(ticks=True, color=GROUP_COLOURS[0]).encode(x=x, y=alt.Y("ci_low:Q", title=y_title),
                                                                          y2="ci_high:Q")
            + base.mark_line(point=alt.OverlayMarkDef(size=60), color=GROUP_COLOURS[0]).encode(
                x=x, y=alt.Y("mean:Q", title=y_title), tooltip=tooltip)).properties(height=280)


def event_chart(result: effect.EffectResult, lang: str = "sv") -> alt.Chart | None:
    """The event study: effect per year relative to entry with 95 % intervals; the reference year at 0."""
    frame = event_frame(result)
    if frame.empty:
        return None
    data = frame.assign(
        effekt=frame["effekt"].fillna(0.0), label=[relative_label(int(k), lang) for k in frame["relativt_ar"]],
        effekt_text=[t("effekt.reference", lang) if pd.isna(v) else points(v, lang) for v in frame["effekt"]],
        ki_text=[interval(lo, hi, lang) for lo, hi in zip(frame["ki_lag"], frame["ki_hog"])],
        fas=[t("effekt.phase.before" if k < 0 else "effekt.phase.after", lang) for k in frame["relativt_ar"]],
    )
    x = alt.X("relativt_ar:O", title=t("effekt.col.relative_year_short", lang), axis=alt.Axis(labelAngle=0))
    y_title = t("effekt.col.effect", lang) + " " + t("effekt.scale_points", lang)
    colour = alt.Color("fas:N", title=None, legend=alt.Legend(orient="bottom"),
                       scale=alt.Scale(domain=[t("effekt.phase.before", lang), t("effekt.phase.after", lang)],
                                       range=["#737373", GROUP_COLOURS[0]]))
    base = alt.Chart(data)
    tooltip = [alt.Tooltip("label:N", title=t("effekt.col.relative_year", lang)),
               alt.Tooltip("effekt_text:N", title=t("effekt.col.effect", lang)),
               alt.Tooltip("ki_text:N", title=t("effekt.col.interval", lang)),
               alt.Tooltip("deltagarar:Q", title=t("effekt.col.unit_years", lang))]
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#252525").encode(y="y:Q")
    bars = base.mark_errorbar(ticks=True).encode(x=x, y=alt.Y("ki_lag:Q", title=y_title), y2="ki_hog:Q", color=colour)
    dots = base.mark_point(filled=True, size=80).encode(x=x, y=alt.Y("effekt:Q", title=y_title), color=colour,
                                                        tooltip=tooltip)
    return (zero + bars + dots).properties(height=300)
