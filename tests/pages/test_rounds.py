"""Survey rounds on the pages (issue 12): the first batch of a new round changes nothing by default,
``ar=2026`` shows it with a banner, publishing switches the default on the next rerun; every card's
change follows the printed rule, and a fall is drawn as a fall (issue 16, item 1)."""

from __future__ import annotations

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from adoption import cli
from adoption.views import overview
from tests import builders

from .conftest import no_exceptions, open_page

BANNER_SV = "Preliminära siffror: 36 av 290 kommuner har svarat hittills"
BANNER_EN = "Preliminary figures: 36 of 290 municipalities have answered so far"


def _cards(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def _warnings(at) -> str:
    return " ".join(w.value for w in at.warning)


def _goal_lines(at) -> str:
    return next(m.value for m in at.markdown if "M1" in m.value)


@pytest.fixture
def new_round(demo_db, tmp_path, capsys) -> str:
    """The demo database after the first 36 municipal answers of 2026 were loaded with ``ingest``."""
    path = builders.first_answers(demo_db, tmp_path / "svar_2026_forsta.csv")
    assert cli.main(["ingest", str(path), "--db", demo_db]) == 0
    assert "Enkätår 2026 är nytt och preliminärt" in capsys.readouterr().out
    return demo_db


def test_the_issue_scenario(demo_db, tmp_path, monkeypatch, capsys):
    before = open_page(demo_db, monkeypatch)
    cards_2025, goals_2025 = _cards(before), _goal_lines(before)

    path = builders.first_answers(demo_db, tmp_path / "svar_2026_forsta.csv")
    assert cli.main(["ingest", str(path), "--db", demo_db]) == 0

    # The default view still shows 2025 with its figures, and the goals did not move.
    at = open_page(demo_db, monkeypatch)
    no_exceptions(at)
    assert at.subheader[0].value == "Nyckeltal 2025"
    assert _cards(at) == cards_2025 and _goal_lines(at) == goals_2025
    assert "Preliminära" not in _warnings(at)
    year = at.sidebar.selectbox[0]
    assert year.options[:3] == ["Senaste året (2025)", "2026 (preliminärt)", "2025"]

    # Chosen explicitly, 2026 is shown with its banner; its response rate has no change against 2025.
    at = open_page(demo_db, monkeypatch, ar="2026")
    no_exceptions(at)
    assert at.subheader[0].value == "Nyckeltal 2026" and BANNER_SV in _warnings(at)
    value, delta = _cards(at)["Svarsfrekvens"]
    assert value == "12,4 %" and delta == "ingen jämförelse med 2025"
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Underlagen skiljer för mycket (36 mot 228)") for c in captions)
    assert _cards(at)["Andel med AI i drift"][1] == "ingen säker förändring sedan 2025"
    assert any(c.startswith("Bland de 36 som svarat båda åren; skattning ") for c in captions)
    english = open_page(demo_db, monkeypatch, ar="2026", lang="en")
    assert BANNER_EN in _warnings(english)
    assert "2026 (preliminary)" in english.sidebar.selectbox[0].options

    # After publishing, the default switches.
    assert cli.main(["publicera-ar", "2026", "--db", demo_db]) == 0
    at = open_page(demo_db, monkeypatch)
    assert at.subheader[0].value == "Nyckeltal 2026" and "Preliminära" not in _warnings(at)
    assert at.sidebar.selectbox[0].options[:2] == ["Senaste året (2026)", "2026"]


def test_publishing_while_the_app_runs_takes_effect_on_the_next_rerun(new_round, monkeypatch):
    at = open_page(new_round, monkeypatch)
    assert at.subheader[0].value == "Nyckeltal 2025"
    assert cli.main(["publicera-ar", "2026", "--db", new_round, "--av", "anna"]) == 0
    at.run()  # the same session, its next rerun
    no_exceptions(at)
    assert at.subheader[0].value == "Nyckeltal 2026"
    assert cli.main(["avpublicera-ar", "2026", "--db", new_round]) == 0
    at.run()
    assert at.subheader[0].value == "Nyckeltal 2025"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_fall_is_drawn_down_and_red_on_every_card(tmp_path, monkeypatch, lang):
    builders.falling_store(tmp_path / "fall.duckdb")
    at = open_page(str(tmp_path / "fall.duckdb"), monkeypatch, lang=lang)
    no_exceptions(at)
    assert len(at.metric) == len(overview.HEADLINE_METRICS)
    for card in at.metric:
        assert card.proto.delta.startswith("−"), (card.label, card.proto.delta)
        assert card.proto.direction == MetricProto.MetricDirection.DOWN, card.label
        assert card.proto.color == MetricProto.MetricColor.RED, card.label


def test_an_uncertain_change_has_no_arrow_and_no_colour(demo_db_template, monkeypatch):
    # Västra Götaland's response rate 2025 against 2024: 39 and 41 of 49 answered, -4.1 points (issue 16).
    at = open_page(demo_db_template, monkeypatch, lan="14")
    card = next(m for m in at.metric if m.label == "Svarsfrekvens")
    assert card.proto.delta == "ingen säker förändring sedan 2024"
    assert any(c.value.startswith("Skattning −4,1 procentenheter, 95 % KI −19,4 till +11,4") for c in at.caption)
    assert card.proto.direction == MetricProto.MetricDirection.NONE
    assert card.proto.color == MetricProto.MetricColor.GRAY


def test_the_profile_trend_shows_a_preliminary_year_only_when_chosen(new_round, monkeypatch):
    def trend_years(at) -> set[str]:
        table = next(d.value for d in at.dataframe if {"År", "Område"} <= set(d.value.columns))
        return set(table["År"])

    at = open_page(new_round, monkeypatch, "pages/kommun.py", kommun="0114")
    no_exceptions(at)
    assert trend_years(at) == {"2022", "2023", "2024", "2025"}
    at = open_page(new_round, monkeypatch, "pages/kommun.py", kommun="0114", ar="2026")
    assert "2026" in trend_years(at) and BANNER_SV in _warnings(at)


def test_the_map_and_om_data_say_which_round_they_show(new_round, monkeypatch):
    from tests.pages.test_karta import _features, _texts, open_karta

    at = open_karta(new_round, monkeypatch, ar="2026", niva="lan", matt="andel_ai_i_drift")
    no_exceptions(at)
    assert "Preliminära siffror: 36 av 290 kommuner har svarat hittills" in _texts(at.markdown)
    valued = [f for f in _features(at).values() if f["v"] != "inget svar"]
    assert valued and all(f["b"].endswith("preliminära siffror") for f in valued)
    table = at.dataframe[0].value
    # every value is preliminary (a small base adds its own note before it)
    assert all(note.endswith("preliminära siffror") for note in table.loc[table["Andel"].notna(), "Anmärkning"])

    om = open_page(new_round, monkeypatch, "pages/om.py")
    no_exceptions(om)
    text = _texts(om.markdown)
    assert "ingen säker förändring" in text and "minst 70 % av det större" in text
    rounds = next(d.value for d in om.dataframe if "Omgång" in d.value.columns)
    assert rounds.iloc[0].tolist() == [2026, "preliminär", "36 av 290 kommuner svarade"]
