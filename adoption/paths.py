"""Where things live: shipped reference data and the live database."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DATA_DIR = REPO_DIR / "data"

DB_ENV = "ADOPTION_DB"


def default_db_path() -> Path:
    """The live database sits outside the checkout, in the user's data folder.

    ``$XDG_DATA_HOME/kraftsamling-ai/adoption.duckdb``, by default
    ``~/.local/share/kraftsamling-ai/adoption.duckdb``.
    """
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kraftsamling-ai" / "adoption.duckdb"


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """``--db`` wins, then ``$ADOPTION_DB``, then the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()
