"""Interface texts in Swedish and English, and labels for codes.

The texts live in standard gettext catalogues, one per language:
``locale/<lang>/LC_MESSAGES/messages.po``. The msgid is a key, the msgstr the
text, so translators can use ordinary tools (Poedit, Weblate). A catalogue is
read with Babel the first time its language is asked for (a few milliseconds)
and kept; there is no compiled .mo file to build or to go stale.

Keys are ``area.name`` or ``area.kind.name``: lowercase words joined by
underscores inside a part, parts joined by dots. The area is a page
(``karta``, ``ladda_upp``) or a shared area (``common`` for words used in
several places, ``filter`` for the names of the URL filters, ``value`` for the
status words, ``unit``, ``status``, ...). Texts picked by a code form a family
``area.kind.<code>`` (``value.no_answer``, ``kommun.kind.lan``).

Values in URLs, widgets and the database are language-neutral codes; this
module turns them into words. Swedish is the primary language: a text missing
in English falls back to Swedish. An unknown *key* is a programming error and
raises ``KeyError`` (tests/text/test_catalogues.py checks every key against the
code), so a typo cannot slip through as an empty label. A text with plural
forms is read with :func:`tn`, which picks the form for a count.

Names of counties and municipalities are proper nouns and are not translated.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from adoption import vocab
from adoption.text import formatting
from adoption.text.languages import DEFAULT_LANG, LANGS

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"


@dataclass(frozen=True)
class Catalogue:
    """One language's texts as read from its .po file."""

    lang: str
    texts: Mapping[str, str]  # key -> text
    plurals: Mapping[str, tuple[str, ...]]  # key -> one text per plural form
    plural: Callable[[int], int]  # a count -> the index of its form (the file's Plural-Forms)

    def __contains__(self, key: str) -> bool:
        return key in self.texts or key in self.plurals


def catalogue_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(path: Path, lang: str) -> Catalogue:
    """A .po file as a :class:`Catalogue`; a syntax error raises Babel's ``PoFileError``.

    Empty and fuzzy (unreviewed) texts are left out, so they fall back to Swedish.
    """
    # Imported here: only the first text of a language pays for the .po reader (and the
    # email header parser it pulls in), not every ``import adoption``.
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, locale=lang, abort_invalid=True)
    texts: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if message.pluralizable:
            forms = tuple(message.string)
            if all(forms):
                plurals[message.id[0]] = forms
        elif message.string:
            texts[message.id] = message.string
    return Catalogue(lang, texts, plurals, gettext.c2py(catalog.plural_expr))


@functools.cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of a language in LANGS, read once per process."""
    return read_catalogue(catalogue_path(lang), lang)


def _lang(lang: str) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def _catalogues(lang: str) -> tuple[Catalogue, ...]:
    """Where to look for a text: the language, then Swedish."""
    lang = _lang(lang)
    return (catalogue(lang),) if lang == DEFAULT_LANG else (catalogue(lang), catalogue(DEFAULT_LANG))


def has(key: str) -> bool:
    """Whether ``key`` is a text (in Swedish, so in every language through the fallback)."""
    return key in catalogue(DEFAULT_LANG)


def t(key: str, lang: str = DEFAULT_LANG, /, **values) -> str:
    """The text ``key`` in ``lang`` (Swedish when missing), its {placeholders} filled from ``values``.

    Without values the text is returned as it is. Unknown key: ``KeyError``; a text
    with plural forms: ``KeyError`` too (read it with :func:`tn`). The parameters are
    positional-only, so texts may have placeholders named {key}, {lang} or {n}.
    """
    for cat in _catalogues(lang):
        if key in cat.texts:
            text = cat.texts[key]
            return text.format(**values) if values else text
        if key in cat.plurals:
            raise KeyError(f"{key} has plural forms: read it with tn(key, n, lang)")
    raise KeyError(key)


def tn(key: str, n: int, lang: str = DEFAULT_LANG, /, **values) -> str:
    """The plural text ``key`` in the form for the count ``n`` ("1 svarande", "2 respondents").

    ``{n}`` is the count in the language's number format unless ``values`` give it.
    """
    values.setdefault("n", formatting.number(n, _lang(lang)))
    return plural_form(key, n, lang).format(**values)


def plural_form(key: str, n: int, lang: str = DEFAULT_LANG, /) -> str:
    """The unfilled form of the plural text ``key`` for the count ``n`` (for a caller that fills it itself)."""
    for cat in _catalogues(lang):
        if key in cat.plurals:
            forms = cat.plurals[key]
            return forms[min(cat.plural(int(n or 0)), len(forms) - 1)]
        if key in cat.texts:
            raise KeyError(f"{key} has no plural forms: read it with t(key, lang)")
    raise KeyError(key)


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
        return t(f"niva.{code}", lang) if has(f"niva.{code}") else str(code)
    if vocabulary == "lang":
        return t(f"lang.{code}", lang) if has(f"lang.{code}") else str(code)
    for term in vocab.terms(vocabulary):  # KeyError for an unknown vocabulary
        if term.code == code:
            return term.label_en if en and term.label_en else term.label_sv
    return str(code)
