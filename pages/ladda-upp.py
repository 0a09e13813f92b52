"""Ladda upp (administrators only): upload survey responses, initiatives or population;
publish a survey year; the upload history with restore; the programme goals.

The gate (adoption.ui.admin) decides who may see anything below the title,
and every action that writes asks it again right before writing. The tabs
are drawn by adoption.ui.upload_wizard and adoption.ui.admin_tabs.
"""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import (  # noqa: E402
    accessibility,
    admin,
    admin_tabs,
    rounds_admin,
    upload_wizard,
    view,
)

ctx = view.setup("ladda_upp")
st.title(ctx.t("page.ladda_upp"))
who = admin.gate(ctx.lang)
if who is None:
    st.stop()
st.caption(ctx.t("ladda_upp.signed_in", who=accessibility.history_label(who.label, ctx.lang)), unsafe_allow_html=True)
admin.show_published(ctx.lang)

tab_upload, tab_rounds, tab_history, tab_goals = st.tabs(
    [ctx.t("ladda_upp.tab.upload"), ctx.t("round.admin.tab"), ctx.t("ladda_upp.tab.history"),
     ctx.t("ladda_upp.tab.goals")])
with tab_upload:
    upload_wizard.show(ctx)
with tab_rounds:
    rounds_admin.show(ctx)
with tab_history:
    admin_tabs.history(ctx)
with tab_goals:
    admin_tabs.goals(ctx)
