"""Altair charts drawn from a cached Vega-Lite specification.

Building an Altair chart and turning it into a specification (which Altair
validates against the whole Vega-Lite JSON schema) took 30-80 ms per chart on
every rerun, for a chart that changes only with its data and language. The
specification is made once per chart input and handed to ``st.vega_lite_chart``;
the browser receives exactly what ``st.altair_chart`` would have sent.
"""

from __future__ import annotations

import streamlit as st

from adoption.text import formatting

from . import cache
from .view import current_lang

try:  # Streamlit's own conversion (data as Arrow, its theme handling); pinned version
    from streamlit.elements.vega_charts import (
        _convert_altair_to_vega_lite_spec as _to_spec,
    )
except ImportError:  # pragma: no cover - another Streamlit: draw through st.altair_chart uncached
    _to_spec = None


def _spec(build, *args) -> dict | None:
    chart = build(*args)
    return None if chart is None else _to_spec(chart)


def altair(build, *args, alt: str | None = None, summary: str | None = None) -> bool:
    """Draw ``build(*args)`` (an Altair chart, or None) full width; False when there is nothing to draw.

    ``build`` must be a pure function of ``args`` (their values are the cache key).
    ``summary``: the chart's text alternative in one sentence (``adoption.views.alternatives``),
    shown under the chart and read as part of its ``alt``.
    """
    if summary:
        alt = f"{alt} {summary}" if alt else summary
    if _to_spec is None:
        chart = build(*args)
        if chart is not None:
            st.altair_chart(chart, width="stretch", alt=alt)
            _summary(summary)
        return chart is not None
    spec = cache.derived(_Spec(build), *args)
    if spec is None:
        return False
    st.vega_lite_chart(spec=localised(readable(spec), current_lang()), width="stretch", alt=alt)
    _summary(summary)
    return True


def localised(spec: dict, lang: str) -> dict:
    """``spec`` writing numbers (axes, tooltips) in ``lang``'s format: "45,5" and "50 %" in Swedish."""
    config = dict(spec.get("config") or {})
    config["locale"] = formatting.chart_locale(lang)
    return {**spec, "config": config}


def _summary(summary: str | None) -> None:
    if summary:
        st.caption(summary)


# Streamlit's chart theme draws axis labels, titles and legends in #808495: 3.8:1 on white,
# below WCAG's 4.5:1 for text this small. The chart's own config wins over the theme.
CHART_TEXT = "#3d3b38"  # 10.9:1 on white
_TEXT_CONFIG = {
    "axis": {"labelColor": CHART_TEXT, "titleColor": CHART_TEXT, "domainColor": "#6b6865", "tickColor": "#6b6865"},
    "legend": {"labelColor": CHART_TEXT, "titleColor": CHART_TEXT},
    "title": {"color": CHART_TEXT, "subtitleColor": CHART_TEXT},
    "header": {"labelColor": CHART_TEXT, "titleColor": CHART_TEXT},
    # A thin dark outline on every bar: a light bar (the previous year, the highest stage) is then
    # still told from the white background and from its neighbour at 3:1 (WCAG 1.4.11).
    "bar": {"stroke": CHART_TEXT, "strokeWidth": 0.75},
}


def readable(spec: dict) -> dict:
    """``spec`` with text colours that reach 4.5:1 (a copy; the cached spec is shared)."""
    config = dict(spec.get("config") or {})
    for part, colours in _TEXT_CONFIG.items():
        config[part] = {**colours, **(config.get(part) or {})}
    return {**spec, "config": config}


class _Spec:
    """``build``'s specification, named after ``build`` (so two charts never share a cache entry)."""

    def __init__(self, build) -> None:
        self._build = build
        self.__module__ = build.__module__
        self.__qualname__ = f"{build.__qualname__}.spec"

    def __call__(self, *args):
        return _spec(self._build, *args)
