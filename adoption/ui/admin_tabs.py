"""The history and goals tabs of Ladda upp: restore a data version, remove demo data, edit the goals.

Every action that writes asks :func:`adoption.ui.admin.require` again right
before writing. A goal edit is decided by :func:`adoption.metrics.goals.edit_goal`;
what a restore would change by :func:`adoption.ingest.changes.restore_preview`.
"""

from __future__ import annotations

import streamlit as st

from adoption.ingest.changes import ADDED, CHANGED, REMOVED, restore_preview
from adoption.metrics import goals as goal_domain
from adoption.text import formatting
from adoption.views import upload as shown

from . import admin, cache, widget_text
from .view import PageContext

_RESTORE_LISTED = 500  # changed fields shown before a restore; the summary counts them all


# Comparing two whole versions reads every row of both: once per choice, not on every rerun.
@st.cache_data(show_spinner=False, max_entries=8)
def _restore_preview(path: str, target: int, current: int | None, _store):
    return restore_preview(_store, target, current)


def history(ctx: PageContext) -> None:
    """Every version and upload, a restore of an earlier version (as a new version), demo data removal."""
    ss = st.session_state
    done = ss.pop("_rollback_done", None)
    if done is not None:
        st.success(ctx.t("ladda_upp.rolled_back", target=done[0], version=done[1]), icon="✅")
    done = ss.pop("_demo_removed", None)
    if done is not None:
        st.success(ctx.t("ladda_upp.demo_removed", rows=formatting.number(done[1], ctx.lang), version=done[0]),
                   icon="✅")
    store = ctx.store
    frame = store.history()
    if frame.empty:
        st.info(ctx.t("ladda_upp.no_history"))
        return
    st.dataframe(shown.history_table(frame, ctx.lang), hide_index=True, width="stretch")
    if frame["sha256"].notna().any():
        with st.expander(ctx.t("ladda_upp.checksums")):
            st.dataframe(shown.checksums_table(frame, ctx.lang), hide_index=True, width="stretch")
    _restore(ctx)
    _demo(ctx)


def _restore(ctx: PageContext) -> None:
    ss = st.session_state
    store = ctx.store
    versions = {v.version: v for v in reversed(store.versions())}
    uploads = {u.data_version: u for u in store.uploads() if u.data_version is not None}
    years = store.version_years()
    st.subheader(ctx.t("ladda_upp.rollback"))
    st.markdown(ctx.t("ladda_upp.rollback_help"))
    target = st.selectbox(ctx.t("ladda_upp.rollback_version"), list(versions), index=None, key="rollback_version",
                          placeholder=ctx.t("ladda_upp.rollback_choose"),
                          format_func=lambda v: shown.restore_label(versions[v], uploads, years, ctx.lang))
    if target is not None:
        changes = _restore_preview(str(store.path), int(target), ctx.current, store)
        st.markdown(ctx.t("ladda_upp.restore_preview") + " " + shown.restore_summary(changes, ctx.lang))
        table = shown.changes_table(changes, cache.municipality_names(store), ctx.lang,
                                    statuses=(ADDED, CHANGED, REMOVED))
        if len(table):
            st.dataframe(table.head(_RESTORE_LISTED), hide_index=True, width="stretch")
        warning = shown.blank_warning(changes, cache.municipality_names(store), ctx.lang)
        if warning:
            st.warning(warning, icon="⚠️")
    sure = st.checkbox(ctx.t("ladda_upp.rollback_confirm"), key="rollback_confirm", disabled=target is None)
    if st.button(ctx.t("ladda_upp.rollback_button"), disabled=target is None or not sure, key="rollback_button"):
        actor = admin.require(ctx.lang)
        new = store.rollback(int(target), created_by=actor.label)
        admin.publish_after_write(store)
        ss["_rollback_done"] = (int(target), new)
        for key in ("rollback_version", "rollback_confirm"):
            ss.pop(key, None)
        st.rerun()


def _demo(ctx: PageContext) -> None:
    """Remove every demo row (a new data version), after a confirmation; only while demo rows exist."""
    store = ctx.store
    if not store.has_demo():
        return
    st.subheader(ctx.t("ladda_upp.demo_heading"))
    st.markdown(ctx.t("ladda_upp.demo_help"))
    sure = st.checkbox(ctx.t("ladda_upp.demo_confirm"), key="demo_remove_confirm")
    if st.button(ctx.t("ladda_upp.demo_remove"), disabled=not sure, key="demo_remove_button",
                 help=None if sure else ctx.t("ladda_upp.demo_confirm_first")):
        actor = admin.require(ctx.lang)
        version, removed = store.remove_demo(created_by=actor.label)
        cache.forget_demo()  # demo rows were deleted from every version, not only closed
        st.session_state["_demo_removed"] = (version, removed)
        st.session_state.pop("demo_remove_confirm", None)
        st.rerun()


