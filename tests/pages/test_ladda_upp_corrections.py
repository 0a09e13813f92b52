"""Ladda upp, issue 17 (corrections without surprises): each finding on the real page (AppTest)
against a real database: a partial file, Swedish goal input, helpful column mapping, an honest
duplicate check, a readable history with a restore preview, demo data removal, and the smaller things."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption.formats import stage_columns
from adoption.ingest import pipeline
from adoption.store import Store
from tests import builders
from tests.pages import test_ladda_upp as base
from tests.pages.conftest import no_exceptions
from tests.pages.test_ladda_upp import (
    commit_button,
    open_upload,
    table_with,
    texts,
    upload,
)

# The upload page's fixtures: an empty database, a local request, no legacy-pages rerun, clean access state.
empty_db, local, _clean, _no_legacy_rerun = base.empty_db, base.local, base._clean, base._no_legacy_rerun

STAGES = stage_columns()
FULL = builders.full_answers_2026(hinder=False)
MALMO_BEFORE = builders.MALMO_STAGES_2026
CORRECTION = builders.CORRECTION_2026


@pytest.fixture
def loaded_db(empty_db) -> str:
    """Malmö and Lund answered all nine stage questions in 2026 (data version 1)."""
    store = Store(empty_db)
    pipeline.commit(pipeline.prepare(FULL.encode(), "enkat.csv", "enkatsvar", store, headline=False), store,
                    uploaded_by="anna")
    return empty_db


def _malmo_stages(store: Store) -> dict:
    row = store.responses(store.current_version(), typ="kommun").set_index("kommunkod").loc["1280"]
    return {c: None if pd.isna(row[c]) else int(row[c]) for c in STAGES}


def _selects(at, prefix: str):
    return [s for s in at.selectbox if (s.key or "").startswith(prefix)]


# -- 1. never blank by omission ----------------------------------------------------------------


def test_the_malmo_correction_changes_only_its_columns_and_says_so(loaded_db, monkeypatch, local):
    at = open_upload(loaded_db, monkeypatch)
    upload(at, CORRECTION, "rattelse.csv")
    changes = table_with(at, "Fält")
    assert changes.values.tolist() == [
        ["2026", "Malmö (1280)", "Mognad: Vård och omsorg", "Pilot", "I drift"],
        ["2026", "Malmö (1280)", "Mognad: Skola och förskola", "Planerad / utforskar", "inget svar"]]
    warnings = texts(at, "warning")
    assert "1 sparat svar blir tomt (inget svar)" in warnings and "Skola och förskola" in warnings
    assert "Kolumner som inte finns i filen ändras inte" in texts(at, "caption")
    assert list(table_with(at, "Ändrade rader")["Ändrade rader"]) == ["1"]

    commit_button(at).click().run()
    no_exceptions(at)
    store = Store(loaded_db)
    assert store.current_version() == 2
    # six of nine stages as they were; the one emptied on purpose is empty; the rest of the row too
    assert _malmo_stages(store) == dict(MALMO_BEFORE, mognad_vard_omsorg=3, mognad_utbildning=None)
    malmo = store.responses(2, typ="kommun").set_index("kommunkod").loc["1280"]
    assert malmo["ai_strategi"] == 2 and malmo["antal_initiativ"] == 12


# -- 4. an honest duplicate check ----------------------------------------------------------------


def test_a_file_uploaded_before_restores_after_a_correction(loaded_db, monkeypatch, local):
    store = Store(loaded_db)
    pipeline.commit(pipeline.prepare(CORRECTION.encode(), "rattelse.csv", "enkatsvar", store), store,
                    uploaded_by="anna")
    at = open_upload(loaded_db, monkeypatch)
    upload(at, FULL, "enkat.csv")
    info = texts(at, "info")
    assert "laddats upp förut" in info and "Datan har ändrats sedan dess" in info
    assert "Ingenting ändras om den laddas upp igen" not in info
    changes = table_with(at, "Fält")
    assert changes[["Före", "Efter"]].values.tolist() == [["I drift", "Pilot"], ["inget svar", "Planerad / utforskar"]]
    assert commit_button(at).disabled is False
    commit_button(at).click().run()
    no_exceptions(at)
    assert store.current_version() == 3 and _malmo_stages(store) == MALMO_BEFORE

    # now it is the current data: a no-op, and the button says why it is disabled
    upload(at, FULL, "enkat.csv")
    assert "datan är fortfarande likadan" in texts(at, "info")
    assert commit_button(at).disabled is True
    assert "filen är redan den aktuella datan" in texts(at, "caption")


# -- 3. mapping that helps ---------------------------------------------------------------------

OWN_HEADERS = ("År;Typ av svarande;Kommun;Har kommunen en AI-strategi?;Antal AI-initiativ;Varav i drift;Kommentar\r\n"
               "2026;kommun;Malmö;ja;5;2;bra\r\n2026;kommun;Lund;nej;1;0;\r\n")


def test_headers_get_suggestions_in_swedish_then_are_remembered(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, OWN_HEADERS, "egna.csv")
    boxes = {s.label: s for s in _selects(at, "map_")}
    assert set(boxes) == {"”Typ av svarande” · förslag", "”Har kommunen en AI-strategi?” · förslag",
                          "”Antal AI-initiativ” · förslag", "”Varav i drift” · förslag", "”Kommentar”"}
    assert boxes["”Varav i drift” · förslag"].value == "antal_i_drift"
    assert boxes["”Har kommunen en AI-strategi?” · förslag"].value == "ai_strategi"
    assert boxes["”Kommentar”"].value == ""
    # the drop-downs describe each column in Swedish
    options = boxes["”Varav i drift” · förslag"].options
    assert "Antal AI-initiativ i drift (antal_i_drift)" in options and "Mognad: Vård och omsorg (mognad_vard_omsorg)" in options
    # the suggestions were checked at once: no errors in waves, the file is whole
    assert "Inga fel, 1 varning" in texts(at, "warning")
    assert commit_button(at).disabled is True
    assert "kontrollera de föreslagna kolumnerna" in texts(at, "caption")

    at.checkbox(key=next(c.key for c in at.checkbox if c.key.startswith("columns_ok_"))).check().run()
    no_exceptions(at)
    assert commit_button(at).disabled is False
    commit_button(at).click().run()
    no_exceptions(at)
    store = Store(empty_db)
    rows = store.responses(1).set_index("kommunkod")
    assert rows.loc["1280", "antal_i_drift"] == 2 and rows.loc["1280", "ai_strategi"] == 2
    saved = {m.header: m.target for m in store.column_mappings("enkatsvar")}
    assert saved == {"Typ av svarande": "typ", "Har kommunen en AI-strategi?": "ai_strategi",
                     "Antal AI-initiativ": "antal_initiativ", "Varav i drift": "antal_i_drift"}

    # next year's file with the same headers: the same choices, marked as remembered, nothing to confirm
    upload(at, OWN_HEADERS.replace("2026", "2027"), "egna-2027.csv")
    boxes = {s.label: s for s in _selects(at, "map_")}
    assert boxes["”Varav i drift” · sparat val från en tidigare uppladdning"].value == "antal_i_drift"
    assert not [c for c in at.checkbox if c.key.startswith("columns_ok_")]
    assert commit_button(at).disabled is False

    # shown, and removable
    [listed] = [e for e in at.expander if e.label.startswith("Sparade kolumnval")]
    assert "Varav i drift" in table_with(listed, "Rubrik i filen")["Rubrik i filen"].tolist()
    at.selectbox(key="forget_mapping_enkatsvar").select("Varav i drift").run()
    at.button(key="forget_mapping_button_enkatsvar").click().run()
    no_exceptions(at)
    assert "Varav i drift" not in {m.header for m in store.column_mappings("enkatsvar")}


def test_every_missing_and_unmapped_column_is_reported_at_once(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, "Kommun;Kommentar;Mognad miljö\r\nMalmö;x;idrift\r\n", "halv.csv")
    error = texts(at, "error")
    assert "Krävs men saknas: ar, typ." in error and "Rubriker utan kolumn (läses inte in): ”Kommentar”" in error
    report = table_with(at, "Problem")
    # the cell that does not parse is reported in the same round as the missing columns
    assert any("”idrift” är inte en mognadsnivå" in p for p in report["Problem"])


# -- 5. readable history and restore ---------------------------------------------------------------


def test_history_is_readable_and_a_restore_is_previewed(loaded_db, monkeypatch, local):
    store = Store(loaded_db)
    pipeline.commit(pipeline.prepare(CORRECTION.encode(), "rattelse.csv", "enkatsvar", store), store,
                    uploaded_by="anna")
    at = open_upload(loaded_db, monkeypatch)
    history = table_with(at, "Händelse")
    assert set(history["Händelse"]) == {"uppladdning"} and set(history["Sorts data"]) == {"Enkätsvar"}
    assert "None" not in history.to_string() and "upload" not in set(history["Händelse"])
    short = history["SHA-256 (början)"].tolist()
    assert all(len(s) == 13 and s.endswith("…") for s in short)
    [detail] = [e for e in at.expander if e.label.startswith("Fullständiga kontrollsummor")]
    full = table_with(detail, "SHA-256")["SHA-256"].tolist()
    assert pipeline.sha256(FULL.encode()) in full and all(f.startswith(s[:-1]) for f, s in zip(full, short))

    box = at.selectbox(key="rollback_version")
    labels = box.options
    assert labels[-1].startswith("version 1 · ") and labels[-1].endswith(" · enkätsvar 2026 · enkat.csv")
    box.select(1).run()
    no_exceptions(at)
    markdown = texts(at, "markdown")
    assert "Det här ändras om du återställer: Återställningen lägger till 0 rader, ändrar 1 och tar bort 0." in markdown
    restore = [d.value for d in at.dataframe if "Fält" in d.value.columns][-1]
    assert restore[["Före", "Efter"]].values.tolist() == [["I drift", "Pilot"], ["inget svar", "Planerad / utforskar"]]
    at.checkbox(key="rollback_confirm").check().run()
    at.button(key="rollback_button").click().run()
    no_exceptions(at)
    assert store.current_version() == 3 and _malmo_stages(store) == MALMO_BEFORE


def test_history_of_demo_data_in_english(demo_db, monkeypatch, local):
    at = open_upload(demo_db, monkeypatch, lang="en")
    history = table_with(at, "Event")
    assert history["Event"].tolist() == ["demo data"] and history["Rows added"].tolist() == [""]
    assert at.selectbox(key="rollback_version").options[0].endswith(" · demo data 2022–2025")


# -- 6. demo data in the interface ---------------------------------------------------------------


def test_demo_data_is_removed_from_the_page_and_the_banner_goes(demo_db, monkeypatch, local):
    at = open_upload(demo_db, monkeypatch)
    assert "Demodata:" in texts(at, "warning")
    button = at.button(key="demo_remove_button")
    assert button.disabled is True
    at.checkbox(key="demo_remove_confirm").check().run()
    at.button(key="demo_remove_button").click().run()
    no_exceptions(at)
    store = Store(demo_db)
    assert not store.has_demo() and store.versions()[-1].action == "demo_removed"
    assert store.versions()[-1].created_by == "lokal administratör"
    assert "Tog bort" in texts(at, "success") and "ny dataversion 2" in texts(at, "success")
    assert "Demodata:" not in texts(at, "warning")
    assert not [b for b in at.button if b.key == "demo_remove_button"]


def test_the_banner_goes_when_real_answers_replaced_every_demo_row(tmp_db):
    from tests.builders import add_survey, reference_store, response, responses

    store = reference_store(tmp_db)
    demo = store.add_survey(responses([response(ar=2024, kommunkod="1280", miljo=1)]), None, action="demo",
                            description="demo", created_by="demo", is_demo=True)
    real = add_survey(store, [response(ar=2024, kommunkod="1280", miljo=3)])
    assert store.has_demo(demo) and not store.has_demo(real)
    assert store.has_demo()  # still in the file (an earlier version): the page offers to remove it


# -- 2. Swedish input for the goals ----------------------------------------------------------------


def test_goal_target_with_a_decimal_comma_rewords_the_goal(demo_db, monkeypatch, local):
    at = open_upload(demo_db, monkeypatch)
    save = at.button(key="goal_save_M1")
    assert save.disabled is True and save.help == "Inget att spara: inget är ändrat ännu."
    assert "Inget att spara" not in texts(at, "caption")

    at.text_input(key="goal_target_M1").input("80,5").run()
    at.selectbox(key="goal_year_M1").select(2027).run()
    no_exceptions(at)
    # the wording followed the new target
    assert at.text_input(key="goal_sv_M1").value == "80,5 % av de svarande kommunerna har AI i drift"
    assert at.text_input(key="goal_en_M1").value == "80.5 % of responding municipalities have AI in production"
    # a second change follows the first
    at.text_input(key="goal_target_M1").input("85").run()
    assert at.text_input(key="goal_sv_M1").value == "85 % av de svarande kommunerna har AI i drift"
    at.text_input(key="goal_target_M1").input("80,5").run()
    assert at.text_input(key="goal_sv_M1").value == "80,5 % av de svarande kommunerna har AI i drift"
    at.button(key="goal_save_M1").click().run()
    no_exceptions(at)
    m1 = Store(demo_db).goals().set_index("goal_id").loc["M1"]
    assert m1["target"] == pytest.approx(0.805) and m1["target_year"] == 2027
    assert m1["label_sv"] == "80,5 % av de svarande kommunerna har AI i drift"
    assert "sparades (revision 2)" in texts(at, "success")
    assert at.text_input(key="goal_target_M1").value == "80,5"

    [history] = [e for e in at.expander if e.label == "Alla ändringar av målen"]
    table = table_with(history, "Målvärde")
    assert {"goal_id", "target", "label_sv"}.isdisjoint(table.columns)
    m1_rows = table[table["Mål"] == "M1"]
    assert m1_rows["Målvärde"].tolist() == ["80,5 %", "75 %"] and m1_rows["Mått"].iloc[0] == "Andel med AI i drift"


def test_a_bad_target_is_explained_in_swedish(demo_db, monkeypatch, local):
    at = open_upload(demo_db, monkeypatch)
    at.text_input(key="goal_target_M1").input("åttio").run()
    assert at.button(key="goal_save_M1").disabled is True
    assert "Målvärdet måste vara ett tal, till exempel 80 eller 80,5." in texts(at, "caption")
    at.text_input(key="goal_target_M1").input("120").run()
    assert "högst 100" in texts(at, "caption") and "Error" not in texts(at, "caption")
    # a wording that still states the old figure is flagged, not saved
    at.text_input(key="goal_target_M1").input("80").run()
    at.text_input(key="goal_sv_M1").input("75 % av kommunerna har AI i drift").run()
    assert at.button(key="goal_save_M1").disabled is True
    assert "Formuleringen på svenska nämner fortfarande det gamla målvärdet" in texts(at, "caption")
    # a wording without any figure can be saved, with a note to check it
    at.text_input(key="goal_sv_M1").input("Tre av fyra kommuner har AI i drift").run()
    assert at.button(key="goal_save_M1").disabled is False
    assert "nämner inte det nya målvärdet" in texts(at, "warning")


# -- the smaller things ------------------------------------------------------------------------


def test_report_wording_is_not_blocking_without_errors_and_counts_agree(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, "ar;typ;kommun;Kommentar\r\n2026;kommun;Malmö;x\r\n", "varning.csv")
    warning = texts(at, "warning")
    assert "Inga fel, 1 varning. Filen kan sparas; läs varningarna först." in warning
    assert "först när alla fel är rättade" not in warning + texts(at, "error")
    upload(at, "ar;typ;kommun;Kommentar;mognad_miljo\r\n2026;kommun;Malmö;x;idrift\r\n", "fel.csv")
    assert "1 fel och 1 varning. Filen kan sparas först när alla fel är rättade." in texts(at, "error")
    report = table_with(at, "Problem")
    stage = next(p for p in report["Problem"] if "mognadsnivå" in p)
    assert "”I drift”" in stage and "(i_drift)" not in stage


def test_an_unknown_name_can_be_picked_from_the_suggestions(empty_db, monkeypatch, local):
    at = open_upload(empty_db, monkeypatch)
    upload(at, "ar;typ;kommun;mognad_miljo\r\n2026;kommun;Strömsås;2\r\n2026;kommun;Lund;1\r\n", "namn.csv")
    assert "Okänd kommun ”Strömsås”" in " ".join(table_with(at, "Problem")["Problem"])
    [box] = _selects(at, "name_")
    assert box.value is None and box.options[0] == "Strömstad (1486) – liknande namn"
    box.select("1486").run()
    no_exceptions(at)
    assert "Inga problem hittades" in texts(at, "success")
    commit_button(at).click().run()
    no_exceptions(at)
    assert sorted(Store(empty_db).responses(1)["kommunkod"]) == ["1281", "1486"]


def test_a_commit_message_groups_thousands(empty_db, monkeypatch, local):
    lines = ["ar;typ;kommun;organisation;mognad_miljo"]
    lines += [f"2026;civilsamhalle;Malmö;Förening {i};1" for i in range(1200)]
    at = open_upload(empty_db, monkeypatch)
    upload(at, "\r\n".join(lines) + "\r\n", "foreningar.csv")
    assert list(table_with(at, "Nya rader")["Nya rader"]) == ["1\xa0200"]
    commit_button(at).click().run()
    no_exceptions(at)
    assert "Sparat som dataversion 1: 1\xa0200 nya" in texts(at, "success")
