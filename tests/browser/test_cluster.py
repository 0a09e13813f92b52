"""Replicas behind HAProxy, end to end: real processes from ``scripts/cluster.sh``, real chromium.

The tests run in file order on one cluster: a publication reaching both
replicas, then the writer and both replicas under load together, then one
replica killed.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect

from adoption import metrics
from adoption.store import Store
from adoption.store.snapshots import choose
from adoption.ui import navigation
from bench.streamlit_client import Session
from tests.browser.cluster import running_cluster
from tests.browser.conftest import APP_TIMEOUT_MS, real_console_errors, wait_for_app

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
COOKIE = "ADOPTION_REPLICA"
SUMMARY = re.compile(r"(\d+) av 290 kommuner har ett värde")
NAV_LINKS = "[data-testid='stSidebarNav'] a"
SIDEBAR = "[data-testid='stSidebar']"
LOCK_WORDS = re.compile(r"lock|används av en annan process|DatabaseBusy", re.IGNORECASE)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with running_cluster(tmp_path_factory) as found:
        yield found


def _page(browser, cluster, replica: str | None = None):
    """A fresh browser session through the load balancer, pinned to ``replica`` by its cookie."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    context.set_default_timeout(APP_TIMEOUT_MS)
    if replica is not None:
        context.add_cookies([{"name": COOKIE, "value": replica, "url": cluster.lb}])
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console: {msg.text} [{(msg.location or {}).get('url', '')}]")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.console_errors = errors
    return context, page


def _replica(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == COOKIE), None)


def _answered(page) -> int:
    return int(SUMMARY.search(page.get_by_text(SUMMARY).first.inner_text()).group(1))


def _choose_year(page, year: int) -> None:
    page.locator(SIDEBAR).get_by_role("combobox", name="År").click()
    page.get_by_role("option", name=str(year), exact=True).click()


