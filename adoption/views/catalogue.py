"""The catalogue of reported AI initiatives: search, filters, and who else does the same kind of work.

Free-text search is a plain substring match in the title and the description,
insensitive to case and to diacritics ("skola" finds "Skola", "forskola"
finds "förskola"); the query is never read as a pattern (no regular
expressions), so any characters may be typed.

"The same kind of work" is defined as: an initiative in the same sector
(``sektor``) with the same technique (``teknik``), reported by another
municipality (``typ`` kommun, any survey year). Each such municipality is
listed once, with how many of those initiatives it reported and the latest
year it did.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from adoption.store import Store
from adoption.text import i18n

EVALUATED = ("ja", "nej", "okant")  # utvarderad: True, False, unknown
MAX_QUERY = 200  # characters of a search text that are used


@dataclass(frozen=True)
class Query:
    """What the catalogue is narrowed to. Empty means "all"; ``typ`` None means municipalities."""

    text: str = ""
    ar: int | None = None
    lan: tuple[str, ...] = ()
    kommun: str | None = None
    kommuner: tuple[str, ...] = ()  # any of these (a municipality group's members, for its report)
    sektor: tuple[str, ...] = ()
    typ: str | None = None
    mognad: tuple[int, ...] = ()
    teknik: tuple[str, ...] = ()
    utvarderad: tuple[str, ...] = field(default_factory=tuple)  # among EVALUATED


def fold(text: object) -> str:
    """Lower case without diacritics: "Förskola" -> "forskola". Missing values give ""."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def catalogue(store: Store, *, version: int | None = None) -> pd.DataFrame:
    """Every initiative of a data version with its county; ``id`` is a row number stable within the version."""
    version = store.resolve_version(version)
    frame = store.initiatives(version)
    counties = store.municipalities()[["kommunkod", "lan_kod", "lan_name"]]
    frame = frame.merge(counties, on="kommunkod", how="left")
    # Stable: equal keys keep the store's order (the order rows were loaded in), as in ``find``.
    frame = frame.sort_values(["ar", "kommunkod", "organisation", "titel"], ascending=[False, True, True, True],
                              na_position="first", kind="stable").reset_index(drop=True)
    frame.insert(0, "id", range(len(frame)))
    frame["_search"] = [f"{fold(t)}\n{fold(d)}" for t, d in zip(frame["titel"], frame["beskrivning"])]
    return frame


def evaluated_code(value) -> str:
    if value is None or pd.isna(value):
        return "okant"
    return "ja" if bool(value) else "nej"


def search(frame: pd.DataFrame, query: Query) -> pd.DataFrame:
    """The rows of a :func:`catalogue` frame that match ``query`` (order kept)."""
    mask = pd.Series(True, index=frame.index)
    typ = query.typ or "kommun"
    mask &= frame["typ"] == typ
    if query.ar is not None:
        mask &= frame["ar"] == query.ar
    if query.lan:
        mask &= frame["lan_kod"].isin(query.lan)
    if query.kommun:
        mask &= frame["kommunkod"] == query.kommun
    if query.kommuner:
        mask &= frame["kommunkod"].isin(query.kommuner)
    if query.sektor:
        mask &= frame["sektor"].isin(query.sektor)
    if query.mognad:
        mask &= frame["mognad"].isin([int(m) for m in query.mognad])
    if query.teknik:
        mask &= frame["teknik"].isin(query.teknik)
    if query.utvarderad:
        mask &= frame["utvarderad"].map(evaluated_code).isin(query.utvarderad)
    needle = fold(query.text[:MAX_QUERY]).strip()
    if needle:
        mask &= frame["_search"].str.contains(needle, regex=False)
    return frame[mask.fillna(False).astype(bool)]


