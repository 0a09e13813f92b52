"""Entry point: ``streamlit run app.py``. Declares the pages; keep it thin.

Every page lives in ``pages/`` and asks ``adoption`` for everything it shows;
the pages, their files and URL paths are listed once, in
``adoption/ui/navigation.py``. Why the first line is
``leave_legacy_pages_mode()``: see ``adoption/ui/legacy.py``.
"""

from __future__ import annotations

from adoption.ui.legacy import leave_legacy_pages_mode  # noqa: E402

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.text import i18n  # noqa: E402 - after the guard, which may rerun
from adoption.ui.admin import may_administer  # noqa: E402
from adoption.ui.navigation import PAGES  # noqa: E402
from adoption.ui.view import current_lang  # noqa: E402

lang = current_lang()
st.set_page_config(page_title=i18n.t("app.title", lang), layout="wide", page_icon="🗺️")

# Accessibility: <html lang> follows the interface language, and the shared CSS (contrast,
# focus, reflow) is in place before any page draws. See adoption/ui/accessibility.py.
from adoption.ui import accessibility  # noqa: E402

accessibility.frame(lang)

admin_visible = may_administer()
st.navigation([
    st.Page(page.file, url_path=page.url_path, title=i18n.t(page.title_key, lang), default=page.default,
            visibility="visible" if not page.admin_only or admin_visible else "hidden")
    for page in PAGES
]).run()
