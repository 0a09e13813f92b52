"""What every report holds, whatever its area: the header, key figures, goals, initiatives, sources.

A report is a plain document (dicts, lists and strings, see :class:`Document`)
that :mod:`.render` lays out. Every figure in it comes from the metric registry
through the view modules, and every figure becomes words in
:func:`adoption.reports.words.present`; nothing here computes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from adoption import metrics
from adoption.errors import AdoptionError
from adoption.metrics.filters import Filter, ViewState, group_codes, in_group, to_query
from adoption.metrics.years import latest_and_previous
from adoption.store import Store
from adoption.text import formatting, i18n
from adoption.views import about, catalogue, goals, overview
from adoption.views.downloads import download_stem

from .words import present

KINDS = ("kommun", "lan", "grupp", "riket")
INITIATIVES_SHOWN = {"kommun": 3, "lan": 8, "grupp": 8, "riket": 8}
# Where a reader opens the same view in the dashboard (Översikt takes a county or a group).
PAGE_PATHS = {"kommun": "/kommun", "lan": "/", "grupp": "/", "riket": "/"}


@dataclass(frozen=True)
class Scope:
    """What a report is about: one municipality, one county, one SKR municipality group (A1..C9) or main
    group (A, B, C), or the whole country."""

    kind: str
    code: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")

    @property
    def filter(self) -> Filter:
        if self.kind == "kommun":
            return Filter(kommun=self.code)
        if self.kind == "lan":
            return Filter(lan=(self.code,))
        if self.kind == "grupp":
            return Filter(grupp=self.code)
        return Filter()


def check_scope(store: Store, scope: Scope, version: int | None = None) -> None:
    """A Swedish error for a code that does not exist, and for a group when the data version has no groups."""
    if scope.kind == "grupp":
        check_group(store, scope.code, version)
    if scope.kind == "kommun":
        if not re.fullmatch(r"[0-9]{4}", scope.code or ""):
            raise AdoptionError(f"Ogiltig kommunkod ”{scope.code}”: ange fyra siffror, till exempel 0180.")
        if scope.code not in set(store.municipalities()["kommunkod"]):
            raise AdoptionError(f"Kommunkoden {scope.code} finns inte bland kommunerna i databasen.")
    if scope.kind == "lan":
        if not re.fullmatch(r"[0-9]{2}", scope.code or ""):
            raise AdoptionError(f"Ogiltig länskod ”{scope.code}”: ange två siffror, till exempel 01.")
        if scope.code not in set(store.counties()["lan_kod"]):
            raise AdoptionError(f"Länskoden {scope.code} finns inte bland länen i databasen.")


def group_members(store: Store, code: str, version: int | None) -> list[str]:
    """The municipality codes of a group or main group in a data version's classification."""
    groups = store.municipality_groups(version)
    return sorted(k for k, g in zip(groups["kommunkod"], groups["grupp"]) if in_group(g, code))


def check_group(store: Store, code: str | None, version: int | None) -> None:
    if code not in group_codes():
        raise AdoptionError(f"Okänd kommungrupp ”{code}”: ange en av {', '.join(group_codes())}.")
    version = store.resolve_version(version)
    if version is None:
        return  # no data at all: the frame says so
    if store.municipality_groups(version).empty:
        raise AdoptionError(f"Inga kommungrupper är inlästa i dataversion {version}. Läs in SKR:s "
                            "kommungruppsindelning med python -m adoption import-kommungrupper FIL.")
    if not group_members(store, code, version):
        raise AdoptionError(f"Kommungruppen {code} har inga kommuner i den inlästa kommungruppsindelningen "
                            f"(dataversion {version}).")


@dataclass
class Document:
    """A report as data. ``blocks`` are laid out in order; see ``report.typ`` for each block's fields
    (a figure holds its Vega-Lite ``spec``; :mod:`.render` draws it)."""

    lang: str
    title: str
    subject: str
    overline: str
    heading: str
    subheading: str
    facts: list[tuple[str, str]]
    link: str
    footer: str
    watermark: str = ""
    demo_note: str = ""
    blocks: list[dict] = field(default_factory=list)

    def add(self, block_type: str, **fields) -> None:
        self.blocks.append({"type": block_type, **fields})

    def as_data(self) -> dict:
        data = dict(self.__dict__)
        data["facts"] = [list(pair) for pair in self.facts]
        data["author"] = i18n.t("app.title", self.lang)
        return data


def t(key: str, lang: str, **values) -> str:
    text = i18n.t(key, lang)
    return text.format(**values) if values else text


# -- the frame: when, which version, where to see it ------------------------------------


@dataclass(frozen=True)
class Frame:
    """The survey year, the previous survey year, the data version and its load time, and the pinned link."""

    year: int
    previous: int | None
    version: int
    loaded: object  # datetime of the version
    demo: bool
    link: str


