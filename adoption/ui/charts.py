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


def altair(build, *args, alt: str | None = None) -> bool:
    """Draw ``build(*args)`` (an Altair chart, or None) full width; False when there is nothing to draw.

    ``build`` must be a pure function of ``args`` (their values are the cache key).
    """
    if _to_spec is None:
        chart = build(*args)
        if chart is not None:
            st.altair_chart(chart, width="stretch", alt=alt)
        return chart is not None
    spec = cache.derived(_Spec(build), *args)
    if spec is None:
        return False
    st.vega_lite_chart(spec=localised(spec, current_lang()), width="stretch", alt=alt)
    return True


def localised(spec: dict, lang: str) -> dict:
    """``spec`` writing numbers (axes, tooltips) in ``lang``'s format: "45,5" and "50 %" in Swedish."""
    config = dict(spec.get("config") or {})
    config["locale"] = formatting.chart_locale(lang)
    return {**spec, "config": config}


class _Spec:
    """``build``'s specification, named after ``build`` (so two charts never share a cache entry)."""

    def __init__(self, build) -> None:
        self._build = build
        self.__module__ = build.__module__
        self.__qualname__ = f"{build.__qualname__}.spec"

    def __call__(self, *args):
        return _spec(self._build, *args)


# Okabe-Ito colours (colour-blind safe), one per line: e.g. municipality, county, country.
LINE_COLOURS = ("#0072B2", "#E69F00", "#009E73")


def lines(frame, y_label: str) -> None:
    """A line per column of ``frame`` (index: the x axis), coloured in order, with its names as alt text."""
    st.line_chart(frame, y=list(frame.columns), color=list(LINE_COLOURS[: len(frame.columns)]), y_label=y_label,
                  alt=f"{y_label}: {', '.join(frame.columns)}")
