"""Instructions for administrators (commands, the upload page), shown only to a request that may administer.

A reader learns what is missing (the status sentence); how to load it is
for whoever runs the dashboard: ``howto.show(ctx.lang, "needs_population")``
under the sentence. The words are in :func:`adoption.text.present.howto`.
"""

from __future__ import annotations

import streamlit as st

from adoption.text import present

from .admin import may_administer


def text(lang: str, code: str | None) -> str | None:
    """The instruction for ``code`` when this request may administer, else None."""
    if not code:
        return None
    words = present.howto(code, lang)
    return words if words and may_administer() else None


def show(lang: str, code: str | None) -> None:
    """The instruction for ``code`` as a caption, for administrators only."""
    words = text(lang, code)
    if words:
        st.caption(words)
