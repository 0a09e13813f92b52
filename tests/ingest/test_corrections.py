"""A correction file never blanks answers by omission (issue 17, finding 1), and a file uploaded
before restores its values when the data changed since (finding 4): through the pipeline and the
command line, against a real database."""

from __future__ import annotations

import pandas as pd
import pytest

from adoption import cli
from adoption.formats import stage_columns
from adoption.ingest import pipeline, templates
from adoption.ingest.changes import restore_preview
from adoption.store import Store
from adoption.views import upload as shown
from tests import builders

STAGES = stage_columns()
# Malmö and Lund answered every one of the nine stage questions in 2026; the correction holds three
# of them for Malmö (see tests.builders).
FULL = builders.full_answers_2026().encode("utf-8")
MALMO_BEFORE = builders.MALMO_STAGES_2026
CORRECTION = builders.CORRECTION_2026.encode("utf-8")


@pytest.fixture
def store(tmp_db) -> Store:
    db = builders.initialised_store(tmp_db)
    pipeline.commit(pipeline.prepare(FULL, "enkat.csv", "enkatsvar", db, headline=False), db, uploaded_by="a")
    return db


def _malmo(store: Store, version: int | None = None) -> dict:
    rows = store.responses(store.resolve_version(version)).set_index("kommunkod")
    return rows.loc["1280"].to_dict()


def _stages(row: dict) -> dict:
    return {c: None if pd.isna(row[c]) else int(row[c]) for c in STAGES}


def _names(store: Store) -> dict[str, str]:
    frame = store.municipalities()
    return dict(zip(frame["kommunkod"], frame["name"]))


def test_a_file_with_three_stage_columns_changes_only_those(store):
    prepared = pipeline.prepare(CORRECTION, "rattelse.csv", "enkatsvar", store)
    assert prepared.ok and prepared.can_commit
    assert [(c.added, c.changed, c.unchanged) for c in prepared.preview.counts] == [(0, 1, 0)]
    assert set(prepared.columns_not_in_file) >= {"ai_strategi", "antal_initiativ", "hinder", "mognad_miljo"}

    [row] = prepared.preview.changes.rows
    assert (row.ar, row.kommunkod) == (2026, "1280")
    assert [(f.column, f.old, f.new) for f in row.fields] == [
        ("mognad_vard_omsorg", 2, 3), ("mognad_utbildning", 1, None)]
    table = shown.changes_table(prepared.preview.changes, _names(store))
    assert table.values.tolist() == [
        ["2026", "Malmö (1280)", "Mognad: Vård och omsorg", "Pilot", "I drift"],
        ["2026", "Malmö (1280)", "Mognad: Skola och förskola", "Planerad / utforskar", "inget svar"]]
    warning = shown.blank_warning(prepared.preview.changes, _names(store))
    assert warning.startswith("Observera: 1 sparat svar blir tomt (inget svar)")
    assert "Malmö (1280) 2026: Mognad: Skola och förskola (Planerad / utforskar → inget svar)" in warning

    result = pipeline.commit(prepared, store, uploaded_by="b")
    assert (result.status, result.changed) == ("committed", 1)
    after = _malmo(store)
    expected = dict(MALMO_BEFORE, mognad_vard_omsorg=3, mognad_utbildning=None)
    assert _stages(after) == expected
    # the columns the file does not hold are as they were
    assert after["ai_strategi"] == 2 and after["antal_initiativ"] == 12 and list(after["hinder"]) == ["juridik"]
    # Lund was not in the file at all
    lund = store.responses(result.version).set_index("kommunkod").loc["1281"]
    assert int(lund["mognad_miljo"]) == 1 and lund["ai_strategi"] == 0


def test_the_headline_figures_are_those_of_the_merged_rows(store):
    prepared = pipeline.prepare(CORRECTION, "rattelse.csv", "enkatsvar", store)
    running = {(h.metric, h.ar): h for h in prepared.preview.headline}[("andel_ai_i_drift", 2026)]
    # Malmö has stages of 3+ before and after (socialtjänst, miljö, administration): no change of the share.
    assert running.before == pytest.approx(running.after) == pytest.approx(0.5)


