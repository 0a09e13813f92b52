"""Uploaded survey files (enkätsvar, initiativ) to canonical frames plus a report.

Nothing here writes to the database: :func:`validate` reads the bytes of an
upload and returns the canonical frames of :mod:`adoption.formats` (only when
there are no errors) with every problem found, so that a page or the command
line can show a preview and then call ``Store.add_survey``.

Modules: :mod:`.read` (bytes to text cells, limits), :mod:`.headers` (column
names), :mod:`.values` (one cell to one value), :mod:`.names` (municipality
names), :mod:`.personal` (e-mail and personnummer), :mod:`.validate` (the
rules of data-formats.md sections 5-9, checked by :mod:`.column_parsers`,
:mod:`.row_rules`, :mod:`.ranges` and :mod:`.duplicate_rows`), :mod:`.report` (result types and the
report as CSV/Excel), :mod:`.population_upload` (kind "befolkning"),
:mod:`.pipeline` (prepare a preview, commit a new data version; its stages
are :mod:`.compare`, :mod:`.preview`, :mod:`.commit` and :mod:`.kind_guess`).
"""

from .report import (
           ERROR,
           WARNING,
           FuzzyMatch,
           IngestResult,
           Problem,
           report_csv,
           report_frame,
           report_xlsx,
)
from .validate import validate

__all__ = ["ERROR", "WARNING", "FuzzyMatch", "IngestResult", "Problem", "report_csv", "report_frame",
           "report_xlsx", "validate"]

# The whole upload (validate, compare, commit) is in :mod:`.pipeline`:
#   prepare(data, filename, kind, store, *, year=None, column_mapping=None,
#           name_corrections=None, headline=True) -> Prepared
#   commit(prepared, store, *, uploaded_by, confirmed_fuzzy=False) -> CommitResult
