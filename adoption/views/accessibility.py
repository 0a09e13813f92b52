"""Accessibility as data: the level aimed at, the one list of known exceptions, and the statement.

The browser tests run axe-core on every page with :data:`AXE_TAGS` and fail
on any violation not covered by :data:`EXCEPTIONS`; the statement page
(``/tillganglighet``) lists the same exceptions and :data:`KNOWN_GAPS` as its
known gaps. So the statement and the tests cannot disagree: an exception
added here appears on the page, and one Streamlit has fixed fails its own
test (``tests/browser/test_accessibility.py``) until it is removed here.

An exception is allowed only for a rule broken inside Streamlit's own
frontend, which the project cannot change. Everything the project draws
itself must pass.

Contact details come from configuration (:func:`contact_from`), never from
the code: an environment variable or ``[adoption] accessibility_contact`` in
secrets, with a neutral placeholder when neither is set.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from adoption.text import i18n

LEVEL = "WCAG 2.1 AA"
STANDARD = "EN 301 549"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# The date of the last full assessment (automated run on every page and the manual checks
# listed in README); update it when the site is assessed again.
ASSESSED_ON = datetime.date(2026, 11, 29)
COMPLIANCE = "partial"  # "full", "partial" or "none", in DIGG's words (statement.compliance.<code>)

CONTACT_ENV = "ADOPTION_ACCESSIBILITY_CONTACT"
ORGANISATION_ENV = "ADOPTION_ACCESSIBILITY_ORGANISATION"
SECRETS_SECTION = "adoption"
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"


@dataclass(frozen=True)
class AxeException:
    """An axe-core rule that fails inside Streamlit's frontend on the nodes ``selector`` matches.

    ``pages``: the URL paths where the failure shows (its test looks there).
    ``criterion``: the WCAG success criterion, e.g. "4.1.2".
    """

    rule: str
    selector: str
    criterion: str
    pages: tuple[str, ...]
    reason_sv: str
    reason_en: str

    def reason(self, lang: str) -> str:
        return self.reason_en if lang == "en" else self.reason_sv


@dataclass(frozen=True)
class KnownGap:
    """A gap found by hand (no automated rule sees it), with the reason it stays."""

    criterion: str
    text_sv: str
    text_en: str

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_sv


# Rules axe-core reports inside Streamlit 1.67's own frontend. Each needs a reason and is
# checked by a test that it still fails there (so it goes when Streamlit fixes it).
EXCEPTIONS: tuple[AxeException, ...] = ()

KNOWN_GAPS: tuple[KnownGap, ...] = (
    KnownGap(
        "3.1.2",
        "Uppgifter i tabellerna (initiativens titlar och beskrivningar, organisationers namn) är på svenska "
        "även i den engelska versionen och är inte märkta som svenska. Tabellerna ritas av Streamlits "
        "tabellkomponent, som inte kan märka språk per cell.",
        "Data in the tables (initiative titles and descriptions, organisation names) are in Swedish in the "
        "English version too and are not marked as Swedish. The tables are drawn by Streamlit's table "
        "component, which cannot mark the language of a cell.",
    ),
    KnownGap(
        "3.1.1",
        "Sidans språk sätts av sidan själv, en bråkdel av en sekund efter att den första texten visats: "
        "Streamlit skickar samma startsida, märkt som engelska, för alla sidor och språk.",
        "The page's language is set by the page itself, a fraction of a second after the first text "
        "appears: Streamlit sends one start page, marked as English, for every page and language.",
    ),
)


def contact_from(env: Mapping[str, str], secrets: Mapping | None) -> str | None:
    """Where to report a problem: ``ADOPTION_ACCESSIBILITY_CONTACT`` or ``[adoption] accessibility_contact``.

    None when neither is set (the page then shows a neutral placeholder).
    """
    return _configured(env, secrets, CONTACT_ENV, "accessibility_contact")


def organisation_from(env: Mapping[str, str], secrets: Mapping | None) -> str | None:
    """Who publishes the site (``ADOPTION_ACCESSIBILITY_ORGANISATION`` or ``[adoption] accessibility_organisation``)."""
    return _configured(env, secrets, ORGANISATION_ENV, "accessibility_organisation")


def _configured(env: Mapping[str, str], secrets: Mapping | None, env_key: str, secrets_key: str) -> str | None:
    value = env.get(env_key)
    if not value and secrets is not None:
        try:
            section = secrets.get(SECRETS_SECTION) or {}
            value = section.get(secrets_key)
        except Exception:  # noqa: BLE001 - secrets objects raise their own errors
            value = None
    value = str(value).strip() if value else ""
    return value or None


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


def gaps(lang: str) -> list[str]:
    """The known gaps as sentences: every axe exception, then every gap found by hand."""
    out = []
    for exc in EXCEPTIONS:
        out.append(i18n.t("statement.gap_rule", lang).format(criterion=exc.criterion, rule=exc.rule,
                                                               reason=exc.reason(lang)))
    for gap in KNOWN_GAPS:
        out.append(i18n.t("statement.gap_manual", lang).format(criterion=gap.criterion, text=gap.text(lang)))
    return out


def statement(lang: str, *, contact: str | None, organisation: str | None) -> list[Section]:
    """The accessibility statement after DIGG's model, as headed sections of Markdown text."""
    t = lambda key, **values: i18n.t(key, lang).format(**values)  # noqa: E731
    who = organisation or t("statement.organisation_placeholder")
    where = contact or t("statement.contact_placeholder")
    date = ASSESSED_ON.isoformat()
    return [
        Section(t("statement.intro_heading"), (t("statement.intro", organisation=who),)),
        Section(t("statement.compliance_heading"),
                (t(f"statement.compliance.{COMPLIANCE}", level=LEVEL, standard=STANDARD),)),
        Section(t("statement.gaps_heading"), (t("statement.gaps_intro"),), tuple(gaps(lang))),
        Section(t("statement.alternatives_heading"), (t("statement.alternatives"),)),
        Section(t("statement.report_heading"), (t("statement.report", contact=where),)),
        Section(t("statement.supervision_heading"), (t("statement.supervision", url=DIGG_REPORT_URL),)),
        Section(t("statement.testing_heading"),
                (t("statement.testing", tags=", ".join(AXE_TAGS), date=date),)),
    ]


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two opaque colours ("#rrggbb"): 1 to 21."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
