"""Tillgänglighet: the accessibility statement (tillgänglighetsredogörelse) after DIGG's model."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import accessibility, view  # noqa: E402

ctx = view.setup("tillganglighet")
st.title(ctx.t("statement.title"))
accessibility.statement(ctx.lang)
