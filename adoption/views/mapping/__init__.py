"""The map: one metric of the registry per municipality or county, as a choropleth. No Streamlit here.

From the registry's results by area, the simplified boundaries in the store
and the area names, everything a map needs, in four modules:

* :mod:`.classes`: class limits, classes, colours and the legend's labels (why these limits);
* :mod:`.layer`: per area its value and base as text, its class and colour, the legend (:func:`build`);
* :mod:`.tables`: the same data as a table, a download and a sentence;
* :mod:`.drawing`: the ``pydeck.Deck`` itself, and a click read back.

Everything is named here too, so callers write ``mapping.build``, ``mapping.table``, ``mapping.deck``.
"""

from adoption.views.mapping.classes import (  # noqa: F401 - re-exported
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
from adoption.views.mapping.drawing import (  # noqa: F401 - re-exported
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
from adoption.views.mapping.layer import (  # noqa: F401 - re-exported
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
from adoption.views.mapping.tables import (  # noqa: F401 - re-exported
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
