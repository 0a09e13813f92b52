"""The map: one metric of the registry per municipality or county, as a choropleth. No Streamlit here.

From the registry's results by area, the simplified boundaries in the store
and the area names, everything a map needs, in four modules:

* :mod:`.classes`: class limits, classes, colours and the legend's labels (why these limits);
* :mod:`.layer`: per area its value and base as text, its class and colour, the legend (:func:`build`);
* :mod:`.tables`: the same data as a table, a download and a sentence;
* :mod:`.drawing`: the ``pydeck.Deck`` itself, and a click read back.

Everything is named here too, so callers write ``mapping.build``, ``mapping.table``, ``mapping.deck``.
"""

from adoption.views.mapping.classes import (
    FIXED_LIMITS,
    MARKER_COLOUR,
    MISSING_ORDER,
    MISSING_STYLE,
    PALETTE,
    WHITE,
    binary_labels,
    class_index,
    class_labels,
    class_limits,
    missing_kind,
    palette,
)
from adoption.views.mapping.drawing import (
    DEFAULT_SIZE,
    LAYER_ID,
    MARKER_LAYER_ID,
    MARKER_RADIUS,
    MAX_PAYLOAD_BYTES,
    SWEDEN_BOUNDS,
    TILE_SIZE,
    TOOLTIP_COLOURS,
    CompactDeck,
    bounds,
    deck,
    features,
    fit_view,
    markers,
    project,
    selected_code,
    tooltip_html,
)
from adoption.views.mapping.layer import (
    BLOCKING,
    LEVELS,
    Area,
    LegendEntry,
    MapData,
    base_count,
    build,
    layer_data,
    mappable,
    mappable_metrics,
    own_answers,
)
from adoption.views.mapping.tables import (
    counts,
    download_table,
    note,
    round_mark,
    small_base_column,
    summary,
    table,
    table_value_column,
    value_column,
    value_texts,
    whole_numbers,
)

__all__ = [
    "BLOCKING", "DEFAULT_SIZE", "FIXED_LIMITS", "LAYER_ID", "LEVELS", "MARKER_COLOUR", "MARKER_LAYER_ID",
    "MARKER_RADIUS", "MAX_PAYLOAD_BYTES", "MISSING_ORDER", "MISSING_STYLE", "PALETTE", "SWEDEN_BOUNDS", "TILE_SIZE",
    "TOOLTIP_COLOURS", "WHITE", "Area", "CompactDeck", "LegendEntry", "MapData", "base_count", "binary_labels",
    "bounds", "build", "class_index", "class_labels", "class_limits", "counts", "deck", "download_table", "features",
    "fit_view", "layer_data", "mappable", "mappable_metrics", "markers", "missing_kind", "note", "own_answers",
    "palette", "project", "round_mark", "selected_code", "small_base_column", "summary", "table",
    "table_value_column", "tooltip_html", "value_column", "value_texts", "whole_numbers",
]
