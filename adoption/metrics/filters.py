"""A filter as a value: what a view, a metric or a command is limited to.

Also the whole view (filter, metric, level, language, data version) as a
value, and its round trip to and from URL query parameters. What a URL
value may name (the years, codes and versions that exist) is
:class:`adoption.metrics.known.Known`, named here too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from adoption.metrics import factors
from adoption.metrics.known import Known, group_codes, in_group  # noqa: F401 - re-exported: callers name them here
from adoption.text import i18n
from adoption.text.languages import DEFAULT_LANG, LANGS

# ``ar`` for every survey year at once: offered where a page lists rows of all years (the
# initiative catalogue). A figure is always of one year, so elsewhere it means the latest year.
ALL_YEARS = "alla"


@dataclass(frozen=True)
class Filter:
    """Survey year, counties, municipality, sectors, kind of respondent and municipality group.

    Empty means "all". ``ar`` None means the latest survey year, :data:`ALL_YEARS`
    every year (where a page offers it). ``typ`` None means the metric's own
    default kind (municipalities for the municipal metrics). ``kommun`` is one
    code, or a list of codes that a metric pools into one figure (the
    municipalities most like another, say); a list of one is that code.
    ``grupp`` is an SKR municipality group (A1..C9) or a main group (A, B, C).
    """

    ar: int | str | None = None
    lan: tuple[str, ...] = field(default_factory=tuple)
    kommun: str | tuple[str, ...] | None = None
    sektor: tuple[str, ...] = field(default_factory=tuple)
    typ: str | None = None
    grupp: str | None = None

    def __post_init__(self) -> None:
        # Normalise so that equal filters are equal values (and cache keys).
        object.__setattr__(self, "lan", tuple(sorted(set(self.lan))))
        object.__setattr__(self, "sektor", tuple(sorted(set(self.sektor))))
        if self.kommun is not None and not isinstance(self.kommun, str):
            pooled = tuple(sorted(set(self.kommun)))
            object.__setattr__(self, "kommun", pooled[0] if len(pooled) == 1 else (pooled or None))

    @property
    def kommuner(self) -> tuple[str, ...]:
        """The municipality codes filtered on (empty: all)."""
        if self.kommun is None:
            return ()
        return (self.kommun,) if isinstance(self.kommun, str) else self.kommun

    @property
    def pooled(self) -> bool:
        """Several municipalities pooled into one figure."""
        return len(self.kommuner) > 1

    def with_(self, **changes) -> "Filter":
        return replace(self, **changes)


# -- the whole view as a value, and its URL form ------------------------------
#
# The URL holds codes only, never translated labels, so one link works in both
# languages. Every value read from a URL is checked against ``Known`` (what
# exists in the data) and dropped with a ``Notice`` when it does not fit; the
# parser never raises, and what reaches SQL later is a validated code or int.
#
# Single-valued keys given several times: like ``st.query_params["k"]`` the
# last value is taken (earlier ones are reported with a "repeated" notice). If
# that last value is invalid it is dropped; there is no fallback to an earlier
# value. Keys the dashboard does not know (``utm_source``, Streamlit's own
# ``embed``) are left alone without a notice.

NIVAER = ("kommun", "lan", "grupp")  # grupp: only when municipality groups are loaded
TYPER = ("kommun", "civilsamhalle")  # same as vocab.RESPONDENT_TYPES
# The map opens on a graded metric: per municipality a share is one answer, 0 % or 100 %.
DEFAULT_MATT = "mognadsindex"
DEFAULT_NIVA = "kommun"

# URL keys in the order links are written.
KEYS = ("ar", "lan", "kommun", "grupp", "sektor", "typ", "matt", "niva", "vikter", "lang", "v")

NOTICE_VALUE_MAX = 40  # characters of a dropped value shown back to the user
MAX_NOTICES = 10  # beyond this, one "more" notice: a crafted URL cannot flood the page

_YEAR = re.compile(r"[0-9]{4}", re.ASCII)
_LAN = re.compile(r"[0-9]{2}", re.ASCII)
_KOMMUN = re.compile(r"[0-9]{4}", re.ASCII)
_VERSION = re.compile(r"[0-9]{1,9}", re.ASCII)
_CODE = re.compile(r"[a-z0-9_]{1,64}", re.ASCII)
_GRUPP = re.compile(r"[A-C][1-9]?", re.ASCII)


@dataclass(frozen=True)
class ViewState:
    """What a page shows: the filter, the metric, the level, the language and the data version.

    ``v`` None means the current data version; ``filter.ar`` None the latest year.
    ``vikter``: the weights of the similar-municipality factors (Kommun), every
    factor in :data:`adoption.metrics.factors.FACTORS` order.
    """

    filter: Filter = field(default_factory=Filter)
    matt: str = DEFAULT_MATT
    niva: str = DEFAULT_NIVA
    lang: str = DEFAULT_LANG
    v: int | None = None
    vikter: tuple[tuple[str, int], ...] = factors.DEFAULT_WEIGHTS

    def with_(self, **changes) -> "ViewState":
        """Change view fields and filter fields at once: ``state.with_(lang="en", ar=2024)``."""
        filter_changes = {k: changes.pop(k) for k in list(changes) if k in Filter.__dataclass_fields__}
        flt = self.filter.with_(**filter_changes) if filter_changes else self.filter
        return replace(self, filter=flt, **changes)


@dataclass(frozen=True)
class Notice:
    """A URL value that was dropped, with a message in both languages."""

    code: str  # empty | format | unknown | no_data | repeated | kommun_not_in_lan | no_groups
    #            | kommun_not_in_grupp | more
    key: str
    value: str  # cleaned: control characters removed, at most NOTICE_VALUE_MAX characters
    sv: str
    en: str

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return self.en if lang == "en" else self.sv


def clean_value(value: object, limit: int = NOTICE_VALUE_MAX) -> str:
    """A value safe to show back: no control or format characters (bidi overrides), at most ``limit`` chars."""
    text = value if isinstance(value, str) else repr(value)
    # Whitespace (tabs, newlines, separators) becomes one space; other control, format
    # (bidi overrides, zero-width), surrogate and unassigned characters are removed.
    text = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or not unicodedata.category(ch).startswith("C")
    )
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _notice(code: str, key: str, value: object) -> Notice:
    shown = clean_value(value)
    return Notice(
        code, key, shown,
        i18n.t(f"notice.{code}", "sv").format(key=key, value=shown),
        i18n.t(f"notice.{code}", "en").format(key=key, value=shown),
    )


def requested_version(params: Mapping[str, object]) -> int | None:
    """The data version a URL asks for, unvalidated (to choose which ``Known`` to build).

    ``Known.from_store(store, requested_version(params))`` then ``from_query``
    validates it and reports it if it does not exist.
    """
    values = _values(params.get("v"))
    if values and _VERSION.fullmatch(values[-1].strip()):
        return int(values[-1].strip())
    return None


def _values(raw: object) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, Iterable):
        return [item if isinstance(item, str) else str(item) for item in raw]
    return [str(raw)]


def from_query(params: Mapping[str, object], *, known: Known) -> tuple[ViewState, list[Notice]]:
    """Parse URL parameters (key -> list of values, or a single string) into a valid state.

    Never raises for any content of ``params``; every dropped value gives a Notice.
    """
    notices: list[Notice] = []

    def single(key: str) -> str | None:
        values = _values(params.get(key))
        for earlier in values[:-1]:
            if earlier.strip() != values[-1].strip():  # an identical repeat loses nothing
                notices.append(_notice("repeated", key, earlier))
        if not values:
            return None
        value = values[-1].strip()
        if not value:
            notices.append(_notice("empty", key, ""))
            return None
        return value

    def check(key: str, value: str, pattern: re.Pattern, allowed: Iterable) -> bool:
        if not pattern.fullmatch(value):
            notices.append(_notice("format", key, value))
            return False
        if value not in allowed:
            notices.append(_notice("unknown", key, value))
            return False
        return True

    def number(key: str, value: str, pattern: re.Pattern, allowed: Iterable[int], unknown: str) -> int | None:
        """``value`` as a whole number when it is one of ``allowed``; else None, with a notice."""
        if not pattern.fullmatch(value):
            notices.append(_notice("format", key, value))
        elif int(value) not in allowed:
            notices.append(_notice(unknown, key, value))
        else:
            return int(value)
        return None

    # ar: a year with data, or every year
    ar = None
    if (value := single("ar")) is not None:
        ar = ALL_YEARS if value == ALL_YEARS else number("ar", value, _YEAR, known.years, "no_data")

    # lan, sektor: repeatable
    def many(key: str, pattern: re.Pattern, allowed: tuple[str, ...]) -> tuple[str, ...]:
        kept = []
        for raw in _values(params.get(key)):
            value = raw.strip()
            if not value:
                notices.append(_notice("empty", key, ""))
            elif check(key, value, pattern, allowed):
                kept.append(value)
        return tuple(kept)

    lan = many("lan", _LAN, known.lan)
    sektor = many("sektor", _CODE, known.sektor)

    # grupp: a group or main group of the version's classification
    grupp = None
    if (value := single("grupp")) is not None:
        if not _GRUPP.fullmatch(value):
            notices.append(_notice("format", "grupp", value))
        elif not known.grupper:
            notices.append(_notice("no_groups", "grupp", value))
        elif check("grupp", value, _GRUPP, known.grupp_codes):
            grupp = value

    kommun = None
    if (value := single("kommun")) is not None and check("kommun", value, _KOMMUN, known.lan_of):
        if lan and known.lan_of[value] not in lan:
            notices.append(_notice("kommun_not_in_lan", "kommun", value))
        elif grupp and not in_group(known.grupp_of.get(value), grupp):
            notices.append(_notice("kommun_not_in_grupp", "kommun", value))
        else:
            kommun = value

    typ = None
    if (value := single("typ")) is not None and check("typ", value, _CODE, TYPER):
        typ = value

    matt = DEFAULT_MATT
    if (value := single("matt")) is not None and check("matt", value, _CODE, known.matt):
        matt = value

    niva = DEFAULT_NIVA
    if (value := single("niva")) is not None and check("niva", value, _CODE, NIVAER):
        if value == "grupp" and not known.grupper:
            notices.append(_notice("no_groups", "niva", value))
        else:
            niva = value

    vikter = factors.DEFAULT_WEIGHTS
    if (value := single("vikter")) is not None:
        vikter, dropped = factors.parse(value)
        notices.extend(_notice(code, "vikter", part) for part, code in dropped)

    lang = DEFAULT_LANG
    if (value := single("lang")) is not None and check("lang", value, _CODE, LANGS):
        lang = value

    v = None
    if (value := single("v")) is not None:
        v = number("v", value, _VERSION, known.versions, "unknown")

    if len(notices) > MAX_NOTICES:
        extra = len(notices) - MAX_NOTICES + 1
        notices = notices[: MAX_NOTICES - 1] + [_notice("more", "*", str(extra))]
    state = ViewState(Filter(ar=ar, lan=lan, kommun=kommun, sektor=sektor, typ=typ, grupp=grupp), matt, niva, lang, v,
                      vikter)
    return state, notices


def to_query(state: ViewState) -> dict[str, list[str]]:
    """URL parameters for a state: codes only, defaults left out, keys in ``KEYS`` order."""
    flt = state.filter
    out: dict[str, list[str]] = {}
    if flt.ar is not None:
        out["ar"] = [str(flt.ar)]
    if flt.lan:
        out["lan"] = list(flt.lan)
    if flt.kommun is not None:
        out["kommun"] = list(flt.kommuner)
    if flt.grupp is not None:
        out["grupp"] = [flt.grupp]
    if flt.sektor:
        out["sektor"] = list(flt.sektor)
    if flt.typ is not None:
        out["typ"] = [flt.typ]
    if state.matt != DEFAULT_MATT:
        out["matt"] = [state.matt]
    if state.niva != DEFAULT_NIVA:
        out["niva"] = [state.niva]
    if (weights := factors.to_text(state.vikter)) is not None:
        out["vikter"] = [weights]
    if state.lang != DEFAULT_LANG:
        out["lang"] = [state.lang]
    if state.v is not None:
        out["v"] = [str(state.v)]
    return out
