"""How a page prints from the browser: the page's content alone, without the app around it.

``print_style.content_only()`` near the top of a page (Kommun uses it, so a
municipality's profile prints on its own). The rules apply only to print.
"""

from __future__ import annotations

import streamlit as st

# Hide the sidebar, header, toolbar and controls; no external resources.
PRINT_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stPopover"],
  [data-testid="stElementToolbar"], [data-testid="stExpander"] { display: none !important; }
  [data-testid="stMain"], [data-testid="stMainBlockContainer"] { padding: 0 !important; margin: 0 !important; }
}
</style>"""


def content_only() -> None:
    """When this page is printed, print only its content."""
    st.html(PRINT_CSS)
