from adoption.ingest.headers import map_headers, missing_required, normalise


def test_normalise():
    assert normalise("Mognad vård omsorg") == "mognad_vard_omsorg"
    assert normalise("År") == "ar"
    assert normalise(" Andel-utbildad  personal ") == "andel_utbildad_personal"
    assert normalise("AI_STRATEGI") == "ai_strategi"


def test_unknown_and_missing():
    m = map_headers(["År", "Kommun", "Kontaktperson", "Mognad Miljö"], "enkatsvar")
    assert m.used == {"År": "ar", "Kommun": "kommun", "Mognad Miljö": "mognad_miljo"}
    assert m.unknown == ["Kontaktperson"]
    assert missing_required(m, "enkatsvar", year_given=False) == ["typ"]
    m2 = map_headers(["typ", "kommunkod"], "enkatsvar")
    assert missing_required(m2, "enkatsvar", year_given=True) == []
    assert missing_required(m2, "enkatsvar", year_given=False) == ["ar"]


def test_user_mapping_overrides():
    m = map_headers(["Verksamhetsår", "Kommun", "ar"], "enkatsvar", {"Verksamhetsår": "ar", "ar": None})
    assert m.used == {"Verksamhetsår": "ar", "Kommun": "kommun"}
    assert m.unknown == []


def test_initiative_required():
    m = map_headers(["ar", "kommun", "titel"], "initiativ")
    assert missing_required(m, "initiativ", year_given=False) == ["sektor", "mognad"]
