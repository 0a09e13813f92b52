"""Karta: any metric of the registry per municipality or county, with legend, tooltip and table."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import map_widget, report, view  # noqa: E402

ctx = view.setup("karta", uses=("ar", "lan", "sektor", "typ", "matt", "niva"))
st.title(ctx.t("page.karta"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()
report.download_button(ctx)

map_widget.show(ctx, ctx.state.matt, ctx.state.niva, key="karta", layout="beside")
