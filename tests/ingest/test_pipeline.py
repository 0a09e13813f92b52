"""prepare → commit: preview, fuzzy confirmation, duplicates, values checked against the metrics."""

from __future__ import annotations

import pytest

from adoption import metrics
from adoption.ingest import export, pipeline, report_csv, report_xlsx
from adoption.metrics.filters import Filter
from adoption.store import Store
from tests import builders


@pytest.fixture
def empty_store(tmp_db) -> Store:
    return builders.initialised_store(tmp_db)


MESSY = (
    "Enkät om AI 2024\r\n"
    "\r\n"
    "År;Typ;Kommun;AI strategi;Antal initiativ;Antal i drift;Andel utbildad personal;Mognad vård omsorg;"
    "Mognad miljö;Hinder\r\n"
    "2024;Kommun;Malmo stad;Ja;1 200;12;45,5 %;I drift;.;Juridik, kompetens\r\n"
    "2024;kommun;Goteborg;nej;3;0;10;Ingen aktivitet;0;\r\n"
    "2024;KOMMUN;Orebro;pågår;;;;pilot;;data\r\n"
    "2024;kommun;Upplands-Väsby;;;;;;;\r\n"
    ";;;;;;;;;\r\n"
).encode("cp1252")


def _value(store, metric_id, **flt):
    return metrics.compute(store, metric_id, Filter(**flt))


def test_messy_file_loads_with_the_right_values(empty_store):
    prepared = pipeline.prepare(MESSY, "enkät.csv", "enkatsvar", empty_store)
    assert prepared.ok and prepared.fuzzy_matches == [], prepared.result.problems
    assert prepared.preview.base_version is None
    assert [(c.ar, c.typ, c.added, c.changed, c.unchanged) for c in prepared.preview.counts] == [
        (2024, "kommun", 4, 0, 0)]
    result = pipeline.commit(prepared, empty_store, uploaded_by="anna")
    assert (result.status, result.version, result.added) == ("committed", 1, 4)

    rows = empty_store.responses(1).set_index("kommunkod")
    assert rows.loc["1280", "antal_initiativ"] == 1200 and rows.loc["1280", "andel_utbildad_personal"] == 45.5
    assert list(rows.loc["1280", "hinder"]) == ["juridik", "kompetens"]
    # Four municipalities answered; three answered a stage question: Malmö (3) and Örebro (2) have activity.
    activity = _value(empty_store, "andel_ai_aktivitet", ar=2024)
    assert (activity.numerator, activity.denominator) == (2, 3)
    running = _value(empty_store, "andel_ai_i_drift", ar=2024)
    assert (running.numerator, running.denominator) == (1, 3)
    assert _value(empty_store, "svarsfrekvens", ar=2024).numerator == 4

    # the headline preview before the commit predicted exactly these figures
    effects = {(h.metric, h.ar): h for h in prepared.preview.headline}
    assert effects[("andel_ai_aktivitet", 2024)].after == pytest.approx(activity.value)
    assert effects[("andel_ai_aktivitet", 2024)].before is None


def test_preview_says_why_a_figure_had_no_value_before(empty_store):
    from adoption.ui import admin

    pipeline.commit(pipeline.prepare(MESSY, "a.csv", "enkatsvar", empty_store), empty_store, uploaded_by="a")
    next_year = MESSY.replace(b"2024;", b"2025;")
    preview = pipeline.prepare(next_year, "b.csv", "enkatsvar", empty_store).preview
    effects = {(h.metric, h.ar): h for h in preview.headline}
    strategy = effects[("andel_strategi", 2025)]
    assert (strategy.before, strategy.before_status, strategy.after_status) == (None, "no_year", "ok")
    table = admin.headline_table(preview, "sv")
    row = table[(table["Mått"] == "Andel med AI-strategi") & (table["År"] == "2025")].iloc[0]
    assert row["Före"] == "inga svar för året" and row["Efter"] == "33,3 %"
    assert admin.headline_table(preview, "en").iloc[0]["Before"] == "no answers for the year"


