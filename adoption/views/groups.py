"""Any metric per SKR municipality group (Karta with ``niva=grupp``): ordered bars with intervals, and a table.

Every figure is the registry's (``metrics.compute(..., by="grupp")``) for the
groups of the version shown; this module orders them, words them and draws
the chart specification. No Streamlit here.

Order: highest value first, so the chart reads as a ranking; groups without
a value (no answers, too few) come last, in code order, and are named in the
table rather than drawn as a zero-length bar.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from adoption import metrics
from adoption.metrics.filters import Filter, in_group
from adoption.store import Store
from adoption.text import i18n, present
from adoption.views import mapping

BAR_COLOUR = "#21918c"  # viridis' middle step, as the map's middle class
INTERVAL_COLOUR = "#3b3b3b"


@dataclass(frozen=True)
class GroupRow:
    code: str  # A1..C9
    name: str  # the group's name in the page's language
    main: str  # A, B or C
    municipalities: int  # municipalities of the group within the filter (county)
    value: float | None
    value_text: str
    base_text: str
    interval_text: str
    status: str
    numerator: float | None
    denominator: float | None
    n: int
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True)
class GroupData:
    metric: str
    lang: str
    year: int | None
    rows: tuple[GroupRow, ...]  # ordered: highest value first, then those without a value
    classification: int | None  # the year of SKR's classification (2023); None without groups
    file: str  # the file the groups were loaded from ("" without groups)
    blocking_status: str | None = None
    filters_ignored: tuple[str, ...] = ()


def build(store: Store, metric_id: str, flt: Filter, lang: str = "sv", *, version: int | None = None) -> GroupData:
    """The metric per group of the version, for a filter (``flt.kommun`` is ignored)."""
    flt = flt.with_(kommun=None)
    groups = store.municipality_groups(store.resolve_version(version))
    if groups.empty:
        return GroupData(metric_id, lang, None, (), None, "", "no_groups")
    results = metrics.compute(store, metric_id, flt, version=version, by="grupp")
    municipalities = store.municipalities()
    if flt.lan:
        municipalities = municipalities[municipalities["lan_kod"].isin(flt.lan)]
    in_scope = groups[groups["kommunkod"].isin(municipalities["kommunkod"])]
    if flt.grupp:
        in_scope = in_scope[[in_group(g, flt.grupp) for g in in_scope["grupp"]]]
    sizes = in_scope["grupp"].value_counts().to_dict()
    rows = [
        GroupRow(
            code=r.area, name=i18n.label("kommungrupp", r.area, lang), main=r.area[:1],
            municipalities=int(sizes.get(r.area, 0)), value=None if r.suppressed else r.value,
            value_text=present.value(r, lang), base_text=present.base(r, lang),
            interval_text=present.interval(r, lang), status=r.status,
            numerator=None if r.suppressed else r.numerator, denominator=None if r.suppressed else r.denominator,
            n=r.n, ci_low=None if r.suppressed else r.ci_low, ci_high=None if r.suppressed else r.ci_high,
        )
        for r in results
    ]
    rows.sort(key=lambda row: (row.value is None, -(row.value or 0.0), row.code))
    statuses = {r.status for r in results}
    blocking = next((s for s in mapping.BLOCKING if s in statuses), None)
    year = next((r.ar for r in results), None)
    ignored = next((r.filters_ignored for r in results), ())
    classification_year, file = classification(store, version)
    return GroupData(metric_id, lang, year, tuple(rows), classification_year, file, blocking, tuple(ignored))


def classification(store: Store, version: int | None = None) -> tuple[int | None, str]:
    """The year of the version's group classification and the file it was loaded from ("–" when the
    upload is not recorded); (None, "") without groups."""
    groups = store.municipality_groups(store.resolve_version(version))
    if groups.empty:
        return None, ""
    upload = store.find_upload(str(groups["sha256"].iloc[0]), "kommungrupper")
    return int(groups["ar"].iloc[0]), upload.filename if upload is not None else "–"


def _scale(unit: str) -> float:
    return 100.0 if unit == "share" else 1.0


def axis_title(data: GroupData) -> str:
    return mapping.value_column(_as_map(data))


def _as_map(data: GroupData) -> mapping.MapData:
    """A MapData shell, so that value columns are named as the map names them."""
    return mapping.MapData(data.metric, "grupp", data.lang, data.year, (), (), (), ())


def chart(data: GroupData) -> alt.LayerChart | None:
    """Horizontal bars, highest first, with a line for each group's 95 % interval; None when nothing has a value."""
    drawn = [r for r in data.rows if r.value is not None]
    if not drawn:
        return None
    unit = metrics.get(data.metric).unit
    scale = _scale(unit)
    t = lambda key: i18n.t(key, data.lang)  # noqa: E731
    frame = pd.DataFrame({
        "group": [f"{r.code} {r.name}" for r in drawn],
        "value": [r.value * scale for r in drawn],
        "low": [r.ci_low * scale if r.ci_low is not None else None for r in drawn],
        "high": [r.ci_high * scale if r.ci_high is not None else None for r in drawn],
        "value_text": [r.value_text for r in drawn],
        "base_text": [r.base_text for r in drawn],
        "interval_text": [r.interval_text or "–" for r in drawn],
    })
    order = frame["group"].tolist()
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=400))
    domain = [0, 100] if unit in ("share", "index") else alt.Undefined
    x_title = axis_title(data)
    tooltip = [alt.Tooltip("group:N", title=t("grupp.col_group")),
               alt.Tooltip("value_text:N", title=table_value_column(data)),
               alt.Tooltip("base_text:N", title=t("common.base")),
               alt.Tooltip("interval_text:N", title=t("karta.col.interval"))]
    bars = alt.Chart(frame).mark_bar(color=BAR_COLOUR).encode(
        x=alt.X("value:Q", title=x_title, scale=alt.Scale(domain=domain, zero=True)), y=y, tooltip=tooltip)
    intervals = alt.Chart(frame).mark_rule(color=INTERVAL_COLOUR, strokeWidth=2).encode(
        x="low:Q", x2="high:Q", y=y, tooltip=tooltip)
    return alt.layer(bars, intervals).properties(height=alt.Step(28))


