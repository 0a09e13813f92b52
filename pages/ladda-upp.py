"""Ladda upp (administrators only): upload survey responses, initiatives or population;
the upload history with restore; the programme goals.

The gate (adoption.ui.admin) decides who may see anything below the title,
and every action that writes asks it again right before writing. The work is
done by adoption.ingest.pipeline (prepare, commit) and the store.
"""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import datetime  # noqa: E402

import streamlit as st  # noqa: E402

from adoption.ingest import (  # noqa: E402
    pipeline,
    report_csv,
    report_xlsx,
    templates,  # noqa: E402
)
from adoption.ingest.headers import canonical_columns  # noqa: E402
from adoption.text import formatting  # noqa: E402
from adoption.ui import admin, cache, view  # noqa: E402

ctx = view.setup("ladda_upp")
st.title(ctx.t("page.ladda_upp"))
who = admin.gate(ctx.lang)
if who is None:
    st.stop()
st.caption(ctx.t("ladda_upp.signed_in", who=who.label))
admin.show_published(ctx.lang)

ss = st.session_state
store = ctx.store
names = cache.municipality_names(store)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def municipality(code: str) -> str:
    return f"{names.get(code, code)} ({code})"


tab_upload, tab_history, tab_goals = st.tabs(
    [ctx.t("ladda_upp.tab.upload"), ctx.t("ladda_upp.tab.history"), ctx.t("ladda_upp.tab.goals")])

