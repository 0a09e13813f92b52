"""The history and goals tabs of Ladda upp: restore a data version, edit the programme goals.

Every action that writes asks :func:`adoption.ui.admin.require` again right
before writing. A goal edit is decided by :func:`adoption.metrics.goals.edit_goal`.
"""

from __future__ import annotations

import streamlit as st

from adoption.metrics import goals as goal_domain

from . import admin
from .view import PageContext


def history(ctx: PageContext) -> None:
    """Every version and upload, and a restore of an earlier version (as a new version)."""
    ss = st.session_state
    done = ss.pop("_rollback_done", None)
    if done is not None:
        st.success(ctx.t("ladda_upp.rolled_back", target=done[0], version=done[1]), icon="✅")
    store = ctx.store
    frame = store.history()
    if frame.empty:
        st.info(ctx.t("ladda_upp.no_history"))
        return
    st.dataframe(admin.history_table(frame, ctx.lang), hide_index=True, width="stretch")
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
        for key in ("rollback_version", "rollback_confirm"):
            ss.pop(key, None)
        st.rerun()


def goals(ctx: PageContext) -> None:
    """One form per goal; a saved edit is a new revision."""
    done = st.session_state.pop("_goal_done", None)
    if done is not None:
        st.success(done, icon="✅")
    current = ctx.store.goals()
    if current.empty:
        st.info(ctx.t("ladda_upp.no_goals"))
    for goal in current.itertuples(index=False):
        _goal_form(ctx, goal)
    with st.expander(ctx.t("ladda_upp.goal_history")):
        st.dataframe(ctx.store.goal_history(), hide_index=True, width="stretch")


def _goal_form(ctx: PageContext, goal) -> None:
    unit = goal_domain.target_unit(goal.metric, goal.measure)
    with st.form(f"goal_form_{goal.goal_id}"):
        st.markdown(f"**{goal.goal_id}** · {ctx.t('ladda_upp.goal_metric')}: {goal.metric} · "
                    + ctx.t("ladda_upp.goal_revision", revision=goal.revision, by=goal.changed_by))
        left, right = st.columns(2)
        with left:
            target = st.number_input(ctx.t(f"ladda_upp.goal_target.{'share' if unit == 'share' else 'other'}"),
                                     min_value=0.0, max_value=goal_domain.form_target_max(unit),
                                     value=goal_domain.form_target(goal.target, unit),
                                     key=f"goal_target_{goal.goal_id}")
        with right:
            target_year = st.number_input(ctx.t("ladda_upp.goal_year"), min_value=goal_domain.MIN_TARGET_YEAR,
                                          max_value=goal_domain.MAX_TARGET_YEAR, step=1,
                                          value=int(goal.target_year), key=f"goal_year_{goal.goal_id}")
        label_sv = st.text_input(ctx.t("ladda_upp.goal_label_sv"), value=goal.label_sv,
                                 max_chars=goal_domain.MAX_LABEL, key=f"goal_sv_{goal.goal_id}")
        label_en = st.text_input(ctx.t("ladda_upp.goal_label_en"), value=goal.label_en,
                                 max_chars=goal_domain.MAX_LABEL, key=f"goal_en_{goal.goal_id}")
        submitted = st.form_submit_button(ctx.t("ladda_upp.goal_save"))
    if not submitted:
        return
    actor = admin.require(ctx.lang)
    outcome = goal_domain.edit_goal(ctx.store, goal.goal_id, target=target, target_year=target_year,
                                    label_sv=label_sv, label_en=label_en, changed_by=actor.label)
    if outcome.saved:
        admin.publish_after_write(ctx.store)
        st.session_state["_goal_done"] = outcome.message(ctx.lang)
        st.rerun()
    elif outcome.status == goal_domain.UNCHANGED:
        st.info(outcome.message(ctx.lang))
    else:
        st.error(outcome.message(ctx.lang))
