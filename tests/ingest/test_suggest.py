"""Suggested columns for headers that were not recognised (rapidfuzz on descriptions and synonyms)."""

from __future__ import annotations

from adoption.ingest import suggest

OWN = ["Enkätår", "Typ av svarande", "Har kommunen en AI-strategi?", "Riktlinjer för generativ AI",
       "Antal AI-initiativ", "Varav i drift", "Andel utbildad personal (%)", "AI-budget (tkr)", "Hinder för AI",
       "Deltar i Kraftsamling?", "Vård och omsorg", "Skola och förskola", "Mognad Socialtjänst", "Kommunnr"]


def test_a_municipal_administrators_own_headers_get_the_right_columns():
    assert suggest.suggest(OWN, "enkatsvar") == {
        "Enkätår": "ar", "Typ av svarande": "typ", "Har kommunen en AI-strategi?": "ai_strategi",
        "Riktlinjer för generativ AI": "riktlinjer_genai", "Antal AI-initiativ": "antal_initiativ",
        "Varav i drift": "antal_i_drift", "Andel utbildad personal (%)": "andel_utbildad_personal",
        "AI-budget (tkr)": "ai_budget_tkr", "Hinder för AI": "hinder", "Deltar i Kraftsamling?": "deltar_kraftsamling",
        "Vård och omsorg": "mognad_vard_omsorg", "Skola och förskola": "mognad_utbildning",
        "Mognad Socialtjänst": "mognad_socialtjanst", "Kommunnr": "kommunkod"}


def test_an_ambiguous_or_unrelated_header_gets_nothing():
    # "Antal" is as close to antal_initiativ as to antal_i_drift; the others are no column at all
    assert suggest.suggest(["Antal", "Kommentar", "Kontaktperson", "Datum"], "enkatsvar") == {}


def test_a_column_the_file_holds_is_never_suggested_and_each_column_once():
    assert suggest.suggest(["Varav i drift"], "enkatsvar", taken={"antal_i_drift"}) == {}
    # two headers for one column: the closer one gets it
    assert suggest.suggest(["Antal i drift", "Varav i drift nu"], "enkatsvar") == {"Antal i drift": "antal_i_drift"}


def test_initiative_headers():
    assert suggest.suggest(["Namn på initiativet", "Verksamhetsområde", "Länk"], "initiativ") == {
        "Namn på initiativet": "titel", "Verksamhetsområde": "sektor", "Länk": "kalla"}
