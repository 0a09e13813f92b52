"""Rounds in what pages show and download: the status column and "_prel", the rounds table, the rules,
the headline download's change columns."""

from __future__ import annotations

import pandas as pd

from adoption.metrics.filters import Filter, ViewState
from adoption.store import Store
from adoption.views import about, downloads, overview, rounds
from tests import builders

ROUNDS = {2024: "publicerad", 2025: "publicerad", 2026: "preliminar"}


def test_a_preliminary_year_is_marked_in_the_file_name():
    state = ViewState(Filter(ar=2026))
    assert downloads.download_name("oversikt", state, "csv", year=2026, version=5, metric=None,
                                   preliminary=True) == "oversikt_2026_prel_v5.csv"
    assert downloads.download_stem("oversikt", state, year=2025, version=5, metric=None) == "oversikt_2025_v5"


def test_the_round_column_follows_the_year_of_each_row_or_of_the_table():
    series = pd.DataFrame({"År": [2024, 2026], "Värde (%)": [40.0, 55.0]})
    marked = downloads.with_round(series, ROUNDS, None)
    assert list(marked.columns) == ["År", "Omgång", "Värde (%)"]
    assert marked["Omgång"].tolist() == ["publicerad", "preliminär"]
    one_year = pd.DataFrame({"Namn": ["Stockholms län"], "Värde (%)": [50.0]})
    assert downloads.with_round(one_year, ROUNDS, 2026, "en")["Round"].tolist() == ["preliminary"]
    assert downloads.with_round(one_year, ROUNDS, None) is one_year  # nothing about a year
    english = downloads.with_round(pd.DataFrame({"Year": [2025]}), ROUNDS, None, "en")
    assert english["Round"].tolist() == ["published"]


def test_rounds_table_and_rules(tmp_path, demo_db):
    path = builders.first_answers(demo_db, tmp_path / "svar.csv")
    from adoption import cli

    assert cli.main(["ingest", str(path), "--db", demo_db]) == 0
    store = Store(demo_db)
    table = rounds.rounds_table(store, "sv")
    assert table.iloc[0].tolist() == [2026, "preliminär", "36 av 290 kommuner svarade"]
    assert table.iloc[1].tolist() == [2025, "publicerad", "228 av 290 kommuner svarade"]
    lines = " ".join(rounds.rule_lines("sv"))
    assert "minst 70 % av det större" in lines and "färre än 3 civilsamhällesorganisationer" in lines
    assert "ingen säker förändring" in lines and "Newcombes" in lines
    assert "at least 70% of the larger" in " ".join(rounds.rule_lines("en"))
    status = about.data_status(store)
    assert "Preliminära (ännu inte publicerade) enkätår: 2026." in about.summary_lines(status, "sv")


def test_headline_download_carries_the_change_rule_and_interval(demo_db_template):
    store = Store(demo_db_template)
    headlines = overview.headlines(store, Filter(lan=("14",)), None)
    frame = downloads.headline_table(headlines, "sv").set_index("Måttkod")
    rate = frame.loc["svarsfrekvens"]
    assert rate["Förändring"] < 0 < rate["Förändring, 95 % KI övre"] and rate["Säker förändring"] == "nej"
    assert rate["Jämförelse"] == "alla svarande" and pd.isna(rate["Svarande båda åren"])
