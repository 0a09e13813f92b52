"""The commands that show figures: metric, effekt and rapport.

They only read, and word their results the way the dashboard does (through
:mod:`adoption.text.present` and the effect view), in Swedish lines or JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from adoption import metrics
from adoption.text import formatting, present

from ..vocab import ROUND_PRELIMINARY
from .database import open_store
from .filter_args import check_groups_loaded, validate_filter


def _round_note(result: metrics.MetricResult) -> str:
    return " (preliminärt)" if result.round_status == ROUND_PRELIMINARY else ""


def _describe(result: metrics.MetricResult, metric: metrics.Metric) -> str:
    head = f"{metric.label_sv} {result.ar}{_round_note(result)}" + (f", {result.area}" if result.area else "")
    if present.missing(result):
        howto = present.howto(present.status_code(result)) or ""  # whoever runs the command administers
        return f"{head}: {present.status(result)}. {present.reason(result) or ''} {howto}".rstrip()
    return (f"{head}: {present.value(result)} ({present.base(result)}; {present.interval(result, label=True)}), "
            f"dataversion {result.data_version}")


def _describe_breakdown(result: metrics.MetricResult, metric: metrics.Metric) -> list[str]:
    lines = [f"{metric.label_sv} {result.ar}{_round_note(result)} (n = {result.n}), dataversion {result.data_version}"]
    for row in result.breakdown or ():
        keys = ", ".join(f"{k}={row[k]}" for k in ("sektor", "mognad", "hinder") if k in row)
        part = present.figure(row["value"], numerator=row["numerator"], denominator=row["denominator"],
                              status="too_few" if row.get("suppressed") else None, typ=result.typ)
        shown = present.value(part) if present.missing(part) else f"{present.value(part)} ({present.base(part)})"
        lines.append(f"  {keys}: {shown}")
    return lines


def cmd_metric(args) -> int:
    metric = metrics.get(args.metric_id)
    flt = validate_filter(args)
    store = open_store(args)
    check_groups_loaded(store, flt, args.niva, args.data_version)
    result = metrics.compute(store, args.metric_id, flt, version=args.data_version, by=args.niva)
    results = result if isinstance(result, list) else [result]
    if args.json:
        # "reason" in Swedish, as before the result carried codes only
        payload = [dict(r.to_dict(), label=metric.label_sv, reason=present.reason(r)) for r in results]
        print(json.dumps(payload if args.niva else payload[0], ensure_ascii=False, default=str))
        return 0
    for r in results:
        if r.breakdown is not None:
            print("\n".join(_describe_breakdown(r, metric)))
        else:
            print(_describe(r, metric))
    return 0


def cmd_effekt(args) -> int:
    """The same numbers as /effekt: estimate, interval, pre-trend p, participants, controls, method, version.

    Exit 1 with a Swedish sentence when there is too little data.
    """
    from adoption.views import effect as effect_view

    args.ar, args.kommun, args.grupp = None, None, None  # the estimate is over every unit
    flt = validate_filter(args)
    store = open_store(args)
    data = effect_view.effect_view(store, args.matt, flt, args.by_county, version=args.data_version)
    result = data.result
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, default=str))
    else:
        metric = metrics.get(args.matt)
        print(f"Programmets effekt på {metric.label_sv} (dataversion {result.data_version})")
        print(f"Utlåtande: {effect_view.verdict_text(result)}")
        if result.att is not None:
            print(effect_view.headline(result).replace("**", ""))
            print(f"Test av lika trender före inträdet: p = {effect_view.p_text(result.pretrend_p)}")
            if result.placebo is not None:
                print(f"Placebo (inträdet ett år tidigare): {effect_view.points(result.placebo.estimate)} poäng "
                      f"({effect_view.interval(result.placebo.ci_low, result.placebo.ci_high)})")
        print(effect_view.basis_text(result))
        print(f"Metod: {result.estimator()}; {result.library}")
        print(effect_view.rule_text())
    if result.verdict == "too_little_data":
        reasons = " ".join(effect_view.reason_texts(result)) or effect_view.basis_text(result)
        print(f"Fel: För lite data för att skatta effekten. {reasons}", file=sys.stderr)
        return 1
    return 0


def cmd_rapport(args) -> int:
    from adoption import reports

    if args.riket:
        scope = reports.Scope("riket")
    elif args.grupp is not None:
        scope = reports.Scope("grupp", args.grupp)
    elif args.lan is not None:
        scope = reports.Scope("lan", args.lan)
    else:
        scope = reports.Scope("kommun", args.kommun)
    data = reports.build(open_store(args), scope, args.ar, args.lang, args.url or reports.public_url(),
                         version=args.data_version)
    target = Path(args.output)
    target.write_bytes(data)
    print(f"Skrev rapporten till {target} ({formatting.number(len(data) / 1024)} kB).", file=sys.stderr)
    return 0
