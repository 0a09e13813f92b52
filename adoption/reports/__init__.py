"""PDF reports for a municipality, a county, an SKR municipality group or the whole country, pinned to a data
version.

``python -m adoption rapport --kommun 1480 -o goteborg.pdf`` (or ``--lan 14``, ``--grupp A1``,
``--riket``) and the pages' "Ladda ned rapport (PDF)" buttons both call :func:`build`, so the same
choices give the same file. Layer: like ``views`` (reads views, metrics,
store and text; no Streamlit).

- :mod:`.content`: the scope, the frame (year, version, link) and what every report holds;
- :mod:`.kommun`, :mod:`.area`, :mod:`.grupp`: the municipality report, the county and country reports,
  the group report (a group A1..C9 or a main group A, B, C of the data version's classification);
- :mod:`.words`: the one place a figure becomes words;
- :mod:`.charts`: Vega-Lite to SVG; :mod:`.render`: Typst to PDF; :mod:`.fonts`: the typeface.
"""

from __future__ import annotations

import os

from adoption.store import Store

from . import area, grupp, kommun, render
from .content import KINDS, Document, Scope, check_scope, file_name, frame

__all__ = ["KINDS", "PUBLIC_URL_ENV", "Document", "Scope", "build", "document", "file_name", "public_url"]

# The dashboard's public address, for the links a report prints (``https://ai.example.se``).
PUBLIC_URL_ENV = "ADOPTION_PUBLIC_URL"


def public_url() -> str | None:
    return os.environ.get(PUBLIC_URL_ENV) or None


def document(store: Store, scope: Scope, ar: int | None = None, lang: str = "sv", base_url: str | None = None, *,
             version: int | None = None) -> tuple[Document, object]:
    """The report as data, and the load time of its data version."""
    with store.reading():
        check_scope(store, scope, version)
        fr = frame(store, scope, ar, lang, version, base_url)
        maker = {"kommun": kommun.document, "grupp": grupp.document}.get(scope.kind, area.document)
        return maker(store, scope, fr, lang, base_url), fr.loaded


def build(store: Store, scope: Scope, ar: int | None = None, lang: str = "sv", base_url: str | None = None, *,
          version: int | None = None) -> bytes:
    """The report as PDF bytes: ``ar`` None is the latest survey year, ``version`` None the current data.

    ``base_url`` starts the printed link to the same view in the dashboard (without it the link is a
    path). Raises :class:`adoption.errors.AdoptionError` with a Swedish message for an unknown area,
    year or version, for a group when the data version has no groups, and when the typeface is missing.
    """
    doc, created = document(store, scope, ar, lang, base_url, version=version)
    return render.pdf(doc, created)
