"""Leave Streamlit's legacy ``pages/`` mode before anything else runs.

Streamlit 1.67 still auto-discovers a ``pages/`` folder beside ``app.py``.
The switch is a process-wide class attribute:

* ``streamlit/runtime/pages_manager.py``: the first session of the process
  sets ``PagesManager.uses_pages_directory`` to True when ``pages/`` exists.
* ``streamlit/runtime/scriptrunner/script_runner.py``: while it is True, a
  run does not exec ``app.py``; it builds legacy pages from ``pages/*.py``
  (with "app" as a page) and runs the page matching the URL.
* ``streamlit/commands/navigation.py``: only ``st.navigation()`` sets it back.

So the first request after a start to a deep link (``/karta?...``) would run
``pages/karta.py`` alone with the legacy sidebar. ``app.py`` and every page
therefore call :func:`leave_legacy_pages_mode` first: it clears the flag and
reruns, and the rerun keeps the page (its hash comes from the url_path, the
same in both modes) and the query string, now through ``st.navigation``.
If a later Streamlit moves the attribute this does nothing, and the browser
test of a first-request deep link fails: keep that test. Legacy mode finds
the page by its *file name*, so every page file is named like its url_path
(``pages/ladda-upp.py`` for ``/ladda-upp``; tests/test_pages_layout.py checks).
"""

from __future__ import annotations

import streamlit as st


def leave_legacy_pages_mode() -> None:
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # moved in a later Streamlit: the browser test will say
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()
