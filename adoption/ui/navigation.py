"""Every page of the app, named once: its file, URL path, title and who sees it in the navigation.

``app.py`` declares the navigation from :data:`PAGES`; links and jumps to a
page use its entry (``st.page_link(KOMMUN.file, ...)``,
``view.go_to(ctx, KOMMUN, kommun="0180")``), and ``view.setup`` knows a page
by its ``id``. The URL path of each page is part of the public interface
(shared links): never change one. Legacy ``pages/`` mode (see
:mod:`adoption.ui.legacy`) finds a page by its file name, so every file is
named like its URL path (tests/test_pages_layout.py checks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    id: str  # what the page passes to view.setup
    file: str  # relative to app.py
    url_path: str
    title_key: str  # in adoption.text.i18n
    icon: str | None = None  # beside links to the page (the navigation itself shows none)
    # Listed in the navigation only for a request that may administer. Such a
    # page stays reachable by URL for everyone (a password or sign-in form is
    # shown); it checks access itself on the server (adoption/ui/admin.py).
    admin_only: bool = False
    default: bool = False  # served at "/"

    @property
    def path(self) -> str:
        """The page's address in the app: "/" for the default page, else "/<url_path>"."""
        return "/" if self.default else f"/{self.url_path}"


OVERSIKT = Page("oversikt", "pages/oversikt.py", "oversikt", "page.oversikt", default=True)
KARTA = Page("karta", "pages/karta.py", "karta", "page.karta")
SEKTORER = Page("sektorer", "pages/sektorer.py", "sektorer", "page.sektorer")
MAL = Page("mal", "pages/mal.py", "mal", "page.mal", icon="🎯")
EFFEKT = Page("effekt", "pages/effekt.py", "effekt", "page.effekt")
KOMMUN = Page("kommun", "pages/kommun.py", "kommun", "page.kommun")
CIVILSAMHALLE = Page("civilsamhalle", "pages/civilsamhalle.py", "civilsamhalle", "page.civilsamhalle")
INITIATIV = Page("initiativ", "pages/initiativ.py", "initiativ", "page.initiativ", icon="🔎")
OM = Page("om", "pages/om.py", "om", "page.om_data")
TILLGANGLIGHET = Page("tillganglighet", "pages/tillganglighet.py", "tillganglighet", "page.tillganglighet")
LADDA_UPP = Page("ladda_upp", "pages/ladda-upp.py", "ladda-upp", "page.ladda_upp", admin_only=True)

# In navigation order; the default page first.
PAGES = (OVERSIKT, KARTA, SEKTORER, MAL, EFFEKT, KOMMUN, CIVILSAMHALLE, INITIATIV, OM, TILLGANGLIGHET, LADDA_UPP)


def page(page_id: str) -> Page:
    """The page with this id; ``KeyError`` for an unknown one."""
    for entry in PAGES:
        if entry.id == page_id:
            return entry
    raise KeyError(page_id)
