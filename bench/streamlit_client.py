"""A viewer without a browser: Streamlit's own websocket protocol (``/_stcore/stream``).

The browser's frontend opens one websocket per session, sends a ``BackMsg``
with ``rerun_script`` (the page and its query string) and receives
``ForwardMsg``s until ``script_finished``. This client does the same with the
protobuf classes of the installed Streamlit, so a load test measures the
server (script, caches, DuckDB, protobuf, websocket, HAProxy) and not the
browsers' rendering. Used by ``bench/capacity_bench.py`` and ``tests/browser/test_cluster.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
RERUN_FOLLOWS = ForwardMsg.FINISHED_EARLY_FOR_RERUN


class ProtocolError(Exception):
    """The server closed the session or did not finish a run in time."""


@dataclass
class Run:
    """One rerun: wall time from the request to ``script_finished``, what came back."""

    ms: float
    bytes: int
    messages: int
    exceptions: list[str] = field(default_factory=list)  # st.exception elements the page drew
    texts: list[str] = field(default_factory=list)  # markdown, captions, headings and alerts, in order


def _texts(msg: ForwardMsg) -> tuple[list[str], list[str]]:
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return [], []
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        return [], [f"{element.exception.type}: {element.exception.message}"]
    if kind in ("markdown", "heading", "alert"):
        return [getattr(element, kind).body], []
    return [], []


class Session:
    """One viewer's session. ``async with Session(base_url) as s: await s.rerun("karta", "ar=2024")``."""

    def __init__(self, base_url: str, *, cookie: str | None = None, timeout_s: float = 60.0) -> None:
        self.url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.cookie = cookie
        self.timeout_s = timeout_s
        self._ws = None

    async def __aenter__(self) -> Session:
        headers = {"Cookie": self.cookie} if self.cookie else None
        self._ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                            additional_headers=headers, open_timeout=self.timeout_s)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._ws.close()

    async def rerun(self, page: str, query: str = "") -> Run:
        """Run ``page`` (its url path, "" for the default page) with ``query`` as the URL's query string."""
        import asyncio

        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.query_string = query
        started = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        run = Run(0.0, 0, 0)
        deadline = started + self.timeout_s
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ProtocolError(f"no script_finished within {self.timeout_s:.0f} s ({page}?{query})")
            try:
                data = await asyncio.wait_for(self._ws.recv(), remaining)
            except websockets.ConnectionClosed as error:
                raise ProtocolError(f"session closed by the server: {error}") from None
            except TimeoutError:
                continue
            run.bytes += len(data)
            run.messages += 1
            forward = ForwardMsg()
            forward.ParseFromString(data)
            texts, exceptions = _texts(forward)
            run.texts += texts
            run.exceptions += exceptions
            if forward.WhichOneof("type") == "script_finished":
                if forward.script_finished in FINISHED:
                    run.ms = (time.perf_counter() - started) * 1000
                    return run
                if forward.script_finished != RERUN_FOLLOWS:
                    raise ProtocolError(f"the script did not finish: status {forward.script_finished}")
                # The app's first run in a process reruns itself (adoption/ui/legacy.py); wait for that.
                run.texts, run.exceptions = [], []
