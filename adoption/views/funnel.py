"""The funnel section of Programmets effekt: tables, downloads and the heatmap of stage transitions.

Figures from :mod:`adoption.metrics.funnel`; this module puts them into
words in the reader's language. Stalled pilots link to the municipality's
profile (``/kommun?kommun=KKKK``).
"""

from __future__ import annotations

from urllib.parse import urlencode

import altair as alt
import pandas as pd

from adoption.metrics import funnel
from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import formatting, i18n


def funnel_data(store: Store, flt: Filter, *, version: int | None = None) -> funnel.Funnel:
    return funnel.compute(store, flt, version=version)


def _t(key: str, lang: str, **values) -> str:
    text = i18n.t(key, lang)
    return text.format(**values) if values else text


def _share(value, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else formatting.percent(value, lang)


def _interval(low, high, lang: str) -> str:
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return "–"
    return f"{formatting.percent(low, lang)}–{formatting.percent(high, lang)}"


def transition_table(data: funnel.Funnel, lang: str = "sv") -> pd.DataFrame:
    """Rows: stage in the year before; columns: stage in the chosen year; cells "count (row share)"."""
    frame = data.transitions
    stage = lambda v: i18n.label("mognad", int(v), lang)  # noqa: E731
    rows = []
    for source, group in frame.groupby("fran", sort=True):
        row = {_t("funnel.col.from", lang, year=data.previous or "–"): stage(source)}
        for r in group.itertuples(index=False):
            row[stage(r.till)] = f"{formatting.number(r.antal, lang)} ({_share(r.andel, lang)})"
        row[_t("funnel.col.total", lang)] = formatting.number(int(group["antal"].sum()), lang)
        rows.append(row)
    return pd.DataFrame(rows)


def transition_download(data: funnel.Funnel, lang: str = "sv") -> pd.DataFrame:
    frame = data.transitions.copy()
    frame.insert(0, "ar_fran", data.previous)
    frame.insert(1, "ar_till", data.ar)
    frame["fran_namn"] = [i18n.label("mognad", int(v), lang) for v in frame["fran"]]
    frame["till_namn"] = [i18n.label("mognad", int(v), lang) for v in frame["till"]]
    return frame


def transition_chart(data: funnel.Funnel, lang: str = "sv") -> alt.Chart | None:
    """Heatmap of row shares (stage in the year before -> stage in the chosen year), counts written in."""
    frame = data.transitions
    if data.previous is None or frame["antal"].sum() == 0:
        return None
    names = [i18n.label("mognad", v, lang) for v in sorted(frame["fran"].unique())]
    plot = frame.assign(
        fran_namn=[i18n.label("mognad", int(v), lang) for v in frame["fran"]],
        till_namn=[i18n.label("mognad", int(v), lang) for v in frame["till"]],
        andel_v=frame["andel"].fillna(0.0),
        andel_text=[_share(v, lang) for v in frame["andel"]],
        antal_text=[formatting.number(v, lang) for v in frame["antal"]],
        ki_text=[_interval(lo, hi, lang) for lo, hi in zip(frame["ci_low"], frame["ci_high"])],
    )
    base = alt.Chart(plot).encode(
        x=alt.X("till_namn:N", sort=names, title=_t("funnel.axis.to", lang, year=data.ar),
                axis=alt.Axis(labelAngle=0, labelLimit=200)),
        y=alt.Y("fran_namn:N", sort=names, title=_t("funnel.axis.from", lang, year=data.previous),
                axis=alt.Axis(labelLimit=200)),
    )
    tooltip = [alt.Tooltip("fran_namn:N", title=_t("funnel.axis.from", lang, year=data.previous)),
               alt.Tooltip("till_namn:N", title=_t("funnel.axis.to", lang, year=data.ar)),
               alt.Tooltip("antal_text:N", title=_t("funnel.col.count", lang)),
               alt.Tooltip("andel_text:N", title=_t("funnel.col.row_share", lang)),
               alt.Tooltip("ki_text:N", title=_t("funnel.col.interval", lang))]
    cells = base.mark_rect().encode(
        color=alt.Color("andel_v:Q", title=_t("funnel.col.row_share", lang), scale=alt.Scale(scheme="blues",
                        domain=[0, 1]), legend=alt.Legend(format="%")),
        tooltip=tooltip)
    text = base.mark_text(fontSize=13).encode(
        text="antal_text:N", color=alt.condition("datum.andel_v > 0.5", alt.value("white"), alt.value("black")))
    return (cells + text).properties(height=260)


def profile_link(kommunkod: str, lang: str = "sv", version: int | None = None) -> str:
    params = [("kommun", kommunkod)] + ([("lang", lang)] if lang != "sv" else []) + (
        [("v", str(version))] if version is not None else [])
    return "/kommun?" + urlencode(params)


def stalled_table(data: funnel.Funnel, lang: str = "sv", version: int | None = None) -> pd.DataFrame:
    """One row per municipality with stalled pilots: a link to its profile, how many, which sectors, since when."""
    grouped = funnel.stalled_by_municipality(data.stalled)
    return pd.DataFrame({
        _t("funnel.col.kommun", lang): [profile_link(k, lang, version) for k in grouped["kommunkod"]],
        _t("funnel.col.name", lang): grouped["kommun"].tolist(),
        _t("funnel.col.stalled", lang): [formatting.number(n, lang) for n in grouped["antal"]],
        _t("funnel.col.sectors", lang): [", ".join(i18n.label("sektor", s, lang) for s in sectors)
                                         for sectors in grouped["sektorer"]],
        _t("funnel.col.since", lang): grouped["pilot_since"].astype("Int64").astype(str).tolist(),
    })


def stalled_download(data: funnel.Funnel) -> pd.DataFrame:
    return data.stalled.rename(columns={"prev_ar": "forra_besvarade_ar", "pilot_since": "pilot_sedan"})


def reach_table(data: funnel.Funnel, lang: str = "sv") -> pd.DataFrame:
    return pd.DataFrame({
        _t("funnel.col.within", lang): [_t("funnel.within", lang, n=int(k)) for k in data.reach["within"]],
        _t("funnel.col.share", lang): [_share(v, lang) for v in data.reach["value"]],
        _t("funnel.col.base", lang): [_t("funnel.base", lang, numerator=formatting.number(n, lang),
                                         denominator=formatting.number(d, lang))
                                      for n, d in zip(data.reach["numerator"], data.reach["denominator"])],
        _t("funnel.col.interval", lang): [_interval(lo, hi, lang) for lo, hi in zip(data.reach["ci_low"],
                                                                                    data.reach["ci_high"])],
    })


def evaluated_table(data: funnel.Funnel, lang: str = "sv") -> pd.DataFrame:
    frame = data.evaluated
    return pd.DataFrame({
        _t("funnel.col.stage", lang): [i18n.label("mognad", int(v), lang) for v in frame["mognad"]],
        _t("funnel.col.share_evaluated", lang): [_share(v, lang) for v in frame["value"]],
        _t("funnel.col.base", lang): [_t("funnel.base", lang, numerator=formatting.number(n, lang),
                                         denominator=formatting.number(d, lang))
                                      for n, d in zip(frame["numerator"], frame["denominator"])],
        _t("funnel.col.interval", lang): [_interval(lo, hi, lang) for lo, hi in zip(frame["ci_low"],
                                                                                    frame["ci_high"])],
    })


def reach_years(pipe) -> dict[str, int]:
    """The years the reach note names: the shown year and the pilots' starting years 1 and 2 years before."""
    return {"year": pipe.ar, "one": pipe.ar - 1, "two": pipe.ar - 2}
