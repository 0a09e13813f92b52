"""Placeholder: this page is built in its own change."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import view  # noqa: E402

ctx = view.setup("sektorer", uses=("ar", "lan"))
st.title(ctx.t("page.sektorer"))
st.info("Sidan byggs.")