# -- 1-7: upload ------------------------------------------------------------------------------
with tab_upload:
    done = ss.pop("_upload_done", None)
    if done is not None:
        status, version, added, changed, unchanged = done
        if status == "committed":
            st.success(ctx.t("ladda_upp.committed", version=version, added=added, changed=changed,
                             unchanged=unchanged), icon="✅")
        else:
            st.info(ctx.t(f"ladda_upp.status.{status}", unchanged=unchanged), icon="ℹ️")

    st.subheader(ctx.t("ladda_upp.step.kind"))
    left, right = st.columns(2)
    with left:
        kind = st.radio(ctx.t("ladda_upp.kind"), pipeline.KINDS, key="upload_kind", horizontal=True,
                        format_func=lambda k: ctx.t(f"ladda_upp.kind.{k}"))
    this_year = datetime.date.today().year
    with right:
        year = st.selectbox(ctx.t("ladda_upp.year"), [None, *range(this_year + 1, 2014, -1)], key="upload_year",
                            format_func=lambda y: ctx.t("ladda_upp.year_from_file") if y is None else str(y),
                            help=ctx.t("ladda_upp.year_help"))
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

    st.subheader(ctx.t("ladda_upp.step.file"))
    uploader_key = f"upload_file_{ss.get('_upload_round', 0)}"
    uploaded = st.file_uploader(ctx.t("ladda_upp.file"), type=["csv", "xlsx"], key=uploader_key,
                                max_upload_size=20, help=ctx.t("ladda_upp.file_help"))

    if uploaded is not None:
        data = uploaded.getvalue()
        sha = pipeline.sha256(data)[:12]
        # Headers and fuzzy matches seen for this file stay listed after a choice made them go away.
        seen = ss.setdefault("_upload_seen", {}).setdefault((sha, kind), {"headers": [], "fuzzy": {}})
        mapping = {h: ss.get(f"map_{sha}_{i}") or "" for i, h in enumerate(seen["headers"])
                   if ss.get(f"map_{sha}_{i}")}
        choices = {row: ss.get(f"fuzzy_{sha}_{row}") for row in seen["fuzzy"]}
        corrections = {row: code for row, code in choices.items()
                       if code and code != seen["fuzzy"][row].kommunkod}
        key = (sha, kind, year, tuple(sorted(mapping.items())), tuple(sorted(corrections.items())),
               ctx.current)
        cached = ss.get("_upload_prepared")
        if cached is not None and cached[0] == key:
            prepared = cached[1]
        else:
            with st.spinner(ctx.t("ladda_upp.checking")):
                prepared = pipeline.prepare(data, uploaded.name, kind, store, year=year,
                                            column_mapping=mapping or None, name_corrections=corrections or None)
            ss["_upload_prepared"] = (key, prepared)
        result = prepared.result
        for header in result.unknown_columns:
            if header not in seen["headers"]:
                seen["headers"].append(header)
        for match in result.fuzzy_matches:
            seen["fuzzy"].setdefault(match.row, match)

        if prepared.duplicate_of is not None:
            previous = prepared.duplicate_of
            st.info(ctx.t("ladda_upp.duplicate", file=formatting.markdown_literal(previous.filename), when=f"{previous.uploaded_at:%Y-%m-%d %H:%M}",
                          by=previous.uploaded_by, version=previous.data_version
                          if previous.data_version is not None else "–"), icon="♻️")

        # 3. columns: what was recognised, and a choice for each unrecognised header
        if kind != "befolkning" and (result.column_mapping or seen["headers"]):
            st.subheader(ctx.t("ladda_upp.step.columns"))
            if result.column_mapping:
                st.dataframe({ctx.t("ladda_upp.col.file_header"): list(result.column_mapping),
                              ctx.t("ladda_upp.col.expected"): list(result.column_mapping.values())},
                             hide_index=True)
            if seen["headers"]:
                st.markdown(ctx.t("ladda_upp.unknown_columns"))
                targets = ["", *canonical_columns(kind)]
                for i, header in enumerate(seen["headers"]):
                    st.selectbox(f"”{header}”", targets, key=f"map_{sha}_{i}",
                                 format_func=lambda c: ctx.t("ladda_upp.ignore_column") if not c else c)

        # 4. municipality names matched by similarity: confirm or correct each
        if seen["fuzzy"]:
            st.subheader(ctx.t("ladda_upp.step.fuzzy"))
            st.markdown(ctx.t("ladda_upp.fuzzy_help"))
            others = sorted(names, key=lambda c: names[c])
            for row, match in sorted(seen["fuzzy"].items()):
                options = [match.kommunkod, *(c for c in others if c != match.kommunkod)]
                st.selectbox(
                    ctx.t("ladda_upp.fuzzy_row", row=row, value=match.value, name=municipality(match.kommunkod),
                          score=f"{match.score:.0f}"),
                    options, index=None, key=f"fuzzy_{sha}_{row}", placeholder=ctx.t("ladda_upp.fuzzy_choose"),
                    format_func=lambda c, m=match: municipality(c) + (
                        " – " + ctx.t("ladda_upp.fuzzy_suggested") if c == m.kommunkod else ""),
                )
        confirmed = {row for row, code in choices.items() if code and code == seen["fuzzy"][row].kommunkod}
        unconfirmed = prepared.unconfirmed(confirmed)

        # 5. the validation report
        st.subheader(ctx.t("ladda_upp.step.report"))
        errors, warnings = len(result.errors), len(result.warnings)
        if result.problems:
            (st.error if errors else st.warning)(ctx.t("ladda_upp.report_summary", errors=errors, warnings=warnings))
            st.dataframe(admin.report_table(result, ctx.lang), hide_index=True, width="stretch")
            r_left, r_right, _ = st.columns([1, 1, 3])
            with r_left:
                st.download_button(ctx.t("download.csv"), data=report_csv(result), key="report_csv",
                                   file_name=f"valideringsrapport_{sha}.csv", mime="text/csv", on_click="ignore")
            with r_right:
                st.download_button(ctx.t("download.xlsx"), data=report_xlsx(result), key="report_xlsx",
                                   file_name=f"valideringsrapport_{sha}.xlsx", mime=XLSX_MIME, on_click="ignore")
        else:
            st.success(ctx.t("ladda_upp.report_clean"), icon="✅")

        # 6. the preview against the current data
        if prepared.preview is not None:
            st.subheader(ctx.t("ladda_upp.step.preview"))
            base = prepared.preview.base_version
            st.markdown(ctx.t("ladda_upp.preview_base", version=base if base is not None else "–"))
            st.dataframe(admin.counts_table(prepared.preview, ctx.lang), hide_index=True)
            headline = admin.headline_table(prepared.preview, ctx.lang)
            if len(headline):
                st.markdown(ctx.t("ladda_upp.preview_headline"))
                st.dataframe(headline, hide_index=True)

        # 7. commit
        st.subheader(ctx.t("ladda_upp.step.commit"))
        if unconfirmed and prepared.ok:
            st.warning(ctx.t("ladda_upp.fuzzy_pending", n=len(unconfirmed)), icon="✋")
        ready = prepared.can_commit and not unconfirmed
        if st.button(ctx.t("ladda_upp.commit"), type="primary", disabled=not ready, key="upload_commit"):
            actor = admin.require(ctx.lang)  # the server-side re-check, right before writing
            outcome = pipeline.commit(prepared, store, uploaded_by=actor.label, confirmed_fuzzy=confirmed)
            if outcome.version is not None:
                admin.publish_after_write(store)
            ss["_upload_done"] = (outcome.status, outcome.version, outcome.added, outcome.changed, outcome.unchanged)
            ss["_upload_round"] = ss.get("_upload_round", 0) + 1
            ss.pop("_upload_prepared", None)
            ss.pop("_upload_seen", None)
            st.rerun()