def same_kind(frame: pd.DataFrame, initiative_id: int) -> pd.DataFrame:
    """Other municipalities with an initiative of the same sector and technique (any year).

    Columns: kommunkod, kommun, lan_name, antal (such initiatives), senaste_ar,
    exempel (one title, the latest); most initiatives first, then name.
    """
    columns = ["kommunkod", "kommun", "lan_name", "antal", "senaste_ar", "exempel"]
    chosen = frame[frame["id"] == initiative_id]
    if chosen.empty:
        return pd.DataFrame(columns=columns)
    row = chosen.iloc[0]
    if pd.isna(row["sektor"]) or pd.isna(row["teknik"]):
        return pd.DataFrame(columns=columns)
    others = frame[
        (frame["typ"] == "kommun")
        & (frame["sektor"] == row["sektor"])
        & (frame["teknik"] == row["teknik"])
        & (frame["kommunkod"] != row["kommunkod"])
    ]
    if others.empty:
        return pd.DataFrame(columns=columns)
    latest = others.sort_values(["ar", "titel"], ascending=[False, True]).groupby("kommunkod", sort=False)
    out = pd.DataFrame({
        "kommun": latest["kommun"].first(),
        "lan_name": latest["lan_name"].first(),
        "antal": latest.size(),
        "senaste_ar": latest["ar"].max(),
        "exempel": latest["titel"].first(),
    }).reset_index()
    return out.sort_values(["antal", "kommun"], ascending=[False, True]).reset_index(drop=True)[columns]


# -- the same, read from the store a page at a time (for catalogues of any size) --------

TABLE_LIMIT = 1_000  # rows of a search shown in the table (and offered in the detail picker)
DOWNLOAD_LIMIT = 10_000  # rows of a search in its CSV / Excel file
SAME_KIND_LIMIT = 200  # municipalities listed as doing the same kind of work


@dataclass(frozen=True)
class Found:
    """The first rows of a search (catalogue columns and order) and how many match in all."""

    rows: pd.DataFrame
    total: int

    @property
    def limited(self) -> bool:
        return len(self.rows) < self.total


def _evaluated_values(codes) -> tuple[bool | None, ...]:
    values = {"ja": True, "nej": False, "okant": None}
    return tuple(values[c] for c in codes if c in values)


def find(store: Store, query: Query, limit: int | None = TABLE_LIMIT, *, version: int | None = None) -> Found:
    """:func:`search` of :func:`catalogue` done by the store: the same rows and ids, at most ``limit``.

    Whole catalogues do not fit in memory for every deployment (two million
    initiatives took 2 GB and a minute), so the filters and the text search
    run in the database and only the rows shown come back.
    """
    version = store.resolve_version(version)
    rows, total = store.search_initiatives(
        version, typ=query.typ or "kommun", ar=query.ar, lan=query.lan, kommun=query.kommun, kommuner=query.kommuner,
        sektor=query.sektor, mognad=query.mognad, teknik=query.teknik, evaluated=_evaluated_values(query.utvarderad),
        needle=fold(query.text[:MAX_QUERY]).strip(), limit=limit,
    )
    return Found(rows, total)


def find_same_kind(store: Store, sektor, teknik, kommunkod: str, limit: int | None = SAME_KIND_LIMIT, *,
                   version: int | None = None) -> Found:
    """:func:`same_kind` for an initiative of ``sektor`` and ``teknik`` in ``kommunkod``, done by the
    store: at most ``limit`` municipalities, and how many there are."""
    columns = ["kommunkod", "kommun", "lan_name", "antal", "senaste_ar", "exempel"]
    if sektor is None or teknik is None or pd.isna(sektor) or pd.isna(teknik):
        return Found(pd.DataFrame(columns=columns), 0)
    version = store.resolve_version(version)
    rows, total = store.same_kind_initiatives(version, sektor=str(sektor), teknik=str(teknik),
                                              except_kommun=str(kommunkod), limit=limit)
    return Found(rows[columns], total)


# -- tables for the page (free text stays text: shown in st.dataframe / st.text, never as markdown) --


