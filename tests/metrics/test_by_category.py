"""The registry's "kategori" dimension: civil-society figures per organisation category (issue 16, item 7)."""

from __future__ import annotations

import json

import pytest

from adoption import cli, metrics, vocab
from adoption.errors import AdoptionError
from adoption.metrics.filters import Filter
from adoption.metrics.stats import wilson_interval
from tests.builders import add_survey, reference_store, response

C = "civilsamhalle"


def _org(number: int, ar: int, kategori: str | None, kommun: str = "0180", **stages) -> dict:
    return response(ar=ar, typ=C, kommunkod=kommun, organisation=f"Förening {number}",
                    organisationsnummer=f"802000-{number:04d}", org_kategori=kategori, **stages)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = reference_store(tmp_path_factory.mktemp("kategori") / "kategori.duckdb")
    rows = [
        # sports: 5 answer in 2024 (3 in production), 1 more answered only in 2023
        *(_org(i, 2024, "idrott", vard_omsorg=3 if i < 3 else 1) for i in range(5)),
        _org(5, 2023, "idrott", vard_omsorg=1),
        # culture: 2 answer (too few to show), in Skåne
        _org(10, 2024, "kultur", kommun="1280", vard_omsorg=3), _org(11, 2024, "kultur", kommun="1280", vard_omsorg=0),
        # no category given: 3 answer
        *(_org(20 + i, 2024, None, vard_omsorg=2) for i in range(3)),
        # social: was "kultur" in 2023, "social" in 2024: counted once, in this year's category
        _org(30, 2023, "kultur", vard_omsorg=1), _org(30, 2024, "social", vard_omsorg=4),
        # a municipality's answer has no category and is never in these figures
        response(ar=2024, kommunkod="0180", vard_omsorg=3),
    ]
    add_survey(db, rows)
    return db


def _by(store, metric_id, **flt):
    return {r.area: r for r in metrics.compute(store, metric_id, Filter(ar=2024, typ=C, **flt), by="kategori")}


def test_one_result_per_category_and_one_for_none(store):
    results = metrics.compute(store, "civil_ai_i_drift", Filter(ar=2024), by="kategori")
    assert [r.area for r in results] == [*vocab.codes("org_kategori"), metrics.NO_CATEGORY]
    by = {r.area: r for r in results}
    assert (by["idrott"].numerator, by["idrott"].denominator, by["idrott"].value) == (3, 5, 0.6)
    assert (by["idrott"].ci_low, by["idrott"].ci_high) == pytest.approx(wilson_interval(3, 5))
    assert by[""].denominator == 3 and by[""].value == 0.0  # no category: its own group, not dropped
    assert by["social"].status == "too_few"  # one organisation
    assert by["kultur"].status == "too_few" and by["kultur"].value is None and by["kultur"].numerator is None
    assert by["trossamfund"].status == "no_answer"


def test_response_rate_per_category_counts_the_organisations_the_survey_knows(store):
    rate = _by(store, "civil_svarsfrekvens")
    assert (rate["idrott"].numerator, rate["idrott"].denominator) == (5, 6)  # one answered only in 2023
    assert rate["idrott"].ci_low is not None
    assert rate["social"].status == "too_few"  # 1 answered: hidden like a count of 1
    assert rate["kultur"].status == "too_few"
    assert rate["trossamfund"].status == "no_answer"  # nobody known
    # 2023: one sports club answered (hidden); the organisation now in "social" answered as "kultur".
    earlier = {r.area: r for r in metrics.compute(store, "civil_svarsfrekvens", Filter(ar=2023), by="kategori")}
    assert earlier["idrott"].status == earlier["kultur"].status == "too_few" and earlier["idrott"].n == 1
    assert earlier["social"].status == "no_answer"
    # The county filter applies to the organisations' municipalities.
    skane = _by(store, "civil_svarsfrekvens", lan=("12",))
    assert skane["idrott"].status == "no_answer" and skane["kultur"].status == "too_few"


def test_a_category_where_none_of_the_known_answered_is_zero(store):
    rate = {r.area: r for r in metrics.compute(store, "civil_svarsfrekvens", Filter(ar=2025), by="kategori")}
    assert rate["idrott"].status == "no_year"  # no survey in 2025 at all
    rows = [_org(40 + i, 2023, "trossamfund", vard_omsorg=1) for i in range(4)]
    db = reference_store(store.path.parent / "zero.duckdb")
    add_survey(db, rows + [_org(50, 2024, "idrott", vard_omsorg=1)])
    zero = {r.area: r for r in metrics.compute(db, "civil_svarsfrekvens", Filter(ar=2024), by="kategori")}
    assert (zero["trossamfund"].value, zero["trossamfund"].numerator, zero["trossamfund"].denominator) == (0.0, 0, 4)
    assert zero["trossamfund"].status == "ok"


def test_only_civil_society_metrics_from_response_rows_have_categories(store):
    for metric_id, flt in (("svarsfrekvens", Filter()), ("andel_utvarderade", Filter(typ=C)),
                           ("andel_ai_i_drift", Filter()), ("befolkning_i_drift", Filter())):
        with pytest.raises(AdoptionError, match="kategori"):
            metrics.compute(store, metric_id, flt, by="kategori")
    assert metrics.get("civil_ai_i_drift").by_category and not metrics.get("svarsfrekvens").by_category
    distribution = metrics.compute(store, "sektor_fordelning", Filter(ar=2024, typ=C), by="kategori")
    assert {r.area: r.n for r in distribution}["idrott"] == 5


def test_command_line_gives_one_line_per_category(store, capsys):
    assert cli.main(["metric", "civil_ai_i_drift", "--ar", "2024", "--niva", "kategori", "--json",
                     "--db", str(store.path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [p["area"] for p in payload] == [*vocab.codes("org_kategori"), ""]
    assert payload[0]["numerator"] == 3 and payload[0]["denominator"] == 5
