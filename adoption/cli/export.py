"""export: the data of one kind written back out in the upload format, for a year, a version or a group.

The one command that takes data out rather than in: what it writes can be
edited and loaded again with ingest, so it keeps the upload format exactly and
says anything else (a preliminary year) on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from adoption.ingest import export

from ..errors import AdoptionError
from ..vocab import ROUND_PRELIMINARY
from .database import open_store
from .filter_args import rows_in_group


def cmd_export(args) -> int:
    store = open_store(args)
    version = store.resolve_version(args.data_version)
    frame = export.frame_for(args.kind, store, version, args.ar)
    if args.grupp is not None:
        frame = rows_in_group(store, frame, args.grupp, version)
    # The file keeps exactly the upload format; the round's status goes to stderr.
    preliminary = [y for y, s in store.survey_rounds(version).items()
                   if s == ROUND_PRELIMINARY and (args.ar is None or y == args.ar)]
    if preliminary:
        print(f"Obs: enkätår {', '.join(map(str, preliminary))} är preliminärt (inte publicerat).", file=sys.stderr)
    if args.output is None and args.format == "xlsx":
        raise AdoptionError("Excel-export behöver en fil: ange -o FIL.xlsx.")
    target = Path(args.output) if args.output else None
    data = export.write(args.kind, frame, args.format, target)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        print(f"Skrev {len(frame)} rader till {target}", file=sys.stderr)
    return 0
