"""The survey rounds tab of Ladda upp: publish a preliminary year, or take a published one back.

Each change is a data version with the administrator's label and the time
(:meth:`adoption.store.Store.set_round_status`); :func:`adoption.ui.admin.require`
is asked again right before writing.
"""

from __future__ import annotations

import streamlit as st

from adoption.metrics.years import as_rounds
from adoption.views import rounds
from adoption.vocab import ROUND_PRELIMINARY, ROUND_PUBLISHED

from . import admin, widget_text
from .view import PageContext

_DONE = "_round_done"


def show(ctx: PageContext) -> None:
    done = st.session_state.pop(_DONE, None)
    if done is not None:
        st.success(done, icon="✅")
    store = ctx.store
    current = store.current_version()
    status = as_rounds(store.survey_rounds(current))
    st.write(ctx.t("round.admin.help"))
    if not status:
        st.info(ctx.t("round.admin.none"))
        return
    st.dataframe(rounds.rounds_table(store, ctx.lang, version=current), hide_index=True)
    years = sorted(status, reverse=True)
    year = st.selectbox(ctx.t("round.admin.year"), years, key="round_year", placeholder=widget_text.choose(ctx.lang),
                        format_func=lambda y: f"{y} ({rounds.status_word(status[y], ctx.lang)})")
    publishing = status[year] == ROUND_PRELIMINARY
    sure = st.checkbox(ctx.t("round.admin.confirm_publish" if publishing else "round.admin.confirm_unpublish",
                             year=year), key="round_confirm")
    label = "round.admin.publish" if publishing else "round.admin.unpublish"
    if st.button(ctx.t(label, year=year), disabled=not sure, key="round_button", type="primary"):
        actor = admin.require(ctx.lang)
        target = ROUND_PUBLISHED if publishing else ROUND_PRELIMINARY
        version = store.set_round_status(year, target, created_by=actor.label)
        key = "round.admin.published" if publishing else "round.admin.unpublished"
        st.session_state[_DONE] = (ctx.t(key, year=year, version=version) if version is not None
                                   else ctx.t("round.admin.unchanged", year=year))
        st.session_state.pop("round_confirm", None)
        st.rerun()
