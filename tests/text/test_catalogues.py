"""The translation catalogues (adoption/text/locale/*/LC_MESSAGES/messages.po) against each other and the code.

Each check is a function that returns its problems as sentences; the tests run
them on the real catalogues (no problems) and on small bad catalogues built
here (so every check is shown to fail when it should).
"""

from __future__ import annotations

import ast
import re
import shutil
import string
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from adoption import metrics
from adoption.access import REASONS
from adoption.metrics import nonresponse
from adoption.metrics.factors import FACTOR_CODES
from adoption.metrics.filters import KEYS, NIVAER
from adoption.text import i18n
from adoption.text.languages import LANGS

ROOT = Path(__file__).resolve().parents[2]

# Texts the code picks by a code at run time, f"value.{status}": the prefix (always ending in a dot,
# the code is the last part of the key) and the codes it takes, or None where no constant lists them.
# A key under such a prefix counts as used; a prefix no code uses any more is reported.
DYNAMIC: dict[str, Iterable[str] | None] = {
    "access.reason.": REASONS,  # adoption/access.py: why a request may (not) administer
    "effekt.verdict.": None, "effekt.reason.": None, "effekt.excluded.": None,  # views/effect.py: verdicts and why
    "column.": None,  # ingest/suggest.py: what an upload column holds, by column name
    "ladda_upp.why_not.": None, "ladda_upp.goal_note.": None,  # ui/upload_wizard.py, metrics/goals/editing.py
    "ladda_upp.goal_wording.": ("sv", "en"),  # metrics/goals/editing.py: which wording still states the old target
    "factor.name.": FACTOR_CODES, "factor.help.": FACTOR_CODES,  # views/likeness.py, ui/profile_sections.py
    "kommun.similar_missing.": None,  # views/likeness.py: why a weighted factor is not used
    "om.set.": None,  # views/about.py: the reference sets and where each came from
    "change.rule.": ("independent", "panel", "none"),  # text/change_words.py: which comparison rule a change followed
    "round.status.": ("preliminar", "publicerad"),  # views/rounds.py: a survey year's status
    "filter.": KEYS,  # ui/map_widget.py: the filters a metric ignores, by URL key
    "initiativ.eval.": None,  # views/catalogue.py, pages/initiativ.py: evaluated ja/nej/okant
    "karta.click.": NIVAER, "karta.heading.": NIVAER, "karta.level.": NIVAER,  # ui/map_widget.py
    "karta.summary.": NIVAER, "karta.summary_tied.": NIVAER,  # views/mapping/tables.py
    "kommun.kind.": None,  # views/profile/figures.py: the municipality, its county, the country, a similar one
    "ladda_upp.goal_target.": None,  # pages/ladda-upp.py: share or other
    "ladda_upp.goal_problem.": None,  # metrics/goals/editing.py: why a goal edit was refused
    "ladda_upp.status.": None,  # pages/ladda-upp.py: the outcome of a commit that wrote nothing
    "lang.": LANGS, "niva.": NIVAER,  # text/i18n.py: label("lang" | "niva", code)
    "mal.series.": None, "mal.status.": None,  # views/goals.py, metrics/goals/progress.py
    "mal.bounds.": (nonresponse.MUNICIPALITIES, nonresponse.POPULATION),  # views/goals.py: what a share is of
    "mal.denominator.": None,  # views/goals.py: per goal metric, a count, or another metric
    "notice.": None,  # metrics/filters.py: why a URL value was dropped
    "howto.": None,  # text/present.py: what an administrator does about a missing thing
    "om.action.": None, "om.interval.": None, "om.missing.": None,  # views/about.py
    "report.kind.": ("kommun", "lan", "grupp", "riket"),  # reports/content.py: what the report covers
    "report.map.": ("lan", "grupp", "riket"),  # reports/area.py, grupp.py: the map of a county, a group, the country
    "statement.compliance.": ("full", "partial", "none"),  # views/accessibility.py: DIGG's three degrees
    "status.": metrics.STATUSES,  # why a metric has no value (a sentence)
    "value.": (metrics.STATUS_OK, *metrics.STATUSES),  # the same as a word in a cell
    "unit.": None,  # a metric's unit
}

KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,2}")
TEXT_CALLS = {"t", "tr", "col"}  # i18n.t, ctx.t and the local lambdas over them: the first argument is a key
PLURAL_CALLS = {"tn"}  # i18n.tn, ctx.tn
TEXTS_AND_PLURALS = TEXT_CALLS | PLURAL_CALLS
# What may stand on a line of a .po file: a comment, a keyword with a quoted string, or a continuation.
_PO_LINE = re.compile(r'(#.*|(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\]) "(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*")')


