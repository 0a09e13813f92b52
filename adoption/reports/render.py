"""A report document laid out as a PDF by Typst: A4, fonts embedded, tagged (PDF/UA-1), with metadata.

Why Typst (the ``typst`` package): it runs offline inside the process (no
browser, no TeX, no system libraries), writes tagged PDF/UA-1 with the
document's title, author, subject and language, embeds subsets of the fonts it
is given, draws SVG charts as vectors with their text kept as text, and a
compile takes milliseconds. The layout is one template, ``report.typ``; the
document's content reaches it as JSON (``sys.inputs``), so every text from
the data is set as plain text, never read as Typst markup.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from . import charts
from .content import Document
from .fonts import font_dir

TEMPLATE = Path(__file__).with_name("report.typ")
STANDARDS = ["ua-1"]
_LOCK = threading.Lock()  # one compiler per process; Streamlit renders from several threads


@lru_cache(maxsize=1)
def _compiler():
    import typst

    return typst.Compiler(root=str(TEMPLATE.parent), font_paths=[str(font_dir())], ignore_system_fonts=True)


def pdf(document: Document, created: datetime) -> bytes:
    """The PDF. ``created`` (the data version's load time) is its creation date, so that the same report
    of the same data version is the same file, made from the command line or from a page."""
    data = json.dumps(_drawn(document.as_data()), ensure_ascii=False, separators=(",", ":"))
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    with _LOCK:
        return _compiler().compile(str(TEMPLATE), format="pdf", sys_inputs={"data": data},
                                   pdf_standards=STANDARDS, timestamp=int(created.timestamp()))


def _drawn(node):
    """The document with every chart specification (a block's ``spec``) drawn as SVG text (``svg``)."""
    if isinstance(node, list):
        return [_drawn(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _drawn(value) for key, value in node.items() if key != "spec"}
    if "spec" in node:
        out["svg"] = charts.svg(node["spec"])
    return out
