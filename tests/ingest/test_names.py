import pytest

from adoption.ingest.names import MunicipalityMatcher


@pytest.fixture(scope="module")
def matcher(municipalities):
    return MunicipalityMatcher(municipalities)


@pytest.mark.parametrize(
    "text, code, how",
    [("1280", "1280", "code"), ("114", "0114", "code"), ("Malmö", "1280", "exact"), ("MALMÖ STAD", "1280", "exact"),
     ("Malmo", "1280", "folded"), ("Goteborg", "1480", "folded"), ("Göteborgs stad", "1480", "exact"),
     ("Orebro stad", "1880", "folded"), ("Upplands-Väsby", "0114", "exact"), ("upplands vasby", "0114", "folded"),
     ("Region Gotland", "0980", "exact"), ("Gotlands kommun", "0980", "exact"), ("Gotland", "0980", "exact"),
     ("Habo", "0643", "exact"), ("Håbo", "0305", "exact"), ("HÅBO KOMMUN", "0305", "exact"),
     ("Habo kommun", "0643", "exact"), ("Mala", "2418", "folded"), ("Borås stad", "1490", "exact")],
)
def test_exact_and_folded(matcher, text, code, how):
    match = matcher.match(text)
    assert (match.kommunkod, match.how) == (code, how)


def test_fuzzy_match(matcher):
    match = matcher.match("Malmoe stad")
    assert match.kommunkod == "1280" and match.how == "fuzzy" and match.score >= 90


@pytest.mark.parametrize("text, code", [("Are", "2321"), ("Ale", "1440"), ("Alle", None), ("Gallivar", "2523")])
def test_short_names_never_fuzzy_to_long_ones(matcher, text, code):
    # WRatio scored "Are" as Gällivare and "Ale" as Salem; ratio + margin must not.
    match = matcher.match(text)
    assert match.kommunkod == code
    assert match.how != "fuzzy" or code is not None


def test_unknown_with_suggestion(matcher):
    match = matcher.match("Malmöhus")
    assert not match.found
    message = matcher.problem_message("Malmöhus", match)
    assert message.startswith("Okänd kommun ”Malmöhus”. Menade du: Malmö (1280)")


def test_ambiguous(matcher):
    match = matcher.match("Hbo")
    assert not match.found
    codes = {code for code, _, _ in match.suggestions}
    assert {"0643", "0305"} <= codes
    assert "Menade du: " in matcher.problem_message("Hbo", match)


def test_unknown_code(matcher):
    assert not matcher.match("9999").found
