"""A profile's initiatives link opens what it promises, and the catalogue counts the sidebar's selection.

The profile lists a municipality's initiatives of every year; its link used to
open the catalogue on the latest year only ("Visar 0 av 476 initiativ 2025"),
and the catalogue counted against the national total of the year even with
a county chosen.
"""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs

import pytest

from adoption.metrics.filters import ALL_YEARS
from adoption.ui import view

from ..builders import add_survey, initiative, response
from .conftest import no_exceptions, open_page


@pytest.fixture
def db(empty_db_template, tmp_path) -> str:
    """Göteborg (1480, Västra Götaland) reported initiatives in 2023 and 2024, none in the latest year 2025;
    Borås (1490, Västra Götaland) and Stockholm (0180) report in 2025."""
    from adoption.store import Store

    path = tmp_path / "links.duckdb"
    shutil.copy(empty_db_template, path)
    rows = [response(ar=year, kommunkod=code, utbildning=2) for year in (2023, 2024, 2025)
            for code in ("1480", "1490", "0180")]
    initiatives = [
        initiative(ar=2023, kommunkod="1480", titel="Skolchatt", sektor="utbildning", mognad=2, teknik="chattbot"),
        initiative(ar=2024, kommunkod="1480", titel="Bildanalys av gator", sektor="kollektivtrafik", mognad=3,
                   teknik="bildanalys"),
        initiative(ar=2024, kommunkod="1480", titel="Läxhjälp", sektor="utbildning", mognad=3, teknik="chattbot"),
        initiative(ar=2025, kommunkod="1490", titel="Elevbot", sektor="utbildning", mognad=3, teknik="chattbot"),
        initiative(ar=2025, kommunkod="1490", titel="Prognos", sektor="utbildning", mognad=2, teknik="prediktion"),
        initiative(ar=2025, kommunkod="0180", titel="Kontaktcenter", sektor="administration", mognad=3,
                   teknik="sprak_genai"),
    ]
    add_survey(Store(path), rows, initiatives)
    return str(path)


def _markdown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_the_profile_link_opens_every_year_of_the_municipality(db, monkeypatch):
    profile = open_page(db, monkeypatch, "pages/kommun.py", kommun="1480")
    no_exceptions(profile)
    assert any(c.value == "3 initiativ rapporterade av kommunen (alla år)." for c in profile.caption)
    [link] = [p for p in profile.get("page_link") if p.proto.label == "Öppna i initiativkatalogen"]
    query = parse_qs(link.proto.query_string)
    assert link.proto.page == "initiativ" and query == {"ar": [ALL_YEARS], "kommun": ["1480"]}

    at = open_page(db, monkeypatch, "pages/initiativ.py", **{k: v[-1] for k, v in query.items()})
    no_exceptions(at)
    table = at.dataframe[0].value
    assert sorted(table["Titel"]) == ["Bildanalys av gator", "Läxhjälp", "Skolchatt"]
    assert sorted(set(table["År"])) == [2023, 2024]
    assert "Visar 3 av 3 initiativ i urvalet (alla år)." in _markdown(at)
    assert at.sidebar.selectbox(key=view.WIDGET_PREFIX + "ar").value == ALL_YEARS
    assert at.query_params["ar"] in (ALL_YEARS, [ALL_YEARS])  # the link stays shareable
    # a figure is of one year: the registry's share evaluated names the latest
    assert any("för urvalet i sidofältet 2025:" in c.value for c in at.caption)


def test_all_years_is_an_option_of_the_catalogue_only(db, monkeypatch):
    at = open_page(db, monkeypatch, "pages/initiativ.py")
    options = at.sidebar.selectbox(key=view.WIDGET_PREFIX + "ar").options
    assert options[:2] == ["Senaste året (2025)", "Alla år"]
    at.sidebar.selectbox(key=view.WIDGET_PREFIX + "ar").set_value(ALL_YEARS).run()
    no_exceptions(at)
    assert "Visar 6 av 6 initiativ i urvalet (alla år)." in _markdown(at)
    # a page of figures takes "alla" as the latest year, without offering it
    overview = open_page(db, monkeypatch, "pages/oversikt.py", ar=ALL_YEARS)
    no_exceptions(overview)
    assert "Alla år" not in overview.sidebar.selectbox(key=view.WIDGET_PREFIX + "ar").options
    assert overview.sidebar.selectbox(key=view.WIDGET_PREFIX + "ar").value == view.ANY


def test_the_count_is_of_the_selection_not_the_country(db, monkeypatch):
    at = open_page(db, monkeypatch, "pages/initiativ.py", lan="14", ar="2025")
    no_exceptions(at)
    assert "Visar 2 av 2 initiativ i urvalet (2025)." in _markdown(at)  # not "av 3", the country's 2025
    at.text_input(key="initiativ_text").input("prognos").run()
    no_exceptions(at)
    assert "Visar 1 av 2 initiativ i urvalet (2025)." in _markdown(at)
    english = open_page(db, monkeypatch, "pages/initiativ.py", lan="14", ar="2025", lang="en")
    assert "Showing 2 of 2 initiatives in the selection (2025)." in _markdown(english)


def test_every_year_in_the_url_round_trips_and_means_the_latest_for_a_figure():
    from adoption.metrics.filters import Known, from_query, to_query
    from adoption.metrics.years import chosen_year

    state, notices = from_query({"ar": ["alla"], "kommun": ["1480"]}, known=Known(years=(2024, 2025),
                                                                                  kommun={"1480": "14"}))
    assert notices == [] and state.filter.ar == ALL_YEARS and state.filter.kommun == "1480"
    assert to_query(state) == {"ar": ["alla"], "kommun": ["1480"]}
    assert chosen_year((2024, 2025), ALL_YEARS) == 2025 and chosen_year((), ALL_YEARS) is None
