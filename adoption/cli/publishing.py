"""Publishing: a survey year (publicera-ar, avpublicera-ar) and a snapshot for the replicas (publish).

Both decide what readers see without changing a single answer: a published
year becomes the default and counts in goals and trends; a snapshot is what
the read-only replicas serve.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import AdoptionError
from ..paths import PUBLISH_DIR_ENV, publish_dir, read_only_from_env
from ..vocab import ROUND_PRELIMINARY, ROUND_PUBLISHED
from .database import open_store


def _set_round(args, status: str) -> int:
    store = open_store(args)
    version = store.set_round_status(args.year, status, created_by=args.user)
    word = "publicerat" if status == ROUND_PUBLISHED else "preliminärt"
    if version is None:
        print(f"Enkätår {args.year} var redan {word}; ingenting ändrades.")
    elif status == ROUND_PUBLISHED:
        print(f"Publicerade enkätår {args.year} som dataversion {version}: det är nu standardår i "
              "instrumentpanelen och räknas i mål och trender.")
    else:
        print(f"Enkätår {args.year} är åter preliminärt (dataversion {version}): det visas bara när det väljs.")
    return 0


def cmd_publish_year(args) -> int:
    return _set_round(args, ROUND_PUBLISHED)


def cmd_unpublish_year(args) -> int:
    return _set_round(args, ROUND_PRELIMINARY)


def cmd_publish(args) -> int:
    from ..store.publish import publish

    folder = Path(args.to) if args.to else publish_dir()
    if folder is None:
        raise AdoptionError(f"Ange mappen att publicera till med --to MAPP (eller ${PUBLISH_DIR_ENV}).")
    if read_only_from_env():
        raise AdoptionError("Den här processen är skrivskyddad (ADOPTION_READ_ONLY eller ADOPTION_PUBLISHED är "
                            "satt); publicera från skrivaren, som äger databasfilen.")
    print(publish(open_store(args), folder, keep=args.keep).message())
    return 0