# -- history and restore ---------------------------------------------------------------------
with tab_history:
    done = ss.pop("_rollback_done", None)
    if done is not None:
        st.success(ctx.t("ladda_upp.rolled_back", target=done[0], version=done[1]), icon="✅")
    history = store.history()
    if history.empty:
        st.info(ctx.t("ladda_upp.no_history"))
    else:
        st.dataframe(admin.history_table(history, ctx.lang), hide_index=True, width="stretch")
        versions = [v.version for v in reversed(store.versions())]
        st.subheader(ctx.t("ladda_upp.rollback"))
        st.markdown(ctx.t("ladda_upp.rollback_help"))
        target = st.selectbox(ctx.t("ladda_upp.rollback_version"), versions, index=None, key="rollback_version",
                              placeholder=ctx.t("ladda_upp.rollback_choose"))
        sure = st.checkbox(ctx.t("ladda_upp.rollback_confirm"), key="rollback_confirm", disabled=target is None)
        if st.button(ctx.t("ladda_upp.rollback_button"), disabled=target is None or not sure, key="rollback_button"):
            actor = admin.require(ctx.lang)
            new = store.rollback(int(target), created_by=actor.label)
            admin.publish_after_write(store)
            ss["_rollback_done"] = (int(target), new)
            for k in ("rollback_version", "rollback_confirm"):
                ss.pop(k, None)
            st.rerun()

# -- 8. programme goals ----------------------------------------------------------------------
with tab_goals:
    done = ss.pop("_goal_done", None)
    if done is not None:
        st.success(ctx.t("ladda_upp.goal_saved", goal=done[0], revision=done[1]), icon="✅")
    current_goals = store.goals()
    if current_goals.empty:
        st.info(ctx.t("ladda_upp.no_goals"))
    for goal in current_goals.itertuples(index=False):
        unit = admin.goal_unit(goal.metric, goal.measure)
        with st.form(f"goal_form_{goal.goal_id}"):
            st.markdown(f"**{goal.goal_id}** · {ctx.t('ladda_upp.goal_metric')}: {goal.metric} · "
                        + ctx.t("ladda_upp.goal_revision", revision=goal.revision, by=goal.changed_by))
            g_left, g_right = st.columns(2)
            with g_left:
                target = st.number_input(ctx.t(f"ladda_upp.goal_target.{'share' if unit == 'share' else 'other'}"),
                                         min_value=0.0, max_value=100.0 if unit in ("share", "index") else None,
                                         value=admin.target_for_form(goal.target, unit), key=f"goal_target_{goal.goal_id}")
            with g_right:
                target_year = st.number_input(ctx.t("ladda_upp.goal_year"), min_value=2020, max_value=2100, step=1,
                                              value=int(goal.target_year), key=f"goal_year_{goal.goal_id}")
            label_sv = st.text_input(ctx.t("ladda_upp.goal_label_sv"), value=goal.label_sv, max_chars=200,
                                     key=f"goal_sv_{goal.goal_id}")
            label_en = st.text_input(ctx.t("ladda_upp.goal_label_en"), value=goal.label_en, max_chars=200,
                                     key=f"goal_en_{goal.goal_id}")
            submitted = st.form_submit_button(ctx.t("ladda_upp.goal_save"))
        if submitted:
            actor = admin.require(ctx.lang)
            new_target = admin.target_from_form(target, unit)
            unchanged = (abs(new_target - float(goal.target)) < 1e-12 and int(target_year) == int(goal.target_year)
                         and label_sv.strip() == goal.label_sv and label_en.strip() == goal.label_en)
            if not label_sv.strip() or not label_en.strip():
                st.error(ctx.t("ladda_upp.goal_label_missing"))
            elif unchanged:
                st.info(ctx.t("ladda_upp.goal_unchanged"))
            else:
                revision = store.save_goal(goal_id=goal.goal_id, metric=goal.metric, measure=goal.measure,
                                           target=new_target, target_year=int(target_year), label_sv=label_sv.strip(),
                                           label_en=label_en.strip(), changed_by=actor.label)
                admin.publish_after_write(store)
                ss["_goal_done"] = (goal.goal_id, revision)
                st.rerun()
    with st.expander(ctx.t("ladda_upp.goal_history")):
        st.dataframe(store.goal_history(), hide_index=True, width="stretch")
