"""Om data: definitions, sources, licences, data versions, missing data (placeholder)."""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import view  # noqa: E402

ctx = view.setup("om")
st.title(ctx.t("page.om_data"))
st.write("Här beskrivs snart datakällorna, hur siffrorna tas fram och under vilka licenser de får användas.")