def _no_error_shown(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Connection error").count() == 0
    assert page.get_by_text(re.compile("Traceback|Error")).count() == 0


def _ingest_new_answers(cluster, folder: Path, count: int) -> tuple[int, int]:
    """The writer ingests answers from ``count`` municipalities that had none; (new version, year)."""
    snapshot = Store(choose(cluster.published).snapshot.path, read_only=True)
    year = metrics.compute(snapshot, "andel_ai_aktivitet").ar
    version = snapshot.current_version()
    answered = set(snapshot.responses(version, year).query("typ == 'kommun'")["kommunkod"])
    missing = [c for c in snapshot.municipalities()["kommunkod"] if c not in answered][:count]
    path = folder / f"svar-{version}.csv"
    path.write_text("ar;typ;kommunkod;ai_strategi;mognad_vard_omsorg\n"
                    + "".join(f"{year};kommun;{code};ja;3\n" for code in missing), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "adoption", "ingest", str(path), "--kind", "enkatsvar"],
                          cwd=REPO, env=cluster.env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"Publicerade dataversion {version + 1}" in done.stdout
    return version + 1, year


def test_a_publication_reaches_every_replica_and_pinned_links_keep_their_figures(cluster, browser, tmp_path):
    pages = {}
    for replica in ("replica1", "replica2"):
        context, page = _page(browser, cluster, replica)
        page.goto(cluster.lb + "/karta")
        wait_for_app(page)
        pages[replica] = (context, page)
    before = {replica: _answered(page) for replica, (_, page) in pages.items()}
    assert before["replica1"] == before["replica2"]
    # Through the load balancer (and on a read-only replica) the upload page is not listed.
    public = [p for p in navigation.PAGES if not p.admin_only]
    expect(pages["replica1"][1].locator(NAV_LINKS)).to_have_count(len(public))
    assert "Ladda upp" not in pages["replica1"][1].locator(NAV_LINKS).all_inner_texts()

    new_version, year = _ingest_new_answers(cluster, tmp_path, 5)

    for replica, (context, page) in pages.items():
        _choose_year(page, year)  # one rerun, on the page each viewer already has open
        expect(page.get_by_text(f"{before[replica] + 5} av 290 kommuner har ett värde")).to_be_visible()
        wait_for_app(page)
        assert _replica(context) == replica  # still the same session on the same replica
        _no_error_shown(page)
        assert real_console_errors(page) == []
        context.close()

    # A link pinned to the version before still shows its figures, on both replicas.
    async def pinned() -> list[str]:
        texts = []
        for replica in ("replica1", "replica2"):
            async with Session(cluster.lb, cookie=f"{COOKIE}={replica}") as session:
                texts += (await session.rerun("karta", f"v={new_version - 1}")).texts
        return texts

    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API keeps an event loop in this thread
        texts = "\n".join(pool.submit(asyncio.run, pinned()).result(timeout=120))
    assert [int(n) for n in SUMMARY.findall(texts)] == [before["replica1"]] * 2
    assert texts.count(f"Senaste version är {new_version}") == 2


def test_the_writer_and_two_replicas_serve_together_without_lock_errors(cluster, tmp_path):
    """Viewers rerun the map through HAProxy for a while as the writer ingests and publishes twice."""
    async def viewer(index: int, until: float) -> int:
        runs = 0
        async with Session(cluster.lb) as session:
            while time.monotonic() < until or runs == 0:
                query = f"ar={2025 - (runs + index) % 3}&niva={('kommun', 'lan')[runs % 2]}"
                run = await session.rerun("karta", query)
                assert run.exceptions == [], run.exceptions
                assert any("per kommun" in t or "per län" in t for t in run.texts)
                runs += 1
        return runs

    async def scenario() -> tuple[list[int], list[int]]:
        until = time.monotonic() + 10
        viewers = asyncio.gather(*(viewer(i, until) for i in range(4)))
        versions = []
        for count in (3, 2):
            versions.append((await asyncio.to_thread(_ingest_new_answers, cluster, tmp_path, count))[0])
        return await viewers, versions

    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API keeps an event loop in this thread
        runs, versions = pool.submit(asyncio.run, scenario()).result(timeout=180)
    assert min(runs) >= 2 and versions[1] == versions[0] + 1
    assert choose(cluster.published).current.version == versions[1]
    logs = cluster.logs()
    served = logs["haproxy.log"]
    for replica in ("replica1", "replica2"):
        assert re.search(rf"replicas/{replica} .* 101 .*/_stcore/stream", served), f"{replica} got no session"
    for name, text in logs.items():
        if name != "haproxy.log":
            assert not LOCK_WORDS.search(text) and "Traceback" not in text, f"{name}:\n{text[-3000:]}"
    assert "<NOSRV>" not in served


def test_a_killed_replica_hands_its_viewers_to_the_other(cluster, browser):
    on_killed, a = _page(browser, cluster, "replica1")
    a.goto(cluster.lb + "/karta?ar=2024&niva=lan")
    wait_for_app(a)
    url = a.url
    on_other, b = _page(browser, cluster, "replica2")
    b.goto(cluster.lb + "/karta?ar=2024")
    wait_for_app(b)

    os.kill(cluster.pid("replica1"), signal.SIGKILL)

    # New sessions go to the live replica (at once: a refused connection is redispatched).
    for _ in range(4):
        with urllib.request.urlopen(cluster.lb + "/", timeout=10) as reply:
            assert reply.status == 200
            assert f"{COOKIE}=replica2" in reply.headers.get("Set-Cookie", "")
    # The viewer whose replica died reloads: the same address and view, from the other replica.
    a.reload()
    wait_for_app(a)
    assert a.url == url and _replica(on_killed) == "replica2"
    expect(a.get_by_role("heading", name=re.compile(r"per län 2024$"))).to_be_visible()
    _no_error_shown(a)
    # The viewer on the other replica never noticed.
    _choose_year(b, 2023)
    expect(b.get_by_role("heading", name=re.compile(r"per kommun 2023$"))).to_be_visible()
    wait_for_app(b)
    _no_error_shown(b)
    assert real_console_errors(b) == []
    on_killed.close()
    on_other.close()

    status = cluster.script("status", check=False)
    assert status.returncode == 3
    assert re.search(r"replica1 .* not running", status.stdout) and re.search(r"replica2 .* healthy", status.stdout)
