"""Published snapshots as a replica sees them: a folder, a ``current`` pointer, immutable files.

The folder holds ``adoption-v<version>.duckdb`` files (``adoption-v<version>-<n>.duckdb``
when the same data version was published again with other goals) and a small
file ``current`` naming the snapshot to serve. :mod:`adoption.store.publish`
writes them; this module only reads, so it is all a replica needs.

A replica reads the pointer on every rerun (one small file read and one
folder listing, well under a millisecond), so a new publication is shown on
the next rerun without restarting anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import AdoptionError

POINTER = "current"
PREFIX = "adoption-v"
SUFFIX = ".duckdb"
_NAME = re.compile(r"^adoption-v(\d+)(?:-(\d+))?\.duckdb$")


@dataclass(frozen=True, order=True)
class Snapshot:
    """One published file: the data version it was made at, and which publication of that version."""

    version: int
    revision: int
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def snapshot_name(version: int, revision: int = 1) -> str:
    return f"{PREFIX}{version}{SUFFIX}" if revision == 1 else f"{PREFIX}{version}-{revision}{SUFFIX}"


def parse_name(name: str) -> tuple[int, int] | None:
    """(version, revision) of a snapshot file name, or None for any other file."""
    found = _NAME.fullmatch(name)
    if found is None:
        return None
    return int(found.group(1)), int(found.group(2) or 1)


def list_snapshots(folder: Path) -> list[Snapshot]:
    """Every complete snapshot in ``folder``, oldest first (temporary files are not listed)."""
    try:
        names = [entry.name for entry in Path(folder).iterdir()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for name in names:
        parsed = parse_name(name)
        if parsed is not None:
            found.append(Snapshot(parsed[0], parsed[1], Path(folder) / name))
    return sorted(found)


def read_pointer(folder: Path) -> Snapshot | None:
    """The snapshot ``current`` names, when it exists; None when nothing usable is published."""
    try:
        name = (Path(folder) / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    parsed = parse_name(name)
    if parsed is None or not (Path(folder) / name).is_file():
        return None
    return Snapshot(parsed[0], parsed[1], Path(folder) / name)


@dataclass(frozen=True)
class Choice:
    """The file to open for a request, and the published (current) snapshot."""

    snapshot: Snapshot
    current: Snapshot


def choose(folder: Path, requested: int | None = None) -> Choice:
    """The snapshot that serves a request for data version ``requested`` (None: the current one).

    The current snapshot serves the current version and anything the pointer
    does not know yet (an unknown version is then reported by the page). An
    older pinned version is served by that version's own snapshot while it is
    kept (the newest publication of it), else by the current snapshot, which
    holds every earlier version too (versions are never deleted).
    """
    folder = Path(folder)
    current = read_pointer(folder)
    if current is None:
        raise AdoptionError(
            f"Det finns ingen publicerad ögonblicksbild i {folder} (filen {POINTER} saknas eller pekar på en "
            f"fil som inte finns). Publicera från skrivaren: python -m adoption publish --to {folder}"
        )
    if requested is None or requested >= current.version:
        return Choice(current, current)
    own = [s for s in list_snapshots(folder) if s.version == requested and s <= current]
    return Choice(own[-1] if own else current, current)
