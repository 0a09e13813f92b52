"""Kommun: one municipality's profile, compared with its county, the country and similar municipalities.

The sections are drawn by adoption.ui.profile_sections from adoption.views.profile.
"""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import cache, profile_sections, report, view  # noqa: E402
from adoption.views import profile  # noqa: E402

ctx = view.setup("kommun", uses=("ar", "lan", "kommun"))
code = ctx.state.filter.kommun
place = cache.call(profile.municipality, ctx.store, ctx.version, code) if code else None
st.title(place.name if place else ctx.t("page.kommun"))
if view.no_data(ctx):
    st.stop()
if place is None:
    st.info(ctx.t("kommun.intro"), icon="👈")
    st.stop()

st.caption(ctx.t("kommun.caption", code=place.kommunkod, lan=place.lan_name))
view.share_control(ctx)
report.download_button(ctx, kommun=place.kommunkod)
names = {**cache.municipality_names(ctx.store), **cache.county_names(ctx.store)}

profile_sections.own_stages(ctx, place)
profile_sections.comparisons(ctx, place, names)
profile_sections.trend(ctx, place, names)
profile_sections.sectors(ctx, place)
profile_sections.own_initiatives(ctx, place)
st.caption(ctx.t("kommun.print"))