def _stage(value, lang: str) -> str:
    """"3 I drift": the number first, so the column sorts by stage."""
    if value is None or pd.isna(value):
        return i18n.t("value.no_answer", lang)
    return f"{int(value)} {i18n.label('mognad', int(value), lang)}"


def _label(vocabulary: str, value, lang: str) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return i18n.label(vocabulary, value, lang)


def _labels(vocabulary: str | None, values, lang: str) -> str:
    """A list field ("tid; kvalitet") as labels joined by commas; "" when missing."""
    if values is None:
        return ""
    if isinstance(values, str):
        return values
    try:
        items = [str(v) for v in list(values) if v is not None]
    except TypeError:  # NaN / NA: no list
        return ""
    return ", ".join(i18n.label(vocabulary, v, lang) if vocabulary else v for v in items)


def evaluated_text(value, lang: str = "sv") -> str:
    return i18n.t(f"initiativ.eval.{evaluated_code(value)}", lang)


def _county_to_sector(out: pd.DataFrame, frame: pd.DataFrame, lang: str, organisation: bool) -> None:
    """The columns :func:`table` and :func:`download_table` share after the municipality: its county
    (when known), the organisation (civil society), the title and the sector."""
    col = lambda key: i18n.t(key, lang)  # noqa: E731
    if "lan_name" in frame.columns:
        out[col("filter.lan")] = frame["lan_name"].to_numpy()
    if organisation:
        out[col("initiativ.col.organisation")] = frame["organisation"].fillna("").to_numpy()
    out[col("initiativ.col.titel")] = frame["titel"].to_numpy()
    out[col("filter.sektor")] = [_label("sektor", v, lang) for v in frame["sektor"]]


def table(frame: pd.DataFrame, lang: str = "sv", *, organisation: bool = False) -> pd.DataFrame:
    """Catalogue rows as shown: translated labels, stage as "3 I drift", ``id`` as the index."""
    col = lambda key: i18n.t(key, lang)  # noqa: E731
    out = pd.DataFrame(index=frame["id"] if "id" in frame.columns else frame.index)
    out[col("filter.ar")] = frame["ar"].astype(int).to_numpy()
    out[col("filter.kommun")] = frame["kommun"].to_numpy()
    _county_to_sector(out, frame, lang, organisation)
    out[col("common.stage")] = [_stage(v, lang) for v in frame["mognad"]]
    out[col("initiativ.teknik")] = [_label("teknik", v, lang) for v in frame["teknik"]]
    out[col("initiativ.col.utvarderad")] = [evaluated_text(v, lang) for v in frame["utvarderad"]]
    out.index.name = None
    return out


def details(row: pd.Series, lang: str = "sv") -> pd.DataFrame:
    """One initiative as field/value rows (the description is shown on its own)."""
    col = lambda key: i18n.t(key, lang)  # noqa: E731
    pairs = [
        (col("initiativ.col.titel"), row["titel"]),
        (col("filter.kommun"), f"{row['kommun']} ({row['kommunkod']})"),
        (col("filter.lan"), row.get("lan_name") or ""),
    ]
    if isinstance(row.get("organisation"), str) and row["organisation"]:
        pairs.append((col("initiativ.col.organisation"), row["organisation"]))
    pairs += [
        (col("filter.ar"), str(int(row["ar"]))),
        (col("filter.sektor"), _label("sektor", row["sektor"], lang)),
        (col("common.stage"), _stage(row["mognad"], lang)),
        (col("initiativ.teknik"), _label("teknik", row["teknik"], lang)),
        (col("initiativ.col.utvarderad"), evaluated_text(row["utvarderad"], lang)),
        (col("initiativ.col.nytta"), _labels("nytta", row.get("nytta"), lang)),
        (col("initiativ.col.samverkan"), _labels(None, row.get("samverkan"), lang)),
        (col("common.source"), row["kalla"] if isinstance(row.get("kalla"), str) else ""),
    ]
    return pd.DataFrame(pairs, columns=[col("initiativ.col.field"), col("common.value")])