# -- reading ----------------------------------------------------------------------------------


def read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang, abort_invalid=True)


def texts(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """key -> its text(s): one for a plain text, one per form for a plural."""
    return {m.id[0] if m.pluralizable else m.id: tuple(m.string) if m.pluralizable else (m.string,)
            for m in catalog if m.id}


def code_files(root: Path = ROOT) -> list[Path]:
    files = [root / "app.py", *sorted(root.glob("adoption/**/*.py")), *sorted(root.glob("pages/**/*.py"))]
    return [f for f in files if f.exists()]


# -- the checks -------------------------------------------------------------------------------


def check_file(path: Path, lang: str) -> list[str]:
    """A valid .po file: strict syntax, the language's header, every text translated once."""
    where = f"{path.name} ({lang})"
    problems = [f"{where}:{no}: not .po syntax: {line!r}"
                for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip() and not _PO_LINE.fullmatch(line.strip())]
    try:
        catalog = read(path, lang)
    except Exception as error:  # Babel's PoFileError, UnicodeDecodeError, ...
        return problems + [f"{where}: cannot be read: {error}"]
    headers = dict(catalog.mime_headers)
    if headers.get("Language") != lang:
        problems.append(f"{where}: header Language is {headers.get('Language')!r}, not {lang!r}")
    if "utf-8" not in headers.get("Content-Type", "").lower():
        problems.append(f"{where}: Content-Type must say charset=utf-8")
    # Babel makes up a Plural-Forms header from the locale when the file has none: look at the file.
    raw = path.read_text(encoding="utf-8")
    expected = get_plural(lang)
    if not re.search(r'^"Plural-Forms: ', raw, flags=re.M):
        problems.append(f"{where}: no Plural-Forms header")
    elif (catalog.num_plurals, catalog.plural_expr) != (expected.num_plurals, expected.plural_expr):
        problems.append(f"{where}: Plural-Forms is {headers['Plural-Forms']!r}, {lang} has {expected.plural_forms!r}")
    ids = re.findall(r'^msgid "(.+)"$', raw, flags=re.M)
    problems += [f"{where}: {key} appears {ids.count(key)} times" for key in sorted(set(ids)) if ids.count(key) > 1]
    if catalog.obsolete:
        problems.append(f"{where}: obsolete (#~) entries: {sorted(catalog.obsolete)}")
    keys = texts(catalog)
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if message.pluralizable else message.id
        if message.fuzzy:
            problems.append(f"{where}: {key} is marked fuzzy (not reviewed)")
        if not KEY.fullmatch(key):
            problems.append(f"{where}: {key} is not area.name or area.kind.name (lowercase, dots between parts)")
        if message.pluralizable:
            if message.id[1] != key:
                problems.append(f"{where}: {key} has msgid_plural {message.id[1]!r}; it must repeat the key")
        if not all(s.strip() for s in keys[key]):
            problems.append(f"{where}: {key} has an empty text")
    problems += [f"{where}: {key} is also the start of {other}"
                 for key in keys for other in keys if other.startswith(key + ".")]
    return problems


def check_missing(catalogues: Mapping[str, Catalog]) -> list[str]:
    """Every key in every language, as a plain text in all or as a plural in all."""
    problems = []
    every = set().union(*(texts(c) for c in catalogues.values()))
    for lang, catalog in catalogues.items():
        problems += [f"{key} is missing in {lang}" for key in sorted(every - set(texts(catalog)))]
    for key in sorted(every):
        kinds = {lang: (c.get(key).pluralizable if c.get(key) else None) for lang, c in catalogues.items()}
        if len({k for k in kinds.values() if k is not None}) > 1:
            problems.append(f"{key} is a plural in some languages only: {kinds}")
    return problems


def fields(text: str) -> set[str]:
    """The {placeholders} of a text (str.format fields); ValueError for a malformed one."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_placeholders(catalogues: Mapping[str, Catalog]) -> list[str]:
    """The same {names} in every language (and in every plural form of a language), each well formed."""
    problems, seen = [], {}
    for lang, catalog in catalogues.items():
        for key, forms in texts(catalog).items():
            try:
                per_form = [fields(form) for form in forms]
            except ValueError as error:
                problems.append(f"{key} ({lang}): malformed placeholder: {error}")
                continue
            if any(f != per_form[0] for f in per_form):
                problems.append(f"{key} ({lang}): the plural forms have different placeholders: {per_form}")
            seen.setdefault(key, {})[lang] = per_form[0]
    for key, by_lang in sorted(seen.items()):
        if len({frozenset(f) for f in by_lang.values()}) > 1:
            problems.append(f"{key}: placeholders differ between languages: {by_lang}")
    return problems


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _prefix(node: ast.expr) -> str | None:
    """The literal start of an f-string, f"value.{status}" -> "value."."""
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if node.values else None
        return first.value if isinstance(first, ast.Constant) else ""
    return None


def check_code(catalog: Catalog, files: Iterable[Path], dynamic: Mapping[str, object]) -> list[str]:
    """Every key the code asks for exists, by the right function, and every dynamic family is listed."""
    keys = texts(catalog)
    plural = {m.id[0] for m in catalog if m.id and m.pluralizable}
    problems = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and _call_name(node) in TEXTS_AND_PLURALS):
                continue
            where, arg, wants_plural = f"{path.name}:{node.lineno}", node.args[0], _call_name(node) in PLURAL_CALLS
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if arg.value not in keys:
                    problems.append(f"{where}: no text {arg.value!r}")
                elif wants_plural != (arg.value in plural):
                    problems.append(f"{where}: {arg.value} " + (
                        "has no plural forms: use t()" if wants_plural else "has plural forms: use tn()"))
            elif (start := _prefix(arg)) is not None:
                family = next((p for p in dynamic if start == p), None)
                if family is None:
                    problems.append(f"{where}: f-string key starting {start!r} is not a documented family")
                elif members := [k for k in keys if k.startswith(family)]:
                    if wants_plural != all(k in plural for k in members):
                        problems.append(f"{where}: the family {family} must be all plural for tn(), none for t()")
    return problems


def check_unused(catalog: Catalog, files: Iterable[Path], dynamic: Mapping[str, Iterable[str] | None]) -> list[str]:
    """Every key is named in the code, as a string literal or as a member of a family the code uses."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif (start := _prefix(node)) is not None:
                prefixes.add(start)
    problems = [f"the family {family} is listed but no code uses it" for family in dynamic if family not in prefixes]
    for key in texts(catalog):
        if key in literals:
            continue
        family = next((p for p in dynamic if key.startswith(p) and p in prefixes), None)
        codes = dynamic.get(family) if family else None
        if family is None:
            problems.append(f"{key} is not used in the code")
        elif codes is not None and key[len(family):] not in set(codes):
            problems.append(f"{key} is in the family {family} but {key[len(family):]!r} is not one of its codes")
    return problems


# -- the real catalogues ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Catalog]:
    return {lang: read(i18n.catalogue_path(lang), lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_files_are_valid(lang):
    assert check_file(i18n.catalogue_path(lang), lang) == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_gettext_tools_accept_the_catalogues(lang):
    """What Poedit and Weblate build on: msgfmt --check reads the file without an error."""
    done = subprocess.run(["msgfmt", "--check", "-o", "-", str(i18n.catalogue_path(lang))], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def test_every_key_is_in_every_language(catalogues):
    assert check_missing(catalogues) == []


def test_placeholders_match_between_languages(catalogues):
    assert check_placeholders(catalogues) == []


def test_every_key_the_code_asks_for_exists(catalogues):
    assert check_code(catalogues["sv"], code_files(), DYNAMIC) == []


def test_every_key_is_used(catalogues):
    assert check_unused(catalogues["sv"], code_files(), DYNAMIC) == []


def test_the_reader_gives_what_the_file_says(catalogues):
    """adoption.text.i18n reads the same texts Babel's reader sees (plain and plural)."""
    for lang, catalog in catalogues.items():
        loaded = i18n.catalogue(lang)
        for key, forms in texts(catalog).items():
            assert (loaded.plurals[key] if key in loaded.plurals else (loaded.texts[key],)) == forms, key


# -- every check fails on a bad catalogue -----------------------------------------------------


HEADER = '''msgid ""
msgstr ""
"Language: {lang}\\n"
"Plural-Forms: {plural}\\n"
"Content-Type: text/plain; charset=utf-8\\n"
'''
PLURALS = {"sv": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);"}


def po(tmp_path: Path, lang: str, body: str, plural: str | None = None) -> Path:
    path = tmp_path / lang / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(lang=lang, plural=plural or PLURALS[lang]) + "\n" + body, encoding="utf-8")
    return path


def pair(tmp_path: Path, sv: str, en: str) -> dict[str, Catalog]:
    return {"sv": read(po(tmp_path, "sv", sv), "sv"), "en": read(po(tmp_path, "en", en), "en")}


GOOD_SV = 'msgid "a.title"\nmsgstr "Rubrik {year}"\n\nmsgid "a.count"\nmsgid_plural "a.count"\nmsgstr[0] "{n} svar"\nmsgstr[1] "{n} svar"\n'
GOOD_EN = 'msgid "a.title"\nmsgstr "Title {year}"\n\nmsgid "a.count"\nmsgid_plural "a.count"\nmsgstr[0] "{n} answer"\nmsgstr[1] "{n} answers"\n'


def test_the_small_good_catalogue_passes_every_check(tmp_path):
    catalogues = pair(tmp_path, GOOD_SV, GOOD_EN)
    assert check_file(tmp_path / "sv/LC_MESSAGES/messages.po", "sv") == []
    assert check_missing(catalogues) == [] and check_placeholders(catalogues) == []
    code = tmp_path / "page.py"
    code.write_text('t("a.title", lang)\ntn("a.count", 3, lang)\n')
    assert check_code(catalogues["sv"], [code], {}) == [] and check_unused(catalogues["sv"], [code], {}) == []


@pytest.mark.parametrize("body, expected", [
    ('msgid "a.b"\nmsgstr Rubrik\n', "not .po syntax"),
    ('msgid "a.b"\nmsgstr "Rubrik\n', "not .po syntax"),
    ('msgid "a.b"\n', "cannot be read"),
    ('msgid "a.b"\nmsgstr "Ett"\n\nmsgid "a.b"\nmsgstr "Två"\n', "a.b appears 2 times"),
    ('#, fuzzy\nmsgid "a.b"\nmsgstr "Gissning"\n', "a.b is marked fuzzy"),
    ('msgid "a.b"\nmsgstr ""\n', "a.b has an empty text"),
    ('msgid "a.b"\nmsgid_plural "a.b"\nmsgstr[0] "{n} svar"\nmsgstr[1] ""\n', "a.b has an empty text"),
    ('msgid "a.b"\nmsgid_plural "a.b"\nmsgstr[0] "{n} svar"\n', "a.b has an empty text"),  # Babel pads the forms
    ('msgid "a.b"\nmsgid_plural "a.b"\nmsgstr[0] "1"\nmsgstr[1] "2"\nmsgstr[2] "3"\n', "cannot be read"),
    ('msgid "a.b"\nmsgid_plural "answers"\nmsgstr[0] "{n} svar"\nmsgstr[1] "{n} svar"\n', "must repeat the key"),
    ('msgid "karta.col_Name"\nmsgstr "Namn"\n', "is not area.name or area.kind.name"),
    ('msgid "title"\nmsgstr "Rubrik"\n', "is not area.name or area.kind.name"),
    ('msgid "a.b.c.d"\nmsgstr "Rubrik"\n', "is not area.name or area.kind.name"),
    ('msgid "a.kind"\nmsgstr "Sort"\n\nmsgid "a.kind.x"\nmsgstr "X"\n', "a.kind is also the start of a.kind.x"),
    ('msgid "a.b"\nmsgstr "B"\n\n#~ msgid "a.old"\n#~ msgstr "Gammal"\n', "obsolete"),
])
def test_an_invalid_po_file_is_reported(tmp_path, body, expected):
    problems = check_file(po(tmp_path, "sv", body), "sv")
    assert any(expected in p for p in problems), problems


def test_a_wrong_header_is_reported(tmp_path):
    wrong_plural = check_file(po(tmp_path, "sv", 'msgid "a.b"\nmsgstr "B"\n', plural="nplurals=1; plural=0;"), "sv")
    assert any("Plural-Forms is" in p for p in wrong_plural), wrong_plural
    path = po(tmp_path, "en", GOOD_EN)
    assert any("header Language is 'en', not 'sv'" in p for p in check_file(path, "sv"))
    path.write_text(path.read_text().replace('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', ""))
    assert any("no Plural-Forms header" in p for p in check_file(path, "en"))


def test_a_key_missing_in_either_language_is_reported(tmp_path):
    extra = 'msgid "a.only_sv"\nmsgstr "Bara svenska"\n'
    assert check_missing(pair(tmp_path, GOOD_SV + "\n" + extra, GOOD_EN)) == ["a.only_sv is missing in en"]
    assert check_missing(pair(tmp_path, GOOD_SV, GOOD_EN + "\n" + extra)) == ["a.only_sv is missing in sv"]
    singular_en = GOOD_EN.replace('msgid_plural "a.count"\nmsgstr[0] "{n} answer"\nmsgstr[1] "{n} answers"',
                                  'msgstr "{n} answers"')
    problems = check_missing(pair(tmp_path, GOOD_SV, singular_en))
    assert problems and "a.count is a plural in some languages only" in problems[0]


def test_a_placeholder_mismatch_is_reported(tmp_path):
    renamed = check_placeholders(pair(tmp_path, GOOD_SV, GOOD_EN.replace("Title {year}", "Title {ar}")))
    assert len(renamed) == 1 and renamed[0].startswith("a.title: placeholders differ between languages")
    dropped = check_placeholders(pair(tmp_path, GOOD_SV, GOOD_EN.replace("Title {year}", "Title")))
    assert len(dropped) == 1 and dropped[0].startswith("a.title: placeholders differ")
    forms = check_placeholders(pair(tmp_path, GOOD_SV, GOOD_EN.replace('"{n} answer"', '"one answer"')))
    assert len(forms) == 2 and "the plural forms have different placeholders" in forms[0]
    broken = check_placeholders(pair(tmp_path, GOOD_SV.replace("Rubrik {year}", "Rubrik {year"), GOOD_EN))
    assert any("malformed placeholder" in p for p in broken), broken


def test_an_unused_key_is_reported_and_a_documented_family_allowed(tmp_path):
    catalog = pair(tmp_path, GOOD_SV + '\nmsgid "a.kind.x"\nmsgstr "X"\n\nmsgid "a.kind.y"\nmsgstr "Y"\n',
                   GOOD_EN)["sv"]
    code = tmp_path / "page.py"
    code.write_text('t("a.title", lang)\n')
    assert check_unused(catalog, [code], {}) == [
        "a.count is not used in the code", "a.kind.x is not used in the code", "a.kind.y is not used in the code"]
    code.write_text('t("a.title", lang)\ntn("a.count", 2, lang)\nt(f"a.kind.{code}", lang)\n')
    assert check_unused(catalog, [code], {"a.kind.": None}) == []
    assert check_unused(catalog, [code], {"a.kind.": ("x",)}) == [
        "a.kind.y is in the family a.kind. but 'y' is not one of its codes"]
    code.write_text('t("a.title", lang)\ntn("a.count", 2, lang)\nt("a.kind.x")\n')
    assert check_unused(catalog, [code], {"a.kind.": None}) == [
        "the family a.kind. is listed but no code uses it", "a.kind.y is not used in the code"]


def test_an_unknown_key_a_wrong_function_or_an_undocumented_family_is_reported(tmp_path):
    catalog = pair(tmp_path, GOOD_SV, GOOD_EN)["sv"]
    code = tmp_path / "page.py"
    code.write_text('ctx.t("a.titel")\ni18n.t("a.count", lang)\nctx.tn("a.title", 2)\nt(f"a.kind_{c}")\n')
    assert check_code(catalog, [code], {}) == [
        "page.py:1: no text 'a.titel'",
        "page.py:2: a.count has plural forms: use tn()",
        "page.py:3: a.title has no plural forms: use t()",
        "page.py:4: f-string key starting 'a.kind_' is not a documented family",
    ]


def test_read_catalogue_follows_plural_forms_and_leaves_out_fuzzy_and_empty_texts(tmp_path):
    body = GOOD_EN + '\n#, fuzzy\nmsgid "a.guess"\nmsgstr "Guess"\n\nmsgid "a.empty"\nmsgstr ""\n'
    loaded = i18n.read_catalogue(po(tmp_path, "en", body), "en")
    assert loaded.texts == {"a.title": "Title {year}"}
    assert loaded.plurals == {"a.count": ("{n} answer", "{n} answers")}
    assert [loaded.plural(n) for n in (0, 1, 2, 21)] == [1, 0, 1, 1]
    assert "a.count" in loaded and "a.guess" not in loaded and "a.empty" not in loaded
    with pytest.raises(Exception, match="missing msgstr"):
        i18n.read_catalogue(po(tmp_path, "en", 'msgid "a.b"\n'), "en")