def test_a_new_respondent_in_a_partial_file_gets_no_answer_for_the_rest(store):
    data = "ar;typ;kommun;mognad_miljo\r\n2026;kommun;Ystad;2\r\n".encode()
    prepared = pipeline.prepare(data, "ny.csv", "enkatsvar", store, headline=False)
    assert [(c.added, c.changed) for c in prepared.preview.counts] == [(1, 0)]
    version = pipeline.commit(prepared, store, uploaded_by="b").version
    ystad = store.responses(version).set_index("kommunkod").loc["1286"]
    assert int(ystad["mognad_miljo"]) == 2 and pd.isna(ystad["mognad_utbildning"])


def test_a_partial_initiative_file_keeps_the_description(tmp_db):
    db = builders.initialised_store(tmp_db)
    first = ("ar;kommun;titel;sektor;mognad;beskrivning;utvarderad\r\n"
             "2026;Malmö;Elevbot;utbildning;pilot;Svarar elever;ja\r\n").encode()
    pipeline.commit(pipeline.prepare(first, "i.csv", "initiativ", db, headline=False), db, uploaded_by="a")
    fix = "ar;kommun;titel;sektor;mognad\r\n2026;Malmö;Elevbot;utbildning;i drift\r\n".encode()
    prepared = pipeline.prepare(fix, "fix.csv", "initiativ", db, headline=False)
    [row] = prepared.preview.changes.rows
    assert [(f.column, f.old, f.new) for f in row.fields] == [("mognad", 2, 3)]
    version = pipeline.commit(prepared, db, uploaded_by="b").version
    [stored] = db.initiatives(version).to_dict("records")
    assert (stored["mognad"], stored["beskrivning"], stored["utvarderad"]) == (3, "Svarar elever", True)


def test_a_partial_file_over_demo_data_does_not_keep_invented_values(demo_db):
    store = Store(demo_db)
    year = max(store.survey_years(store.current_version()))
    before = store.responses(store.current_version(), year, typ="kommun").set_index("kommunkod").loc["1280"]
    assert bool(before["is_demo"])
    data = f"ar;typ;kommun;mognad_miljo\r\n{year};kommun;Malmö;2\r\n".encode()
    prepared = pipeline.prepare(data, "riktig.csv", "enkatsvar", store, headline=False)
    [row] = prepared.preview.changes.rows
    assert row.replaces_demo and row.fields == ()
    version = pipeline.commit(prepared, store, uploaded_by="b").version
    after = store.responses(version, year, typ="kommun").set_index("kommunkod").loc["1280"]
    assert not bool(after["is_demo"]) and int(after["mognad_miljo"]) == 2
    assert pd.isna(after["ai_strategi"])


# -- a file uploaded before -------------------------------------------------------------------


def test_the_same_file_as_the_current_data_is_a_no_op(store):
    again = pipeline.prepare(FULL, "enkat.csv", "enkatsvar", store)
    assert again.duplicate_of is not None and again.same_as_current and not again.restores
    assert not again.can_commit
    assert pipeline.commit(again, store, uploaded_by="c").status == "duplicate"
    assert store.current_version() == 1 and len(store.uploads()) == 1


def test_a_file_uploaded_before_restores_its_values_after_a_correction(store):
    pipeline.commit(pipeline.prepare(CORRECTION, "rattelse.csv", "enkatsvar", store), store, uploaded_by="b")
    again = pipeline.prepare(FULL, "enkat.csv", "enkatsvar", store)
    assert again.duplicate_of.data_version == 1 and again.restores and again.can_commit
    [row] = again.preview.changes.rows
    assert [(f.column, f.old, f.new) for f in row.fields] == [
        ("mognad_vard_omsorg", 3, 2), ("mognad_utbildning", None, 1)]
    assert "återställs dess värden" in pipeline._restore_message(again.duplicate_of)
    result = pipeline.commit(again, store, uploaded_by="c")
    assert (result.status, result.version) == ("committed", 3)
    assert _stages(_malmo(store)) == MALMO_BEFORE
    # ... and now it is the current data again: a no-op
    assert pipeline.prepare(FULL, "enkat.csv", "enkatsvar", store).same_as_current


