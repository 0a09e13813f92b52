"""The "Ladda ned rapport (PDF)" button: the same file as ``python -m adoption rapport`` for this view.

Kommun: ``report.download_button(ctx, kommun=code)``; Översikt and Karta:
``report.download_button(ctx)``, a county report for the one county chosen, a
group report for the municipality group chosen (see :func:`scope_of`), a
report for the whole country when neither is chosen. The PDF is made when the
button is clicked, from the view's survey year, language and data version.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from adoption import reports
from adoption.errors import AdoptionError
from adoption.reports.fonts import font_dir

from . import cache
from .context import store as current_store
from .sidebar import group_label
from .view import PageContext


def scope_of(ctx: PageContext, kommun: str | None = None) -> reports.Scope | None:
    """The report this view asks for; None when several counties are chosen.

    Precedence, narrowest place first: the municipality (Kommun), then a county, then a group, then the
    country. A county and a group chosen together give the county report: there is no report of a
    group within a county, and the county's report is the one a reader of that county looks for (the
    button's help names the area). A group reaches the filter only when the data version has groups
    (the URL's ``grupp`` is dropped otherwise), so the group report is offered only when it can be made.
    """
    if kommun:
        return reports.Scope("kommun", kommun)
    flt = ctx.state.filter
    if len(flt.lan) > 1:
        return None
    if flt.lan:
        return reports.Scope("lan", flt.lan[0])
    return reports.Scope("grupp", flt.grupp) if flt.grupp else reports.Scope("riket")


def base_url() -> str | None:
    """The dashboard's address for the report's links: $ADOPTION_PUBLIC_URL, else this request's origin."""
    configured = reports.public_url()
    if configured:
        return configured
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def download_button(ctx: PageContext, *, kommun: str | None = None) -> None:
    if ctx.version is None or ctx.year is None:
        return
    scope = scope_of(ctx, kommun)
    if scope is None:
        st.caption(ctx.t("report.choose_one_lan"))
        return
    try:
        font_dir()
    except AdoptionError as error:
        st.caption(str(error))
        return
    store, year, lang, version, base = ctx.store, ctx.year, ctx.lang, ctx.version, base_url()
    if scope.kind == "kommun":
        area = cache.municipality_names(current_store()).get(kommun, kommun)
    elif scope.kind == "lan":
        area = cache.county_names(current_store()).get(scope.code, scope.code)
    elif scope.kind == "grupp":
        area = group_label(scope.code, ctx.lang)
    else:
        area = ctx.t("kommun.riket")
    st.download_button(
        ctx.t("report.button"),
        data=lambda: reports.build(store, scope, year, lang, base, version=version),
        file_name=reports.file_name(scope, year, lang, version), mime="application/pdf",
        key=f"report_pdf_{scope.kind}", on_click="ignore", icon=":material/picture_as_pdf:",
        help=ctx.t("report.button_help", area=area, year=year, version=version),
    )
