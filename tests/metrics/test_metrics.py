"""Every metric of the registry against hand-computed values on a small, real data set.

The data set (survey years 2023 and 2024) lives in real DuckDB files with the
real reference data (290 municipalities, 21 counties). Municipalities used:
0114, 0115, 0180 in county 01 (26 municipalities) and 1280, 1281, 1282 in
county 12 (33 municipalities).

2024, municipalities ("-" no answer, "." not applicable = -1):

    kommun  vard  social  utb  samh  koll  miljo  admin | max  index  strategi  riktl  antal  hinder
    0114     2     0       1    -     -     -      -    |  2    25     ja(2)     True    4    juridik, kompetens
    0115     -     -       .    -     .     -      -    |  -    -      None      None  None   None
    0180     2     -       4    -     -     -      3    |  4    75     pagar(1)  True   30    kompetens, kompetens, data
    1280     0     -       0    -     -     .      -    |  0    0      nej(0)    False   2    () (empty)
    1281   (no response row)
    1282     -     -       2    3     -     -      -    |  3    62.5   ja(2)     None    0    kompetens

    index = mean over answered sectors of stage / 4 * 100, e.g. 0114: (2+0+1)/3 = 1 -> 25.

2024, civil society: Alfa (0180) vard 3, hinder finansiering; Beta (1280)
kultur 1; Gamma (1280) only kultur "." -> 2 organisations answered a stage.

2023, municipalities: 0114 vard 1 (pagar, False, 2, juridik); 0180 utb 3
(ja, True, 20, kompetens); 1280 vard 0 (nej, None, 1, None).
2023, civil society: Alfa vard 2; Beta kultur 3; Gamma kultur 4 + utb 0;
Delta (0114) utb 0 -> 4 answered, 2 at stage >= 3.

Initiatives (utvarderad T/F/None):
    2024: 0114 vard T, 0114 utb None, 0180 utb T, 0180 admin F, 0180 utb F,
          1280 utb None, 1282 samh F; Alfa (civil) vard T.
    2023: 0180 utb F, 0114 vard None.

Population (made up, round): 0114 40 000, 0115 20 000, 0180 900 000,
1280 300 000, 1281 100 000, 1282 40 000, every other municipality 10 000.

Data versions of the templates: 1 = the survey, 2 = population for 2024.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import pytest

from adoption import metrics
from adoption.errors import AdoptionError, UnknownVersionError
from adoption.metrics.filters import Filter
from adoption.metrics.stats import mean_interval, wilson_interval
from adoption.store import Store
from adoption.text import i18n, present
from adoption.vocab import sector_codes

from ..builders import add_survey, initiative, population, reference_store, response

C = "civilsamhalle"

RESPONSES = [
    # -- 2024, municipalities
    response(ar=2024, kommunkod="0114", vard_omsorg=2, socialtjanst=0, utbildning=1, ai_strategi=2,
             riktlinjer_genai=True, antal_initiativ=4, hinder=("juridik", "kompetens")),
    response(ar=2024, kommunkod="0115", utbildning=-1, kollektivtrafik=-1),
    response(ar=2024, kommunkod="0180", vard_omsorg=2, utbildning=4, administration=3, ai_strategi=1,
             riktlinjer_genai=True, antal_initiativ=30, hinder=("kompetens", "kompetens", "data")),
    response(ar=2024, kommunkod="1280", vard_omsorg=0, utbildning=0, miljo=-1, ai_strategi=0,
             riktlinjer_genai=False, antal_initiativ=2, hinder=()),
    response(ar=2024, kommunkod="1282", utbildning=2, samhallsbyggnad=3, ai_strategi=2, antal_initiativ=0,
             hinder=("kompetens",)),
    # -- 2024, civil society
    response(ar=2024, typ=C, kommunkod="0180", organisation="Föreningen Alfa", organisationsnummer="802000-0001",
             vard_omsorg=3, hinder=("finansiering",)),
    response(ar=2024, typ=C, kommunkod="1280", organisation="Beta", organisationsnummer="802000-0002",
             kultur_fritid=1),
    response(ar=2024, typ=C, kommunkod="1280", organisation="Gamma", kultur_fritid=-1),
    # -- 2023, municipalities
    response(ar=2023, kommunkod="0114", vard_omsorg=1, ai_strategi=1, riktlinjer_genai=False, antal_initiativ=2,
             hinder=("juridik",)),
    response(ar=2023, kommunkod="0180", utbildning=3, ai_strategi=2, riktlinjer_genai=True, antal_initiativ=20,
             hinder=("kompetens",)),
    response(ar=2023, kommunkod="1280", vard_omsorg=0, ai_strategi=0, antal_initiativ=1),
    # -- 2023, civil society
    response(ar=2023, typ=C, kommunkod="0180", organisation="Föreningen Alfa", organisationsnummer="802000-0001",
             vard_omsorg=2),
    response(ar=2023, typ=C, kommunkod="1280", organisation="Beta", organisationsnummer="802000-0002",
             kultur_fritid=3),
    response(ar=2023, typ=C, kommunkod="1280", organisation="Gamma", kultur_fritid=4, utbildning=0),
    response(ar=2023, typ=C, kommunkod="0114", organisation="Delta", utbildning=0),
]

INITIATIVES = [
    initiative(ar=2024, kommunkod="0114", titel="Chattbot hemtjänst", sektor="vard_omsorg", mognad=3,
               utvarderad=True),
    initiative(ar=2024, kommunkod="0114", titel="Schemaläggning", sektor="utbildning", mognad=1),
    initiative(ar=2024, kommunkod="0180", titel="Elevstöd", sektor="utbildning", mognad=4, utvarderad=True),
    initiative(ar=2024, kommunkod="0180", titel="Fakturor", sektor="administration", mognad=3, utvarderad=False),
    initiative(ar=2024, kommunkod="0180", titel="Läxhjälp", sektor="utbildning", mognad=2, utvarderad=False),
    initiative(ar=2024, kommunkod="1280", titel="Provbedömning", sektor="utbildning", mognad=2),
    initiative(ar=2024, kommunkod="1282", titel="Bygglov", sektor="samhallsbyggnad", mognad=3, utvarderad=False),
    initiative(ar=2024, kommunkod="0180", organisation="Föreningen Alfa", titel="Besöksbot", sektor="vard_omsorg",
               mognad=3, utvarderad=True),
    initiative(ar=2023, kommunkod="0180", titel="Elevstöd", sektor="utbildning", mognad=3, utvarderad=False),
    initiative(ar=2023, kommunkod="0114", titel="Digital assistent", sektor="vard_omsorg", mognad=1),
]

POPULATION = {"0114": 40_000, "0115": 20_000, "0180": 900_000, "1280": 300_000, "1281": 100_000, "1282": 40_000}
OTHER_POPULATION = 10_000


# -- fixtures --------------------------------------------------------------------


@pytest.fixture(scope="module")
def survey_template(tmp_path_factory) -> Path:
    """Reference data + the survey as data version 1 (no population)."""
    path = tmp_path_factory.mktemp("metrics_survey") / "template.duckdb"
    store = reference_store(path)
    assert add_survey(store, RESPONSES, INITIATIVES) == 1
    return path


@pytest.fixture(scope="module")
def loaded_template(survey_template, tmp_path_factory) -> Path:
    """The survey (version 1) and population for 2024 for all 290 municipalities (version 2)."""
    path = tmp_path_factory.mktemp("metrics_loaded") / "template.duckdb"
    shutil.copy(survey_template, path)
    version = Store(path).replace_population(
        population(POPULATION, 2024, default=OTHER_POPULATION), description="test", created_by="test"
    )
    assert version == 2
    return path


@pytest.fixture(scope="module")
def store(loaded_template, tmp_path_factory) -> Store:
    """A shared, read-only store with survey and population (tests must not write to it)."""
    path = tmp_path_factory.mktemp("metrics_read") / "read.duckdb"
    shutil.copy(loaded_template, path)
    return Store(path)


def _copy(template: Path, tmp_path: Path) -> Store:
    path = tmp_path / "copy.duckdb"
    shutil.copy(template, path)
    return Store(path)


@pytest.fixture(scope="module")
def computed(store):
    """``compute`` on the shared read-only store, remembered (each call opens the file several times)."""
    cache = {}

    def compute(metric_id: str, flt: Filter = Filter()):
        key = (metric_id, flt)
        if key not in cache:
            cache[key] = metrics.compute(store, metric_id, flt)
        return cache[key]

    return compute


@pytest.fixture
def survey_store(survey_template, tmp_path) -> Store:
    """A private copy of the survey-only database (version 1), free to change."""
    return _copy(survey_template, tmp_path)


@pytest.fixture
def loaded_store(loaded_template, tmp_path) -> Store:
    """A private copy of the database with population (version 2), free to change."""
    return _copy(loaded_template, tmp_path)


# -- expected values -------------------------------------------------------------

FILTERS = {
    "alla": Filter(),
    "lan_12": Filter(ar=2024, lan=("12",)),
    "kommun_0180": Filter(kommun="0180"),
    "kommun_0115_only_dots": Filter(kommun="0115"),
    "kommun_1281_no_response": Filter(kommun="1281"),
    "sektor_utbildning": Filter(sektor=("utbildning",)),
    "ar_2023": Filter(ar=2023),
}

NONE = (None, None, None, 0)

# metric -> (value, numerator, denominator, n)
EXPECTED = {
    "alla": {
        # 0114, 0115, 0180, 1280, 1282 have a row for 2024 -> 5 of 290
        "svarsfrekvens": (5 / 290, 5, 290, 5),
        # answered a stage: 0114 (max 2), 0180 (4), 1280 (0), 1282 (3); 0115 only "." -> left out.
        # >= 1: 0114, 0180, 1282 -> 3/4
        "andel_ai_aktivitet": (3 / 4, 3, 4, 4),
        # >= 3: 0180, 1282 -> 2/4
        "andel_ai_i_drift": (2 / 4, 2, 4, 4),
        # = 4: 0180 -> 1/4
        "andel_skalad": (1 / 4, 1, 4, 4),
        # 25 + 75 + 0 + 62.5 = 162.5 over 4 municipalities -> 40.625
        "mognadsindex": (162.5 / 4, 162.5, 4, 4),
        # ja: 0114, 1282; pagar 0180, nej 1280; 0115 no answer -> 2/4
        "andel_strategi": (2 / 4, 2, 4, 4),
        # True: 0114, 0180; False 1280; 0115 and 1282 no answer -> 2/3
        "andel_riktlinjer": (2 / 3, 2, 3, 3),
        # (4 + 30 + 2 + 0) / (40k + 900k + 300k + 40k) * 10 000 = 36 / 1 280 000 * 10 000 = 0.28125
        "initiativ_per_10k": (0.28125, 36, 1_280_000, 4),
        # in production: 0180 (900k) + 1282 (40k) of the 1 280 000 in answering municipalities
        "befolkning_i_drift": (940_000 / 1_280_000, 940_000, 1_280_000, 4),
        # municipal initiatives with a known answer: T (0114), T, F, F (0180), F (1282) -> 2/5
        "andel_utvarderade": (2 / 5, 2, 5, 5),
        # 5 responding municipalities (0115 included: its "." are reported separately)
        "sektor_fordelning": (None, None, None, 5),
        # named at least one barrier: 0114, 0180, 1282 (1280 gave an empty list) -> 3
        "hinder_topp": (None, None, None, 3),
        # civil society 2024: Alfa (3) and Beta (1) answered, Gamma only "." -> 2 < 3: suppressed
        "civil_ai_i_drift": (None, None, None, 2),
        # known organisations: Alfa, Beta, Gamma, Delta (2023 only); 2024: Alfa, Beta, Gamma answered
        "civil_svarsfrekvens": (3 / 4, 3, 4, 3),
        # no municipality's sector was at pilot (2) in 2023
        "andel_pilot_till_drift": NONE,
        # pilots in 2024: 0114 vard (1 in 2023), 0180 vard (not answered in 2023), 1282 utb (no 2023 row):
        # none was at pilot at its previous answered year -> 0/3
        "andel_fastnade_piloter": (0.0, 0, 3, 3),
    },
    "lan_12": {
        # county 12 has 33 municipalities; 1280 and 1282 answered -> 2/33
        "svarsfrekvens": (2 / 33, 2, 33, 2),
        # 1280 (max 0), 1282 (max 3)
        "andel_ai_aktivitet": (1 / 2, 1, 2, 2),
        "andel_ai_i_drift": (1 / 2, 1, 2, 2),
        "andel_skalad": (0.0, 0, 2, 2),
        # (0 + 62.5) / 2
        "mognadsindex": (31.25, 62.5, 2, 2),
        # nej (1280), ja (1282) -> 1/2
        "andel_strategi": (1 / 2, 1, 2, 2),
        # False (1280); 1282 no answer -> 0/1
        "andel_riktlinjer": (0.0, 0, 1, 1),
        # (2 + 0) / (300k + 40k) * 10 000
        "initiativ_per_10k": (2 / 340_000 * 10_000, 2, 340_000, 2),
        # 1282 in production: 40k of 340k
        "befolkning_i_drift": (40_000 / 340_000, 40_000, 340_000, 2),
        # Bygglov F; Provbedömning unknown -> 0/1
        "andel_utvarderade": (0.0, 0, 1, 1),
        "sektor_fordelning": (None, None, None, 2),
        # only 1282 named a barrier (1280: empty list)
        "hinder_topp": (None, None, None, 1),
        # Beta answered, Gamma only "." -> 1: suppressed
        "civil_ai_i_drift": (None, None, None, 1),
        # Beta and Gamma known and answering: 2 < 3, suppressed
        "civil_svarsfrekvens": (None, None, None, 2),
        "andel_pilot_till_drift": NONE,
        # 1282 utb is a new pilot
        "andel_fastnade_piloter": (0.0, 0, 1, 1),
    },
    "kommun_0180": {
        "svarsfrekvens": (1.0, 1, 1, 1),
        "andel_ai_aktivitet": (1.0, 1, 1, 1),
        "andel_ai_i_drift": (1.0, 1, 1, 1),
        "andel_skalad": (1.0, 1, 1, 1),
        # (2 + 4 + 3) / 3 = 3 -> 75
        "mognadsindex": (75.0, 75, 1, 1),
        # pagar is not ja
        "andel_strategi": (0.0, 0, 1, 1),
        "andel_riktlinjer": (1.0, 1, 1, 1),
        # 30 / 900 000 * 10 000 = 1/3
        "initiativ_per_10k": (1 / 3, 30, 900_000, 1),
        "befolkning_i_drift": (1.0, 900_000, 900_000, 1),
        # Elevstöd T, Fakturor F, Läxhjälp F -> 1/3
        "andel_utvarderade": (1 / 3, 1, 3, 3),
        "sektor_fordelning": (None, None, None, 1),
        "hinder_topp": (None, None, None, 1),
        # Alfa alone -> suppressed
        "civil_ai_i_drift": (None, None, None, 1),
        "civil_svarsfrekvens": (None, None, None, 1),
        "andel_pilot_till_drift": NONE,
        # 0180 vard is at pilot, not answered in 2023
        "andel_fastnade_piloter": (0.0, 0, 1, 1),
    },
    "kommun_0115_only_dots": {
        # it has a response row ...
        "svarsfrekvens": (1.0, 1, 1, 1),
        # ... but only "." stage answers: not in any stage denominator
        "andel_ai_aktivitet": NONE,
        "andel_ai_i_drift": NONE,
        "andel_skalad": NONE,
        "mognadsindex": NONE,
        "andel_strategi": NONE,
        "andel_riktlinjer": NONE,
        "initiativ_per_10k": NONE,  # antal_initiativ not answered
        "befolkning_i_drift": NONE,
        "andel_utvarderade": NONE,  # no initiatives
        "sektor_fordelning": (None, None, None, 1),
        "hinder_topp": NONE,  # hinder not answered
        "civil_ai_i_drift": NONE,  # no organisations there
        "civil_svarsfrekvens": NONE,
        "andel_pilot_till_drift": NONE,
        "andel_fastnade_piloter": NONE,  # no sector at pilot
    },
    "kommun_1281_no_response": {
        # no response row: a response rate of 0 of 1, not a missing figure
        "svarsfrekvens": (0.0, 0, 1, 0),
        **{m: NONE for m in metrics.REGISTRY if m != "svarsfrekvens"},
    },
    "sektor_utbildning": {
        # the metrics that ignore sectors (IGNORES_SECTOR) are as without the filter: added below
        # utbildning: 0114 1, 0115 ".", 0180 4, 1280 0, 1282 2 -> 4 answered; >= 1: 0114, 0180, 1282
        "andel_ai_aktivitet": (3 / 4, 3, 4, 4),
        # >= 3 in utbildning: only 0180 (1282's stage 3 is in samhallsbyggnad) -> 1/4
        "andel_ai_i_drift": (1 / 4, 1, 4, 4),
        "andel_skalad": (1 / 4, 1, 4, 4),
        # 1/4*100 + 4/4*100 + 0 + 2/4*100 = 25 + 100 + 0 + 50 = 175 over 4
        "mognadsindex": (175 / 4, 175, 4, 4),
        # in production in utbildning: only 0180 -> 900k of 1 280k
        "befolkning_i_drift": (900_000 / 1_280_000, 900_000, 1_280_000, 4),
        # utbildning initiatives with a known answer: Elevstöd T, Läxhjälp F -> 1/2
        "andel_utvarderade": (1 / 2, 1, 2, 2),
        # every responding municipality, its utbildning stages
        "sektor_fordelning": (None, None, None, 5),
        # no civil organisation answered utbildning in 2024
        "civil_ai_i_drift": NONE,
        "andel_pilot_till_drift": NONE,
        # utbildning at pilot in 2024: 1282 only (0114 is at 1, 0180 at 4)
        "andel_fastnade_piloter": (0.0, 0, 1, 1),
    },
    "ar_2023": {
        # 0114, 0180, 1280
        "svarsfrekvens": (3 / 290, 3, 290, 3),
        # max: 0114 1, 0180 3, 1280 0
        "andel_ai_aktivitet": (2 / 3, 2, 3, 3),
        "andel_ai_i_drift": (1 / 3, 1, 3, 3),
        "andel_skalad": (0.0, 0, 3, 3),
        # 25 + 75 + 0 = 100 over 3
        "mognadsindex": (100 / 3, 100, 3, 3),
        # pagar, ja, nej -> 1/3
        "andel_strategi": (1 / 3, 1, 3, 3),
        # False, True, None -> 1/2
        "andel_riktlinjer": (1 / 2, 1, 2, 2),
        # only 2024 population is loaded: no year <= 2023, so the earliest (2024) is used.
        # (2 + 20 + 1) / (40k + 900k + 300k) * 10 000
        "initiativ_per_10k": (23 / 1_240_000 * 10_000, 23, 1_240_000, 3),
        # 0180 in production: 900k of 1 240k
        "befolkning_i_drift": (900_000 / 1_240_000, 900_000, 1_240_000, 3),
        # Elevstöd F; Digital assistent unknown -> 0/1
        "andel_utvarderade": (0.0, 0, 1, 1),
        "sektor_fordelning": (None, None, None, 3),
        # juridik (0114), kompetens (0180); 1280 no answer
        "hinder_topp": (None, None, None, 2),
        # Alfa 2, Beta 3, Gamma max 4, Delta 0 -> 4 answered, 2 at >= 3: shown
        "civil_ai_i_drift": (2 / 4, 2, 4, 4),
        # all four known organisations answered in 2023
        "civil_svarsfrekvens": (1.0, 4, 4, 4),
        # 2022 has no survey: both funnel metrics say so (status no_previous_year)
        "andel_pilot_till_drift": NONE,
        "andel_fastnade_piloter": NONE,
    },
}

# Per-municipality maturity indexes behind mognadsindex (for its interval).
MATURITY_INDEXES = {
    "alla": [25, 75, 0, 62.5],
    "lan_12": [0, 62.5],
    "kommun_0180": [75],
    "sektor_utbildning": [25, 100, 0, 50],
    "ar_2023": [25, 75, 0],
}

SUPPRESSED = {("alla", "civil_ai_i_drift"), ("lan_12", "civil_ai_i_drift"), ("kommun_0180", "civil_ai_i_drift"),
              ("lan_12", "civil_svarsfrekvens"), ("kommun_0180", "civil_svarsfrekvens")}
IGNORES_SECTOR = {"svarsfrekvens", "andel_strategi", "andel_riktlinjer", "initiativ_per_10k", "hinder_topp",
                  "civil_svarsfrekvens"}
EXPECTED["sektor_utbildning"].update({metric_id: EXPECTED["alla"][metric_id] for metric_id in IGNORES_SECTOR})
CASES = [(case, metric_id) for case in EXPECTED for metric_id in metrics.REGISTRY]


def assert_figures(result: metrics.MetricResult, expected: tuple) -> None:
    value, numerator, denominator, n = expected
    for name, got, want in (("value", result.value, value), ("numerator", result.numerator, numerator),
                            ("denominator", result.denominator, denominator)):
        if want is None:
            assert got is None, name
        else:
            assert got == pytest.approx(want, rel=1e-12, abs=1e-15), name
    assert result.n == n, "n"


def test_registry_is_exactly_the_metrics_of_the_spec():
    assert set(metrics.REGISTRY) == {
        "svarsfrekvens", "andel_ai_aktivitet", "andel_ai_i_drift", "andel_skalad", "mognadsindex",
        "andel_strategi", "andel_riktlinjer", "initiativ_per_10k", "befolkning_i_drift", "andel_utvarderade",
        "sektor_fordelning", "hinder_topp", "civil_ai_i_drift", "civil_svarsfrekvens",
        "andel_pilot_till_drift", "andel_fastnade_piloter",
    }
    for case in EXPECTED.values():
        assert set(case) == set(metrics.REGISTRY)


@pytest.mark.parametrize("case, metric_id", CASES)
def test_metric_values(computed, case, metric_id):
    result = computed(metric_id, FILTERS[case])
    assert_figures(result, EXPECTED[case][metric_id])
    assert result.metric == metric_id
    assert result.data_version == 2
    assert result.ar == (2023 if case == "ar_2023" else 2024)
    assert result.typ == (metrics.REGISTRY[metric_id].respondent or "kommun")
    assert result.unit == metrics.REGISTRY[metric_id].unit
    assert result.area is None
    assert result.suppressed is ((case, metric_id) in SUPPRESSED)
    if result.suppressed:
        assert "För få" in present.reason(result)
    elif result.unit == "distribution" and result.n:
        assert result.value is None and present.reason(result) is None and result.breakdown  # figures in the breakdown
    elif result.value is None:
        # 0115 answered only "." (not applicable): the stage metrics say so,
        # rather than "no answer"; every other empty figure is "no answer".
        only_dots = case == "kommun_0115_only_dots" and metrics.REGISTRY[metric_id].family in (
            "stage_share", "maturity_index") and metric_id != "civil_ai_i_drift"
        expected_status = "not_applicable" if only_dots else "no_answer"
        # The funnel metrics compare with the year before: 2023 has none.
        if case == "ar_2023" and metric_id in ("andel_pilot_till_drift", "andel_fastnade_piloter"):
            expected_status = "no_previous_year"
        assert result.n == 0 and result.status == expected_status
        assert present.reason(result) == i18n.t(f"status.{expected_status}", "sv", **dict(result.reason_values))
        assert not hasattr(result, "reason") and dict(result.reason_values)["ar"] == result.ar  # codes, not text
    else:
        assert present.reason(result) is None and result.status == "ok"
    expect_ignored = ("sektor",) if case == "sektor_utbildning" and metric_id in IGNORES_SECTOR else ()
    assert result.filters_ignored == expect_ignored


@pytest.mark.parametrize("case, metric_id", CASES)
def test_intervals(computed, case, metric_id):
    metric = metrics.REGISTRY[metric_id]
    result = computed(metric_id, FILTERS[case])
    if result.value is None:
        assert (result.ci_low, result.ci_high) == (None, None)
    elif metric.interval == "wilson":
        assert (result.ci_low, result.ci_high) == wilson_interval(result.numerator, result.denominator)
        # (the lower bound of 0 successes comes out as ~5.6e-17, not exactly 0)
        assert result.ci_low - 1e-12 <= result.value <= result.ci_high + 1e-12
    elif metric.interval == "mean":
        indexes = MATURITY_INDEXES[case]
        sd = statistics.stdev(indexes) if len(indexes) > 1 else None
        expected = mean_interval(statistics.fmean(indexes), sd, len(indexes), lower=0.0, upper=100.0)
        if expected[0] is None:
            assert (result.ci_low, result.ci_high) == (None, None)  # one municipality: no spread
        else:
            assert result.ci_low == pytest.approx(expected[0], rel=1e-9)
            assert result.ci_high == pytest.approx(expected[1], rel=1e-9)
    else:
        assert (result.ci_low, result.ci_high) == (None, None)  # per 10k and population share


def test_mognadsindex_interval_literal(computed):
    # sd of 25, 75, 0, 62.5: mean 40.625, squared deviations 244.14 + 1181.64 + 1650.39 + 478.52
    # = 3554.69, / 3 = 1184.90, sd = 34.4223; half width = 1.96 * 34.4223 / 2 = 33.733
    result = computed("mognadsindex")
    assert (round(result.ci_low, 2), round(result.ci_high, 2)) == (6.89, 74.36)


# -- sectors --------------------------------------------------------------------


def test_sector_filter_is_ignored_only_by_metrics_that_have_no_sectors(computed):
    flt = Filter(sektor=("utbildning",))
    for metric_id, metric in metrics.REGISTRY.items():
        result = computed(metric_id, flt)
        if metric.uses_sector:
            assert result.filters_ignored == (), metric_id
        else:
            assert metric_id in IGNORES_SECTOR
            assert result.filters_ignored == ("sektor",), metric_id
            # same figures as without the filter
            unfiltered = computed(metric_id)
            assert (result.value, result.numerator, result.denominator, result.n, result.breakdown) == (
                unfiltered.value, unfiltered.numerator, unfiltered.denominator, unfiltered.n, unfiltered.breakdown
            )


def test_any_sector_is_limited_to_several_chosen_sectors(store):
    # samhallsbyggnad + utbildning: 0114 max(-, 1) = 1, 0180 max(-, 4) = 4, 1280 max(-, 0) = 0,
    # 1282 max(3, 2) = 3 -> 4 answered, >= 3: 0180, 1282 -> 2/4
    result = metrics.compute(store, "andel_ai_i_drift", Filter(sektor=("utbildning", "samhallsbyggnad")))
    assert_figures(result, (2 / 4, 2, 4, 4))
    # socialtjanst alone: only 0114 answered (stage 0) -> 0/1 with activity
    result = metrics.compute(store, "andel_ai_aktivitet", Filter(sektor=("socialtjanst",)))
    assert_figures(result, (0.0, 0, 1, 1))
    # a sector nobody answered: no base at all
    result = metrics.compute(store, "andel_ai_aktivitet", Filter(sektor=("medborgarservice",)))
    assert_figures(result, NONE)
    assert present.reason(result) == "Inga svar för urvalet."


# -- civil society --------------------------------------------------------------


def test_civil_society_stage_share_with_typ_filter(store):
    # 2023: Alfa max 2, Beta 3, Gamma max(4, 0) = 4, Delta 0 -> >= 1: Alfa, Beta, Gamma -> 3/4
    result = metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2023, typ=C))
    assert_figures(result, (3 / 4, 3, 4, 4))
    assert result.typ == C and not result.suppressed
    assert (result.ci_low, result.ci_high) == wilson_interval(3, 4)
    # 2023 maturity index: 2/4*100 = 50, 75, (4+0)/2/4*100 = 50, 0 -> 175 / 4
    assert_figures(metrics.compute(store, "mognadsindex", Filter(ar=2023, typ=C)), (43.75, 175, 4, 4))
    # 2024: only Alfa and Beta answered a stage -> suppressed
    result = metrics.compute(store, "andel_ai_aktivitet", Filter(ar=2024, typ=C))
    assert_figures(result, (None, None, None, 2))
    assert result.suppressed and "För få" in present.reason(result)
    assert (result.ci_low, result.ci_high) == (None, None)


def test_civil_ai_i_drift_suppressed_below_three_and_shown_from_three(survey_store):
    result = metrics.compute(survey_store, "civil_ai_i_drift", Filter(ar=2024))
    assert result.suppressed and result.value is None and result.n == 2
    assert "För få" in present.reason(result)
    # A third organisation answers: Alfa 3, Beta 1, Delta 3 -> 2 of 3
    add_survey(survey_store, [
        response(ar=2024, typ=C, kommunkod="0114", organisation="Delta", utbildning=3),
    ])
    result = metrics.compute(survey_store, "civil_ai_i_drift", Filter(ar=2024))
    assert_figures(result, (2 / 3, 2, 3, 3))
    assert not result.suppressed and present.reason(result) is None
    assert (result.ci_low, result.ci_high) == wilson_interval(2, 3)


def test_civil_ai_i_drift_ignores_another_typ(store):
    result = metrics.compute(store, "civil_ai_i_drift", Filter(ar=2023, typ="kommun"))
    assert result.filters_ignored == ("typ",)
    assert result.typ == C
    assert_figures(result, (2 / 4, 2, 4, 4))


@pytest.mark.parametrize("metric_id", ["svarsfrekvens", "initiativ_per_10k", "befolkning_i_drift"])
def test_municipal_only_metrics_refuse_civil_society(store, metric_id):
    result = metrics.compute(store, metric_id, Filter(typ=C))
    assert result.value is None and "bara för kommuner" in present.reason(result)


def test_civil_society_initiatives_and_barriers_are_suppressed(store):
    # one civil-society initiative (Besöksbot, T) -> 1/1 but n = 1 < 3
    result = metrics.compute(store, "andel_utvarderade", Filter(ar=2024, typ=C))
    assert result.suppressed and result.value is None and result.n == 1
    # only Alfa named a barrier
    result = metrics.compute(store, "hinder_topp", Filter(ar=2024, typ=C))
    assert result.suppressed and result.breakdown is None and result.n == 1


def test_civil_society_stage_distribution_hides_small_bases(store):
    # 2024: 3 responding organisations (n >= 3, so shown), but each sector's base is below 3
    result = metrics.compute(store, "sektor_fordelning", Filter(ar=2024, typ=C))
    assert result.n == 3 and not result.suppressed
    kultur = [row for row in result.breakdown if row["sektor"] == "kultur_fritid"]
    # Beta 1, Gamma ".", Alfa no answer
    assert {(r["denominator"], r["ej_tillampligt"], r["inget_svar"]) for r in kultur} == {(1, 1, 1)}
    assert all(r["suppressed"] and r["value"] is None and r["numerator"] is None for r in kultur)


# -- groupings -------------------------------------------------------------------


def test_by_kommun_gives_every_municipality_in_scope(store):
    results = metrics.compute(store, "andel_ai_i_drift", by="kommun")
    codes = store.municipalities()["kommunkod"].tolist()
    assert len(results) == 290
    assert [r.area for r in results] == codes
    by_code = {r.area: r for r in results}
    assert_figures(by_code["0114"], (0.0, 0, 1, 1))  # max 2
    assert_figures(by_code["0180"], (1.0, 1, 1, 1))  # max 4
    assert_figures(by_code["1280"], (0.0, 0, 1, 1))  # max 0
    assert_figures(by_code["1282"], (1.0, 1, 1, 1))  # max 3
    assert_figures(by_code["0115"], NONE)  # only "."
    assert_figures(by_code["1281"], NONE)  # no response
    assert present.reason(by_code["1281"]) == "Inga svar för urvalet."
    # A map must draw "not applicable" apart from "no answer".
    assert (by_code["0115"].status, by_code["1281"].status) == ("not_applicable", "no_answer")
    others = [r for r in results if r.area not in {"0114", "0180", "1280", "1282"}]
    assert len(others) == 286 and all(r.value is None for r in others)


@pytest.mark.parametrize("metric_id", list(metrics.REGISTRY))
def test_by_kommun_works_for_every_metric(store, metric_id):
    results = metrics.compute(store, metric_id, Filter(ar=2024, lan=("12",)), by="kommun")
    assert len(results) == 33
    assert all(r.area.startswith("12") for r in results)
    by_code = {r.area: r for r in results}
    # each municipality alone must equal a municipality filter on it
    for code in ("1280", "1281", "1282"):
        alone = metrics.compute(store, metric_id, Filter(ar=2024, kommun=code))
        grouped = by_code[code]
        assert (grouped.value, grouped.numerator, grouped.denominator, grouped.n, grouped.breakdown) == (
            alone.value, alone.numerator, alone.denominator, alone.n, alone.breakdown
        )


def test_svarsfrekvens_by_kommun_is_zero_for_non_responding(store):
    results = {r.area: r for r in metrics.compute(store, "svarsfrekvens", by="kommun")}
    assert_figures(results["0115"], (1.0, 1, 1, 1))
    assert_figures(results["1281"], (0.0, 0, 1, 0))
    assert sum(r.numerator for r in results.values()) == 5


def test_by_lan_gives_the_21_counties(store):
    results = metrics.compute(store, "svarsfrekvens", by="lan")
    assert len(results) == 21
    assert [r.area for r in results] == store.counties()["lan_kod"].tolist()
    by_code = {r.area: r for r in results}
    # 01: 0114, 0115, 0180 of 26; 12: 1280, 1282 of 33; 03 (Uppsala): 0 of 8
    assert_figures(by_code["01"], (3 / 26, 3, 26, 3))
    assert_figures(by_code["12"], (2 / 33, 2, 33, 2))
    assert_figures(by_code["03"], (0.0, 0, 8, 0))
    assert sum(r.denominator for r in results) == 290

    drift = {r.area: r for r in metrics.compute(store, "andel_ai_i_drift", by="lan")}
    assert len(drift) == 21
    # 01: 0114 (2), 0180 (4) -> 1/2; 12: 1280 (0), 1282 (3) -> 1/2
    assert_figures(drift["01"], (1 / 2, 1, 2, 2))
    assert_figures(drift["12"], (1 / 2, 1, 2, 2))
    assert all(r.value is None for code, r in drift.items() if code not in {"01", "12"})

    # 01: (25 + 75) / 2 = 50
    index = {r.area: r for r in metrics.compute(store, "mognadsindex", by="lan")}
    assert_figures(index["01"], (50.0, 100, 2, 2))

    barriers = {r.area: r for r in metrics.compute(store, "hinder_topp", by="lan")}
    # 01: 0114 (juridik, kompetens), 0180 (kompetens, data) -> kompetens 2/2, data 1/2, juridik 1/2
    assert [(b["hinder"], b["numerator"], b["denominator"]) for b in barriers["01"].breakdown] == [
        ("kompetens", 2, 2), ("data", 1, 2), ("juridik", 1, 2)
    ]


def test_unknown_grouping_raises(store):
    with pytest.raises(AdoptionError):
        metrics.compute(store, "andel_ai_i_drift", by="region")


# -- population ----------------------------------------------------------------


@pytest.mark.parametrize("metric_id", ["initiativ_per_10k", "befolkning_i_drift"])
def test_population_metrics_before_population_is_loaded(survey_store, metric_id):
    result = metrics.compute(survey_store, metric_id)
    assert result.value is None and result.numerator is None and result.n == 0
    assert "befolkning" in present.reason(result)
    assert result.data_version == 1


def _load_population(store: Store, year: int, factor: int) -> int:
    values = {code: n * factor for code, n in POPULATION.items()}
    return store.replace_population(
        population(values, year, default=OTHER_POPULATION * factor), description=f"{year}", created_by="test"
    )


def test_population_year_earlier_than_the_survey_is_used(survey_store):
    _load_population(survey_store, 2023, 1)
    # 2024 survey, population for 2023 only -> 2023: 36 / 1 280 000 * 10 000
    assert_figures(metrics.compute(survey_store, "initiativ_per_10k"), (0.28125, 36, 1_280_000, 4))
    assert_figures(
        metrics.compute(survey_store, "befolkning_i_drift"), (940_000 / 1_280_000, 940_000, 1_280_000, 4)
    )


def test_population_year_later_than_the_survey_is_used_when_it_is_the_only_one(survey_store):
    _load_population(survey_store, 2025, 2)
    # 2024 survey, population for 2025 only (twice as large) -> 36 / 2 560 000 * 10 000 = 0.140625
    assert_figures(metrics.compute(survey_store, "initiativ_per_10k"), (0.140625, 36, 2_560_000, 4))
    assert_figures(
        metrics.compute(survey_store, "befolkning_i_drift"), (1_880_000 / 2_560_000, 1_880_000, 2_560_000, 4)
    )


def test_population_year_latest_not_after_the_survey_wins(survey_store):
    _load_population(survey_store, 2023, 1)
    _load_population(survey_store, 2025, 2)  # replaces only 2025; 2023 stays
    assert survey_store.population_years(survey_store.current_version()) == [2023, 2025]
    # 2024 survey: 2023 (not after 2024) beats 2025
    assert_figures(metrics.compute(survey_store, "initiativ_per_10k"), (0.28125, 36, 1_280_000, 4))
    # 2023 survey: 2023 -> (2 + 20 + 1) / 1 240 000 * 10 000
    assert_figures(
        metrics.compute(survey_store, "initiativ_per_10k", Filter(ar=2023)),
        (23 / 1_240_000 * 10_000, 23, 1_240_000, 3),
    )


# -- distributions -------------------------------------------------------------


def _stage_rows(result, sector):
    rows = [r for r in result.breakdown if r["sektor"] == sector]
    assert [r["mognad"] for r in rows] == [0, 1, 2, 3, 4]
    return rows


def test_sektor_fordelning_breakdown(store):
    result = metrics.compute(store, "sektor_fordelning")
    assert result.n == 5
    assert len(result.breakdown) == 9 * 5  # every sector, every stage
    assert [r["sektor"] for r in result.breakdown[::5]] == list(sector_codes())

    # utbildning: 1280 0, 0114 1, 1282 2, 0180 4 -> 4 answered; 0115 "." -> ej tillämpligt 1; no-one left out
    rows = _stage_rows(result, "utbildning")
    assert [r["numerator"] for r in rows] == [1, 1, 1, 0, 1]
    assert [r["denominator"] for r in rows] == [4] * 5
    assert [r["value"] for r in rows] == [0.25, 0.25, 0.25, 0.0, 0.25]
    assert {(r["ej_tillampligt"], r["inget_svar"]) for r in rows} == {(1, 0)}
    for r in rows:
        assert (r["ci_low"], r["ci_high"]) == wilson_interval(r["numerator"], 4)

    # vard_omsorg: 1280 0, 0114 2, 0180 2 -> 3 answered; 0115 and 1282 no answer
    rows = _stage_rows(result, "vard_omsorg")
    assert [r["numerator"] for r in rows] == [1, 0, 2, 0, 0]
    assert [r["value"] for r in rows] == pytest.approx([1 / 3, 0, 2 / 3, 0, 0])
    assert {(r["denominator"], r["ej_tillampligt"], r["inget_svar"]) for r in rows} == {(3, 0, 2)}

    # miljo: only 1280's "." -> nothing answered, ej tillämpligt 1, no answer 4
    rows = _stage_rows(result, "miljo")
    assert {(r["value"], r["denominator"], r["ej_tillampligt"], r["inget_svar"]) for r in rows} == {(None, 0, 1, 4)}

    # kultur_fritid: no municipality answered
    rows = _stage_rows(result, "kultur_fritid")
    assert {(r["value"], r["denominator"], r["ej_tillampligt"], r["inget_svar"]) for r in rows} == {(None, 0, 0, 5)}


def test_sektor_fordelning_with_a_sector_filter_shows_only_that_sector(store):
    result = metrics.compute(store, "sektor_fordelning", Filter(sektor=("utbildning",)))
    assert result.filters_ignored == ()
    assert {r["sektor"] for r in result.breakdown} == {"utbildning"}
    assert [r["numerator"] for r in result.breakdown] == [1, 1, 1, 0, 1]


def test_sektor_fordelning_for_a_sector_nobody_answered_still_counts_the_respondents(store):
    # 5 responding municipalities, none answered kultur_fritid: all 5 are "no answer"
    result = metrics.compute(store, "sektor_fordelning", Filter(sektor=("kultur_fritid",)))
    assert result.n == 5 and present.reason(result) is None
    assert {(r["value"], r["denominator"], r["ej_tillampligt"], r["inget_svar"]) for r in result.breakdown} == {
        (None, 0, 0, 5)
    }


def test_sektor_fordelning_for_a_municipality_with_only_dots(store):
    result = metrics.compute(store, "sektor_fordelning", Filter(kommun="0115"))
    assert result.n == 1
    for sector in ("utbildning", "kollektivtrafik"):
        rows = _stage_rows(result, sector)
        assert {(r["value"], r["denominator"], r["ej_tillampligt"], r["inget_svar"]) for r in rows} == {
            (None, 0, 1, 0)
        }
    rows = _stage_rows(result, "vard_omsorg")
    assert {(r["ej_tillampligt"], r["inget_svar"]) for r in rows} == {(0, 1)}


def test_hinder_topp_counts_each_barrier_once_per_respondent(store):
    result = metrics.compute(store, "hinder_topp")
    # denominator: 0114, 0180, 1282 named at least one; 0115 (None) and 1280 (empty) are out.
    # kompetens: 0114, 0180 (named twice, counted once), 1282 -> 3/3; data 0180 -> 1/3; juridik 0114 -> 1/3
    assert result.n == 3
    assert [(b["hinder"], b["numerator"], b["denominator"]) for b in result.breakdown] == [
        ("kompetens", 3, 3), ("data", 1, 3), ("juridik", 1, 3)
    ]
    assert [b["value"] for b in result.breakdown] == pytest.approx([1.0, 1 / 3, 1 / 3])
    for b in result.breakdown:
        assert (b["ci_low"], b["ci_high"]) == wilson_interval(b["numerator"], b["denominator"])
        assert b["suppressed"] is False


def test_hinder_topp_2023(store):
    result = metrics.compute(store, "hinder_topp", Filter(ar=2023))
    # 0114 juridik, 0180 kompetens; 1280 no answer -> 2 respondents, 1/2 each (ties by name)
    assert [(b["hinder"], b["numerator"], b["denominator"]) for b in result.breakdown] == [
        ("juridik", 1, 2), ("kompetens", 1, 2)
    ]


# -- data versions ----------------------------------------------------------------


# 2024 and 2023 (the latter includes civil_ai_i_drift shown, not suppressed).
VERSION_FILTERS = [Filter(), Filter(ar=2023)]


def _figures(store: Store, version: int | None) -> list[dict]:
    out = []
    for flt in VERSION_FILTERS:
        for metric_id in metrics.REGISTRY:
            data = metrics.compute(store, metric_id, flt, version=version).to_dict()
            data.pop("data_version")
            out.append(data)
    return out


def test_older_versions_and_rollback(loaded_store):
    version_1 = _figures(loaded_store, 1)
    version_2 = _figures(loaded_store, 2)
    # 1280 changes its 2024 answer: vard_omsorg 0 -> 3 and ai_strategi nej -> ja
    changed = add_survey(loaded_store, [
        response(ar=2024, kommunkod="1280", vard_omsorg=3, utbildning=0, miljo=-1, ai_strategi=2,
                 riktlinjer_genai=False, antal_initiativ=2, hinder=()),
    ])
    assert changed == 3
    # now: >= 3 are 0180, 1280, 1282 -> 3/4; ja: 0114, 1280, 1282 -> 3/4
    assert_figures(metrics.compute(loaded_store, "andel_ai_i_drift"), (3 / 4, 3, 4, 4))
    assert_figures(metrics.compute(loaded_store, "andel_strategi"), (3 / 4, 3, 4, 4))
    # 1280 (300k) now in production too: 1 240 000 of 1 280 000
    assert_figures(
        metrics.compute(loaded_store, "befolkning_i_drift"), (1_240_000 / 1_280_000, 1_240_000, 1_280_000, 4)
    )
    # the older versions still give the old figures
    old = metrics.compute(loaded_store, "andel_ai_i_drift", version=2)
    assert_figures(old, (2 / 4, 2, 4, 4))
    assert old.data_version == 2
    assert_figures(metrics.compute(loaded_store, "andel_ai_i_drift", version=1), (2 / 4, 2, 4, 4))
    # version 1 had no population yet
    assert "befolkning" in present.reason(metrics.compute(loaded_store, "initiativ_per_10k", version=1))

    restored = loaded_store.rollback(1, created_by="test")
    assert restored == 4
    assert loaded_store.versions()[-1].restored_from == 1
    assert _figures(loaded_store, None) == version_1
    assert metrics.compute(loaded_store, "andel_ai_i_drift").data_version == 4
    # and back to the version with population
    assert loaded_store.rollback(2, created_by="test") == 5
    assert _figures(loaded_store, None) == version_2


def test_unknown_version_raises(store):
    with pytest.raises(UnknownVersionError):
        metrics.compute(store, "andel_ai_i_drift", version=99)


# -- errors and empty data ----------------------------------------------------------


def test_unknown_metric_raises(store):
    with pytest.raises(AdoptionError, match="finns_inte"):
        metrics.compute(store, "finns_inte")
    with pytest.raises(AdoptionError):
        metrics.get("finns_inte")


def test_unknown_typ_raises(store):
    with pytest.raises(AdoptionError):
        metrics.compute(store, "andel_ai_i_drift", Filter(typ="foretag"))


@pytest.mark.parametrize("metric_id", list(metrics.REGISTRY))
def test_year_without_data(store, metric_id):
    result = metrics.compute(store, metric_id, Filter(ar=2022))
    assert result.value is None and result.n == 0 and result.breakdown is None
    assert result.ar == 2022
    assert "2022" in present.reason(result)


@pytest.mark.parametrize("metric_id", list(metrics.REGISTRY))
def test_empty_database(tmp_path, metric_id):
    empty = Store(tmp_path / "empty.duckdb")  # schema only: no reference data, no versions
    result = metrics.compute(empty, metric_id)
    assert result.value is None and result.n == 0
    assert result.data_version is None and result.ar is None
    assert "inga enkätsvar" in present.reason(result)


def test_empty_database_with_reference_by_lan(tmp_path):
    empty = reference_store(tmp_path / "reference.duckdb")
    results = metrics.compute(empty, "andel_ai_i_drift", by="lan")
    assert len(results) == 21
    assert all(r.value is None and "inga enkätsvar" in present.reason(r) for r in results)