def test_preview_counts_unchanged_rows_are_not_rewritten(empty_store):
    pipeline.commit(pipeline.prepare(MESSY, "a.csv", "enkatsvar", empty_store), empty_store, uploaded_by="a")
    changed = MESSY.replace(b"2024;kommun;Goteborg;nej;3;0", b"2024;kommun;Goteborg;ja;3;0")
    changed += "2024;kommun;Lund;;;;;;;\r\n".encode("cp1252")
    prepared = pipeline.prepare(changed, "b.csv", "enkatsvar", empty_store)
    assert [(c.added, c.changed, c.unchanged) for c in prepared.preview.counts] == [(1, 1, 3)]
    strategy = {(h.metric, h.ar): h for h in prepared.preview.headline}[("andel_strategi", 2024)]
    # answered: ja, nej, pågår → 1 of 3 with a strategy; Göteborg nej → ja gives 2 of 3
    assert strategy.before == pytest.approx(1 / 3) and strategy.after == pytest.approx(2 / 3)
    result = pipeline.commit(prepared, empty_store, uploaded_by="b")
    assert (result.version, result.added, result.changed, result.unchanged) == (2, 1, 1, 3)
    [first, second] = empty_store.uploads()
    assert (second.filename, second.uploaded_by, second.data_version) == ("b.csv", "b", 2)
    assert (second.rows_added, second.rows_changed, second.rows_unchanged) == (1, 1, 3)
    assert second.sha256 == pipeline.sha256(changed)
    assert len(empty_store.responses(2)) == 5


def test_same_file_again_does_nothing(empty_store):
    first = pipeline.commit(pipeline.prepare(MESSY, "a.csv", "enkatsvar", empty_store), empty_store, uploaded_by="a")
    again = pipeline.prepare(MESSY, "annat-namn.csv", "enkatsvar", empty_store)
    assert again.ok and not again.can_commit and again.duplicate_of.data_version == first.version
    result = pipeline.commit(again, empty_store, uploaded_by="b")
    assert result.status == "duplicate" and result.version is None and "Ingenting ändrades" in result.message
    assert empty_store.current_version() == 1 and len(empty_store.uploads()) == 1


def test_file_without_changes_makes_no_version(empty_store):
    pipeline.commit(pipeline.prepare(MESSY, "a.csv", "enkatsvar", empty_store), empty_store, uploaded_by="a")
    same_rows = MESSY + b"\r\n"
    result = pipeline.commit(pipeline.prepare(same_rows, "b.csv", "enkatsvar", empty_store, headline=False),
                             empty_store, uploaded_by="a")
    assert result.status == "no_changes" and result.unchanged == 4
    assert empty_store.current_version() == 1 and empty_store.uploads()[-1].data_version is None


FUZZY = "ar;typ;kommun;mognad_miljo\r\n2024;kommun;Malmoe stad;pilot\r\n2024;kommun;Lund;0\r\n".encode()


def test_fuzzy_matches_must_be_confirmed_or_corrected(empty_store):
    prepared = pipeline.prepare(FUZZY, "f.csv", "enkatsvar", empty_store)
    [match] = prepared.fuzzy_matches
    assert (match.row, match.value, match.kommunkod, match.name) == (2, "Malmoe stad", "1280", "Malmö")
    with pytest.raises(pipeline.UnconfirmedFuzzyError, match="rad 2: ”Malmoe stad” → Malmö"):
        pipeline.commit(prepared, empty_store, uploaded_by="a")
    with pytest.raises(pipeline.UnconfirmedFuzzyError):
        pipeline.commit(prepared, empty_store, uploaded_by="a", confirmed_fuzzy={3})
    assert empty_store.current_version() is None and empty_store.uploads() == []

    # a person corrects row 2 to Malmö's neighbour instead
    corrected = pipeline.prepare(FUZZY, "f.csv", "enkatsvar", empty_store, name_corrections={2: "1233"})
    assert corrected.fuzzy_matches == [] and corrected.ok
    result = pipeline.commit(corrected, empty_store, uploaded_by="a")
    assert sorted(empty_store.responses(result.version)["kommunkod"]) == ["1233", "1281"]


def test_fuzzy_confirmed_by_row(empty_store):
    prepared = pipeline.prepare(FUZZY, "f.csv", "enkatsvar", empty_store, headline=False)
    result = pipeline.commit(prepared, empty_store, uploaded_by="a", confirmed_fuzzy={2})
    assert "1280" in set(empty_store.responses(result.version)["kommunkod"])


