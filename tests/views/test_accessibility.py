"""The accessibility statement's content, its configurable contact, the colours' contrast,
and the charts' text alternatives (real registry results on the demo database)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from adoption.metrics.filters import Filter
from adoption.store import Store
from adoption.text import i18n
from adoption.ui import accessibility as ui_accessibility
from adoption.ui import charts
from adoption.views import accessibility, alternatives, goals, mapping, profile, sectors
from adoption.views.accessibility import contrast

ROOT = Path(__file__).resolve().parents[2]


# -- the statement -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_statement_follows_diggs_model(lang):
    sections = accessibility.statement(lang, contact=None, organisation=None)
    headings = [s.heading for s in sections]
    for key in ("statement.compliance_heading", "statement.gaps_heading", "statement.report_heading",
                "statement.supervision_heading", "statement.testing_heading"):
        assert i18n.t(key, lang) in headings
    text = "\n".join(p for s in sections for p in (*s.paragraphs, *s.items))
    assert "Digg" in text and accessibility.DIGG_REPORT_URL in text
    assert accessibility.LEVEL in text and accessibility.STANDARD in text
    assert accessibility.ASSESSED_ON.isoformat() in text
    assert "wcag21aa" in text
    assert i18n.t("statement.contact_placeholder", lang) in text  # nothing configured: a neutral placeholder
    assert i18n.t("statement.organisation_placeholder", lang) in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_known_gaps_come_from_the_exception_list_the_tests_use(lang, monkeypatch):
    exception = accessibility.AxeException("aria-required-children", "div.x", "1.3.1", ("/",),
                                           "Skälet på svenska.", "The reason in English.")
    monkeypatch.setattr(accessibility, "EXCEPTIONS", (exception,))
    sections = accessibility.statement(lang, contact=None, organisation=None)
    gaps = next(s for s in sections if s.heading == i18n.t("statement.gaps_heading", lang)).items
    assert len(gaps) == 1 + len(accessibility.KNOWN_GAPS)
    assert "aria-required-children" in gaps[0] and exception.reason(lang) in gaps[0] and "1.3.1" in gaps[0]
    for gap, known in zip(gaps[1:], accessibility.KNOWN_GAPS):
        assert known.text(lang) in gap


def test_contact_and_organisation_come_from_the_environment_or_secrets():
    assert accessibility.contact_from({}, None) is None
    assert accessibility.contact_from({}, {"adoption": {"accessibility_contact": "  "}}) is None
    secrets = {"adoption": {"accessibility_contact": "https://example.se/kontakt",
                            "accessibility_organisation": "Exempelkommunen"}}
    assert accessibility.contact_from({}, secrets) == "https://example.se/kontakt"
    assert accessibility.organisation_from({}, secrets) == "Exempelkommunen"
    env = {accessibility.CONTACT_ENV: "tillganglighet@example.se"}
    assert accessibility.contact_from(env, secrets) == "tillganglighet@example.se"  # the environment wins
    sections = accessibility.statement("sv", contact="tillganglighet@example.se", organisation="Exempelkommunen")
    text = "\n".join(p for s in sections for p in s.paragraphs)
    assert "tillganglighet@example.se" in text and "Exempelkommunen står bakom" in text


def test_no_e_mail_address_in_the_statement_code():
    """The contact is configuration; an address written into the code would end up on every deployment."""
    address = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    sources = ("adoption/views/accessibility.py", "adoption/ui/accessibility.py", "pages/tillganglighet.py",
               "adoption/text/i18n.py")
    for path in (ROOT / source for source in sources):
        found = [a for a in address.findall(path.read_text(encoding="utf-8"))
                 if a.split("@")[1] not in ("example.se", "example.org", "example.com", "exempel.se")]
        assert found == [], f"{path.relative_to(ROOT)}: {found}"


# -- contrast ------------------------------------------------------------------------


def test_contrast_ratio_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_text_colours_reach_4_5_to_1():
    assert contrast(charts.CHART_TEXT) >= 4.5
    tooltip = mapping.TOOLTIP_COLOURS
    assert contrast(tooltip["color"], tooltip["backgroundColor"]) >= 4.5
    # Captions: the light theme's body text (#2f2d2b) at the caption opacity, on white.
    body, alpha = (0x2F, 0x2D, 0x2B), ui_accessibility.CAPTION_OPACITY
    blended = "#" + "".join(f"{round(alpha * c + (1 - alpha) * 255):02x}" for c in body)
    assert contrast(blended) >= 4.5


def test_graphics_reach_3_to_1():
    """Lines, markers, bar outlines, axes and the focus ring against the white page (WCAG 1.4.11)."""
    colours = [*profile.TREND_COLOURS, *goals.SERIES_COLOURS.values(), ui_accessibility.FOCUS_COLOUR,
               charts._TEXT_CONFIG["bar"]["stroke"], charts._TEXT_CONFIG["axis"]["domainColor"]]
    for colour in colours:
        assert contrast(colour) >= 3.0, colour
    assert contrast(ui_accessibility.FOCUS_COLOUR, "#f0f2f6") >= 3.0  # on the sidebar too
    # Every bar has the dark outline, so a light fill (the previous year, the top stage) still shows.
    for fill in (*sectors.YEAR_COLOURS, *sectors.STAGE_COLOURS):
        assert max(contrast(fill), contrast(charts._TEXT_CONFIG["bar"]["stroke"])) >= 3.0


def test_chart_specification_gets_readable_text_and_keeps_its_own_config():
    spec = {"mark": "bar", "config": {"axis": {"labelColor": "#000000"}}}
    readable = charts.readable(spec)
    assert readable["config"]["axis"]["labelColor"] == "#000000"  # the chart's own choice stays
    assert readable["config"]["legend"]["labelColor"] == charts.CHART_TEXT
    assert readable["config"]["bar"]["stroke"] == charts.CHART_TEXT
    assert spec == {"mark": "bar", "config": {"axis": {"labelColor": "#000000"}}}  # the cached one is untouched


# -- text alternatives of the charts -------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_db_template):
    return Store(demo_db_template)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_stage_summary_names_the_highest_and_lowest_sector(demo, lang):
    rows = sectors.stage_rows(demo, Filter(ar=2025))
    text = alternatives.stage_summary(rows, lang)
    ok = rows[(rows["status"] == "ok") & (rows["ar"] == 2025) & (rows["mognad"].astype(int) >= 3)]
    shares = ok.groupby("sektor")["value"].sum()
    high, low = shares.idxmax(), shares.idxmin()
    assert text.startswith("2025")
    assert i18n.label("sektor", high, lang) in text and i18n.label("sektor", low, lang) in text
    assert "2024" in text  # the comparison with the previous survey
    assert alternatives.stage_summary(rows.iloc[0:0], lang) is None


def test_barrier_summary_names_the_most_and_least_named(demo):
    rows = sectors.barrier_rows(demo, Filter(ar=2025))
    text = alternatives.barrier_summary(rows, 2025, 2024, "sv")
    now = rows[(rows["ar"] == 2025) & (rows["status"] == "ok")].sort_values("value")
    assert i18n.label("hinder", now.iloc[-1]["hinder"], "sv") in text
    assert i18n.label("hinder", now.iloc[0]["hinder"], "sv") in text
    assert "2024" in text


def test_goal_summary_states_latest_target_and_projection(demo):
    from adoption.metrics import goals as goal_metrics

    progress = goal_metrics.goal_progress(demo, demo.goals())[0]
    text = alternatives.goal_summary(progress, "sv")
    year, value = progress.observed[-1]
    assert goals.value_text(value, progress.unit, "sv") in text and str(year) in text
    assert goals.target_text(progress, "sv") in text and str(progress.target_year) in text


def test_trend_summary_and_chart():
    chart = pd.DataFrame({"Ale": [10.0, 12.5], "Västra Götalands län": [20.0, 18.0], "Hela riket": [15.0, None]},
                         index=pd.Index(["2024", "2025"], name="År"))
    text = alternatives.trend_summary(chart, "sv")
    assert text.startswith("2025: högst Västra Götalands län (18,0), lägst Ale (12,5).")
    assert "Ale: 10,0 2024, 12,5 2025." in text and "Hela riket: 15,0 2024." in text
    spec = profile.trend_chart(chart, "Mognadsindex", "sv").to_dict()
    assert spec["layer"][1]["mark"]["type"] == "point"  # markers with their own shape, not colour alone
    assert alternatives.trend_summary(chart.iloc[0:0], "sv") is None
