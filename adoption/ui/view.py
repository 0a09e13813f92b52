"""The frame every page shares: language, filters kept in the URL, data version, notices.

Why the URL is written by hand rather than with ``bind="query-params"``:
a bound selectbox stores its *formatted* option in the URL (Streamlit
compares URL values with ``format_func`` output), so translated labels would
end up in links and a Swedish link would not open in English. Here widgets
hold codes, ``format_func`` translates, and :func:`adoption.metrics.filters.to_query`
writes codes only.

The URL is the source of truth when it changed from outside (a pasted link,
the first request, the browser's back button); otherwise the widgets are, and
the URL is rewritten to match them after every run. The sidebar's controls
themselves are drawn by :mod:`adoption.ui.sidebar`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlencode

import streamlit as st

from adoption.metrics.filters import (
    ALL_YEARS,
    KEYS,
    Filter,
    Known,
    Notice,
    ViewState,
    from_query,
    requested_version,
    to_query,
)
from adoption.metrics.years import chosen_year
from adoption.text import formatting, i18n
from adoption.text.languages import DEFAULT_LANG, LANGS

from ..store import Store
from . import cache, howto, navigation, printing, widget_text
from .context import source as current_source
from .sidebar import ANY, WIDGET_PREFIX, controls, seed_widgets  # noqa: F401 - ANY re-exported: tests name it here

_LAST_QUERY = "_view_last_query"
_LAST_STATE = "_view_last_state"
_LAST_PAGE = "_view_last_page"


@dataclass(frozen=True)
class PageContext:
    """What a page needs to render: its state, the data version to read, and words."""

    page: str
    state: ViewState
    store: Store
    version: int | None  # the data version shown (pinned or current); None: no data yet
    current: int | None  # the latest data version
    known: Known
    year: int | None  # the survey year shown (the filter's, else the latest published; that too when every year is chosen)

    @property
    def preliminary(self) -> bool:
        """The year shown is a round not yet published (its figures are incomplete)."""
        return self.year in self.known.preliminary

    @property
    def series_years(self) -> tuple[int, ...]:
        """The years a series over time shows: the published ones, and the shown year when it is preliminary."""
        return tuple(sorted(y for y in self.known.years if y not in self.known.preliminary or y == self.year))

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def all_years(self) -> bool:
        """Every survey year chosen (a page that offers it lists rows of all years; ``year`` is then the latest)."""
        return self.state.filter.ar == ALL_YEARS

    @property
    def db_path(self) -> str:
        return str(self.store.path)

    def t(self, key: str, /, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def tn(self, key: str, n: int, /, **values) -> str:
        """A text with plural forms, in the form for the count ``n`` ({n} is filled in)."""
        return i18n.tn(key, n, self.lang, **values)

    def label(self, vocabulary: str, code) -> str:
        return i18n.label(vocabulary, code, self.lang)

    def query(self, **changes) -> dict[str, list[str]]:
        return to_query(self.state.with_(**changes))

    def link(self, path: str, **changes) -> str:
        """A relative link to ``path`` with this view's parameters (and changes)."""
        params = self.query(**changes)
        encoded = urlencode([(k, v) for k, values in params.items() for v in values])
        return f"{path}?{encoded}"


def current_lang() -> str:
    """The language before any page ran (for navigation titles in app.py), as :func:`setup` will read it.

    A page change clears the widgets' values before app.py runs and drops the
    URL's parameters, so the carried-over view (as ``setup`` carries it) is
    asked before the default: without it the navigation turned Swedish on
    every page change after a switch to English.
    """
    chosen = st.session_state.get(WIDGET_PREFIX + "lang")
    if chosen in LANGS:
        return chosen
    from_url = st.query_params.get_all("lang")
    if from_url and from_url[-1] in LANGS:
        return from_url[-1]
    carried = _carried_state(_url_params())
    return carried.lang if carried is not None else DEFAULT_LANG


def _carried_state(params: dict[str, list[str]]) -> ViewState | None:
    """The view of the previous run when this run's URL did not come from outside (navigation drops it)."""
    if not params or params == st.session_state.get(_LAST_QUERY):
        return st.session_state.get(_LAST_STATE)
    return None


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys() if key in KEYS}


def setup(page: str, uses: Iterable[str] = (), *, matt_options: tuple[str, ...] | None = None,
          all_years: bool = False) -> PageContext:
    """Read the URL, draw the sidebar controls a page uses, write the URL back.

    ``page``: the page's id in :mod:`adoption.ui.navigation`. ``uses``: the
    filter keys of this page among ar, lan, kommun, grupp, sektor, typ, matt,
    niva and vikter (the weight sliders, drawn by the page itself with
    :func:`.sidebar.weight_key` keys). Language and data version are always kept.
    ``matt_options``: the metrics this page can show (default: every metric);
    another metric in the URL is refused with a notice and the first option
    shown instead. ``all_years``: the year control also offers every year
    (``ar=alla``); elsewhere that value means the latest year.
    """
    navigation.page(page)  # KeyError for a page the navigation does not know
    uses = tuple(uses)
    params = _url_params()
    # On a replica the pinned version picks the snapshot file (adoption.ui.context).
    db, current = current_source(requested_version(params))
    known = cache.known(db, requested_version(params), current)
    if matt_options is not None:
        known = replace(known, matt=tuple(matt_options))
    url_state, notices = from_query(params, known=known)

    last_written = st.session_state.get(_LAST_QUERY)
    previous = st.session_state.get(_LAST_STATE)
    # Widget ids differ per page: a page change must seed the widgets even when the URL is unchanged.
    page_changed = st.session_state.get(_LAST_PAGE) != page
    if last_written is None or last_written != params or page_changed:
        if (carried := _carried_state(params)) is not None:
            # Navigation drops query parameters: carry the filters over.
            url_state = carried
        seed_widgets(url_state)

    # The page sees only the filters it shows (after navigation the carried-over
    # state also holds other pages' filters, which must not filter this page unseen).
    state = _keep(controls(url_state, uses, known, all_years), uses)
    version = state.v if state.v is not None else current
    year = chosen_year(known.rounds, state.filter.ar)

    wanted = to_query(_keep(state, uses))
    if wanted != params:
        st.query_params.from_dict(wanted)
    st.session_state[_LAST_QUERY] = wanted
    st.session_state[_LAST_STATE] = _remember(state, previous, uses)
    st.session_state[_LAST_PAGE] = page

    ctx = PageContext(page, state, db, version, current, known, year)
    printing.style(ctx)
    widget_text.apply(ctx.lang)
    _banners(ctx, notices)
    return ctx