def test_unknown_name_can_be_corrected(empty_store):
    data = "ar;typ;kommun\r\n2024;kommun;Malmöhus\r\n".encode()
    assert not pipeline.prepare(data, "x.csv", "enkatsvar", empty_store).ok
    fixed = pipeline.prepare(data, "x.csv", "enkatsvar", empty_store, name_corrections={2: "1280"})
    assert fixed.ok
    bad = pipeline.prepare(data, "x.csv", "enkatsvar", empty_store, name_corrections={2: "9999"})
    assert "9999" in bad.result.errors[0].message


def test_rollback_after_upload_restores_and_deletes_nothing(empty_store):
    pipeline.commit(pipeline.prepare(MESSY, "a.csv", "enkatsvar", empty_store), empty_store, uploaded_by="a")
    before = export.to_csv_bytes(export.survey_frame(empty_store, 1))
    pipeline.commit(pipeline.prepare(FUZZY, "f.csv", "enkatsvar", empty_store), empty_store, uploaded_by="a",
                    confirmed_fuzzy=True)
    restored = empty_store.rollback(1, created_by="admin")
    assert restored == 3
    assert export.to_csv_bytes(export.survey_frame(empty_store, 3)) == before
    assert len(empty_store.responses(2)) == 5
    history = empty_store.history()
    assert list(history["version"]) == [1, 2, 3] and list(history["filename"].fillna(""))[:2] == ["a.csv", "f.csv"]


def test_initiatives_and_population_template(empty_store):
    from adoption.ingest import reference

    data = ("ar;kommun;titel;sektor;mognad;utvarderad\r\n2024;Lund;Chattbot;medborgarservice;i drift;ja\r\n"
            "2024;Malmö;Bildanalys;miljo;pilot;nej\r\n").encode()
    result = pipeline.commit(pipeline.prepare(data, "i.csv", "initiativ", empty_store), empty_store, uploaded_by="a")
    assert result.version == 1
    evaluated = _value(empty_store, "andel_utvarderade", ar=2024)
    assert (evaluated.numerator, evaluated.denominator) == (1, 2) or evaluated.value is None

    lines = ["kommunkod;kommun;befolkning"] + [
        f"{code};{name};{'10 000' if code == '1281' else '5000'}"
        for code, name in reference.municipalities()[["kommunkod", "name"]].itertuples(index=False)]
    population = ("\r\n".join(lines) + "\r\n").encode()
    prepared = pipeline.prepare(population, "befolkning.csv", "befolkning", empty_store, year=2024)
    assert prepared.ok, prepared.result.problems
    assert [(c.ar, c.typ, c.added) for c in prepared.preview.counts] == [(2024, "befolkning", 290)]
    result = pipeline.commit(prepared, empty_store, uploaded_by="a")
    assert result.version == 2 and empty_store.population_years(2) == [2024]
    frame = empty_store.population(2).set_index("kommunkod")
    assert frame.loc["1281", "population"] == 10000 and frame.loc["1281", "source"] == "Uppladdad tabell (mall)"
    assert empty_store.versions()[-1].action == "population"


def test_report_files_are_neutralised(empty_store):
    import io

    import openpyxl

    data = "ar;typ;kommun\r\n2024;kommun;=HYPERLINK(\"x\")\r\n".encode()
    prepared = pipeline.prepare(data, "x.csv", "enkatsvar", empty_store)
    text = report_csv(prepared.result).decode("utf-8-sig")
    assert text.startswith("Rad;Kolumn;Värde;Allvarlighet;Problem") and "'=HYPERLINK" in text
    sheet = openpyxl.load_workbook(io.BytesIO(report_xlsx(prepared.result))).active
    assert sheet["C2"].value.startswith("'=") and sheet["A2"].value == "2"


def test_guess_kind(empty_store):
    assert pipeline.guess_kind(MESSY, "x.csv") == "enkatsvar"
    assert pipeline.guess_kind(b"ar;kommun;titel;sektor;mognad\n2024;Lund;X;miljo;2\n", "x.csv") == "initiativ"
    assert pipeline.guess_kind(b"kommunkod;ar;befolkning\n0114;2024;5\n", "x.csv") == "befolkning"
    assert pipeline.guess_kind(b'{"values": []}', "x.json") == "befolkning"
