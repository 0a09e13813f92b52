"""Om data: sources, licences and definitions (placeholder)."""

import streamlit as st

# Guard against Streamlit's legacy pages/ auto-discovery (see app.py's
# docstring). Keep this block first in every file in pages/.
try:
    from streamlit.runtime.pages_manager import PagesManager
except ImportError:  # pragma: no cover
    PagesManager = None
if PagesManager is not None and getattr(PagesManager, "uses_pages_directory", False):
    PagesManager.uses_pages_directory = False
    st.rerun()

st.title("Om data")
st.write(
    "Här beskrivs snart datakällorna, hur siffrorna tas fram och under vilka "
    "licenser de får användas."
)
