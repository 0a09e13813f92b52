"""The presenter: one figure in words and cells, exactly, in Swedish and English."""

from __future__ import annotations

import pytest

from adoption.metrics import STATUSES, MetricResult
from adoption.text import present


def result(**fields) -> MetricResult:
    base = dict(metric="andel_ai_i_drift", value=None, numerator=None, denominator=None, n=0, ci_low=None,
                ci_high=None, data_version=2, ar=2024, typ="kommun", unit="share")
    return MetricResult(**{**base, **fields})


SHARE = result(value=130 / 240, numerator=130, denominator=240, n=240, ci_low=0.4785, ci_high=0.6023)
INDEX = result(metric="mognadsindex", unit="index", value=62.34, n=25, ci_low=55.01, ci_high=69.66)
PER_10K = result(metric="initiativ_per_10k", unit="per_10k", value=1.234, numerator=12, denominator=97_000, n=4)
CIVIL = result(metric="civil_ai_i_drift", typ="civilsamhalle", value=7 / 20, numerator=7, denominator=20, n=20,
               ci_low=0.18, ci_high=0.57)
SUPPRESSED = result(metric="civil_ai_i_drift", typ="civilsamhalle", n=2, suppressed=True, status="too_few",
                    reason_values=(("ar", 2024), ("min_n", 3)))

