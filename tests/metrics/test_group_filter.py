"""grupp and pooled municipalities in every registry metric (issue 11): a group's figure is the figure of
its municipalities pooled, and by="grupp" gives each group's figure. Groups constructed for the tests."""

from __future__ import annotations

import pytest

from adoption import metrics
from adoption.errors import AdoptionError
from adoption.metrics.filters import Filter
from adoption.store import Store

from .. import builders

GROUPS = builders.constructed_groups()


@pytest.fixture(scope="module")
def store(demo_db_template, tmp_path_factory) -> Store:
    db = builders.grouped_copy(demo_db_template, tmp_path_factory.mktemp("group-filter") / "groups.duckdb")
    db.replace_population(builders.population({}, 2024, default=10_000), description="test", created_by="test")
    return db


def _same(a: metrics.MetricResult, b: metrics.MetricResult) -> bool:
    return (a.value, a.numerator, a.denominator, a.n, a.ci_low, a.ci_high, a.status, a.breakdown) == (
        b.value, b.numerator, b.denominator, b.n, b.ci_low, b.ci_high, b.status, b.breakdown)


@pytest.mark.parametrize("metric_id", list(metrics.REGISTRY))
@pytest.mark.parametrize("grupp", ["A1", "B", "C9"])
def test_a_group_is_its_municipalities_pooled_in_every_metric(store, metric_id, grupp):
    members = tuple(code for code, group in GROUPS.items() if group == grupp or group[0] == grupp)
    typ = "civilsamhalle" if metric_id == "civil_ai_i_drift" else None
    by_group = metrics.compute(store, metric_id, Filter(ar=2024, grupp=grupp, typ=typ))
    pooled = metrics.compute(store, metric_id, Filter(ar=2024, kommun=members, typ=typ))
    assert _same(by_group, pooled), (by_group, pooled)


@pytest.mark.parametrize("metric_id", ["andel_ai_i_drift", "mognadsindex", "svarsfrekvens", "initiativ_per_10k"])
def test_by_group_gives_each_groups_figure(store, metric_id):
    results = metrics.compute(store, metric_id, Filter(ar=2024), by="grupp")
    assert [r.area for r in results] == ["A1", "A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9"]
    for r in results:
        assert _same(r, metrics.compute(store, metric_id, Filter(ar=2024, grupp=r.area)))
    within = metrics.compute(store, metric_id, Filter(ar=2024, grupp="B", lan=("01",)), by="grupp")
    assert {r.area for r in within} <= {"B3", "B4", "B5"}


def test_a_pooled_share_has_the_wilson_interval_of_its_base(store):
    from adoption.metrics.stats import wilson_interval

    result = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, kommun=("0180", "1280", "1480", "0380")))
    assert result.denominator > 1
    assert (result.ci_low, result.ci_high) == wilson_interval(result.numerator, result.denominator)


def test_an_unknown_group_is_refused_and_no_groups_gives_no_areas(store, demo_db_template):
    with pytest.raises(AdoptionError, match="Okänd kommungrupp ”D1”"):
        metrics.compute(store, "mognadsindex", Filter(grupp="D1"))
    assert metrics.compute(Store(demo_db_template), "mognadsindex", Filter(), by="grupp") == []
