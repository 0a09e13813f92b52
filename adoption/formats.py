"""The kinds of upload, and the two survey formats (data-formats.md sections 5 and 6) as column lists.

One place defines the column names and their order: the exporter writes them,
the demo generator produces frames with them, and the uploader expects them.

Canonical frames (what the store loads and what the exporter reads back) use
these columns with Python values already parsed:

survey responses (one row per organisation and year)
    ar int; typ "kommun"|"civilsamhalle"; kommunkod 4-digit str;
    organisation, organisationsnummer, org_kategori: str or None;
    ai_strategi 0|1|2 or None (nej/pagar/ja); riktlinjer_genai,
    deltar_kraftsamling: bool or None; antal_initiativ, antal_i_drift: int or
    None; andel_utbildad_personal (0-100), ai_budget_tkr: float or None;
    hinder: tuple of codes, or None for no answer;
    mognad_<sector>: 0-4, NOT_APPLICABLE (-1) for ".", None for no answer.

initiatives (one row per initiative)
    ar int; kommunkod str; organisation str or None (set: a civil-society
    organisation's initiative); titel str; sektor code; mognad 1-4;
    teknik code or None; beskrivning, kalla: str or None;
    nytta, samverkan: tuple of codes or None; utvarderad bool or None.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import sectors

SURVEY_BASE_COLUMNS = (
    "ar",
    "typ",
    "kommunkod",
    "kommun",
    "organisation",
    "organisationsnummer",
    "org_kategori",
    "ai_strategi",
    "riktlinjer_genai",
    "antal_initiativ",
    "antal_i_drift",
    "andel_utbildad_personal",
    "ai_budget_tkr",
    "hinder",
    "deltar_kraftsamling",
)

INITIATIVE_COLUMNS = (
    "ar",
    "kommunkod",
    "kommun",
    "organisation",
    "titel",
    "sektor",
    "mognad",
    "teknik",
    "beskrivning",
    "nytta",
    "utvarderad",
    "samverkan",
    "kalla",
)


def stage_columns() -> tuple[str, ...]:
    return tuple(s.column for s in sectors())


def survey_columns() -> tuple[str, ...]:
    """Columns of an enkätsvar file, in the order the exporter writes them."""
    return SURVEY_BASE_COLUMNS + stage_columns()


# Columns that hold free text typed by people: these are the ones an export
# neutralises against spreadsheet formulas.
FREE_TEXT_COLUMNS = frozenset({"kommun", "organisation", "titel", "beskrivning", "kalla"})


# -- kinds of upload --------------------------------------------------------------


@dataclass(frozen=True)
class UploadKind:
    """One kind of file an administrator uploads: its code (a data word, as in
    ``--kind`` and the history) and its names (sheet names, headings, messages)."""

    code: str
    name_sv: str
    name_en: str
    # Validated by adoption.ingest.validate and exported in the same format;
    # population and municipality groups have formats of their own.
    survey: bool


UPLOAD_KINDS = (
    UploadKind("enkatsvar", "Enkätsvar", "Survey responses", survey=True),
    UploadKind("initiativ", "Initiativ", "Initiatives", survey=True),
    UploadKind("befolkning", "Befolkning", "Population", survey=False),
    # SKR's kommungruppsindelning: reference data, one group per municipality (adoption.ingest.groups_upload).
    UploadKind("kommungrupper", "Kommungrupper", "Municipality groups", survey=False),
)
KINDS = tuple(k.code for k in UPLOAD_KINDS)
SURVEY_KINDS = tuple(k.code for k in UPLOAD_KINDS if k.survey)


def upload_kind(code: str) -> UploadKind:
    """The kind with this code; ``KeyError`` for an unknown one (callers check ``KINDS`` first)."""
    for kind in UPLOAD_KINDS:
        if kind.code == code:
            return kind
    raise KeyError(code)


def kind_name(code: str, lang: str = "sv") -> str:
    """"Enkätsvar" / "Survey responses"."""
    kind = upload_kind(code)
    return kind.name_en if lang == "en" else kind.name_sv