def goals(ctx: PageContext) -> None:
    """One editor per goal; a saved edit is a new revision."""
    done = st.session_state.pop("_goal_done", None)
    if done is not None:
        st.success(done, icon="✅")
    current = ctx.store.goals()
    if current.empty:
        st.info(ctx.t("ladda_upp.no_goals"))
    for goal in current.itertuples(index=False):
        _goal_editor(ctx, goal)
    with st.expander(ctx.t("ladda_upp.goal_history")):
        st.dataframe(shown.goal_history_table(ctx.store.goal_history(), ctx.lang), hide_index=True,
                     width="stretch")


def _keys(goal_id: str) -> dict[str, str]:
    return {name: f"goal_{name}_{goal_id}" for name in ("target", "year", "sv", "en", "last")}


def _reword(goal, lang: str) -> None:
    """When the target or year changes, the wordings follow (callback: runs before the page is drawn).

    The figure replaced is the one the wording got last (kept under the "last"
    key), so a second change follows the first.
    """
    ss = st.session_state
    keys = _keys(goal.goal_id)
    target = goal_domain.parse_target(ss.get(keys["target"], ""))
    if target is None:
        return
    year = int(ss.get(keys["year"], goal.target_year))
    old_target, old_year = ss.get(keys["last"], (float(goal.target), int(goal.target_year)))
    for field in ("sv", "en"):
        new = goal_domain.reworded(ss.get(keys[field], ""), goal, target, year, field, old_target=old_target,
                                   old_year=old_year)
        if new is not None:
            ss[keys[field]] = new
    ss[keys["last"]] = (goal_domain.stored_target(target, goal_domain.target_unit(goal.metric, goal.measure)), year)


def _goal_editor(ctx: PageContext, goal) -> None:
    ss = st.session_state
    keys = _keys(goal.goal_id)
    unit = goal_domain.target_unit(goal.metric, goal.measure)
    with st.container(border=True):
        st.markdown(f"**{goal.goal_id}** · {ctx.t('ladda_upp.goal_metric_label')}: "
                    f"{shown.metric_label(goal.metric, ctx.lang)} · "
                    + ctx.t("ladda_upp.goal_revision", revision=goal.revision, by=goal.changed_by))
        left, right = st.columns(2)
        with left:
            target_text = st.text_input(
                ctx.t(f"ladda_upp.goal_target.{'share' if unit == 'share' else 'other'}"),
                value=goal_domain.target_text(goal.target, unit, ctx.lang), key=keys["target"],
                help=ctx.t("ladda_upp.goal_target_help"), on_change=_reword, args=(goal, ctx.lang))
        with right:
            years = list(range(goal_domain.MIN_TARGET_YEAR, goal_domain.MAX_TARGET_YEAR + 1))
            target_year = st.selectbox(ctx.t("ladda_upp.goal_year"), years, index=years.index(int(goal.target_year))
                                       if int(goal.target_year) in years else 0, key=keys["year"],
                                       placeholder=widget_text.choose(ctx.lang), on_change=_reword,
                                       args=(goal, ctx.lang))
        label_sv = st.text_input(ctx.t("ladda_upp.goal_label_sv"), value=goal.label_sv,
                                 max_chars=goal_domain.MAX_LABEL, key=keys["sv"])
        label_en = st.text_input(ctx.t("ladda_upp.goal_label_en"), value=goal.label_en,
                                 max_chars=goal_domain.MAX_LABEL, key=keys["en"])
        check = goal_domain.check_edit(goal, target_text=target_text, target_year=target_year,
                                       label_sv=label_sv, label_en=label_en)
        for note in check.notes:
            st.warning(goal_domain.note_text(note, ctx.lang, goal=goal.goal_id), icon="✏️")
        why = None if check.ready else check.message(ctx.lang)
        clicked = st.button(ctx.t("ladda_upp.goal_save"), key=f"goal_save_{goal.goal_id}", disabled=not check.ready,
                            help=why)
        if check.status == goal_domain.INVALID:
            st.caption(why)  # an untouched goal says why only on the button, not five times on every visit
    if not clicked:
        return
    actor = admin.require(ctx.lang)
    outcome = goal_domain.edit_goal(ctx.store, goal.goal_id, target=check.target, target_year=target_year,
                                    label_sv=label_sv, label_en=label_en, changed_by=actor.label)
    if outcome.saved:
        admin.publish_after_write(ctx.store)
        ss["_goal_done"] = outcome.message(ctx.lang)
        for key in keys.values():
            ss.pop(key, None)  # the editor starts again from the saved revision
        st.rerun()
    elif outcome.status == goal_domain.UNCHANGED:
        st.info(outcome.message(ctx.lang))
    else:
        st.error(outcome.message(ctx.lang))
