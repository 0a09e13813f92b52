"""The upload tab of Ladda upp: kind and year, file, columns, names, report, preview, commit.

What the widgets mean and what may happen next is decided in
:mod:`adoption.ingest.wizard` (pure, tested without Streamlit); the check and
the commit are :func:`adoption.ingest.pipeline.prepare` and ``commit``; the
words and tables are :mod:`adoption.views.upload`. This module reads the
widgets, keeps the wizard in the session and draws.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import streamlit as st

from adoption import formats
from adoption.ingest import pipeline, report_csv, report_xlsx, templates, wizard
from adoption.ingest.headers import canonical_columns
from adoption.text import formatting
from adoption.views import upload as shown

from . import admin, cache, widget_text
from .view import PageContext

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_STATE = "_upload_wizard"
# A file whose first check found headers with a remembered or suggested column is checked
# once more with them in the same run, so its report and preview are whole at once.
_CHECKS_PER_RUN = 2


def _municipality(code: str, names: Mapping[str, str]) -> str:
    return f"{names.get(code, code)} ({code})"


def show(ctx: PageContext) -> None:
    """Draw the upload tab (the page has checked access; the commit checks it again)."""
    ss = st.session_state
    done, state = ss.get(_STATE, wizard.Wizard()).take_done()
    ss[_STATE] = state
    if done is not None:
        counts = shown.counts(done.added, done.changed, done.unchanged, ctx.lang)
        if done.status == "committed":
            st.success(ctx.t("ladda_upp.committed", version=done.version, **counts), icon="✅")
        else:
            st.info(ctx.tn(f"ladda_upp.status.{done.status}", done.unchanged or 0, unchanged=counts["unchanged"]),
                    icon="ℹ️")

    kind, year = _kind_and_year(ctx)
    st.subheader(ctx.t("ladda_upp.step.file"))
    uploaded = st.file_uploader(ctx.t("ladda_upp.file"), type=["csv", "xlsx"], key=state.uploader_key,
                                max_upload_size=20, help=ctx.t("ladda_upp.file_help"))
    if uploaded is not None:
        _file(ctx, state, uploaded, kind, year)
    if kind in formats.SURVEY_KINDS:
        _remembered(ctx, kind)


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


def _made(seen: wizard.FileSeen, remembered: Mapping[str, str]) -> wizard.Choices:
    ss = st.session_state
    return wizard.choices(seen, {i: ss.get(seen.header_key(i)) for i in range(len(seen.headers))},
                          {m.row: ss.get(seen.fuzzy_key(m.row)) for m in seen.fuzzy},
                          {u.row: ss.get(seen.name_key(u.row)) for u in seen.unknown_names}, remembered)


def _file(ctx: PageContext, state: wizard.Wizard, uploaded, kind: str, year: int | None) -> None:
    ss = st.session_state
    store = ctx.store
    data = uploaded.getvalue()
    remembered = ({m.header: m.target for m in store.column_mappings(kind)}
                  if kind in formats.SURVEY_KINDS else {})
    seen = state.file(wizard.file_id(data), kind)
    for _ in range(_CHECKS_PER_RUN):
        made = _made(seen, remembered)
        key = wizard.request(seen, made, year, ctx.current)
        prepared = state.cached(key)
        if prepared is None:
            with st.spinner(ctx.t("ladda_upp.checking")):
                prepared = pipeline.prepare(data, uploaded.name, kind, store, year=year,
                                            column_mapping=made.column_mapping,
                                            name_corrections=made.name_corrections)
            state = state.with_prepared(key, prepared)
        now = seen.seeing(prepared.result)
        settled = now == seen or _made(now, remembered).mapping == made.mapping
        seen = now
        if settled:
            break
    made = _made(seen, remembered)
    result = prepared.result
    ss[_STATE] = state.with_file(seen)

    _duplicate(ctx, prepared)
    confirmed = _columns(ctx, seen, result, made, remembered)
    _names(ctx, seen)
    _report(ctx, seen, result)
    _preview(ctx, prepared)

    # 7. commit
    st.subheader(ctx.t("ladda_upp.step.commit"))
    ready = wizard.readiness(prepared, made, confirmed)
    if ready.unconfirmed:
        st.warning(ctx.tn("ladda_upp.fuzzy_pending", len(ready.unconfirmed)), icon="✋")
    why = ctx.t(f"ladda_upp.why_not.{ready.reason}") if ready.reason else None
    if st.button(ctx.t("ladda_upp.commit"), type="primary", disabled=not ready.ready, key="upload_commit",
                 help=why):
        actor = admin.require(ctx.lang)  # the server-side re-check, right before writing
        outcome = pipeline.commit(prepared, store, uploaded_by=actor.label, confirmed_fuzzy=made.confirmed)
        if outcome.version is not None:
            admin.publish_after_write(store)
        if made.to_remember and outcome.status != "duplicate":
            store.remember_column_mappings(kind, dict(made.to_remember), saved_by=actor.label)
        ss[_STATE] = ss[_STATE].committed(outcome)
        st.rerun()
    if why:
        st.caption(why)


def _duplicate(ctx: PageContext, prepared: pipeline.Prepared) -> None:
    """A file uploaded before: a no-op when the data still holds it, else a restore of its values."""
    previous = prepared.duplicate_of
    if previous is None or prepared.preview is None:
        return
    key = "ladda_upp.duplicate_current" if prepared.same_as_current else "ladda_upp.duplicate_restores"
    st.info(ctx.t(key, file=formatting.markdown_literal(previous.filename),
                  when=shown.when(previous.uploaded_at, ctx.lang), by=previous.uploaded_by,
                  version=previous.data_version if previous.data_version is not None else "–"), icon="♻️")


def _columns(ctx: PageContext, seen: wizard.FileSeen, result, made: wizard.Choices,
             remembered: Mapping[str, str]) -> bool:
    """3. What was recognised, what is missing, and a choice for each header not recognised.

    Returns whether the suggested columns are confirmed.
    """
    if seen.kind == "befolkning" or not (result.column_mapping or seen.headers or result.missing_columns):
        return True
    st.subheader(ctx.t("ladda_upp.step.columns"))
    if result.missing_columns or result.unknown_columns:
        parts = []
        if result.missing_columns:
            parts.append(ctx.t("ladda_upp.columns_missing", columns=", ".join(result.missing_columns)))
        if result.unknown_columns:
            parts.append(ctx.t("ladda_upp.columns_unmapped",
                               headers=", ".join(f"”{h}”" for h in result.unknown_columns)))
        (st.error if result.missing_columns else st.warning)(" ".join(parts), icon="🧩")
    recognised = {h: c for h, c in result.column_mapping.items() if h not in seen.headers}
    if recognised:
        st.dataframe({ctx.t("ladda_upp.col.file_header"): list(recognised),
                      ctx.t("ladda_upp.col.expected"): [shown.column_choice(c, ctx.lang) for c in recognised.values()]},
                     hide_index=True)
    if not seen.headers:
        return True
    st.markdown(ctx.t("ladda_upp.unknown_columns"))
    targets = ["", *canonical_columns(seen.kind)]
    defaults = seen.defaults(remembered)
    suggested = dict(seen.suggested)
    for i, header in enumerate(seen.headers):
        note = ("ladda_upp.column_remembered" if header in remembered
                else "ladda_upp.column_suggested" if header in suggested else None)
        label = f"”{header}”" + (f" · {ctx.t(note)}" if note else "")
        st.selectbox(label, targets, index=targets.index(defaults[i]) if defaults[i] in targets else 0,
                     key=seen.header_key(i), placeholder=widget_text.choose(ctx.lang),
                     format_func=lambda c: ctx.t("ladda_upp.ignore_column") if not c
                     else shown.column_choice(c, ctx.lang))
    if not made.guessed:
        return True
    return st.checkbox(ctx.t("ladda_upp.columns_confirm", n=len(made.guessed)), key=seen.confirm_key)


def _names(ctx: PageContext, seen: wizard.FileSeen) -> None:
    """4. Municipality names matched by similarity (confirm or correct) or not at all (pick one)."""
    if not seen.fuzzy and not seen.unknown_names:
        return
    names = cache.municipality_names(ctx.store)
    st.subheader(ctx.t("ladda_upp.step.names"))
    if seen.fuzzy:
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
    if seen.unknown_names:
        st.markdown(ctx.t("ladda_upp.unknown_names_help"))
    for unknown in sorted(seen.unknown_names, key=lambda u: u.row):
        close = {code for code, _name, _score in unknown.candidates}
        st.selectbox(
            ctx.t("ladda_upp.unknown_name_row", row=unknown.row, value=unknown.value),
            wizard.name_options(unknown, names), index=None, key=seen.name_key(unknown.row),
            placeholder=ctx.t("ladda_upp.unknown_name_choose"),
            format_func=lambda c, close=close: _municipality(c, names) + (
                " – " + ctx.t("ladda_upp.name_close") if c in close else ""),
        )


def _report(ctx: PageContext, seen: wizard.FileSeen, result) -> None:
    """5. The validation report."""
    st.subheader(ctx.t("ladda_upp.step.report"))
    errors, warnings = len(result.errors), len(result.warnings)
    if not result.problems:
        st.success(ctx.t("ladda_upp.report_clean"), icon="✅")
        return
    (st.error if errors else st.warning)(shown.report_summary(errors, warnings, ctx.lang))
    st.dataframe(admin.report_table(result, ctx.lang), hide_index=True, width="stretch")
    r_left, r_right, _ = st.columns([1, 1, 3])
    with r_left:
        st.download_button(ctx.t("download.csv"), data=report_csv(result), key="report_csv",
                           file_name=f"valideringsrapport_{seen.sha}.csv", mime="text/csv", on_click="ignore")
    with r_right:
        st.download_button(ctx.t("download.xlsx"), data=report_xlsx(result), key="report_xlsx",
                           file_name=f"valideringsrapport_{seen.sha}.xlsx", mime=XLSX_MIME, on_click="ignore")


def _preview(ctx: PageContext, prepared: pipeline.Prepared) -> None:
    """6. The preview against the current data: counts, every changed field, answers that become empty."""
    preview = prepared.preview
    if preview is None:
        return
    st.subheader(ctx.t("ladda_upp.step.preview"))
    base = preview.base_version
    st.markdown(ctx.t("ladda_upp.preview_base", version=base if base is not None else "–"))
    st.dataframe(admin.counts_table(preview, ctx.lang), hide_index=True)
    names = cache.municipality_names(ctx.store)
    if prepared.columns_not_in_file and (preview.changed or preview.unchanged):
        st.caption(ctx.t("ladda_upp.columns_kept", columns=", ".join(
            shown.column_description(c, ctx.lang) for c in prepared.columns_not_in_file)))
    changes = shown.changes_table(preview.changes, names, ctx.lang)
    if len(changes):
        st.markdown(ctx.t("ladda_upp.changes_heading"))
        st.dataframe(changes, hide_index=True, width="stretch")
    elif preview.added:
        st.caption(ctx.t("ladda_upp.changes_none"))
    warning = shown.blank_warning(preview.changes, names, ctx.lang)
    if warning:
        st.warning(warning, icon="⚠️")
    headline = admin.headline_table(preview, ctx.lang)
    if len(headline):
        st.markdown(ctx.t("ladda_upp.preview_headline"))
        st.dataframe(headline, hide_index=True)


def _remembered(ctx: PageContext, kind: str) -> None:
    """The column choices remembered for this kind: shown, and each one removable."""
    saved = ctx.store.column_mappings(kind)
    if not saved:
        return
    with st.expander(ctx.t("ladda_upp.remembered", n=len(saved), kind=formats.kind_name(kind, ctx.lang).lower())):
        st.caption(ctx.t("ladda_upp.remembered_help"))
        st.dataframe({
            ctx.t("ladda_upp.col.file_header"): [m.header for m in saved],
            ctx.t("ladda_upp.col.expected"): [shown.column_choice(m.target, ctx.lang) if m.target
                                              else ctx.t("ladda_upp.ignore_column") for m in saved],
            ctx.t("ladda_upp.col.when_local"): [shown.when(m.saved_at, ctx.lang) for m in saved],
            ctx.t("common.by"): [m.saved_by for m in saved],
        }, hide_index=True, width="stretch")
        header = st.selectbox(ctx.t("ladda_upp.forget_which"), [m.header for m in saved], index=None,
                              key=f"forget_mapping_{kind}", placeholder=ctx.t("ladda_upp.forget_choose"))
        if st.button(ctx.t("ladda_upp.forget"), disabled=header is None, key=f"forget_mapping_button_{kind}"):
            admin.require(ctx.lang)
            ctx.store.forget_column_mapping(kind, header)
            st.session_state.pop(f"forget_mapping_{kind}", None)
            st.rerun()