STATUS_WORDS = {
    "sv": {"no_data": "inga data", "no_year": "inga svar för året", "only_municipalities": "bara för kommuner",
           "needs_population": "befolkningsdata saknas", "no_answer": "inget svar",
           "not_applicable": "ej tillämplig", "too_few": "för få svar", "no_previous_year": "inget år före"},
    "en": {"no_data": "no data", "no_year": "no answers for the year", "only_municipalities": "municipalities only",
           "needs_population": "population data missing", "no_answer": "no answer",
           "not_applicable": "not applicable", "too_few": "too few answers", "no_previous_year": "no year before"},
}
REASONS = {
    "sv": {"no_data": "Databasen har inga enkätsvar ännu.",
           "no_year": "Det finns inga enkätsvar för år 2022.",
           "only_municipalities": "Måttet finns bara för kommuner.",
           "needs_population": "Ingen befolkningsdata är inläst, så måttet kan inte beräknas.",
           "no_answer": "Inga svar för urvalet.",
           "not_applicable": "Ej tillämplig: verksamheten bedrivs inte av de svarande (”.” i enkäten).",
           "too_few": "För få svar (färre än 3 organisationer).",
           "no_previous_year": "Måttet jämför med året före, och det finns inga enkätsvar för året före 2022."},
    "en": {"no_data": "The database has no survey responses yet.",
           "no_year": "There are no survey responses for 2022.",
           "only_municipalities": "This metric exists for municipalities only.",
           "needs_population": "No population data is loaded, so this metric cannot be computed.",
           "no_answer": "No answers for this selection.",
           "not_applicable": "Not applicable: the respondents do not run this activity ('.' in the survey).",
           "too_few": "Too few answers (fewer than 3 organisations).",
           "no_previous_year": "The metric compares with the year before, and there are no survey responses for "
                               "the year before 2022."},
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_reason_is_for_readers_and_the_howto_for_administrators(lang):
    """No command in a reason (every reader sees it); what to do about it is a separate text."""
    for code in STATUSES:
        assert "python -m" not in present.reason_text(code, lang)
    assert "python -m adoption import-population" in present.howto("needs_population", lang)
    assert "python -m adoption ingest" in present.howto("no_data", lang)
    assert present.howto("survey", lang) == present.howto("no_data", lang)
    assert present.howto("demo", lang).endswith("`python -m adoption demo --remove`.")
    assert present.howto("no_answer", lang) is None and present.howto("too_few", lang) is None


def test_every_status_has_a_word_and_a_reason_in_both_languages():
    assert set(STATUS_WORDS["sv"]) == set(STATUSES)
    assert present.status("ok", "sv") == present.status("ok", "en") == "ok"
    assert present.reason(SHARE, "sv") is None and present.reason(SHARE, "en") is None


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("status", STATUSES)
def test_a_figure_without_a_value_is_its_status_word_everywhere(status, lang):
    figure = result(status=status, reason_values=(("ar", 2022),))
    word = STATUS_WORDS[lang][status]
    assert present.status(status, lang) == present.status(figure, lang) == word
    assert present.value(figure, lang) == present.base(figure, lang) == word
    assert present.interval(figure, lang) == present.interval(figure, lang, label=True) == word
    assert present.count(figure, lang) == word
    assert present.reason(figure, lang) == REASONS[lang][status]
    assert present.caption(figure, lang) == present.caption(figure, lang, with_interval=True) == REASONS[lang][status]
    cells = present.cells(figure, lang)
    assert (cells.value, cells.base, cells.interval, cells.status, cells.code) == (word, word, word, word, status)
    assert cells.caption == REASONS[lang][status]
    assert (cells.number, cells.numerator, cells.denominator, cells.ci_low, cells.ci_high) == (None,) * 5


@pytest.mark.parametrize("figure, lang, value, base, interval", [
    (SHARE, "sv", "54,2 %", "130 av 240 svarande", "47,8–60,2 %"),
    (SHARE, "en", "54.2%", "130 of 240 respondents", "47.8–60.2%"),
    (PER_10K, "sv", "1,2 per 10 000", "12 initiativ, 97\xa0000 invånare", "inget intervall"),
    (PER_10K, "en", "1.2 per 10,000", "12 initiatives, 97,000 inhabitants", "no interval"),
], ids=["share-sv", "share-en", "per_10k-sv", "per_10k-en"])
def test_value_base_and_interval(figure, lang, value, base, interval):
    assert present.value(figure, lang) == value
    assert present.base(figure, lang) == base
    assert present.interval(figure, lang) == interval


def test_a_share():
    assert present.interval(SHARE, "sv", label=True) == "95 % KI 47,8–60,2 %"
    assert present.interval(SHARE, "en", label=True) == "95% CI 47.8–60.2%"
    assert present.caption(SHARE, "sv") == "130 av 240 svarande"
    assert present.caption(SHARE, "sv", with_interval=True) == "130 av 240 svarande; 95 % KI 47,8–60,2 %"
    assert present.caption(SHARE, "en", with_interval=True) == "130 of 240 respondents; 95% CI 47.8–60.2%"
    assert present.count(SHARE, "sv") == "130"
    assert present.cells(SHARE, "en") == present.Cells(
        value="54.2%", base="130 of 240 respondents", interval="47.8–60.2%", caption="130 of 240 respondents",
        status="ok", code="ok",
        number=54.1667, numerator=130, denominator=240, n=240, ci_low=47.85, ci_high=60.23)


def test_bases_name_what_is_counted():
    assert present.base(CIVIL, "sv") == "7 av 20 organisationer" and present.base(CIVIL, "en") == "7 of 20 organisations"
    response = result(metric="svarsfrekvens", value=0.5, numerator=145, denominator=290, n=290)
    assert present.base(response, "sv") == "145 av 290 kommuner svarade"
    assert present.base(response, "en") == "145 of 290 municipalities answered"
    evaluated = result(metric="andel_utvarderade", value=0.25, numerator=3, denominator=12, n=12)
    assert present.base(evaluated, "sv") == "3 av 12 initiativ" and present.base(evaluated, "en") == "3 of 12 initiatives"
    population = result(metric="befolkning_i_drift", value=0.5, numerator=1_000, denominator=2_000, n=2)
    assert present.base(population, "sv") == "1\xa0000 av 2\xa0000 invånare i 2 svarande kommuner"
    assert present.base(population, "en") == "1,000 of 2,000 inhabitants of 2 responding municipalities"


def test_an_index():
    assert present.value(INDEX, "sv") == "62,3" and present.value(INDEX, "en") == "62.3"
    assert present.base(INDEX, "sv") == "25 svarande" and present.base(INDEX, "en") == "25 respondents"
    assert present.interval(INDEX, "sv") == "55,0–69,7" and present.interval(INDEX, "en", label=True) == "95% CI 55.0–69.7"
    assert present.cells(INDEX, "sv").number == 62.34 and present.cells(INDEX, "sv").ci_low == 55.01


def test_a_count():
    assert present.count(CIVIL, "sv") == "7" and present.count(CIVIL, "en") == "7"
    big = present.figure(1234, unit="count")
    assert present.value(big, "sv") == "1\xa0234" and present.value(big, "en") == "1,234"
    assert present.amount(1234, "count", "sv") == "1\xa0234"


def test_a_result_without_an_interval():
    assert present.caption(PER_10K, "sv", with_interval=True) == "12 initiativ, 97\xa0000 invånare"
    cells = present.cells(PER_10K, "sv")
    assert cells.interval == "inget intervall" and cells.ci_low is None and cells.ci_high is None
    # one municipality's own answer has a value but is no estimate: no interval either
    assert present.interval(SHARE, "sv", estimate=False) == "inget intervall"
    assert present.cells(SHARE, "sv", estimate=False).ci_low is None


@pytest.mark.parametrize("lang, word, sentence", [
    ("sv", "för få svar", "För få svar (färre än 3 organisationer)."),
    ("en", "too few answers", "Too few answers (fewer than 3 organisations)."),
])
def test_a_suppressed_result_shows_no_number(lang, word, sentence):
    assert present.value(SUPPRESSED, lang) == present.base(SUPPRESSED, lang) == word
    assert present.interval(SUPPRESSED, lang) == present.count(SUPPRESSED, lang) == word
    assert present.reason(SUPPRESSED, lang) == present.caption(SUPPRESSED, lang) == sentence
    cells = present.cells(SUPPRESSED, lang)
    assert cells.status == word and cells.code == "too_few"
    assert cells.n is None  # 2 answers could identify an organisation
    assert not any(ch.isdigit() for ch in cells.value + cells.base + cells.interval)


def test_a_value_marked_ok_but_missing_is_no_answer_never_zero():
    part = present.figure(float("nan"), numerator=None, denominator=0)
    assert present.value(part, "sv") == "inget svar" and present.cells(part, "sv").number is None
    assert present.figure(0.0, numerator=0, denominator=4).value == 0.0
    assert present.value(present.figure(0.0, numerator=0, denominator=4), "sv") == "0,0 %"


def test_breakdown_parts_and_bare_numbers():
    part = present.figure(0.25, numerator=2, denominator=8, ci_low=0.0709, ci_high=0.5907, typ="civilsamhalle")
    assert (present.value(part, "sv"), present.base(part, "sv"), present.interval(part, "sv")) == (
        "25,0 %", "2 av 8 organisationer", "7,1–59,1 %")
    assert present.value(present.figure(None, status="too_few"), "en") == "too few answers"
    assert present.reason_text("no_year", "en", ar=2021) == "There are no survey responses for 2021."
    assert present.reason_text("ok", "sv") is None
    assert present.scaled(0.455, "share") == 45.5 and present.scaled(None, "share") is None
