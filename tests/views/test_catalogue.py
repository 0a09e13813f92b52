"""The initiative catalogue: search text, filters, and who else does the same kind of work."""

from __future__ import annotations

import pytest

from adoption.views import catalogue
from adoption.views.catalogue import Query

from ..builders import add_survey, catalogue_initiatives, reference_store, response


@pytest.fixture(scope="module")
def frame(tmp_path_factory):
    db = reference_store(tmp_path_factory.mktemp("catalogue") / "catalogue.duckdb")
    rows = catalogue_initiatives()
    add_survey(db, [response(ar=2024, kommunkod="0180", utbildning=2)], rows)
    return catalogue.catalogue(db)


def titles(found) -> list[str]:
    return sorted(found["titel"])


def test_fold():
    assert catalogue.fold("Förskola ÅÄÖ é") == "forskola aao e"
    assert catalogue.fold(None) == "" and catalogue.fold(float("nan")) == ""


def test_catalogue_has_ids_and_counties(frame):
    assert list(frame["id"]) == list(range(len(frame)))
    assert set(frame["lan_name"]) == {"Stockholms län", "Skåne län", "Uppsala län"}


def test_text_search_ignores_case_and_diacritics_and_is_no_pattern(frame):
    assert titles(catalogue.search(frame, Query(text="forskola"))) == ["Chattbot för FÖRSKOLA"]
    assert titles(catalogue.search(frame, Query(text="CHATTBOT"))) == ["Chattbot för FÖRSKOLA", "Läxhjälp"]
    assert titles(catalogue.search(frame, Query(text="  potthal "))) == ["Bildanalys av gator"]  # in the description
    assert titles(catalogue.search(frame, Query(text="(a+b)"))) == ["Chattbot för FÖRSKOLA"]
    assert catalogue.search(frame, Query(text=".*")).empty
    assert titles(catalogue.search(frame, Query(text="[länk]("))) == ["Elevbot"]  # literally
    assert len(catalogue.search(frame, Query(text=""))) == 6  # municipalities by default


def test_filters(frame):
    assert titles(catalogue.search(frame, Query(ar=2023))) == ["Skolchatt"]
    assert titles(catalogue.search(frame, Query(lan=("12",)))) == ["Elevbot", "Prognos"]
    assert titles(catalogue.search(frame, Query(kommun="0114"))) == ["Läxhjälp", "Skolchatt"]
    assert titles(catalogue.search(frame, Query(sektor=("kollektivtrafik",)))) == ["Bildanalys av gator"]
    assert titles(catalogue.search(frame, Query(mognad=(3, 4)))) == ["Bildanalys av gator", "Elevbot", "Läxhjälp"]
    assert titles(catalogue.search(frame, Query(teknik=("prediktion",)))) == ["Prognos"]
    assert titles(catalogue.search(frame, Query(utvarderad=("ja",)))) == ["Chattbot för FÖRSKOLA"]
    assert titles(catalogue.search(frame, Query(utvarderad=("okant",)))) == ["Elevbot", "Prognos", "Skolchatt"]
    assert titles(catalogue.search(frame, Query(typ="civilsamhalle"))) == ["Föreningens förskolebot"]
    both = Query(text="chatt", ar=2024, teknik=("chattbot",), utvarderad=("nej",))
    assert titles(catalogue.search(frame, both)) == ["Läxhjälp"]


def test_same_kind_is_other_municipalities_with_the_same_sector_and_technique(frame):
    chosen = int(frame[frame["titel"] == "Chattbot för FÖRSKOLA"]["id"].iloc[0])
    others = catalogue.same_kind(frame, chosen)
    assert list(others["kommunkod"]) == ["0114", "1280"]  # 0114 has two such initiatives
    first = others.iloc[0]
    assert (first["antal"], first["senaste_ar"], first["exempel"]) == (2, 2024, "Läxhjälp")
    # not Stockholm itself, not the civil-society organisation, not other techniques
    assert "0180" not in set(others["kommunkod"]) and "0380" not in set(others["kommunkod"])
    lonely = int(frame[frame["titel"] == "Bildanalys av gator"]["id"].iloc[0])
    assert catalogue.same_kind(frame, lonely).empty
    assert catalogue.same_kind(frame, 999).empty


def test_tables_show_labels_and_keep_free_text_as_text(frame):
    table = catalogue.table(catalogue.search(frame, Query(kommun="1280")), "sv")
    assert list(table.columns) == ["År", "Kommun", "Län", "Titel", "Sektor", "Mognad", "Teknik", "Utvärderad"]
    assert set(table["Mognad"]) == {"4 I drift, utvärderad och spridd", "2 Pilot"}
    assert set(table["Utvärderad"]) == {"Okänt"}
    english = catalogue.table(catalogue.search(frame, Query(kommun="0180")), "en")
    assert "Chatbot" in set(english["Technique"]) and "Yes" in set(english["Evaluated"])
    row = frame[frame["titel"] == "Chattbot för FÖRSKOLA"].iloc[0]
    details = dict(catalogue.details(row, "sv").values)
    assert details["Nytta"] == "Tidsbesparing, Kvalitet" and details["Kommun"] == "Stockholm (0180)"
    civil = frame[frame["typ"] == "civilsamhalle"].iloc[0]
    assert dict(catalogue.details(civil, "sv").values)["Organisation"] == "Läxföreningen"
    assert "Organisation" in catalogue.table(catalogue.search(frame, Query(typ="civilsamhalle")), organisation=True)
    same = catalogue.same_kind_table(catalogue.same_kind(frame, int(row["id"])), "en")
    assert list(same.columns) == ["Municipality", "County", "Such initiatives", "Latest year", "Example"]


def test_download_table_keeps_codes_and_numbers(frame):
    hits = catalogue.search(frame, Query(ar=2024, kommun="0180"))
    out = catalogue.download_table(hits)
    assert list(out["Titel"]) == list(hits["titel"])
    assert list(out["Kommun: Kod"]) == ["0180", "0180"]
    assert list(out["Mognad (0–4)"]) == [int(m) for m in hits["mognad"]]
    assert str(out["Mognad (0–4)"].dtype) == "Int64" and str(out["År"].dtype) == "Int64"
    chatbot = out[out["Titel"] == "Chattbot för FÖRSKOLA"].iloc[0]
    assert chatbot["Beskrivning"] == "Svarar föräldrar (a+b) dygnet runt." and chatbot["Utvärderad"] == "Ja"
    english = catalogue.download_table(catalogue.search(frame, Query(typ="civilsamhalle")), "en", organisation=True)
    assert english["Organisation"].tolist() == ["Läxföreningen"] and "Description" in english.columns


def test_download_text_is_neutralised_against_formulas(frame):
    from adoption.views import downloads

    evil = frame[frame["titel"] == "Prognos"].assign(titel="=HYPERLINK(\"http://x\")")
    text = downloads.table_csv_bytes(catalogue.download_table(evil)).decode("utf-8-sig")
    assert "\n=HYPERLINK" not in text and ";=HYPERLINK" not in text and "HYPERLINK" in text