def table(data: GroupData) -> pd.DataFrame:
    """The chart's figures as the page shows them: every group, with base and interval.

    As on the map's table (issue 16), one value column holding the registry's
    value, so that it sorts as a number; the page shows each cell as
    :func:`value_texts` (the figure in the language's format, or its status word).
    """
    t = lambda key: i18n.t(key, data.lang)  # noqa: E731
    return pd.DataFrame({
        t("grupp.col_group"): [f"{r.code} {r.name}" for r in data.rows],
        t("grupp.col_municipalities"): [r.municipalities for r in data.rows],
        table_value_column(data): [r.value for r in data.rows],
        t("common.base"): [r.base_text if r.value is not None else "" for r in data.rows],
        t("karta.col.interval"): [r.interval_text for r in data.rows],
    })


def table_value_column(data: GroupData) -> str:
    return mapping.table_value_column(_as_map(data))


def value_texts(data: GroupData) -> list[str]:
    """The value column of :func:`table` as a reader sees it: "45,5 %", or the status word."""
    return [r.value_text for r in data.rows]


def download_table(data: GroupData) -> pd.DataFrame:
    """The figures as numbers, one row per group (shares in percent; a missing value is empty, its status named)."""
    t = lambda key: i18n.t(key, data.lang)  # noqa: E731
    scale = _scale(metrics.get(data.metric).unit)

    def scaled(x):
        return None if x is None else round(x * scale, 4)

    frame = pd.DataFrame([{
        t("download.col.grupp"): r.code,
        t("common.name"): r.name,
        t("grupp.col_main"): r.main,
        t("grupp.col_municipalities"): r.municipalities,
        t("filter.ar"): data.year,
        axis_title(data): scaled(r.value),
        t("download.col.numerator"): r.numerator,
        t("download.col.denominator"): r.denominator,
        t("download.col.n"): None if r.status == "too_few" else r.n,
        t("download.col.ci_low"): scaled(r.ci_low) if r.value is not None else None,
        t("download.col.ci_high"): scaled(r.ci_high) if r.value is not None else None,
        t("common.status"): present.status(r.status if r.value is None else "ok", data.lang),
    } for r in data.rows])
    for key in ("filter.ar", "download.col.numerator", "download.col.denominator", "download.col.n",
                "grupp.col_municipalities"):
        if t(key) in frame:
            frame[t(key)] = mapping.whole_numbers(frame[t(key)])
    return frame
