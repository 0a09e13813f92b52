"""Initiativ's own search fields: free text, stage, technique, evaluated.

They are page-local and not in the URL (its keys are fixed in
:mod:`adoption.metrics.filters`); the values are codes, the labels translated.
"""

from __future__ import annotations

import streamlit as st

from adoption import vocab
from adoption.views import catalogue

from .view import PageContext


def fields(ctx: PageContext) -> tuple[str, tuple[int, ...], tuple[str, ...], tuple[str, ...]]:
    """Draw the fields in one row; (text, stages, techniques, evaluated codes) as chosen."""
    text_col, stage_col, tech_col, eval_col = st.columns([2, 1, 1, 1])
    text = text_col.text_input(ctx.t("initiativ.search"), key="initiativ_text", max_chars=catalogue.MAX_QUERY,
                               help=ctx.t("initiativ.search_help"))
    stage = stage_col.multiselect(ctx.t("initiativ.mognad"), [s.value for s in vocab.stages()],
                                  key="initiativ_mognad", format_func=lambda v: f"{v} {ctx.label('mognad', v)}",
                                  placeholder=ctx.t("filter.all"), select_all=False)
    technique = tech_col.multiselect(ctx.t("initiativ.teknik"), list(vocab.codes("teknik")), key="initiativ_teknik",
                                     format_func=lambda c: ctx.label("teknik", c), placeholder=ctx.t("filter.all"),
                                     select_all=False)
    evaluated = eval_col.multiselect(ctx.t("initiativ.utvarderad"), list(catalogue.EVALUATED),
                                     key="initiativ_utvarderad", format_func=lambda c: ctx.t(f"initiativ.eval.{c}"),
                                     placeholder=ctx.t("filter.all"), select_all=False)
    return text, tuple(stage), tuple(technique), tuple(evaluated)