def frame(store: Store, scope: Scope, ar: int | None, lang: str, version: int | None,
          base_url: str | None) -> Frame:
    version = store.resolve_version(version)
    if version is None:
        raise AdoptionError("Databasen har inga data ännu: kör python -m adoption init eller ladda upp enkätsvar.")
    years = store.survey_years(version)
    if not years:
        raise AdoptionError(f"Dataversion {version} har inga enkätsvar.")
    if ar is not None and ar not in years:
        raise AdoptionError(f"Det finns inga enkätsvar för år {ar} i dataversion {version} "
                            f"(enkätår: {', '.join(map(str, years))}).")
    year, previous = latest_and_previous(store, ar, version=version)
    info = next(v for v in store.versions() if v.version == version)
    demo = store.row_counts(version).get("enkatsvar_demo", 0) > 0  # demo survey rows in this version
    return Frame(year, previous, version, info.created_at, demo,
                 view_link(PAGE_PATHS[scope.kind], scope, year, lang, version, base_url))


def view_link(path: str, scope: Scope, year: int, lang: str, version: int, base_url: str | None, *,
              matt: str | None = None) -> str:
    """A dashboard address for the report's area, pinned to the year and data version (``v=``), as "Dela"
    writes it; ``matt``: the metric a Karta link shows."""
    state = ViewState(filter=scope.filter.with_(ar=year), lang=lang, v=version)
    state = state.with_(matt=matt) if matt else state
    query = urlencode([(k, v) for k, values in to_query(state).items() for v in values])
    return f"{(base_url or '').rstrip('/')}{path}?{query}"


def file_name(scope: Scope, year: int | None, lang: str, version: int | None) -> str:
    """``rapport_2024_kommun-1480_v3.pdf``: named like the dashboard's other downloads."""
    state = ViewState(filter=scope.filter, lang=lang)
    return download_stem("rapport", state, year=year, version=version, metric=None) + ".pdf"


def new_document(scope: Scope, fr: Frame, lang: str, *, heading: str, subheading: str, area: str,
                 name: str | None = None) -> Document:
    """``name``: the area in the title, subject and footer ("kommungrupp A1 Storstäder"), if not the heading."""
    name = name or heading
    kind_word = t(f"report.kind.{scope.kind}", lang)
    when = about.when(fr.loaded, lang)
    facts = [
        (t("report.fact.area", lang), area),
        (t("report.fact.year", lang), t("report.fact.year_value", lang, year=fr.year,
                                         previous=fr.previous if fr.previous is not None else "–")),
        (t("report.fact.version", lang), t("report.fact.version_value", lang, version=fr.version, loaded=when)),
        (t("report.fact.link", lang), fr.link),
    ]
    title = t("report.title", lang, area=name, year=fr.year)
    return Document(
        lang=lang, title=title,
        subject=t("report.subject", lang, kind=kind_word, area=name, year=fr.year, version=fr.version),
        overline=f"{t('app.title', lang)} · {kind_word}", heading=heading, subheading=subheading,
        facts=facts, link=fr.link,
        footer=t("report.footer", lang, area=name, year=fr.year, version=fr.version, loaded=when),
        watermark=t("report.watermark", lang) if fr.demo else "",
        demo_note=t("banner.demo", lang) if fr.demo else "",
    )


# -- key figures ------------------------------------------------------------------------


def key_figures(store: Store, flt: Filter, fr: Frame, metric_ids: tuple[str, ...], lang: str, *,
                single_municipality: bool = False) -> list[dict]:
    """One card per metric: value, change since the previous survey, base and interval."""
    cards = []
    for headline in overview.headlines(store, flt.with_(ar=fr.year), fr.version, metric_ids):
        words = present(headline.result, lang, headline=headline, single_municipality=single_municipality)
        cards.append({
            "label": headline.metric.label(lang), "value": words.value, "change": words.change,
            "base": words.base,
            "interval": t("report.interval", lang, interval=words.interval) if words.interval else "",
            "missing": headline.result.value is None,
        })
    return cards


def figure_cell(result: metrics.MetricResult, lang: str, *, single_municipality: bool = False) -> dict:
    """A table cell: the value, and under it the base and the interval."""
    words = present(result, lang, single_municipality=single_municipality)
    if result.value is None:
        return {"main": words.value, "sub": ""}
    sub = words.base + (f" · {t('report.interval', lang, interval=words.interval)}" if words.interval else "")
    return {"main": words.value, "sub": sub}


# -- goals, initiatives, sources -----------------------------------------------------


def goal_blocks(store: Store, fr: Frame, lang: str) -> list[dict]:
    """Every programme goal with its status (the whole country, as on Mål) and the rule behind it;
    nothing when no goals are set."""
    items = []
    target_years = set()
    for progress in goals.goal_progress(store, store.goals(), version=fr.version):
        target_years.add(progress.target_year)
        if progress.latest is not None:
            line = t("mal.overview_line", lang, latest=goals.value_text(progress.latest_value, progress.unit, lang),
                     year=progress.latest.ar, target=goals.target_text(progress, lang),
                     target_year=progress.target_year)
        else:
            line = progress.reason_text(lang) or ""
        items.append({"id": progress.goal_id, "status": progress.status, "status_text": progress.status_text(lang),
                      "label": progress.label(lang), "line": line})
    if not items:
        return []
    year = next(iter(target_years)) if len(target_years) == 1 else None
    return [{"type": "heading", "text": t("common.programme_goals", lang)},
            {"type": "goals", "items": items, "rule": goals.rule_text(lang, year),
             "note": t("report.goals_note", lang) + " " + t("mal.illustrative", lang)}]


