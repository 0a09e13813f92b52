"""The test hook that stops a writer at a named step, so that a crash test can kill it exactly there.

Publishing (:mod:`.publish`) and committing an upload (:mod:`adoption.ingest.pipeline`) each name
their own steps and environment variables; what a hook does at a step is the same for both.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable


def pause_hook_from_env(steps_env: str, seconds_env: str) -> Callable[[str], None] | None:
    """The hook $``steps_env`` asks for (comma-separated step names), or None.

    At each step named it prints "PAUSE <step>" and sleeps $``seconds_env`` seconds (default 60).
    """
    wanted = {p.strip() for p in os.environ.get(steps_env, "").split(",") if p.strip()}
    if not wanted:
        return None
    seconds = float(os.environ.get(seconds_env, "60"))

    def hook(step: str) -> None:
        if step in wanted:
            print(f"PAUSE {step}", flush=True)
            sys.stdout.flush()
            time.sleep(seconds)

    return hook
