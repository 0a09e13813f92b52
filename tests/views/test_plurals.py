"""Counts shown with a noun take the noun's form for the count ("1 respondent", "2 respondents").

Read through the map (its tooltips and table show the base of every figure), so the
test holds whichever module words the base.
"""

from __future__ import annotations

import json

import pandas as pd

from adoption import metrics
from adoption.views import mapping


def _result(area, numerator, denominator, *, typ="kommun", metric="andel_ai_i_drift", unit="share"):
    return metrics.MetricResult(
        metric=metric, value=numerator / denominator, numerator=numerator, denominator=denominator, n=denominator,
        ci_low=None, ci_high=None, data_version=1, ar=2024, typ=typ, unit=unit, area=area, status="ok",
        suppressed=False,
    )


def _bases(results, lang, level="kommun"):
    codes = [r.area for r in results]
    square = json.dumps({"type": "MultiPolygon", "coordinates": [[[[14, 58], [15, 58], [15, 59], [14, 58]]]]})
    geometry = pd.DataFrame({"code": codes, "geojson": [square] * len(codes)})
    data = mapping.layer_data(results, geometry, {c: c for c in codes}, metric_id=results[0].metric, level=level,
                              lang=lang)
    return [a.base_text for a in data.areas], mapping.summary(data)


def test_the_base_of_a_share_follows_the_number_of_respondents():
    results = [_result("0001", 1, 1), _result("0002", 1, 2)]
    assert _bases(results, "en")[0] == ["1 of 1 respondent", "1 of 2 respondents"]
    assert _bases(results, "sv")[0] == ["1 av 1 svarande", "1 av 2 svarande"]
    answered = [_result("0001", 1, 1, metric="svarsfrekvens"), _result("0002", 2, 3, metric="svarsfrekvens")]
    assert _bases(answered, "sv")[0] == ["1 av 1 kommun svarade", "2 av 3 kommuner svarade"]
    evaluated = [_result("0001", 1, 1, metric="andel_utvarderade"), _result("0002", 1, 3, metric="andel_utvarderade")]
    assert _bases(evaluated, "en")[0] == ["1 of 1 initiative", "1 of 3 initiatives"]


def test_the_base_of_civil_society_figures_names_organisations_in_the_right_form():
    results = [_result("01", 1, 1, typ="civilsamhalle", metric="civil_ai_i_drift"),
               _result("03", 1, 4, typ="civilsamhalle", metric="civil_ai_i_drift")]
    assert _bases(results, "sv", level="lan")[0] == ["1 av 1 organisation", "1 av 4 organisationer"]
    assert _bases(results, "en", level="lan")[0] == ["1 of 1 organisation", "1 of 4 organisations"]


def test_the_map_summary_counts_areas_in_the_right_form():
    one = [_result("0001", 1, 2)]
    assert _bases(one, "en")[1].startswith("Share with AI in production: 1 of 1 municipality has a value")
    assert _bases(one, "sv")[1].startswith("Andel med AI i drift: 1 av 1 kommun har ett värde")
    two = [_result("0001", 1, 2), _result("0002", 1, 2)]
    assert _bases(two, "en")[1].startswith("Share with AI in production: 2 of 2 municipalities have a value")
    assert _bases(two, "en", level="lan")[1].startswith("Share with AI in production: 2 of 2 counties have a value")
