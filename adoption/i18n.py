"""Interface strings in Swedish and English, and labels for codes.

Values in URLs, widgets and the database are language-neutral codes; this
module turns them into words. Swedish is the primary language: a string
missing in English falls back to Swedish. An unknown *key* is a programming
error and raises ``KeyError`` (the tests run every key), so a typo cannot slip
through as an empty label.

Names of counties and municipalities are proper nouns and are not translated.
"""

from __future__ import annotations

from . import vocab

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"

TEXTS: dict[str, dict[str, str]] = {
    # application and pages
    "app.title": {"sv": "AI i kommuner och civilsamhälle", "en": "AI in municipalities and civil society"},
    "page.oversikt": {"sv": "Översikt", "en": "Overview"},
    "page.karta": {"sv": "Karta", "en": "Map"},
    "page.sektorer": {"sv": "Sektorer", "en": "Sectors"},
    "page.mal": {"sv": "Mål", "en": "Goals"},
    "page.kommun": {"sv": "Kommun", "en": "Municipality"},
    "page.civilsamhalle": {"sv": "Civilsamhälle", "en": "Civil society"},
    "page.initiativ": {"sv": "Initiativ", "en": "Initiatives"},
    "page.om_data": {"sv": "Om data", "en": "About the data"},
    "banner.demo": {
        "sv": "Demodata: siffrorna är påhittade och visar bara hur instrumentpanelen fungerar.",
        "en": "Demo data: the figures are made up and only show how the dashboard works.",
    },
    # missing and hidden values
    "value.no_answer": {"sv": "inget svar", "en": "no answer"},
    "value.not_applicable": {"sv": "ej tillämplig", "en": "not applicable"},
    "value.too_few": {"sv": "för få svar", "en": "too few answers"},
    # filter labels
    "filter.ar": {"sv": "År", "en": "Year"},
    "filter.lan": {"sv": "Län", "en": "County"},
    "filter.kommun": {"sv": "Kommun", "en": "Municipality"},
    "filter.sektor": {"sv": "Sektor", "en": "Sector"},
    "filter.typ": {"sv": "Typ", "en": "Kind"},
    "filter.matt": {"sv": "Mått", "en": "Metric"},
    "filter.niva": {"sv": "Nivå", "en": "Level"},
    "filter.lang": {"sv": "Språk", "en": "Language"},
    "filter.v": {"sv": "Dataversion", "en": "Data version"},
    "filter.all": {"sv": "Alla", "en": "All"},
    "filter.latest_year": {"sv": "Senaste året", "en": "Latest year"},
    "filter.current_version": {"sv": "Aktuell version", "en": "Current version"},
    # options that are not in a vocabulary file
    "niva.kommun": {"sv": "Kommun", "en": "Municipality"},
    "niva.lan": {"sv": "Län", "en": "County"},
    "lang.sv": {"sv": "Svenska", "en": "Swedish"},
    "lang.en": {"sv": "Engelska", "en": "English"},
    # notices about URL values that were dropped ({key} and {value} are filled in)
    "notice.heading": {
        "sv": "Några värden i länken kunde inte användas och har tagits bort:",
        "en": "Some values in the link could not be used and were removed:",
    },
    "notice.empty": {
        "sv": "Tomt värde för ”{key}” ignorerades.",
        "en": "Empty value for “{key}” was ignored.",
    },
    "notice.format": {
        "sv": "”{value}” är inget giltigt värde för ”{key}” och ignorerades.",
        "en": "“{value}” is not a valid value for “{key}” and was ignored.",
    },
    "notice.unknown": {
        "sv": "Okänd kod ”{value}” för ”{key}” ignorerades.",
        "en": "Unknown code “{value}” for “{key}” was ignored.",
    },
    "notice.no_data": {
        "sv": "Det finns inga data för år ”{value}”; ”{key}” ignorerades.",
        "en": "There are no data for year “{value}”; “{key}” was ignored.",
    },
    "notice.repeated": {
        "sv": "”{key}” fanns flera gånger i länken; bara det sista värdet används, ”{value}” ignorerades.",
        "en": "“{key}” appeared several times in the link; only the last value is used, “{value}” was ignored.",
    },
    "notice.kommun_not_in_lan": {
        "sv": "Kommunen ”{value}” ligger inte i valt län; ”{key}” ignorerades.",
        "en": "Municipality “{value}” is not in the chosen county; “{key}” was ignored.",
    },
    "notice.more": {
        "sv": "Ytterligare {value} ogiltiga värden i länken ignorerades.",
        "en": "{value} more invalid values in the link were ignored.",
    },
    "notice.pinned": {
        "sv": "Länken visar dataversion {version}, som den såg ut när länken delades. Senaste version är {current}.",
        "en": "This link shows data version {version}, as it was when the link was shared. The latest version is {current}.",
    },
    "notice.pinned_latest": {"sv": "Visa senaste data", "en": "Show the latest data"},
    "filter.typ_default": {"sv": "Kommuner (standard)", "en": "Municipalities (default)"},
    "overview.headlines": {"sv": "Nyckeltal {year}", "en": "Key figures {year}"},
    "headline.change_pp": {"sv": "{change} procentenheter sedan {year}", "en": "{change} percentage points since {year}"},
    "headline.change": {"sv": "{change} sedan {year}", "en": "{change} since {year}"},
    "headline.no_value": {"sv": "Inget värde för urvalet.", "en": "No value for this selection."},
    "headline.base_response": {"sv": "{numerator} av {denominator} kommuner svarade", "en": "{numerator} of {denominator} municipalities answered"},
    "headline.base": {"sv": "{numerator} av {denominator} svarande", "en": "{numerator} of {denominator} respondents"},
    "headline.base_civil": {"sv": "{numerator} av {denominator} organisationer", "en": "{numerator} of {denominator} organisations"},
    "headline.base_initiatives": {"sv": "{numerator} av {denominator} initiativ", "en": "{numerator} of {denominator} initiatives"},
    "headline.base_n": {"sv": "{n} svarande", "en": "{n} respondents"},
    "status.no_data": {
        "sv": "Databasen har inga enkätsvar ännu. Kör: python -m adoption init",
        "en": "The database has no survey responses yet. Run: python -m adoption init",
    },
    "status.no_year": {"sv": "Det finns inga enkätsvar för år {ar}.", "en": "There are no survey responses for {ar}."},
    "status.only_municipalities": {"sv": "Måttet finns bara för kommuner.", "en": "This metric exists for municipalities only."},
    "status.needs_population": {
        "sv": "Ingen befolkningsdata är inläst, så måttet kan inte beräknas. Importera SCB:s tabell BE0101N1 "
              "eller Koladas N01951 med: python -m adoption import-population FIL",
        "en": "No population data is loaded, so this metric cannot be computed. Import SCB's table BE0101N1 "
              "or Kolada's N01951 with: python -m adoption import-population FILE",
    },
    "status.no_answer": {"sv": "Inga svar för urvalet.", "en": "No answers for this selection."},
    "status.not_applicable": {
        "sv": "Ej tillämplig: verksamheten bedrivs inte av de svarande (”.” i enkäten).",
        "en": "Not applicable: the respondents do not run this activity ('.' in the survey).",
    },
    "status.too_few": {"sv": "För få svar (färre än 3 organisationer).", "en": "Too few answers (fewer than 3 organisations)."},
    # -- karta (page texts go below this line) --
    # -- mal (page texts go below this line) --
    # -- sektorer (page texts go below this line) --
    # -- civilsamhalle (page texts go below this line) --
    # -- kommun (page texts go below this line) --
    # -- initiativ (page texts go below this line) --
    # -- om (page texts go below this line) --
    # -- nedladdning (page texts go below this line) --
    # -- ladda_upp (page texts go below this line) --
    "share.button": {"sv": "Dela", "en": "Share"},
    "share.help": {
        "sv": "Länken låser år och dataversion, så att den visar samma sak även när ny data laddats upp.",
        "en": "The link fixes the year and data version, so it shows the same thing after new data is uploaded.",
    },
    "empty.no_data": {
        "sv": "Det finns inga enkätsvar i databasen ännu. En administratör kan läsa in data på sidan "
              "Ladda upp eller med kommandot `python -m adoption init` (demodata) eller "
              "`python -m adoption ingest FIL`.",
        "en": "There are no survey responses in the database yet. An administrator can load data on the "
              "Upload page or with `python -m adoption init` (demo data) or `python -m adoption ingest FILE`.",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """The interface string ``key`` in ``lang`` (Swedish when missing). Unknown key: KeyError."""
    entry = TEXTS[key]
    return entry.get(_lang(lang)) or entry[DEFAULT_LANG]


# Names callers may use for the vocabularies that do not live in vocabularies.csv.
_SECTOR = ("sektor", "sector", "sectors")
_STAGE = ("mognad", "stage", "stages")


def label(vocabulary: str, code, lang: str = DEFAULT_LANG) -> str:
    """The label of ``code`` in a vocabulary: sectors, stages (code or value) or data/vocabularies.csv.

    An unknown vocabulary raises ``KeyError``; an unknown code is returned as
    it is (data are validated on the way in, and a label must not crash a page).
    """
    en = _lang(lang) == "en"
    if vocabulary in _SECTOR:
        for s in vocab.sectors():
            if s.code == code:
                return s.name_en if en and s.name_en else s.name_sv
        return str(code)
    if vocabulary in _STAGE:
        for st in vocab.stages():
            if st.code == code or st.value == code or (isinstance(code, str) and code == str(st.value)):
                return st.name_en if en and st.name_en else st.name_sv
        if code == vocab.NOT_APPLICABLE or code == vocab.NOT_APPLICABLE_TEXT:
            return t("value.not_applicable", lang)
        return str(code)
    if vocabulary == "niva":
        return t(f"niva.{code}", lang) if f"niva.{code}" in TEXTS else str(code)
    if vocabulary == "lang":
        return t(f"lang.{code}", lang) if f"lang.{code}" in TEXTS else str(code)
    for term in vocab.terms(vocabulary):  # KeyError for an unknown vocabulary
        if term.code == code:
            return term.label_en if en and term.label_en else term.label_sv
    return str(code)


def metric_label(metric_id: str, lang: str = DEFAULT_LANG) -> str:
    """The name of a metric of the registry. Unknown metric: KeyError."""
    from .metrics import REGISTRY  # late: metrics imports filters, which imports this module

    return REGISTRY[metric_id].label(_lang(lang))
