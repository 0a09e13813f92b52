"""The upload tab of Ladda upp: kind and year, file, columns, names, report, preview, commit.

What the widgets mean and what may happen next is decided in
:mod:`adoption.ingest.wizard` (pure, tested without Streamlit); the check and
the commit are :func:`adoption.ingest.pipeline.prepare` and ``commit``. This
module reads the widgets, keeps the wizard in the session and draws.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import streamlit as st

from adoption import formats
from adoption.ingest import pipeline, report_csv, report_xlsx, templates, wizard
from adoption.ingest.headers import canonical_columns
from adoption.text import formatting

from . import admin, cache, widget_text
from .view import PageContext

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_STATE = "_upload_wizard"


def _municipality(code: str, names: Mapping[str, str]) -> str:
    return f"{names.get(code, code)} ({code})"


def show(ctx: PageContext) -> None:
    """Draw the upload tab (the page has checked access; the commit checks it again)."""
    ss = st.session_state
    done, state = ss.get(_STATE, wizard.Wizard()).take_done()
    ss[_STATE] = state
    if done is not None:
        if done.status == "committed":
            st.success(ctx.t("ladda_upp.committed", version=done.version, added=done.added, changed=done.changed,
                             unchanged=done.unchanged), icon="✅")
        else:
            st.info(ctx.tn(f"ladda_upp.status.{done.status}", done.unchanged or 0,
                           unchanged=formatting.number(done.unchanged or 0, ctx.lang)), icon="ℹ️")

    kind, year = _kind_and_year(ctx)
    st.subheader(ctx.t("ladda_upp.step.file"))
    uploaded = st.file_uploader(ctx.t("ladda_upp.file"), type=["csv", "xlsx"], key=state.uploader_key,
                                max_upload_size=20, help=ctx.t("ladda_upp.file_help"))
    if uploaded is not None:
        _file(ctx, state, uploaded, kind, year)


def _kind_and_year(ctx: PageContext) -> tuple[str, int | None]:
    st.subheader(ctx.t("ladda_upp.step.kind"))
    left, right = st.columns(2)
    with left:
        kind = st.radio(ctx.t("ladda_upp.kind_label"), formats.KINDS, key="upload_kind", horizontal=True,
                        format_func=lambda k: formats.kind_name(k, ctx.lang))
    with right:
        year = st.selectbox(ctx.t("ladda_upp.year"), wizard.year_options(datetime.date.today()), key="upload_year",
                            format_func=lambda y: ctx.t("ladda_upp.year_from_file") if y is None else str(y),
                            help=ctx.t("ladda_upp.year_help"), placeholder=widget_text.choose(ctx.lang))
    st.markdown(ctx.t("ladda_upp.templates"))
    t_left, t_right, _ = st.columns([1, 1, 3])
    with t_left:
        st.download_button(ctx.t("ladda_upp.template_xlsx"), data=lambda: templates.template_xlsx(kind),
                           file_name=templates.filename(kind, "xlsx"), mime=XLSX_MIME, on_click="ignore",
                           key=f"template_xlsx_{kind}", icon=":material/download:")
    with t_right:
        st.download_button(ctx.t("ladda_upp.template_csv"), data=lambda: templates.template_csv(kind),
                           file_name=templates.filename(kind, "csv"), mime="text/csv", on_click="ignore",
                           key=f"template_csv_{kind}", icon=":material/download:")
    return kind, year


def _file(ctx: PageContext, state: wizard.Wizard, uploaded, kind: str, year: int | None) -> None:
    ss = st.session_state
    store = ctx.store
    data = uploaded.getvalue()
    seen = state.file(wizard.file_id(data), kind)
    made = wizard.choices(seen, {i: ss.get(seen.header_key(i)) for i in range(len(seen.headers))},
                          {m.row: ss.get(seen.fuzzy_key(m.row)) for m in seen.fuzzy})
    key = wizard.request(seen, made, year, ctx.current)
    prepared = state.cached(key)
    if prepared is None:
        with st.spinner(ctx.t("ladda_upp.checking")):
            prepared = pipeline.prepare(data, uploaded.name, kind, store, year=year,
                                        column_mapping=made.column_mapping, name_corrections=made.name_corrections)
        state = state.with_prepared(key, prepared)
    result = prepared.result
    seen = seen.seeing(result)
    ss[_STATE] = state.with_file(seen)

    if prepared.duplicate_of is not None:
        previous = prepared.duplicate_of
        st.info(ctx.t("ladda_upp.duplicate", file=formatting.markdown_literal(previous.filename),
                      when=f"{previous.uploaded_at:%Y-%m-%d %H:%M}", by=previous.uploaded_by,
                      version=previous.data_version if previous.data_version is not None else "–"), icon="♻️")
    _columns(ctx, seen, result)
    _names(ctx, seen)
    _report(ctx, seen, result)
    _preview(ctx, prepared)

    # 7. commit
    st.subheader(ctx.t("ladda_upp.step.commit"))
    ready = wizard.readiness(prepared, made)
    if ready.waiting:
        st.warning(ctx.tn("ladda_upp.fuzzy_pending", len(ready.unconfirmed)), icon="✋")
    if st.button(ctx.t("ladda_upp.commit"), type="primary", disabled=not ready.ready, key="upload_commit"):
        actor = admin.require(ctx.lang)  # the server-side re-check, right before writing
        outcome = pipeline.commit(prepared, store, uploaded_by=actor.label, confirmed_fuzzy=made.confirmed)
        ss[_STATE] = ss[_STATE].committed(outcome)
        st.rerun()


def _columns(ctx: PageContext, seen: wizard.FileSeen, result) -> None:
    """3. What was recognised, and a choice for each unrecognised header."""
    if seen.kind == "befolkning" or not (result.column_mapping or seen.headers):
        return
    st.subheader(ctx.t("ladda_upp.step.columns"))
    if result.column_mapping:
        st.dataframe({ctx.t("ladda_upp.col.file_header"): list(result.column_mapping),
                      ctx.t("ladda_upp.col.expected"): list(result.column_mapping.values())}, hide_index=True)
    if seen.headers:
        st.markdown(ctx.t("ladda_upp.unknown_columns"))
        targets = ["", *canonical_columns(seen.kind)]
        for i, header in enumerate(seen.headers):
            st.selectbox(f"”{header}”", targets, key=seen.header_key(i), placeholder=widget_text.choose(ctx.lang),
                         format_func=lambda c: ctx.t("ladda_upp.ignore_column") if not c else c)


def _names(ctx: PageContext, seen: wizard.FileSeen) -> None:
    """4. Municipality names matched by similarity: confirm or correct each."""
    if not seen.fuzzy:
        return
    names = cache.municipality_names(ctx.store)
    st.subheader(ctx.t("ladda_upp.step.fuzzy"))
    st.markdown(ctx.t("ladda_upp.fuzzy_help"))
    for match in seen.by_row():
        st.selectbox(
            ctx.t("ladda_upp.fuzzy_row", row=match.row, value=match.value,
                  name=_municipality(match.kommunkod, names), score=f"{match.score:.0f}"),
            wizard.fuzzy_options(match, names), index=None, key=seen.fuzzy_key(match.row),
            placeholder=ctx.t("ladda_upp.fuzzy_choose"),
            format_func=lambda c, m=match: _municipality(c, names) + (
                " – " + ctx.t("ladda_upp.fuzzy_suggested") if c == m.kommunkod else ""),
        )


def _report(ctx: PageContext, seen: wizard.FileSeen, result) -> None:
    """5. The validation report."""
    st.subheader(ctx.t("ladda_upp.step.report"))
    errors, warnings = len(result.errors), len(result.warnings)
    if not result.problems:
        st.success(ctx.t("ladda_upp.report_clean"), icon="✅")
        return
    (st.error if errors else st.warning)(ctx.t("ladda_upp.report_summary", errors=ctx.tn("ladda_upp.report_errors", errors),
                                              warnings=ctx.tn("ladda_upp.report_warnings", warnings)))
    st.dataframe(admin.report_table(result, ctx.lang), hide_index=True, width="stretch")
    r_left, r_right, _ = st.columns([1, 1, 3])
    with r_left:
        st.download_button(ctx.t("download.csv"), data=report_csv(result), key="report_csv",
                           file_name=f"valideringsrapport_{seen.sha}.csv", mime="text/csv", on_click="ignore")
    with r_right:
        st.download_button(ctx.t("download.xlsx"), data=report_xlsx(result), key="report_xlsx",
                           file_name=f"valideringsrapport_{seen.sha}.xlsx", mime=XLSX_MIME, on_click="ignore")


def _preview(ctx: PageContext, prepared: pipeline.Prepared) -> None:
    """6. The preview against the current data."""
    if prepared.preview is None:
        return
    st.subheader(ctx.t("ladda_upp.step.preview"))
    base = prepared.preview.base_version
    st.markdown(ctx.t("ladda_upp.preview_base", version=base if base is not None else "–"))
    st.dataframe(admin.counts_table(prepared.preview, ctx.lang), hide_index=True)
    headline = admin.headline_table(prepared.preview, ctx.lang)
    if len(headline):
        st.markdown(ctx.t("ladda_upp.preview_headline"))
        st.dataframe(headline, hide_index=True)
