"""Streamlit's own texts on widgets, in the interface language or not at all.

Streamlit has no translation of its widget texts. Where a widget takes the
text as a parameter it is set in the language (:func:`choose` as the
placeholder of every selectbox and multiselect, ``select_all=False`` on every
multiselect since "Select all" cannot be worded). Where it does not, the
text is hidden (:func:`apply`, once per run, from ``view.setup``):

* "Press Enter to apply" / "Press Enter to submit form" under a text field;
  Enter still applies or submits;
* the file uploader's "20MB per file • CSV, XLSX" (its label says the limit
  and the kinds) and its button's "Upload", which is worded by the language.
"""

from __future__ import annotations

import json

import streamlit as st

from adoption.text import i18n


def choose(lang: str) -> str:
    """The placeholder of a selectbox or multiselect with nothing chosen ("Välj …")."""
    return i18n.t("common.choose", lang)


def css(lang: str) -> str:
    """The style rules of :func:`apply` (no external resources)."""
    upload = json.dumps(i18n.t("common.upload_button", lang), ensure_ascii=False)  # a CSS string: quotes escaped
    return f"""<style>
[data-testid="InputInstructions"], [data-testid="stFileUploaderDropzoneInstructions"] {{ display: none !important; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] {{ display: none !important; }}
[data-testid="stFileUploaderDropzone"] button > div > span::after {{ content: {upload}; }}
</style>"""


def apply(lang: str) -> None:
    """Hide (or word) the widget texts Streamlit gives only in English; takes no space on the page."""
    st.html(css(lang))
