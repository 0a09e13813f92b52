"""The sidebar's filter controls: which widgets a page shows, their options and words, and their session keys.

Widgets hold codes and ``format_func`` translates (see :mod:`adoption.ui.view`
for why the URL is written by hand). Separate from the view's frame (URL,
data version, banners) because this is only the drawing of the controls and
the keys their values live under.
"""

from __future__ import annotations

import streamlit as st

from adoption import metrics
from adoption.metrics import factors
from adoption.metrics.filters import (
    ALL_YEARS,
    NIVAER,
    TYPER,
    Known,
    ViewState,
    in_group,
)
from adoption.metrics.years import chosen_year
from adoption.text import i18n, languages
from adoption.text.languages import DEFAULT_LANG, LANGS

from . import cache, widget_text
from .context import store as current_store

WIDGET_PREFIX = "w_"


# A selectbox shows a None option as "no selection" ("Choose an option")
# instead of its label, so "all" / "latest" is this code inside the widgets.
ANY = "*"


def from_widget(value):
    return None if value == ANY else value


def seed_widgets(state: ViewState) -> None:
    flt = state.filter
    any_ = lambda value: ANY if value is None else value  # noqa: E731
    values = {
        "lang": state.lang, "ar": any_(flt.ar), "lan": list(flt.lan), "kommun": any_(flt.kommun),
        "sektor": list(flt.sektor), "typ": any_(flt.typ), "matt": state.matt, "niva": state.niva,
        "grupp": any_(flt.grupp),
    }
    values.update({weight_key(code): weight for code, weight in state.vikter})
    for key, value in values.items():
        st.session_state[WIDGET_PREFIX + key] = value


def weight_key(factor: str) -> str:
    """The session key (without the widget prefix) of a factor's weight slider on Kommun."""
    return f"vikt_{factor}"


def controls(state: ViewState, uses: tuple[str, ...], known: Known, all_years: bool = False) -> ViewState:
    ss = st.session_state
    sidebar = st.sidebar
    lang = ss.get(WIDGET_PREFIX + "lang") or DEFAULT_LANG
    lang = sidebar.radio(
        i18n.t("filter.lang", lang), LANGS, key=WIDGET_PREFIX + "lang", horizontal=True,
        format_func=lambda code: languages.NAMES[code],
    )
    tr = lambda key: i18n.t(key, lang)  # noqa: E731 - short local helper
    choose = {"placeholder": widget_text.choose(lang)}
    values = {}
    if "ar" in uses and known.years:
        options = [ANY, *([ALL_YEARS] if all_years else []), *sorted(known.years, reverse=True)]
        if ss.get(WIDGET_PREFIX + "ar") not in options:
            ss[WIDGET_PREFIX + "ar"] = ANY
        values["ar"] = from_widget(sidebar.selectbox(
            tr("filter.ar"), options, key=WIDGET_PREFIX + "ar",
            format_func=lambda y: tr("filter.all_years") if y == ALL_YEARS else _year_option(y, known, lang),
            **choose,
        ))
    if "lan" in uses:
        names = cache.county_names(current_store())
        values["lan"] = tuple(sidebar.multiselect(
            tr("filter.lan"), list(known.lan), key=WIDGET_PREFIX + "lan",
            format_func=lambda code: names.get(code, code), placeholder=tr("filter.all"), select_all=False,
        ))
    if "grupp" in uses and known.grupper:
        options = [ANY, *known.grupp_codes]
        if ss.get(WIDGET_PREFIX + "grupp") not in options:
            ss[WIDGET_PREFIX + "grupp"] = ANY
        values["grupp"] = from_widget(sidebar.selectbox(
            tr("filter.grupp"), options, key=WIDGET_PREFIX + "grupp",
            format_func=lambda code: tr("filter.all") if code == ANY else group_label(code, lang),
        ))
    if "kommun" in uses:
        names = cache.municipality_names(current_store())
        chosen_lan = values.get("lan", ())
        chosen_grupp = values.get("grupp")
        options = [ANY] + [k for k, l in known.kommun if (not chosen_lan or l in chosen_lan)
                           and (not chosen_grupp or in_group(known.grupp_of.get(k), chosen_grupp))]
        if ss.get(WIDGET_PREFIX + "kommun") not in options:
            ss[WIDGET_PREFIX + "kommun"] = ANY
        values["kommun"] = from_widget(sidebar.selectbox(
            tr("filter.kommun"), options, key=WIDGET_PREFIX + "kommun",
            format_func=lambda code: tr("filter.all") if code == ANY else f"{names.get(code, code)} ({code})",
            **choose,
        ))
    if "sektor" in uses:
        values["sektor"] = tuple(sidebar.multiselect(
            tr("filter.sektor"), list(known.sektor), key=WIDGET_PREFIX + "sektor",
            format_func=lambda code: i18n.label("sektor", code, lang), placeholder=tr("filter.all"),
            select_all=False,
        ))
    if "typ" in uses:
        # "All" already means municipalities (a metric's default kind): a separate "kommun" option read as
        # a second, different choice. A link with typ=kommun opens as the same view.
        options = [ANY, *(t for t in TYPER if t != "kommun")]
        if ss.get(WIDGET_PREFIX + "typ") not in options:
            ss[WIDGET_PREFIX + "typ"] = ANY
        values["typ"] = from_widget(sidebar.selectbox(
            tr("filter.typ"), options, key=WIDGET_PREFIX + "typ",
            format_func=lambda code: tr("filter.typ_default") if code == ANY else i18n.label("typ", code, lang),
            **choose,
        ))
    if "matt" in uses:
        if ss.get(WIDGET_PREFIX + "matt") not in known.matt:
            ss[WIDGET_PREFIX + "matt"] = ViewState().matt if ViewState().matt in known.matt else known.matt[0]
        values["matt"] = sidebar.selectbox(
            tr("filter.matt"), list(known.matt), key=WIDGET_PREFIX + "matt",
            format_func=lambda code: metrics.get(code).label(lang), **choose,
        )
    if "niva" in uses:
        levels = [n for n in NIVAER if n != "grupp" or known.grupper]
        if ss.get(WIDGET_PREFIX + "niva") not in levels:
            ss[WIDGET_PREFIX + "niva"] = ViewState().niva
        values["niva"] = sidebar.radio(
            tr("filter.niva"), levels, key=WIDGET_PREFIX + "niva", horizontal=True,
            format_func=lambda code: i18n.label("niva", code, lang),
        )
    if "vikter" in uses:
        # The sliders are the page's (drawn after this); their last values are in the session.
        values["vikter"] = factors.normalise({
            code: int(ss.get(WIDGET_PREFIX + weight_key(code), weight)) for code, weight in state.vikter})
    return state.with_(lang=lang, **values)


def group_label(code: str, lang: str) -> str:
    """"A1 Storstäder"; a main group: "A – Storstäder och storstadsnära kommuner (hela huvudgruppen)"."""
    if len(code) == 1:
        return i18n.t("grupp.all_in_main", lang).format(code=code, name=i18n.label("huvudgrupp", code, lang))
    return f"{code} {i18n.label('kommungrupp', code, lang)}"


def _year_option(year, known: Known, lang: str) -> str:
    """"Senaste året (2025)" (the latest published), "2026 (preliminärt)", "2024"."""
    if year == ANY:
        return f"{i18n.t('filter.latest_year', lang)} ({chosen_year(known.rounds, None)})"
    if year in known.preliminary:
        return i18n.t("round.year_option", lang).format(year=year)
    return str(year)
