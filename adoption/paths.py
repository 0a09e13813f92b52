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


# Serving many viewers (docs/deploy.md): replicas read published snapshots, one writer publishes.
READ_ONLY_ENV = "ADOPTION_READ_ONLY"  # "1": open the database read-only, refuse every write
PUBLISHED_ENV = "ADOPTION_PUBLISHED"  # a replica: serve the snapshots published in this folder
PUBLISH_DIR_ENV = "ADOPTION_PUBLISH_DIR"  # the writer: publish there after every commit
_TRUE = {"1", "true", "yes", "ja", "on"}


def _folder_from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def published_dir() -> Path | None:
    """The folder of published snapshots this process serves ($ADOPTION_PUBLISHED), if any."""
    return _folder_from_env(PUBLISHED_ENV)


def publish_dir() -> Path | None:
    """The folder this process publishes to after a commit ($ADOPTION_PUBLISH_DIR), if any."""
    return _folder_from_env(PUBLISH_DIR_ENV)


def read_only_from_env() -> bool:
    """Whether this process must not write: $ADOPTION_READ_ONLY, or serving published snapshots."""
    return os.environ.get(READ_ONLY_ENV, "").strip().lower() in _TRUE or published_dir() is not None