def test_restore_preview_lists_what_restoring_changes(store):
    pipeline.commit(pipeline.prepare(CORRECTION, "rattelse.csv", "enkatsvar", store), store, uploaded_by="b")
    ystad = "ar;typ;kommun;mognad_miljo\r\n2026;kommun;Ystad;2\r\n".encode()
    pipeline.commit(pipeline.prepare(ystad, "y.csv", "enkatsvar", store, headline=False), store, uploaded_by="b")
    changes = restore_preview(store, 1)
    assert [(r.status, r.kommunkod) for r in changes.rows] == [("changed", "1280"), ("removed", "1286")]
    assert [(f.column, f.old, f.new) for f in changes.rows[0].fields] == [
        ("mognad_vard_omsorg", 3, 2), ("mognad_utbildning", None, 1)]
    assert shown.restore_summary(changes) == "Återställningen lägger till 0 rader, ändrar 1 och tar bort 1."
    table = shown.changes_table(changes, _names(store), statuses=("added", "changed", "removed"))
    assert table.values.tolist()[-1] == ["2026", "Ystad (1286)", "(raden tas bort)", "raden finns", "–"]
    assert restore_preview(store, 3).rows == []


# -- the command line ---------------------------------------------------------------------------


def test_the_malmo_correction_through_the_command_line(capsys, store, tmp_path):
    path = tmp_path / "rattelse.csv"
    path.write_bytes(CORRECTION)
    code = cli.main(["validate", str(path), "--db", str(store.path)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Malmö (1280) 2026: Mognad: Vård och omsorg: Pilot → I drift" in out
    assert "Malmö (1280) 2026: Mognad: Skola och förskola: Planerad / utforskar → inget svar" in out
    assert "Kolumner som inte finns i filen ändras inte för rader som redan är sparade: " in out
    assert "1 sparat svar blir tomt" in out

    code = cli.main(["ingest", str(path), "--db", str(store.path), "--av", "anna"])
    out, _ = capsys.readouterr()
    assert code == 0 and "Ny dataversion: 2" in out
    assert _stages(_malmo(store)) == dict(MALMO_BEFORE, mognad_vard_omsorg=3, mognad_utbildning=None)

    full = tmp_path / "enkat.csv"
    full.write_bytes(FULL)
    code = cli.main(["ingest", str(full), "--db", str(store.path)])
    out, _ = capsys.readouterr()
    assert code == 0 and "Datan har ändrats sedan dess" in out and "Ny dataversion: 3" in out
    code = cli.main(["ingest", str(full), "--db", str(store.path)])
    out, _ = capsys.readouterr()
    assert code == 0 and "Ingenting ändrades" in out and store.current_version() == 3


def test_counts_have_a_thousands_space():
    # Babel separates thousands with a no-break space, so "40 290" never breaks across lines
    assert shown.counts(40290, 0, 1234567) == {"added": "40\xa0290", "changed": "0", "unchanged": "1\xa0234\xa0567"}


# -- the template ----------------------------------------------------------------------------


def test_the_template_says_what_a_missing_column_and_an_empty_cell_mean():
    text = "\n".join(templates._instructions("enkatsvar"))
    assert "Tomma kolumner kan tas bort" not in text
    assert "”finns inte i filen”" in text and "en tom cell tömmer ett svar som redan är sparat" in text
    assert "säkerhet" in text and "sakerhet" not in text
    assert "tillgänglighet" in "\n".join(templates._instructions("initiativ"))