def same_kind_table(frame: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    col = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame({
        col("filter.kommun"): [f"{k} ({c})" for k, c in zip(frame["kommun"], frame["kommunkod"])],
        col("filter.lan"): frame["lan_name"].to_numpy(),
        col("initiativ.col.antal"): [int(n) for n in frame["antal"]],
        col("initiativ.col.senaste"): [int(y) for y in frame["senaste_ar"]],
        col("initiativ.col.exempel"): frame["exempel"].to_numpy(),
    })


def download_table(frame: pd.DataFrame, lang: str = "sv", *, organisation: bool = False) -> pd.DataFrame:
    """Catalogue rows for CSV / Excel: codes beside labels, the stage as a number 0-4 (empty when not
    given), the description in full. Free text is neutralised against formulas by the export."""
    col = lambda key: i18n.t(key, lang)  # noqa: E731
    code = i18n.t("common.code", lang)
    out = pd.DataFrame(index=range(len(frame)))
    out[col("filter.ar")] = pd.array([int(v) for v in frame["ar"]], dtype="Int64")
    out[col("filter.kommun")] = frame["kommun"].to_numpy()
    out[f"{col('filter.kommun')}: {code}"] = frame["kommunkod"].to_numpy()
    _county_to_sector(out, frame, lang, organisation)
    out[i18n.t("download.col.stage_code", lang)] = pd.array(
        [None if v is None or pd.isna(v) else int(v) for v in frame["mognad"]], dtype="Int64")
    out[col("common.stage")] = [_stage(v, lang) for v in frame["mognad"]]
    out[col("initiativ.teknik")] = [_label("teknik", v, lang) for v in frame["teknik"]]
    out[col("initiativ.col.utvarderad")] = [evaluated_text(v, lang) for v in frame["utvarderad"]]
    out[col("initiativ.col.nytta")] = [_labels("nytta", v, lang) for v in frame.get("nytta", pd.Series([None] * len(frame)))]
    out[col("initiativ.col.samverkan")] = [_labels(None, v, lang) for v in frame.get("samverkan", pd.Series([None] * len(frame)))]
    out[col("common.source")] = [v if isinstance(v, str) else "" for v in frame.get("kalla", pd.Series([None] * len(frame)))]
    out[i18n.t("common.description", lang)] = [v if isinstance(v, str) else "" for v in frame["beskrivning"]]
    return out


# -- for the Initiativ page --------------------------------------------------------


def page_query(flt, text: str = "", mognad=(), teknik=(), utvarderad=()) -> Query:
    """The page's search: the sidebar's filter (``metrics.filters.Filter``, its year set) and the page's own fields."""
    return Query(text=text or "", ar=flt.ar, lan=flt.lan, kommun=flt.kommun, sektor=flt.sektor, typ=flt.typ,
                 mognad=tuple(mognad), teknik=tuple(teknik), utvarderad=tuple(utvarderad))


def download_rows(store: Store, query: Query, found: Found, *, version: int | None = None) -> pd.DataFrame:
    """The rows of the search's file: those shown, or (when the table is cut) every match up to DOWNLOAD_LIMIT."""
    return find(store, query, DOWNLOAD_LIMIT, version=version).rows if found.limited else found.rows


def download_count(found: Found) -> int:
    """How many rows the search's file holds."""
    return min(found.total, DOWNLOAD_LIMIT)


def titles(frame: pd.DataFrame) -> dict[int, str]:
    """Initiative id -> how the detail picker names it: "Titel – Kommun (år)"."""
    return {int(i): f"{t} – {k} ({a})" for i, t, k, a in zip(frame["id"], frame["titel"], frame["kommun"], frame["ar"])}


def initiative(frame: pd.DataFrame, initiative_id: int) -> pd.Series:
    """One row of a search's rows by id."""
    return frame[frame["id"] == initiative_id].iloc[0]


def description_text(row: pd.Series) -> str:
    return row["beskrivning"] if isinstance(row["beskrivning"], str) else "–"
