"""The interface languages, defined once.

Swedish is the first language: it is the default, and a text missing in
another language falls back to it. Adding a language means adding it here,
a catalogue in ``locale/<code>/LC_MESSAGES/messages.po`` and its labels in
the data files (vocabularies, sectors, stages, metrics).
"""

from __future__ import annotations

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"

# Babel locale for numbers and dates in each language.
LOCALES = {"sv": "sv_SE", "en": "en_GB"}

# Each language named in itself, for the language switch: a reader who does not
# understand the current language still finds their own.
NAMES = {"sv": "Svenska", "en": "English"}
