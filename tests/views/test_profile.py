"""The municipality profile: own stages as given, comparisons equal to the registry's figures."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption import metrics
from adoption.metrics.filters import Filter
from adoption.text import present
from adoption.views import profile
from adoption.vocab import sector_codes

from ..builders import add_survey, initiative, reference_store, response

SECTORS = sector_codes()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = reference_store(tmp_path_factory.mktemp("profile") / "profile.duckdb")
    rows = [
        # Stockholm: answered 2022 and 2024, not 2023; "." for transport; social services blank in 2024.
        response(ar=2022, kommunkod="0180", vard_omsorg=1, socialtjanst=0, utbildning=2, kollektivtrafik=-1),
        response(ar=2024, kommunkod="0180", vard_omsorg=3, utbildning=4, kollektivtrafik=-1),
        # County neighbours and others, so the comparisons have something to compare.
        response(ar=2022, kommunkod="0114", vard_omsorg=0, utbildning=1),
        response(ar=2023, kommunkod="0114", vard_omsorg=2, utbildning=2),
        response(ar=2024, kommunkod="0114", vard_omsorg=3, utbildning=2),
        response(ar=2024, kommunkod="0115", vard_omsorg=1, utbildning=4),
        response(ar=2024, kommunkod="1280", vard_omsorg=4, utbildning=4, miljo=3),
        # A civil-society organisation in Stockholm does not make Stockholm's answers.
        response(ar=2023, typ="civilsamhalle", kommunkod="0180", organisation="Föreningen", vard_omsorg=4),
    ]
    initiatives = [
        initiative(ar=2024, kommunkod="0180", titel="Chattbot för bygglov", sektor="samhallsbyggnad", mognad=2,
                   teknik="chattbot"),
        initiative(ar=2022, kommunkod="0180", titel="Schemaläggning", sektor="utbildning", mognad=3,
                   teknik="optimering", utvarderad=True),
        initiative(ar=2024, kommunkod="0180", organisation="Föreningen", titel="Föreningens bot",
                   sektor="kultur_fritid", mognad=1, teknik="chattbot"),
        initiative(ar=2024, kommunkod="0114", titel="Annan kommun", sektor="utbildning", mognad=1, teknik="ovrigt"),
    ]
    add_survey(db, rows, initiatives)
    return db


def _cells(store):
    return {(c.sektor, c.ar): c for c in profile.stage_history(store, "0180")}


def test_municipality(store):
    place = profile.municipality(store, "0180")
    assert (place.name, place.lan_kod, place.lan_name) == ("Stockholm", "01", "Stockholms län")
    assert profile.municipality(store, "9999") is None


def test_stage_history_keeps_answers_as_given_and_says_why_one_is_missing(store):
    cells = _cells(store)
    assert len(cells) == len(SECTORS) * 3  # every sector in every survey year (2022-2024)
    assert cells[("vard_omsorg", 2022)].stage == 1 and cells[("vard_omsorg", 2024)].stage == 3
    assert cells[("socialtjanst", 2022)].status == profile.CELL_OK and cells[("socialtjanst", 2022)].stage == 0
    assert cells[("socialtjanst", 2024)].status == profile.CELL_NO_ANSWER
    assert cells[("kollektivtrafik", 2024)].status == profile.CELL_NOT_APPLICABLE
    # 2023: no municipal response (the civil-society row does not count)
    assert all(cells[(code, 2023)].status == profile.CELL_NO_RESPONSE for code in SECTORS)
    assert profile.responded_years(tuple(cells.values())) == (2022, 2024)


def test_cell_text_never_shows_a_missing_answer_as_a_stage(store):
    cells = _cells(store)
    assert profile.cell_text(cells[("vard_omsorg", 2024)]) == "I drift"
    assert profile.cell_text(cells[("socialtjanst", 2022)]) == "Ingen aktivitet"
    assert profile.cell_text(cells[("socialtjanst", 2024)]) == "inget svar"
    assert profile.cell_text(cells[("vard_omsorg", 2023)], "en") == "no answer"
    assert profile.cell_text(cells[("kollektivtrafik", 2024)]) == "ej tillämplig"


def test_stage_grid(store):
    text, style = profile.stage_grid(profile.stage_history(store, "0180"), "sv")
    assert list(text.columns) == ["2022", "2023", "2024"]
    assert text.loc["Skola och förskola", "2024"] == "I drift, utvärderad och spridd"
    assert text.loc["Skola och förskola", "2023"] == "inget svar"
    assert profile.STAGE_FILL[4] in style.loc["Skola och förskola", "2024"]
    assert style.loc["Skola och förskola", "2023"] == profile.MISSING_STYLE


def test_comparisons_are_the_registry_figures(store):
    similar = ("0114", "1280")
    comps = profile.comparisons(store, "0180", "01", similar)
    expected_filters = {
        profile.AREA_KOMMUN: lambda ar: Filter(ar=ar, kommun="0180"),
        profile.AREA_LAN: lambda ar: Filter(ar=ar, lan=("01",)),
        profile.AREA_RIKET: lambda ar: Filter(ar=ar),
    }
    assert {(c.metric, c.ar) for c in comps} == {(m, y) for m in profile.COMPARE_METRICS for y in (2022, 2023, 2024)}
    for c in comps:
        if c.area == profile.AREA_LIKNANDE:
            flt = Filter(ar=c.ar, kommun=similar)  # pooled: one figure for the similar municipalities
        else:
            flt = expected_filters[c.area](c.ar)
        expected = metrics.compute(store, c.metric, flt)
        assert (c.result.value, c.result.n, c.result.status) == (expected.value, expected.n, expected.status), c
    liknande = [c for c in comps if c.area == profile.AREA_LIKNANDE and c.ar == 2024 and c.metric == "mognadsindex"]
    assert len(liknande) == 1 and liknande[0].members == similar and liknande[0].code is None
    own_2023 = [c for c in comps if c.area == profile.AREA_KOMMUN and c.ar == 2023]
    assert all(c.result.value is None and c.result.status == "no_answer" for c in own_2023)


def test_comparisons_for_chosen_years_and_metrics(store):
    comps = profile.comparisons(store, "0180", "01", (), (2024,), ("mognadsindex",))
    assert {(c.metric, c.ar, c.area) for c in comps} == {
        ("mognadsindex", 2024, profile.AREA_KOMMUN), ("mognadsindex", 2024, profile.AREA_LAN),
        ("mognadsindex", 2024, profile.AREA_RIKET),
    }


def test_comparison_table_and_trend(store):
    comps = profile.comparisons(store, "0180", "01", ("1280",), (2024,))
    names = {"0180": "Stockholm", "01": "Stockholms län", "1280": "Malmö"}
    table = profile.comparison_table(comps, 2024, names)
    assert list(table["Område"]) == ["Stockholm", "Stockholms län", "Hela riket", "De 1 mest liknande kommunerna"]
    lan = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, lan=("01",)))
    row = table[table["Område"] == "Stockholms län"].iloc[0]
    assert row["Andel med AI i drift"] == present.value(lan)
    assert row["Andel med AI i drift: Bas"] == f"{int(lan.numerator)} av {int(lan.denominator)} svarande"
    assert row["Andel med AI i drift: 95 % KI"] == present.interval(lan)
    # a single municipality's share is not an estimate: no interval
    assert table[table["Område"] == "Stockholm"].iloc[0]["Andel med AI i drift: 95 % KI"] == "inget intervall"

    chart, rows = profile.trend(profile.comparisons(store, "0180", "01", (), (), ("mognadsindex",)),
                                "mognadsindex", names)
    assert list(chart.columns) == ["Stockholm", "Stockholms län", "Hela riket"]
    riket = metrics.compute(store, "mognadsindex", Filter(ar=2022))
    assert chart.loc["2022", "Hela riket"] == riket.value
    assert chart["Stockholm"].isna()["2023"]  # no answer is a gap, not 0
    assert len(rows) == 9


def test_sector_comparison_reads_the_registry_breakdown(store):
    rows, lan, riket = profile.sector_comparison(store, "0180", "01", 2024)
    assert lan == metrics.compute(store, "sektor_fordelning", Filter(ar=2024, lan=("01",)))
    assert riket == metrics.compute(store, "sektor_fordelning", Filter(ar=2024))
    by_sector = {r.sektor: r for r in rows}
    care = by_sector["vard_omsorg"]
    assert care.own.stage == 3
    expected = next(b for b in lan.breakdown if b["sektor"] == "vard_omsorg" and b["mognad"] == 3)
    assert care.lan_same == expected
    assert profile.same_stage_text(care.lan_same) == "66,7 % (2 av 3 svarande)"  # 0180 and 0114 of 0180, 0114, 0115
    assert by_sector["socialtjanst"].lan_same is None and by_sector["kollektivtrafik"].riket_same is None
    assert profile.same_stage_text(None) == "–"


def test_distribution_table(store):
    _, lan, riket = profile.sector_comparison(store, "0180", "01", 2024)
    table = profile.distribution_table([("Stockholms län", lan), ("Riket", riket)])
    assert len(table) == 2 * len(SECTORS)
    row = table[(table["Område"] == "Stockholms län") & (table["Verksamhetsområde"] == "Vård och omsorg")].iloc[0]
    assert row["I drift"] == "66,7 % (2 av 3 svarande)"


def test_initiatives_are_the_municipalitys_own(store):
    own = profile.initiatives(store, "0180")
    assert list(own["titel"]) == ["Chattbot för bygglov", "Schemaläggning"]


def test_texts_both_languages(store):
    table = profile.comparison_table(profile.comparisons(store, "0180", "01", (), (2024,)), 2024, {}, "en")
    country = table[table["Area"] == "Whole country"].iloc[0]
    riket = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024))
    assert country["Share with AI in production"] == present.value(riket, "en") and present.value(riket, "en").endswith("%")
    assert country["Share with AI in production: Base"] == (
        f"{int(riket.numerator)} of {int(riket.denominator)} respondents")
    comps = profile.comparisons(store, "0180", "01", (), (2023,), ("mognadsindex",))
    own = profile.comparison_table(comps, 2023, {"0180": "Stockholm"}).iloc[0]
    assert own["Mognadsindex"] == own["Mognadsindex: Bas"] == own["Mognadsindex: 95 % KI"] == "inget svar"


def test_stage_download_numbers(store):
    frame = profile.stage_download(profile.stage_history(store, "0180"))
    assert str(frame["Mognad (0–4)"].dtype) == "Int64" and str(frame["År"].dtype) == "Int64"
    row = lambda s, y: frame[(frame["Kod"] == s) & (frame["År"] == y)].iloc[0]  # noqa: E731
    assert row("vard_omsorg", 2024)["Mognad (0–4)"] == 3 and row("vard_omsorg", 2024)["Status"] == "ok"
    assert pd.isna(row("socialtjanst", 2024)["Mognad (0–4)"]) and row("socialtjanst", 2024)["Status"] == "inget svar"
    assert row("kollektivtrafik", 2022)["Status"] == "ej tillämplig"


def test_comparison_download_is_the_registry_in_numbers(store):
    comps = profile.comparisons(store, "0180", "01", ("1280",), (2024,))
    names = {"0180": "Stockholm", "01": "Stockholms län", "1280": "Malmö"}
    frame = profile.comparison_download(comps, names, years=(2024,))
    lan = metrics.compute(store, "andel_ai_i_drift", Filter(ar=2024, lan=("01",)))
    row = frame[(frame["Område"] == "Stockholms län") & (frame["Måttkod"] == "andel_ai_i_drift")].iloc[0]
    assert row["Värde"] == pytest.approx(lan.value * 100, abs=1e-4)
    assert (row["Täljare"], row["Bas (nämnare)"], row["Antal svarande"]) == (lan.numerator, lan.denominator, lan.n)
    assert row["95 % KI, nedre"] == pytest.approx(lan.ci_low * 100, abs=1e-4) and row["Enhet"] == "procent"
    own = frame[(frame["Kod"] == "0180") & (frame["Måttkod"] == "mognadsindex")].iloc[0]
    assert own["Värde"] == pytest.approx(metrics.compute(store, "mognadsindex", Filter(ar=2024, kommun="0180")).value)
    assert pd.isna(own["95 % KI, nedre"])  # one municipality: no interval, as on the page
    trend = profile.comparison_download(profile.comparisons(store, "0180", "01", (), (), ("mognadsindex",)), names,
                                        metric_ids=("mognadsindex",))
    gap = trend[(trend["Kod"] == "0180") & (trend["År"] == 2023)].iloc[0]
    assert pd.isna(gap["Värde"]) and gap["Status"] == "inget svar"  # no answer is empty, not 0


def test_sector_and_distribution_downloads(store):
    rows, lan, riket = profile.sector_comparison(store, "0180", "01", 2024)
    frame = profile.sector_download(rows, "Stockholms län").set_index("Kod")
    care = frame.loc["vard_omsorg"]
    assert care["Mognad (0–4)"] == 3
    assert care["Stockholms län: andel på samma nivå Andel (%)"] == pytest.approx(200 / 3, abs=1e-4)
    assert care["Stockholms län: andel på samma nivå: Täljare"] == 2
    assert pd.isna(frame.loc["socialtjanst"]["Mognad (0–4)"])
    dist = profile.distribution_download([("Stockholms län", lan), ("Riket", riket)], "en")
    expected = next(b for b in lan.breakdown if b["sektor"] == "vard_omsorg" and b["mognad"] == 3)
    row = dist[(dist["Area"] == "Stockholms län") & (dist["Code"] == "vard_omsorg") & (dist["Stage (0-4)"] == 3)]
    assert row["Share (%)"].item() == pytest.approx(expected["value"] * 100, abs=1e-4)
    assert (row["Numerator"].item(), row["Base (denominator)"].item()) == (2, 3)


def test_missing_years(store):
    """Stockholm's municipality answered 2022 and 2024; the civil-society answer of 2023 is not its own."""
    assert profile.missing_years(profile.stage_history(store, "0180")) == (2023,)
    assert profile.missing_years(profile.stage_history(store, "0114")) == ()


def test_sector_tables_in_words(store):
    rows, lan, riket = profile.sector_comparison(store, "0180", "01", 2024)
    table = profile.sector_table(rows, "Stockholms län", "sv").set_index("Verksamhetsområde")
    care = table.loc["Vård och omsorg"]
    assert care["Kommunens nivå"] == "I drift" and care["Stockholms län: andel på samma nivå"] == "66,7 % (2 av 3 svarande)"
    assert table.loc["Socialtjänst", "Kommunens nivå"] == "inget svar"
    assert profile.distribution_areas("Stockholms län", lan, riket, "en") == [("Stockholms län", lan),
                                                                              ("Whole country", riket)]


def test_trend_download_holds_the_three_areas_of_the_trend(store):
    comps = profile.comparisons(store, "0180", "01", (), (), ("mognadsindex",))
    names = {"0180": "Stockholm", "01": "Stockholms län"}
    frame = profile.trend_download(comps, "mognadsindex", names)
    assert set(frame["Kod"]) == {"0180", "01", ""}  # the country has no code
    assert set(frame["Måttkod"]) == {"mognadsindex"} and sorted(set(frame["År"])) == [2022, 2023, 2024]
