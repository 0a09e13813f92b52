"""Section 2 (page reruns in AppTest) and 5 (map payload), on demo data.

Every page is opened through ``app.py`` in Streamlit's AppTest, then a
sidebar filter is changed (the year; on a page without one, the language)
back and forth. Warm: the caches hold both states (after one untimed round).
Cold: ``st.cache_data`` and ``st.cache_resource`` cleared before each timed
rerun (what a first view after a server restart computes; the pages keep
shared per-version results in both). Baseline: a page
with one selectbox in the same harness, changed the same way.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from adoption.ui import navigation

from .common import REPO, figure, log

# Every public page (the upload page shows a login form here, not data).
PAGES = tuple(page for page in navigation.PAGES if not page.admin_only)
ONE_WIDGET = """
import streamlit as st
choice = st.selectbox("Val", ["a", "b", "c"], key="w")
st.write(choice)
"""


def demo_db(tmp: Path) -> Path:
    from adoption import bootstrap
    from adoption.store import Store

    path = tmp / "demo.duckdb"
    if not path.exists():
        bootstrap.initialise(Store(path))
    return path


def _open(page: navigation.Page):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    if not page.default:
        at.switch_page(page.file)
        at.run()
    return at


def _toggle(at):
    """Change a filter: the year if the page has one, else the language. Returns a callable."""
    widget = next((w for w in at.selectbox if w.key == "w_ar"), None)
    if widget is not None:
        options = list(widget.options)
        values = [o for o in options][:2] if len(options) >= 2 else options
        state = {"i": 0}

        def change():
            state["i"] ^= 1
            next_w = next(w for w in at.selectbox if w.key == "w_ar")
            next_w.select_index(state["i"] if len(values) > 1 else 0).run()
        return "ar", change
    state = {"i": 0}

    def change_lang():
        state["i"] ^= 1
        radio = next(w for w in at.radio if w.key == "w_lang")
        radio.set_value(("en", "sv")[state["i"] ^ 1] if False else ("sv", "en")[state["i"]]).run()
    return "lang", change_lang


def _clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()  # also the app's Store: it is made again, as after a restart


def _time(fn, repeat: int, before=None) -> list[float]:
    out = []
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def run(tmp: Path, *, quick: bool) -> list:
    from streamlit.testing.v1 import AppTest

    db = demo_db(tmp)
    os.environ["ADOPTION_DB"] = str(db)
    warm_n, cold_n = (5, 2) if quick else (15, 5)
    out = []

    # Baseline: one widget, same harness.
    base = AppTest.from_string(ONE_WIDGET, default_timeout=60)
    base.run()
    state = {"i": 0}

    def base_change():
        state["i"] = (state["i"] + 1) % 3
        base.selectbox[0].select_index(state["i"]).run()
    base_change()
    baseline = _time(base_change, warm_n)
    log(f"pages: baseline one-widget rerun {sorted(baseline)[len(baseline) // 2]:.0f} ms")

    for page in PAGES:
        name = Path(page.file).stem
        at = _open(page)
        assert not at.exception, [e.value for e in at.exception]
        what, change = _toggle(at)
        change(); change()  # both states cached
        warm = _time(change, warm_n)
        cold = _time(change, cold_n, before=_clear_caches)
        errors = [e.value for e in at.exception]
        note = f"filter changed: {what}" + (f"; exceptions: {errors[:1]}" if errors else "")
        out.append(figure(f"pages.{name}.warm", "ms", warm, 150.0, baseline=baseline, section="2 pages",
                          note=note))
        out.append(figure(f"pages.{name}.cold", "ms", cold, 1500.0, baseline=baseline, section="2 pages",
                          note=note + "; st.cache_data and st.cache_resource cleared before each run"))
        log(f"pages: {name}: warm {out[-2].median:.0f} ms, cold {out[-1].median:.0f} ms ({what})")
        if name == "karta":
            out.append(_map_payload(at))
    return out


def _map_payload(at):
    """Section 5: bytes of the municipality map's deck.gl spec as sent to the browser."""
    charts = at.get("deck_gl_json_chart")
    sizes = [len(c.proto.json.encode("utf-8")) for c in charts]
    kb = sum(sizes) / 1024
    log(f"map payload: {kb:.0f} KB in {len(sizes)} chart(s)")
    return figure("map.payload", "KB", [kb], 250.0, section="5 map payload",
                  note="deck.gl JSON spec of the Karta page's municipality map (default view, demo data)")
