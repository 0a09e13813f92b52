"""The pilot-to-production funnel and its two registry metrics, on a small real store worked by hand."""

from __future__ import annotations

import json

import pytest

from adoption import cli, metrics
from adoption.metrics import funnel
from adoption.metrics.filters import Filter
from adoption.metrics.stats import wilson_interval
from adoption.text import present
from tests import builders


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    r = builders.response
    db = builders.reference_store(tmp_path_factory.mktemp("funnel") / "f.duckdb")
    builders.add_survey(db, [
        # Stockholm: education stays at pilot (stalled from 2023), administration reaches production in 2023.
        r(ar=2022, kommunkod="0180", utbildning=2, administration=2),
        r(ar=2023, kommunkod="0180", utbildning=2, administration=3),
        r(ar=2024, kommunkod="0180", utbildning=2, administration=3, miljo=2),
        # Göteborg: education at pilot in 2022 and 2024, not answered in 2023 (still its previous answered year).
        r(ar=2022, kommunkod="1480", utbildning=2),
        r(ar=2023, kommunkod="1480", kultur_fritid=1),
        r(ar=2024, kommunkod="1480", utbildning=2, vard_omsorg=4),
    ], [
        builders.initiative(ar=2024, kommunkod="0180", titel="A", sektor="utbildning", mognad=2, utvarderad=True),
        builders.initiative(ar=2024, kommunkod="0180", titel="B", sektor="administration", mognad=3,
                            utvarderad=False),
        builders.initiative(ar=2024, kommunkod="0180", titel="C", sektor="administration", mognad=3),
    ])
    return db


def test_pilot_to_production_metric(store):
    result = metrics.compute(store, "andel_pilot_till_drift", Filter(ar=2023))
    # 2022 pilots answered in 2023: Stockholm's education (still pilot) and administration (in production).
    assert (result.numerator, result.denominator, result.n) == (1, 2, 2)
    assert result.value == 0.5
    assert (result.ci_low, result.ci_high) == pytest.approx(wilson_interval(1, 2))
    latest = metrics.compute(store, "andel_pilot_till_drift", Filter(ar=2024))
    assert (latest.numerator, latest.denominator) == (0, 1)  # Göteborg's 2023 did not answer education


def test_stalled_pilots_metric(store):
    result = metrics.compute(store, "andel_fastnade_piloter", Filter(ar=2024))
    # Pilots in 2024: Stockholm education (stalled), Stockholm environment (new), Göteborg education
    # (pilot at its previous answered year, 2022: stalled).
    assert (result.numerator, result.denominator) == (2, 3)
    assert result.value == pytest.approx(2 / 3)
    assert (result.ci_low, result.ci_high) == pytest.approx(wilson_interval(2, 3))
    by_county = {r.area: (r.numerator, r.denominator) for r in
                 metrics.compute(store, "andel_fastnade_piloter", Filter(ar=2024), by="lan") if r.n}
    assert by_county == {"01": (1, 2), "14": (1, 1)}
    assert metrics.get("andel_fastnade_piloter").higher_is_better is False


def test_first_year_has_no_previous_year(store):
    for metric_id in ("andel_pilot_till_drift", "andel_fastnade_piloter"):
        result = metrics.compute(store, metric_id, Filter(ar=2022))
        assert result.status == "no_previous_year" and result.value is None
        assert "året före 2022" in present.reason(result)


def test_funnel_metrics_work_from_the_command_line(store, capsys):
    assert cli.main(["metric", "andel_fastnade_piloter", "--ar", "2024", "--json", "--db", str(store.path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["numerator"], payload["denominator"]) == (2, 3)


def test_transition_matrix(store):
    data = funnel.compute(store, Filter(ar=2024))
    assert (data.ar, data.previous) == (2024, 2023)
    counts = {(r.fran, r.till): r.antal for r in data.transitions.itertuples() if r.antal}
    assert counts == {(2, 2): 1, (3, 3): 1}  # only cells answered in both years
    assert len(data.transitions) == 25  # every pair of stages, zeros included
    row = data.transitions[(data.transitions["fran"] == 2) & (data.transitions["till"] == 2)].iloc[0]
    assert row["andel"] == 1.0 and row["rad_total"] == 1


def test_stalled_list_links_to_the_profile(store):
    from adoption.views import funnel as funnel_view

    data = funnel.compute(store, Filter(ar=2024))
    assert sorted(zip(data.stalled["kommunkod"], data.stalled["sektor"])) == [("0180", "utbildning"),
                                                                           ("1480", "utbildning")]
    assert dict(zip(data.stalled["kommunkod"], data.stalled["pilot_since"])) == {"0180": 2022, "1480": 2022}
    table = funnel_view.stalled_table(data, "sv")
    # Most stalled first, then by name: Göteborg before Stockholm.
    assert table.iloc[:, 0].tolist() == ["/kommun?kommun=1480", "/kommun?kommun=0180"]
    assert funnel_view.profile_link("0180", "en", 3) == "/kommun?kommun=0180&lang=en&v=3"


def test_reach_within_one_and_two_years(store):
    reach = funnel.compute(store, Filter(ar=2024)).reach.set_index("within")
    # Within 1: the 2023 pilots (Stockholm's education, still pilot in 2024); Göteborg answered no
    # education in 2023.
    assert (reach.loc[1, "numerator"], reach.loc[1, "denominator"]) == (0, 1)
    # Within 2: the 2022 pilots: Stockholm education (no), administration (yes, in 2023), Göteborg education
    # (pilot again in 2024: no).
    assert (reach.loc[2, "numerator"], reach.loc[2, "denominator"]) == (1, 3)


def test_evaluated_share_per_stage(store):
    evaluated = funnel.compute(store, Filter(ar=2024)).evaluated.set_index("mognad")
    assert (evaluated.loc[2, "numerator"], evaluated.loc[2, "denominator"]) == (1, 1)
    assert (evaluated.loc[3, "numerator"], evaluated.loc[3, "denominator"], evaluated.loc[3, "antal"]) == (0, 1, 2)


def test_filters_narrow_the_funnel(store):
    only_stockholm = funnel.compute(store, Filter(ar=2024, lan=("01",)))
    assert only_stockholm.stalled["kommunkod"].tolist() == ["0180"]
    only_environment = funnel.compute(store, Filter(ar=2024, sektor=("miljo",)))
    assert only_environment.stalled.empty
    civil = funnel.compute(store, Filter(ar=2024, typ="civilsamhalle"))
    assert civil.transitions["antal"].sum() == 0 and civil.typ == "civilsamhalle"
