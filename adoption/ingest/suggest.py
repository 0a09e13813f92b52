"""A suggested column for each header of an upload that was not recognised.

A header such as "Varav i drift" or "Har kommunen en AI-strategi?" is compared
(rapidfuzz) with the Swedish and English description of every column of the
format and with a few synonyms people write. A suggestion is only a
pre-selected choice on the upload page: the administrator confirms or changes
it before anything is saved.

Scoring: each text is folded (case, diacritics, punctuation) and compared with
``fuzz.ratio`` (whole-text similarity) and ``fuzz.token_set_ratio`` less
SUBSET_PENALTY (word order and extra words matter little, but a header whose
words are all inside a longer text, "Antal AI-initiativ" inside "Antal
AI-initiativ i drift", must not tie with the text it equals); a column's score
is its best text. A column is suggested when its score is at least
SUGGEST_THRESHOLD and beats every other column by SUGGEST_MARGIN, so an
ambiguous header ("Antal") gets no suggestion. Each column is suggested for at
most one header (the best scoring), never for one the file already holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz

from ..formats import stage_columns
from ..text import i18n
from ..vocab import sectors
from .headers import canonical_columns

SUGGEST_THRESHOLD = 80.0
SUGGEST_MARGIN = 5.0
SUBSET_PENALTY = 10.0

# What people write for a column, besides its description (Swedish and English).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ar": ("år", "enkätår", "årtal", "undersökningsår", "year", "survey year"),
    "typ": ("typ av svarande", "svarande", "respondenttyp", "kommun eller förening", "respondent type"),
    "kommunkod": ("kommunnummer", "kommunnr", "kommun nr", "kommun kod", "kommun id", "kod", "municipality code"),
    "kommun": ("kommunnamn", "kommunens namn", "namn på kommunen", "municipality"),
    "organisation": ("organisationens namn", "föreningens namn", "förening", "organisationsnamn",
                     "organisation name"),
    "organisationsnummer": ("orgnr", "org nr", "organisationsnr", "organisation number"),
    "org_kategori": ("kategori", "organisationstyp", "typ av organisation", "category"),
    "ai_strategi": ("har kommunen en ai strategi", "ai strategi", "strategi för ai", "finns en ai strategi",
                    "ai strategy"),
    "riktlinjer_genai": ("riktlinjer för generativ ai", "riktlinjer genai", "finns riktlinjer för generativ ai",
                         "generativ ai riktlinjer", "genai guidelines"),
    "antal_initiativ": ("antal ai initiativ", "antal initiativ totalt", "ai initiativ", "number of initiatives"),
    "antal_i_drift": ("varav i drift", "antal i drift", "initiativ i drift", "i drift", "in production"),
    "andel_utbildad_personal": ("andel utbildad personal", "utbildad personal", "andel utbildade",
                                "andel personal som utbildats", "trained staff"),
    "ai_budget_tkr": ("budget", "ai budget", "budget tkr", "budget för ai", "ai budget tkr", "budget i tkr"),
    "hinder": ("hinder", "hinder för ai", "utmaningar", "barriärer", "barriers"),
    "deltar_kraftsamling": ("kraftsamling", "deltar i kraftsamling", "med i kraftsamling"),
    "titel": ("titel", "namn på initiativet", "initiativ", "rubrik", "title"),
    "sektor": ("sektor", "verksamhetsområde", "verksamhet", "område", "sector"),
    "mognad": ("mognad", "mognadsnivå", "status", "fas", "stage"),
    "teknik": ("teknik", "ai teknik", "typ av ai", "technique"),
    "beskrivning": ("beskrivning", "kort beskrivning", "description"),
    "nytta": ("nytta", "nyttor", "effekt", "benefits"),
    "utvarderad": ("utvärderad", "har effekten utvärderats", "utvärdering", "evaluated"),
    "samverkan": ("samverkan", "samarbete med", "samverkanskommuner", "partners"),
    "kalla": ("källa", "källhänvisning", "länk", "source"),
}


def fold(text: str) -> str:
    """Lower case, no diacritics, words only: "Har kommunen en AI-strategi?" -> "har kommunen en ai strategi"."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def description(column: str, lang: str = "sv") -> str:
    """What a column of an upload holds, in words: "Mognad: Vård och omsorg", "Antal AI-initiativ i drift"."""
    if column in stage_columns():
        code = column.removeprefix("mognad_")
        return i18n.t("column.mognad_sector", lang).format(sector=i18n.label("sektor", code, lang))
    key = f"column.{column}"
    return i18n.t(key, lang) if i18n.has(key) else column


@cache
def _texts(kind: str) -> dict[str, tuple[str, ...]]:
    """Every folded text a column of ``kind`` is known by (its name, descriptions, synonyms)."""
    stage_words = {s.column: (s.name_sv, s.name_en, f"mognad {s.name_sv}", s.code.replace("_", " "))
                   for s in sectors()}
    out = {}
    for column in canonical_columns(kind):
        words = [column.replace("_", " "), description(column, "sv"), description(column, "en"),
                 *SYNONYMS.get(column, ()), *stage_words.get(column, ())]
        out[column] = tuple(dict.fromkeys(fold(w) for w in words if fold(w)))
    return out


def _score(header: str, texts: Iterable[str]) -> float:
    return max((max(fuzz.token_set_ratio(header, t) - SUBSET_PENALTY, fuzz.ratio(header, t)) for t in texts),
               default=0.0)


def scores(header: str, kind: str) -> dict[str, float]:
    """Every column's score for one header (0-100)."""
    key = fold(header)
    if not key:
        return {}
    return {column: _score(key, texts) for column, texts in _texts(kind).items()}


def suggest(headers: Iterable[str], kind: str, taken: Iterable[str] = ()) -> dict[str, str]:
    """{header: suggested column} for the headers that have a clear best column.

    ``taken``: columns the file already holds (never suggested).
    """
    taken = set(taken)
    candidates = []
    for header in dict.fromkeys(headers):
        ranked = sorted(((s, c) for c, s in scores(header, kind).items() if c not in taken), reverse=True)
        if not ranked:
            continue
        best, column = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        if best >= SUGGEST_THRESHOLD and best - runner_up >= SUGGEST_MARGIN:
            candidates.append((best, header, column))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _score_, header, column in sorted(candidates, key=lambda x: -x[0]):
        if column not in used:
            out[header] = column
            used.add(column)
    return out