def _remember(state: ViewState, previous: ViewState | None, uses: tuple[str, ...]) -> ViewState:
    """What the next page inherits: this page's filters, and the earlier ones it does not use.

    Without this, a rerun on a page that does not use a filter (a language
    switch on Om data) forgot the year and county chosen on the page before.
    """
    if previous is None:
        return state
    flt, old = state.filter, previous.filter
    return state.with_(
        ar=flt.ar if "ar" in uses else old.ar,
        lan=flt.lan if "lan" in uses else old.lan,
        kommun=flt.kommun if "kommun" in uses else old.kommun,
        sektor=flt.sektor if "sektor" in uses else old.sektor,
        typ=flt.typ if "typ" in uses else old.typ,
        grupp=flt.grupp if "grupp" in uses else old.grupp,
        matt=state.matt if "matt" in uses else previous.matt,
        niva=state.niva if "niva" in uses else previous.niva,
        vikter=state.vikter if "vikter" in uses else previous.vikter,
    )


def _keep(state: ViewState, uses: tuple[str, ...]) -> ViewState:
    """Only what this page uses goes into its URL."""
    flt = state.filter
    return ViewState(
        filter=flt.with_(
            ar=flt.ar if "ar" in uses else None,
            lan=flt.lan if "lan" in uses else (),
            kommun=flt.kommun if "kommun" in uses else None,
            sektor=flt.sektor if "sektor" in uses else (),
            typ=flt.typ if "typ" in uses else None,
            grupp=flt.grupp if "grupp" in uses else None,
        ),
        matt=state.matt if "matt" in uses else ViewState().matt,
        niva=state.niva if "niva" in uses else ViewState().niva,
        lang=state.lang,
        v=state.v,
        vikter=state.vikter if "vikter" in uses else ViewState().vikter,
    )


def _preliminary_banner(ctx: PageContext) -> None:
    """A round not yet published is shown only when chosen: say so, with how many have answered."""
    if ctx.version is None or not ctx.preliminary:
        return
    rate = cache.metric(ctx.store, ctx.version, "svarsfrekvens", Filter(ar=ctx.year))
    st.warning(ctx.t("round.banner", year=ctx.year,
                     n=formatting.number(rate.numerator or 0, ctx.lang),
                     total=formatting.number(rate.denominator or 0, ctx.lang)), icon=":material/hourglass_top:")


def _banners(ctx: PageContext, notices: list[Notice]) -> None:
    if notices:
        st.warning(
            ctx.t("notice.heading") + "\n\n" + "\n".join(f"- {n.message(ctx.lang)}" for n in notices),
            icon="⚠️",
        )
    if ctx.state.v is not None and ctx.current is not None and ctx.state.v != ctx.current:
        st.info(
            ctx.t("notice.pinned", version=ctx.state.v, current=ctx.current)
            + f" [{ctx.t('notice.pinned_latest')}]({ctx.link('', v=None)})",
            icon="📌",
        )
    if ctx.version is not None and cache.has_demo(ctx.store, ctx.version):
        st.warning(ctx.t("banner.demo"), icon="ℹ️")
    _preliminary_banner(ctx)


def share_control(ctx: PageContext) -> None:
    """The "Dela" control: a link to this page pinned to the data version and year now shown."""
    pinned = ctx.query(v=ctx.version, ar=ALL_YEARS if ctx.all_years else ctx.year)
    encoded = urlencode([(k, v) for k, values in pinned.items() for v in values])
    base = st.context.url or navigation.page(ctx.page).path
    with st.popover(ctx.t("share.button"), icon="🔗"):
        st.caption(ctx.t("share.help"))
        st.code(f"{base}?{encoded}", language=None)


def no_data(ctx: PageContext) -> bool:
    """Say what is missing when there is nothing to show; True when the page should stop."""
    if ctx.version is None or not ctx.known.years:
        st.info(ctx.t("empty.no_data"), icon="📭")
        howto.show(ctx.lang, "no_data")
        return True
    return False


def go_to(ctx: PageContext, page: navigation.Page, **changes) -> None:
    """Open another page (or this one) with this view's filters and ``changes``.

    ``go_to(ctx, navigation.KOMMUN, kommun="0180")``. The filters travel as
    URL parameters (codes, validated again by the next page's ``setup``); the
    view's widgets are not bound to the URL, so ``switch_page`` may set them.
    """
    st.switch_page(page.file, query_params=ctx.query(**changes))
