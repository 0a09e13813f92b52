"""Entry point: ``streamlit run app.py``. Declares the pages; keep it thin.

Every page lives in ``pages/`` and asks ``adoption`` for everything it shows.
The URL path of each page is part of the public interface (shared links):
never change one. Why the first line is ``leave_legacy_pages_mode()``:
see ``adoption/ui/legacy.py``.
"""

from __future__ import annotations

from adoption.ui.legacy import leave_legacy_pages_mode  # noqa: E402

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.text import i18n  # noqa: E402 - after the guard, which may rerun
from adoption.ui.admin import may_administer  # noqa: E402
from adoption.ui.view import current_lang  # noqa: E402

lang = current_lang()
st.set_page_config(page_title=i18n.t("app.title", lang), layout="wide", page_icon="🗺️")

# (file, url_path, title key); the first is the default page, served at "/".
PAGES = (
    ("pages/oversikt.py", "oversikt", "page.oversikt"),
    ("pages/karta.py", "karta", "page.karta"),
    ("pages/sektorer.py", "sektorer", "page.sektorer"),
    ("pages/mal.py", "mal", "page.mal"),
    ("pages/effekt.py", "effekt", "page.effekt"),  # programme effect and funnel
    ("pages/kommun.py", "kommun", "page.kommun"),
    ("pages/civilsamhalle.py", "civilsamhalle", "page.civilsamhalle"),
    ("pages/initiativ.py", "initiativ", "page.initiativ"),
    ("pages/om.py", "om", "page.om_data"),
    ("pages/ladda-upp.py", "ladda-upp", "page.ladda_upp"),
)
# Pages listed in the navigation only for a request that may administer. They
# stay reachable by URL for everyone (a password or sign-in form is shown);
# each page checks access itself on the server (adoption/ui/admin.py).
ADMIN_PAGES = {"pages/ladda-upp.py"}

admin_visible = may_administer()
navigation = st.navigation(
    [
        st.Page(path, url_path=url_path, title=i18n.t(title, lang), default=(index == 0),
                visibility="visible" if path not in ADMIN_PAGES or admin_visible else "hidden")
        for index, (path, url_path, title) in enumerate(PAGES)
    ]
)
navigation.run()
