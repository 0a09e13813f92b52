"""A choropleth of one registry metric, with its legend and the same data as a table.

Shared by Karta (the full map), Översikt (a small county map) and any page
that wants a map: ``map_widget.show(ctx, "andel_ai_i_drift", "lan", key="oversikt-karta")``.
Everything computed comes from :mod:`adoption.views.mapping` (through the cache).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd
import streamlit as st

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.text import formatting, present
from adoption.views import mapping

from . import downloads, howto, navigation, view, widget_text
from .view import PageContext

MAP_WIDTH = 720  # the width the initial zoom is chosen for (the map stretches to its column)
DEFAULT_HEIGHT = 620


def show(ctx: PageContext, metric_id: str, level: str, *, key: str, flt: Filter | None = None,
         height: int = DEFAULT_HEIGHT, layout: str = "beside", profile_picker: bool = True,
         heading: bool = True) -> mapping.MapData | None:
    """Draw the map, legend and table; a click opens the area.

    ``layout``: "beside" (table in a column beside the map) or "below" (the
    table folded in an expander under the map, for a small map). A click on a
    municipality opens its profile; on a county, the map of its municipalities.
    Returns the map's data (None when the metric cannot be mapped).
    """
    flt = (flt if flt is not None else ctx.state.filter).with_(ar=ctx.year, kommun=None)
    if not mapping.mappable(metric_id):
        not_mappable(ctx, metric_id)
        return None
    prepared = _prepared(ctx.db_path, ctx.version, metric_id, flt, level, ctx.lang, height, ctx.store)
    data = prepared.data
    metric_name = metrics.get(metric_id).label(ctx.lang)
    if heading:
        st.subheader(ctx.t(f"karta.heading.{level}", metric=metric_name, year=ctx.year),
                     help=_definition(metric_id, ctx.lang))
    if data.blocking_status:
        st.info(present.reason_text(data.blocking_status, ctx.lang, ar=ctx.year), icon="📭")
        howto.show(ctx.lang, data.blocking_status)
        return data
    if data.filters_ignored:
        st.caption(ctx.t("karta.filters_ignored",
                         filters=", ".join(ctx.t(f"filter.{f}").lower() for f in data.filters_ignored)))
    if data.binary:  # a municipality's own yes or no: say so before anyone reads it as a share
        st.info(ctx.t("karta.binary_note"), icon="ℹ️")

    if layout == "beside":
        map_column, table_column = st.columns([3, 2], gap="medium")
    else:
        map_column, table_column = st.container(), st.expander(ctx.t("karta.table"))
    with map_column:
        clicked = _map(ctx, prepared, key=f"{key}-{level}-{'-'.join(flt.lan) or 'alla'}", height=height)
        _legend(ctx, prepared)
    with table_column:
        if layout == "beside":
            st.markdown(f"**{ctx.t('karta.table')}**")
        _table(ctx, prepared, height=height if layout == "beside" else 400)
        # CSV / Excel of the same data as numbers; ``key`` names the file and the buttons (distinct per use).
        downloads.download_buttons(ctx, lambda: mapping.download_table(data), key, metric=metric_id)
        if profile_picker and level == "kommun":
            _profile_picker(ctx, prepared, key=f"{key}-profil")
    if clicked:
        _open(ctx, data, clicked, metric_id)
    return data


def _definition(metric_id: str, lang: str) -> str:
    return metrics.get(metric_id).definition(lang)


TABLE_LIMIT = 5_000  # rows of the map's table shown (all of them are in the download)
# Up to this many rows the value column is a number shown in the language's format (a pandas Styler:
# sortable as a number, "45,5 %" on screen); a Styler costs ~0.25 ms a row, so a larger table shows text.
STYLED_ROWS = 1_000


@dataclass(frozen=True)
class _Prepared:
    """A map's data and what is drawn from it, made once per data version and view, shared by every run
    and session (nobody changes them). With 100,000 areas, copying the data out of st.cache_data and
    redrawing table, deck and picker took ~2 s per rerun."""

    data: mapping.MapData
    deck: mapping.CompactDeck | None
    table: pd.DataFrame
    summary: str
    picker: tuple[str, ...]  # area codes by name
    names: Mapping[str, str]


@st.cache_resource(show_spinner=False, max_entries=32)
def _prepared(path: str, version: int | None, metric_id: str, flt: Filter, level: str, lang: str, height: int,
              _db) -> _Prepared:
    data = mapping.build(_db, metric_id, flt, level, lang, version=version)
    deck = None
    if not data.blocking_status:
        deck = mapping.deck(data, size=(MAP_WIDTH, height))
        deck.to_json()  # serialised once, here (CompactDeck keeps the text)
    areas = sorted(data.areas, key=lambda a: a.name)
    return _Prepared(data, deck, mapping.table(data), mapping.summary(data), tuple(a.code for a in areas),
                     MappingProxyType({a.code: a.name for a in areas}))


def _map(ctx: PageContext, prepared: _Prepared, *, key: str, height: int) -> str | None:
    data, deck = prepared.data, prepared.deck
    level_word = ctx.t(f"karta.level.{data.level}")
    selection = st.pydeck_chart(
        deck, on_select="rerun", selection_mode="single-object", key=key, height=height,
        alt=ctx.t("karta.alt", metric=metrics.get(data.metric).label(ctx.lang), level=level_word, year=ctx.year),
    )
    st.caption(ctx.t(f"karta.click.{data.level}"))
    return mapping.selected_code(data, selection) if selection else None


def _open(ctx: PageContext, data: mapping.MapData, code: str, metric_id: str) -> None:
    if data.level == "kommun":
        view.go_to(ctx, navigation.KOMMUN, kommun=code)
    else:
        view.go_to(ctx, navigation.KARTA, lan=(code,), niva="kommun", matt=metric_id, kommun=None)


def _swatch(fill: str, line: str, ring: bool = False) -> str:
    shape = "border-radius:50%;width:0.8em;height:0.8em;margin-left:0.15em" if ring else "width:1.1em;height:1.1em"
    outline = "" if ring else "outline:1px solid #888;"
    return (f"<span aria-hidden='true' style='display:inline-block;{shape};background:{fill};"
            f"border:2px solid {line};{outline}vertical-align:-0.2em;margin-right:0.35em'></span>")


def _legend(ctx: PageContext, prepared: _Prepared) -> None:
    data = prepared.data
    items = []
    for entry in data.legend:
        count = ctx.t("karta.legend_count", count=formatting.number(entry.count, ctx.lang))
        swatch = _swatch(entry.hex, entry.line_hex, ring=entry.key == "small_base")
        items.append(f"<li>{swatch}{html.escape(entry.label)} ({html.escape(count)})</li>")
    if data.round_note:
        items.append(f"<li><em>{html.escape(data.round_note)}</em></li>")
    # A real list (the classes and the missing kinds), styled inline by adoption/ui/accessibility.py.
    st.markdown(
        f"<div class='a11y-legend' style='line-height:2'><b>{html.escape(ctx.t('karta.legend'))}:</b> "
        f"<ul aria-label='{html.escape(ctx.t('karta.legend'))}'>" + "".join(items) + "</ul></div>",
        unsafe_allow_html=True,
    )
    rule = "karta.rule_fixed" if data.limits in mapping.FIXED_LIMITS.values() else "karta.rule_quantile"
    st.caption(ctx.t(rule) + " " + prepared.summary)


def _table(ctx: PageContext, prepared: _Prepared, height: int) -> None:
    frame = prepared.table
    if len(frame) > TABLE_LIMIT:
        st.caption(ctx.t("karta.table_limited", shown=formatting.number(TABLE_LIMIT, ctx.lang),
                         total=formatting.number(len(frame), ctx.lang)))
        frame = frame.head(TABLE_LIMIT)
    column = mapping.table_value_column(prepared.data)
    texts = mapping.value_texts(prepared.data)[: len(frame)]
    if len(frame) > STYLED_ROWS:
        st.dataframe(frame.assign(**{column: texts}), hide_index=True, height=height)
        return
    data = prepared.data
    st.dataframe(styled_values(frame, column, metrics.get(data.metric).unit, data.lang, texts,
                               [area.value is None for area in data.areas]), hide_index=True, height=height)


def styled_values(frame: pd.DataFrame, column: str, unit: str, lang: str, texts: list[str], missing: list[bool]):
    """``frame`` with its value column shown in the language's format, and a missing value as its
    status word (``texts``): the column stays numbers, so it sorts as numbers."""
    styler = frame.style.format(lambda x: present.amount(x, unit, lang), subset=[column])
    rows_of: dict[str, list[int]] = {}
    for row, (text, absent) in enumerate(zip(texts, missing)):
        if absent:
            rows_of.setdefault(text, []).append(row)
    for text, rows in rows_of.items():
        styler = styler.format(na_rep=text, subset=(rows, [column]))
    return styler


def _profile_picker(ctx: PageContext, prepared: _Prepared, *, key: str) -> None:
    """For keyboard users: choose a municipality, then follow the link to its profile."""
    names = prepared.names
    if st.session_state.get(key) not in names:
        st.session_state[key] = prepared.picker[0] if prepared.picker else None
    code = st.selectbox(ctx.t("karta.choose_kommun"), prepared.picker, key=key,
                        format_func=lambda c: f"{names.get(c, c)} ({c})", placeholder=widget_text.choose(ctx.lang))
    if code:
        st.page_link(navigation.KOMMUN.file, label=ctx.t("karta.open_profile", name=names[code]), icon="➡️",
                     query_params=ctx.query(kommun=code))


def not_mappable(ctx: PageContext, metric_id: str) -> None:
    """A distribution has no single value per area: say so and offer the metrics that can be mapped."""
    st.info(ctx.t("karta.not_mappable", metric=metrics.get(metric_id).label(ctx.lang)), icon="🗺️")
    for other in mapping.mappable_metrics():
        st.page_link(navigation.KARTA.file, label=metrics.get(other).label(ctx.lang), icon="➡️",
                     query_params=ctx.query(matt=other))
