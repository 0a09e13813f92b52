"""Programmets effekt: did Kraftsamling's participants move further than the others, and where do pilots stall?"""

from adoption.ui.legacy import leave_legacy_pages_mode

leave_legacy_pages_mode()

import streamlit as st  # noqa: E402

from adoption.ui import cache, effect_sections, view  # noqa: E402
from adoption.views import effect  # noqa: E402

ctx = view.setup("effekt", uses=("ar", "lan", "sektor", "typ", "matt"), matt_options=effect.OUTCOME_OPTIONS)
st.title(ctx.t("page.effekt"))
view.share_control(ctx)
if view.no_data(ctx):
    st.stop()

st.write(ctx.t("effekt.intro"))
outcome = ctx.state.matt
flt = ctx.state.filter.with_(ar=None, kommun=None)
by_county = st.toggle(ctx.t("effekt.by_county"), key="effekt_by_county", help=ctx.t("effekt.by_county_help"))
data = cache.call(effect.effect_view, ctx.store, ctx.version, outcome, flt, by_county)

effect_sections.verdict(ctx, data, outcome)
effect_sections.estimate(ctx, data, outcome)
effect_sections.pilot_funnel(ctx)
