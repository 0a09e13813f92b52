"""Real-browser test harness: a real `streamlit run` server and Debian's chromium.

pytest-playwright is not used (not installed); these fixtures do its job:

* ``start_server(tmp_dir)`` / ``server``: start ``python -m streamlit run app.py``
  on a free port against a temporary database, wait for ``/_stcore/health``.
* ``browser``: one headless chromium (``/usr/bin/chromium``) per session.
* ``page``: a fresh context and page per test; console and page errors are
  collected in ``page.console_errors``.
* ``wait_for_app(page)``: wait until Streamlit has finished running the script.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HEALTH_TIMEOUT_S = 60
INIT_TIMEOUT_S = 180
APP_TIMEOUT_MS = 30_000


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-limit:]
    except OSError:
        return "(no output)"


@contextmanager
def start_server(tmp_dir: Path, *, demo: bool = True) -> Iterator[str]:
    """Start the real app on a free port; yield its base URL; stop it after.

    The database is ``tmp_dir/adoption.duckdb`` (``ADOPTION_DB``). It first
    runs ``python -m adoption init --db <file>`` so the app sees demo data
    (``demo=False``: ``--no-demo``, an empty database).
    """
    tmp_dir.mkdir(parents=True, exist_ok=True)
    db = tmp_dir / "adoption.duckdb"
    env = dict(os.environ)
    env["ADOPTION_DB"] = str(db)
    env["XDG_DATA_HOME"] = str(tmp_dir / "xdg")  # never touch the real default DB
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    env.setdefault("PYTHONUNBUFFERED", "1")

    if (REPO / "adoption" / "__main__.py").exists():
        init = subprocess.run(
            [sys.executable, "-m", "adoption", "init", "--db", str(db)] + ([] if demo else ["--no-demo"]),
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=INIT_TIMEOUT_S,
        )
        if init.returncode != 0:
            pytest.fail(
                f"`python -m adoption init --db {db}` exited {init.returncode}:\n"
                f"{init.stdout[-2000:]}\n{init.stderr[-4000:]}",
                pytrace=False,
            )

    port = _free_port()
    out_path, err_path = tmp_dir / "server.stdout", tmp_dir / "server.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", "app.py",
                "--server.port", str(port),
                "--server.address", "127.0.0.1",
                "--server.headless", "true",
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"streamlit exited with {proc.returncode} before it was healthy.\n"
                    f"stderr:\n{_tail(err_path)}\nstdout:\n{_tail(out_path)}",
                    pytrace=False,
                )
            try:
                with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit not healthy on {base_url} after {HEALTH_TIMEOUT_S} s.\n"
                    f"stderr:\n{_tail(err_path)}\nstdout:\n{_tail(out_path)}",
                    pytrace=False,
                )
            time.sleep(0.2)
        yield base_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    """Base URL of the app server shared by the browser tests of the session."""
    with start_server(tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: run `bash scripts/setup.sh --dev` "
            "(installs Debian's chromium package).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@contextmanager
def fresh_page(browser, width: int = 1400, height: int = 900) -> Iterator:
    """A page in a fresh Swedish browser context of ``width`` x ``height`` CSS pixels, closed after use."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    context.set_default_timeout(APP_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    """A page in a fresh context; errors are collected in ``page.console_errors``."""
    with fresh_page(browser) as pg:
        errors: list[str] = []

        def on_console(msg) -> None:
            if msg.type == "error":
                where = (msg.location or {}).get("url", "")
                errors.append(f"console: {msg.text} [{where}]")

        pg.on("console", on_console)
        pg.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
        pg.console_errors = errors
        yield pg


# On a deep link (/om) Streamlit's frontend first probes /om/_stcore/health and
# /om/_stcore/host-config to find the server's base path, then falls back to /.
# The 404s it logs are expected; anything else is a real error.
_BASE_PATH_PROBE = re.compile(
    r"^console: Failed to load resource: .*status of 404 .*"
    r"\[https?://[^/]+/[^\[\]]+/_stcore/(health|host-config)\]$"
)


def real_console_errors(page) -> list[str]:
    """``page.console_errors`` without the base-path probing noise."""
    return [e for e in page.console_errors if not _BASE_PATH_PROBE.match(e)]


def wait_for_app(page, timeout_ms: int = APP_TIMEOUT_MS) -> None:
    """Wait until the Streamlit app is mounted and its script run has finished."""
    page.wait_for_selector("[data-testid='stApp']", state="attached", timeout=timeout_ms)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']",
        state="attached",
        timeout=timeout_ms,
    )


def download(page, button) -> tuple[str, bytes]:
    """Click ``button`` (a locator) and return the file the browser saves: its suggested name and bytes."""
    with page.expect_download() as info:
        button.click()
    saved = info.value
    return saved.suggested_filename, open(saved.path(), "rb").read()
