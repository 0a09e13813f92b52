"""One municipality's profile: its own stages by sector and year, and registry figures to compare with.

The municipality's own stages are read from its response rows as given (no
arithmetic). Every comparison figure (the municipality, its SKR municipality
group, its county, the whole country, the municipalities most like it pooled
into one figure) comes from the metric registry through
:func:`adoption.metrics.compute`; nothing here averages or sums survey values.

In three modules: :mod:`.history` (the municipality and its own stages,
beside its county's and the country's), :mod:`.figures` (the registry's
figures over the years, the comparison table and the trend) and
:mod:`.downloads` (all of it as numbers). Every name is re-exported here, so
callers write ``profile.stage_history``, ``profile.trend``.
"""

from adoption.views.profile.downloads import (  # noqa: F401 - re-exported
    comparison_download,
    distribution_download,
    sector_download,
    stage_download,
    trend_download,
)
from adoption.views.profile.figures import (  # noqa: F401 - re-exported
    AREA_GRUPP,
    AREA_KOMMUN,
    AREA_LAN,
    AREA_LIKNANDE,
    AREA_RIKET,
    AREAS,
    COMPARE_METRICS,
    OWN_AREAS,
    TREND_AREAS,
    TREND_COLOURS,
    TREND_DASHES,
    TREND_SHAPES,
    Comparison,
    area_label,
    comparison_table,
    comparisons,
    kind_text,
    trend,
    trend_chart,
)
from adoption.views.profile.history import (  # noqa: F401 - re-exported
    CELL_NO_ANSWER,
    CELL_NO_RESPONSE,
    CELL_NOT_APPLICABLE,
    CELL_OK,
    MISSING_STYLE,
    STAGE_FILL,
    STAGE_TEXT,
    Municipality,
    SectorComparison,
    StageCell,
    cell_text,
    distribution_areas,
    distribution_table,
    initiatives,
    missing_years,
    municipality,
    part_figure,
    responded_years,
    same_stage_text,
    sector_comparison,
    sector_table,
    stage_grid,
    stage_history,
)
