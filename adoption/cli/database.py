"""The database a command works on, and publishing after a command has written to it.

Every command opens its store here, so the rule for a replica's machine (a
reading command shows what the replica serves) and for read-only mode is in
one place; every command that makes a new data version ends with
:func:`publish_after_commit`.
"""

from __future__ import annotations

import sys

from ..errors import AdoptionError
from ..paths import publish_dir, published_dir, read_only_from_env, resolve_db_path
from ..store import Store


def open_store(args) -> Store:
    read_only = getattr(args, "read_only", False) or read_only_from_env()
    path = resolve_db_path(args.db)
    folder = published_dir()
    if read_only and folder is not None and not args.db:
        # On a replica's machine a reading command shows what the replica serves.
        from ..store.snapshots import choose

        path = choose(folder, getattr(args, "data_version", None)).snapshot.path
    return Store(path, on_wait=lambda message: print(message, file=sys.stderr), read_only=read_only)


def publish_after_commit(store: Store) -> int:
    """Publish to $ADOPTION_PUBLISH_DIR after a new data version, when it is set; the exit status."""
    from ..store.publish import publish_if_configured

    try:
        result = publish_if_configured(store)
    except AdoptionError as error:
        print(f"Fel vid publicering (ändringen är sparad, men replikerna visar den inte ännu): {error} "
              f"Publicera igen med: python -m adoption publish --to {publish_dir()}", file=sys.stderr)
        return 1
    if result is not None:
        print(result.message())
    return 0