def initiative_block(store: Store, scope: Scope, fr: Frame, lang: str, base_url: str | None) -> list[dict]:
    """The first initiatives of the area in the survey year, and how many there are in all."""
    shown = INITIATIVES_SHOWN[scope.kind]
    query = catalogue.Query(ar=fr.year, kommun=scope.code if scope.kind == "kommun" else None,
                            lan=(scope.code,) if scope.kind == "lan" else (),
                            kommuner=tuple(group_members(store, scope.code, fr.version)) if scope.kind == "grupp"
                            else ())
    found = catalogue.find(store, query, limit=shown, version=fr.version)
    if found.total == 0:
        return [{"type": "note", "text": t("report.initiatives_none", lang, year=fr.year)}]
    table = catalogue.table(found.rows, lang)
    col = lambda key: i18n.t(key, lang)  # noqa: E731
    keys = ["initiativ.col.titel", "filter.sektor", "common.stage", "initiativ.col.utvarderad"]
    if scope.kind != "kommun":
        keys.insert(1, "filter.kommun")
    rows = [[str(row[col(k)]) for k in keys] for _, row in table.iterrows()]
    # Initiativ has no group filter: a group's link opens the whole catalogue of the year, and says so.
    link = view_link("/initiativ", Scope("riket") if scope.kind == "grupp" else scope, fr.year, lang, fr.version,
                     base_url)
    count_key = "report.initiatives_count_grupp" if scope.kind == "grupp" else "report.initiatives_count"
    note = t(count_key, lang, shown=formatting.number(len(rows), lang),
             total=formatting.number(found.total, lang), year=fr.year, link=link)
    widths = [3, 2, 2, 1] if scope.kind == "kommun" else [3, 1.3, 2, 2, 1]
    return [{"type": "table", "columns": [col(k) for k in keys], "rows": rows, "widths": widths,
             "align": ["left"] * len(keys), "small": True},
            {"type": "note", "text": note}]


_BOLD_ITEM = re.compile(r"^- \*\*(.+?)\*\*\s*(.*)$")


def _bullets(markdown_list: str) -> list[dict]:
    """A page's markdown list ("- **Inget svar** (tom cell): ...") as items with a lead in bold."""
    items = []
    for line in markdown_list.splitlines():
        match = _BOLD_ITEM.match(line)
        if match:
            rest = match.group(2)
            items.append({"strong": match.group(1), "sep": "" if rest[:1] in ":,." else " ", "text": rest})
        elif line.startswith("- "):
            items.append({"strong": "", "text": line[2:]})
    return items


def method_blocks(fr: Frame, metric_ids: tuple[str, ...], lang: str, *, with_map: bool,
                  extra: tuple[str, ...] = (), sources_extra: tuple[dict, ...] = ()) -> list[dict]:
    """Sources and method notes: the data and its version, the metrics' definitions, missing answers,
    intervals and the change rule, as the Om data page states them. ``sources_extra``: more sources
    (``{"strong": name, "text": ...}``), such as a group report's classification file."""
    survey = next(s for s in about.sources(lang) if s.key == "survey")
    sources = [{"strong": survey.name, "text": f"{survey.text} ({survey.licence})"}]
    sources.append({"strong": t("report.fact.version", lang),
                    "text": t("report.version_note", lang, version=fr.version, loaded=about.when(fr.loaded, lang))})
    if with_map:
        geometry = next(s for s in about.sources(lang) if s.key == "geometry")
        sources.append({"strong": geometry.name, "text": f"{geometry.text} ({geometry.licence})"})
    sources += sources_extra
    definitions = [{"strong": metrics.get(m).label(lang), "text": metrics.get(m).definition(lang)}
                   for m in metric_ids]
    missing = _bullets(t("om.missing_data.text", lang, min_n=metrics.CIVIL_SOCIETY_MIN_N))
    method = [{"strong": t("report.method.interval_head", lang), "text": t("report.method.interval", lang)},
              {"strong": t("report.method.change_head", lang), "text": t("report.method.change", lang)}]
    method += [{"strong": "", "text": text} for text in extra]
    return [
        {"type": "heading", "text": t("report.section.sources", lang)},
        {"type": "columns", "count": 3, "blocks": [
            {"type": "subheading", "text": t("om.sources.heading", lang)},
            {"type": "bullets", "items": sources},
            {"type": "subheading", "text": t("report.method.heading", lang)},
            {"type": "bullets", "items": method},
            {"type": "subheading", "text": t("om.missing_data.heading", lang)},
            {"type": "bullets", "items": missing},
            {"type": "subheading", "text": t("om.metrics.heading", lang)},
            {"type": "bullets", "items": definitions},
        ]},
    ]
