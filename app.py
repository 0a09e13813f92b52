"""Entry point: `streamlit run app.py`. Keep this file thin.

It declares the pages with ``st.navigation`` and runs the selected one; the
pages themselves live in ``pages/`` (files) or are small functions here. Data
work belongs in the ``adoption`` package, never in this file.

Why every script starts with ``_leave_legacy_pages_mode()``
-----------------------------------------------------------
Streamlit 1.67 still supports the old "pages/ directory" multipage mode, and
the switch between the two modes is a process-wide class attribute:

* ``streamlit/runtime/pages_manager.py``: the first ``PagesManager`` of the
  process (created with the first browser session) sets
  ``PagesManager.uses_pages_directory = (<dir of app.py>/pages).exists()``,
  i.e. True for our layout.
* ``streamlit/runtime/scriptrunner/script_runner.py``: while that flag is
  True, a script run does not exec ``app.py``; it calls ``_mpa_v1()``, which
  globs ``pages/*.py``, builds legacy pages (app.py as the default page named
  "app", plus "om" from ``pages/om.py``), sends that legacy navigation and runs
  the page matching the URL.
* ``streamlit/commands/navigation.py``: only a call to ``st.navigation()``
  sets the flag back to False (for the whole process).

So the first request after a server start to a deep link such as
``/om?lang=en`` runs ``pages/om.py`` directly with the legacy sidebar ("app",
"om"); ``app.py`` never runs, so ``st.navigation`` is never called and the
legacy mode sticks until someone opens ``/``. There is no config option to
turn the auto-discovery off, and nothing of ours runs in the server process
before the first session.

Fix: the first thing ``app.py`` and every ``pages/*.py`` do is to check the
flag; if it is set they clear it and ``st.rerun()``. The rerun keeps the
requested page (a page's hash is derived from its url_path, identical in both
modes) and now execs ``app.py``, so ``st.navigation`` serves it with the
right sidebar and the query string intact. Normal runs only pay one attribute
read. If a future Streamlit moves the attribute, the guard becomes a no-op
and tests/browser/test_smoke.py::test_deep_link_first_request_uses_navigation
fails: that test must stay. A new file in pages/ must start with the same
guard (tests/test_pages_layout.py checks it).
"""

from __future__ import annotations

import streamlit as st


def _leave_legacy_pages_mode() -> None:
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # moved in a later Streamlit: the browser test will say
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


_leave_legacy_pages_mode()

st.set_page_config(page_title="AI i kommuner och civilsamhälle", layout="wide")


def oversikt() -> None:
    """Home page (placeholder): a few headline figures from the metric registry."""
    from adoption import formatting, metrics
    from adoption.ui.context import store

    st.title("AI i kommuner och civilsamhälle")
    db = store()
    if db.has_demo():
        st.warning("Demodata: siffrorna är genererade exempel, inte verkliga enkätsvar.", icon="ℹ️")
    if db.current_version() is None:
        st.info("Databasen har inga enkätsvar ännu. Läs in demodata med `python -m adoption init`.")
        return
    columns = st.columns(3)
    for column, metric_id in zip(columns, ("svarsfrekvens", "andel_ai_aktivitet", "andel_ai_i_drift")):
        result = metrics.compute(db, metric_id)
        column.metric(
            f"{metrics.get(metric_id).label_sv} {result.ar}",
            formatting.percent(result.value),
            help=f"{formatting.number(result.numerator)} av {formatting.number(result.denominator)}",
        )
    st.write("Instrumentpanelens övriga sidor är på väg.")


pg = st.navigation(
    [
        st.Page(oversikt, title="Översikt", default=True),
        st.Page("pages/om.py", title="Om data", url_path="om"),
    ]
)
pg.run()
